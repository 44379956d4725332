"""Counts: the number, the English singular unit of the head noun (also for Russian) and the phrase."""

from __future__ import annotations

from datetime import date

import pytest

from nlp import Extractor
from regintel.contracts import Fact

EX = Extractor()


def counts(text: str, lang: str | None = None) -> list[Fact]:
    return [f for f in EX.extract(text, date(2025, 5, 1), lang).facts if f.kind == "count"]


@pytest.mark.parametrize(
    ("text", "phrase", "value", "unit"),
    [
        (
            "Inspectors closed 130 unlicensed crypto platforms last month.",
            "130 unlicensed crypto platforms",
            130,
            "platform",
        ),
        ("Police charged 1,324 people with fraud.", "1,324 people", 1324, "person"),
        (
            "The board sanctioned five newly established lenders.",
            "five newly established lenders",
            5,
            "lender",
        ),
        ("The unit warned five other payment firms.", "five other payment firms", 5, "firm"),
        (
            "It questioned a dozen current and former officials.",
            "a dozen current and former officials",
            12,
            "official",
        ),
        (
            "The watchdog issued one preliminary approval and two permits.",
            "one preliminary approval",
            1,
            "approval",
        ),
        ("Thirty-seven matters were reviewed.", "Thirty-seven matters", 37, "matter"),
        ("Возбуждено 68 уголовных дел.", "68 уголовных дел", 68, "case"),
        ("Под стражу взяли 24 чиновника.", "24 чиновника", 24, "official"),
        ("Задержаны четыре человека.", "четыре человека", 4, "person"),
        ("Заблокировано 11,7 тыс. ссылок.", "11,7 тыс. ссылок", 11_700, "link"),
        ("Выявлено 35 правонарушений.", "35 правонарушений", 35, "offence"),
        ("Найдено 12 мошеннических кошельков.", "12 мошеннических кошельков", 12, "wallet"),
        ("Заблокировано 1 530 интернет-ресурсов.", "1 530 интернет-ресурсов", 1530, "website"),
        ("Пострадали около полумиллиона граждан.", "полумиллиона граждан", 500_000, "citizen"),
        ("The plan covers 5,000 staff and costs little.", "5,000 staff", 5000, "staff"),
        ("Полиция задержала троих подозреваемых в мошенничестве.", "троих подозреваемых", 3, "suspect"),
        ("Пятеро сотрудников банка получили сроки.", "Пятеро сотрудников", 5, "employee"),
        ("Суд оправдал семерых обвиняемых.", "семерых обвиняемых", 7, "defendant"),
        ("Под стражу взяты трое задержанных граждан.", "трое задержанных граждан", 3, "citizen"),
        ("Лицензии отозваны у двух МФО.", "двух МФО", 2, "microfinance organisation"),
        ("It ordered three unregistered trading apps to shut.", "three unregistered trading apps", 3, "app"),
    ],
)
def test_counted_phrases(text: str, phrase: str, value: int, unit: str) -> None:
    found = counts(text)
    assert (found[0].noun_phrase, found[0].value, found[0].unit) == (phrase, value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "The state took back 942 hectares of land.",
        "Customs stopped 22 tonnes of cargo.",
        "Revenue rose 20 times in a year.",
        "Fines were paid by eight of them.",
        "In 2023 regulators acted often.",
        "He served six months in prison.",
        "Rates rose 5% this year.",
        "Каждый платил 7 тыс. сомов на одного человека.",
        "The 52-year-old trader left.",
        "It stays in one place for long.",
        "Fees went up 3 times.",
    ],
)
def test_measures_multipliers_and_pronouns_are_not_counts(text: str) -> None:
    assert counts(text) == []


def test_collective_numeral_alone_is_not_a_count() -> None:
    assert counts("Ещё двое объявлены в розыск.", "ru") == []
