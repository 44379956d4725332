"""Money through the real Extractor: currency marks, magnitudes, restatements, changes, and USD
equivalents from the shipped reference-rate table (the table itself: tests/nlp/test_rates.py)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp import ExtractOptions, Extractor
from regintel.contracts import Fact

EX = Extractor()
PUBLISHED = date(2024, 3, 15)


def money(text: str, lang: str | None = None, ex: Extractor = EX) -> list[Fact]:
    return [f for f in ex.extract(text, PUBLISHED, lang).facts if f.kind == "money"]


@pytest.mark.parametrize(
    ("text", "surface", "value", "currency"),
    [
        ("Regulators seized $16.7M from the desk.", "$16.7M", 16.7e6, "USD"),
        ("The firm paid US$21 million to settle.", "US$21 million", 21e6, "USD"),
        ("A penalty of S$966,000 was imposed.", "S$966,000", 966_000, "SGD"),
        ("The trust lost A$3.2 billion.", "A$3.2 billion", 3.2e9, "AUD"),
        ("Customs held HK$48m in cash.", "HK$48m", 48e6, "HKD"),
        ("The bank was fined €630,000 on Monday.", "€630,000", 630_000, "EUR"),
        ("It was fined £6.55m in total.", "£6.55m", 6.55e6, "GBP"),
        ("Налог составил ₸500 тыс.", "₸500 тыс.", 500_000, "KZT"),
        ("Штраф — 250 тыс. тг за нарушение.", "250 тыс. тг", 250_000, "KZT"),
        ("SEBI ordered Rs 27.59 crore returned.", "Rs 27.59 crore", 275_900_000, "INR"),
        ("The broker lost ₹19.55 crore.", "₹19.55 crore", 195_500_000, "INR"),
        ("The agency recovered ₦4.2 billion.", "₦4.2 billion", 4.2e9, "NGN"),
        ("The EFCC traced N5 billion to shell firms.", "N5 billion", 5e9, "NGN"),
        ("Dubai fined the broker Dh50 million.", "Dh50 million", 50e6, "AED"),
        ("The CMA levied Sh3.5 million on him.", "Sh3.5 million", 3.5e6, "KES"),
        ("The FSCA imposed R943 million in penalties.", "R943 million", 943e6, "ZAR"),
        ("The FCA fined it GBP 27 million.", "GBP 27 million", 27e6, "GBP"),
        ("Auditors found KZT2.2bn missing.", "KZT2.2bn", 2.2e9, "KZT"),
        ("Investors lost 24 billion tenge.", "24 billion tenge", 24e9, "KZT"),
        ("Ущерб превысил 20 млрд тенге.", "20 млрд тенге", 20e9, "KZT"),
        ("Похищено 3,4 трлн рублей.", "3,4 трлн рублей", 3.4e12, "RUB"),
        ("Взятки доходили до 7 тыс. сомов.", "7 тыс. сомов", 7_000, "KGS"),
        ("The gang laundered 1,200 USDT a day.", "1,200 USDT", 1_200, "USDT"),
        ("Police froze 35 BTC.", "35 BTC", 35, "BTC"),
        ("The watchdog fined it 8 million lira.", "8 million lira", 8e6, "TRY"),
        ("A fine of 6 billion won was set.", "6 billion won", 6e9, "KRW"),
        ("The bank paid ₱1 billion.", "₱1 billion", 1e9, "PHP"),
    ],
)
def test_currency_marks_before_and_after(text: str, surface: str, value: float, currency: str) -> None:
    found = money(text)
    assert [(f.text, f.currency) for f in found] == [(surface, currency)]
    assert found[0].value == pytest.approx(value)
    assert text[found[0].start : found[0].end] == surface


def test_restatement_is_one_fact_with_the_stated_usd() -> None:
    text = "The groups moved 24 billion KZT (over $43 million) through shell firms."
    [fact] = money(text)
    assert (fact.text, fact.currency, fact.usd, fact.usd_basis) == ("24 billion KZT", "KZT", 43e6, "stated")


def test_apposition_restatement() -> None:
    [fact] = money("The court fined the bank ₱1 billion, about US$21 million, last week.")
    assert fact.currency == "PHP" and fact.usd == 21e6 and fact.usd_basis == "stated"


def test_restatements_can_be_kept_flagged() -> None:
    ex = Extractor(ExtractOptions(keep_restatements=True))
    found = money("Exchanges paid 500,000 KZT ($913) in fees.", ex=ex)
    assert [(f.text, f.restates, f.action) for f in found][1] == ("$913", True, None)
    assert found[0].usd == 913


def test_a_change_takes_the_currency_of_its_sentence() -> None:
    text = "So far 13.2 trillion KZT has been withdrawn, one trillion more than last year."
    found = money(text)
    assert [(f.text, f.currency, f.value) for f in found] == [
        ("13.2 trillion KZT", "KZT", 13.2e12),
        ("one trillion", "KZT", 1e12),
    ]


def test_an_increase_is_a_money_fact() -> None:
    [_, change] = money("Withdrawals reached $24.1 billion, a $1.8 billion increase.")
    assert change.value == 1.8e9 and change.currency == "USD"


def test_usd_from_the_reference_table_at_the_publication_month() -> None:
    [fact] = money("The regulator fined the bank 45 million tenge.")
    assert fact.usd_basis == "rate:hmrc:2024-03"
    assert fact.usd == pytest.approx(45e6 / 450.6, rel=0.01)


def test_usd_amounts_are_their_own_equivalent() -> None:
    [fact] = money("It paid $913 in fees.")
    assert (fact.usd, fact.usd_basis) == (913, "identity")


def test_no_publication_date_means_no_rate() -> None:
    [fact] = [f for f in EX.extract("A fine of €2 million.", None, "en").facts if f.kind == "money"]
    assert fact.usd is None and fact.usd_basis is None


def test_hedges_are_qualifiers() -> None:
    [fact] = money("They moved more than $913 onto cards.")
    assert (fact.text, fact.qualifier) == ("$913", "more than")


def test_weak_currency_words_need_a_magnitude() -> None:
    assert money("The team won 3 cases.") == []


SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "₸": "KZT", "₹": "INR", "₦": "NGN", "₱": "PHP", "S$": "SGD"}
SUFFIXES = {"tenge": "KZT", "euros": "EUR", "рублей": "RUB", "KZT": "KZT", "USD": "USD", "rupees": "INR"}
MAGNITUDES = {"": 1, " million": 1e6, " billion": 1e9, "bn": 1e9, "m": 1e6}


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=999_999),
    st.sampled_from(sorted(MAGNITUDES)),
    st.one_of(
        st.sampled_from(sorted(SYMBOLS)).map(lambda s: ("pre", s)),
        st.sampled_from(sorted(SUFFIXES)).map(lambda s: ("post", s)),
    ),
)
def test_generated_amounts_round_trip(amount: int, magnitude: str, mark: tuple[str, str]) -> None:
    side, symbol = mark
    number = f"{amount:,}{magnitude}"
    written = f"{symbol}{number}" if side == "pre" else f"{number} {symbol}"
    found = money(f"The authority fined the firm {written} on Friday.", "en")
    assert len(found) == 1
    assert found[0].value == pytest.approx(amount * MAGNITUDES[magnitude])
    assert found[0].currency == (SYMBOLS if side == "pre" else SUFFIXES)[symbol]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=120))
def test_money_never_raises(text: str) -> None:
    for f in money(f"Fined {text} $5 {text} million"):
        assert f.start < f.end
