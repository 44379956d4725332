"""Extraction throughput: Regintel's extractor vs quantulum3 on >= 5 MB of generated enforcement news.

    python benchmarks/extract.py [--mb 5] [--quantulum-docs 150]

Documents are generated from templates (English and Russian; about half the sentences carry
numbers, so the fact density is close to the development set's; both are printed). Regintel runs
over every document in one process (`extract_many`);
quantulum3, much slower, runs on a subsample of the same documents. Words = whitespace tokens.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from datetime import date

EN = [
    "The {agency} fined {firm} ${n}.{d} million for anti-money-laundering failures.",
    "Inspectors shut down {k} unlicensed crypto platforms and seized {n} billion tenge in {year}.",
    "Police arrested {k} suspects after uncovering a scheme worth about ${n},{t} in the first half of {year}.",  # noqa: E501
    "Over the past three years the regulator blocked {k} websites, a {p}% increase on the previous period.",
    "The court banned the former chief executive for ten years and ordered him to repay £{n}m.",
    "Card top-ups exceeding {n},000 KZT (${k}) now require identity checks.",
    "Officials said the review would take six months and cover {k} banks.",
    "The decision follows a lengthy investigation by the authority into the company's controls.",
    "Market participants said the rules would raise compliance costs across the sector.",
    "A spokesperson declined to comment on the case beyond the published notice.",
    "The notice said the firm had failed to monitor transactions and to report suspicious activity in time.",
    "Analysts expect other supervisors in the region to follow with similar measures.",
    "The company said it had cooperated fully and had since strengthened its compliance team.",
    "Lawyers for the executives said they would appeal against the decision.",
    "The agency also published guidance for banks on checking the source of funds of new clients.",
    "Consumer groups welcomed the move but called for faster action against online fraud.",
]
RU = [
    "{agency_ru} оштрафовало {k} банков на {n},{d} млн тенге.",
    "За {m} месяцев {year} года возбуждено {k} уголовных дел, ущерб превысил {n} млрд рублей.",
    "Заблокировано {k} тыс. мошеннических сайтов, объем операций снизился на {p},{d}%.",
    "Суд приговорил организатора к четырем годам лишения свободы.",
    "Ведомство продолжит работу по выявлению незаконных финансовых схем.",
    "По данным регулятора, число жалоб клиентов остается высоким.",
    "Представители компании заявили, что не согласны с решением и намерены его обжаловать.",
    "Эксперты считают, что новые правила повысят прозрачность рынка.",
    "Регулятор напомнил гражданам о необходимости проверять лицензии финансовых организаций.",
]
AGENCIES = [
    "Financial Monitoring Agency",
    "Securities and Exchange Commission",
    "Financial Conduct Authority",
    "ECB",
]
AGENCIES_RU = ["АФМ", "Нацбанк", "Агентство по финансовому мониторингу"]
FIRMS = ["Northwind Bank", "a crypto exchange", "two brokers", "the payment company"]


def fill(template: str, rng: random.Random) -> str:
    return template.format(
        agency=rng.choice(AGENCIES),
        agency_ru=rng.choice(AGENCIES_RU),
        firm=rng.choice(FIRMS),
        n=rng.randint(1, 999),
        d=rng.randint(1, 9),
        t=rng.randint(100, 999),
        k=rng.randint(2, 400),
        p=rng.randint(1, 90),
        m=rng.randint(2, 11),
        year=rng.randint(2015, 2026),
    )


def corpus(megabytes: float, seed: int = 42) -> list[tuple[str, date, str | None]]:
    """Documents of 8-25 sentences, 70 % English and 30 % Russian, until the size is reached."""
    rng = random.Random(seed)
    docs, size = [], 0
    while size < megabytes * 1_000_000:
        templates = RU if rng.random() < 0.3 else EN
        text = " ".join(fill(rng.choice(templates), rng) for _ in range(rng.randint(8, 25)))
        docs.append((text, date(2024, rng.randint(1, 12), 15), None))
        size += len(text.encode("utf-8"))
    return docs


def words(docs: list[tuple[str, date, str | None]]) -> int:
    return sum(len(text.split()) for text, _, _ in docs)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in megabytes (default 5)")
    parser.add_argument("--quantulum-docs", type=int, default=150, help="documents given to quantulum3")
    args = parser.parse_args()

    docs = corpus(args.mb)
    total_words = words(docs)
    mb = sum(len(t.encode("utf-8")) for t, _, _ in docs) / 1e6
    print(f"corpus: {len(docs)} documents, {mb:.1f} MB, {total_words:,} words")

    t0 = time.perf_counter()
    from nlp import Extractor

    ex = Extractor()
    build = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    facts = sum(len(e.facts) for e in ex.extract_many(docs))
    ours, cpu = time.perf_counter() - t0, time.process_time() - c0
    ours_wps = total_words / ours
    print(
        f"regintel: build {build:.1f} s; {ours:.1f} s, {ours_wps:,.0f} words/s, {facts:,} facts "
        f"({1000 * facts / total_words:.0f} per 1,000 words)"
    )
    # on a shared machine wall time includes waiting for a core: CPU time and load say how much
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"regintel CPU: {cpu:.1f} s, {total_words / cpu:,.0f} words per CPU second (load average {load})")

    from quantulum3 import parser as qparser

    sample = docs[: args.quantulum_docs]
    t0 = time.perf_counter()
    quantities = sum(len(qparser.parse(text)) for text, _, _ in sample)
    theirs = time.perf_counter() - t0
    theirs_wps = words(sample) / theirs
    print(
        f"quantulum3: {len(sample)} documents ({words(sample):,} words), {theirs:.1f} s, "
        f"{theirs_wps:,.0f} words/s, {quantities:,} quantities"
    )
    print(f"ratio: regintel is {ours_wps / theirs_wps:,.1f}x quantulum3 (target: >= 100,000 words/s)")


if __name__ == "__main__":
    main()
