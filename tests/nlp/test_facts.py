"""Assembly: provenance on every fact, agency per fact (explicit in the sentence, else salient)."""

from __future__ import annotations

from datetime import date

import pytest

from nlp import EXTRACTOR_VERSION, Extractor

EX = Extractor()
TEXT = (
    "Kazakhstan's Financial Monitoring Agency shut 130 unlicensed crypto platforms this year.\n\n"
    "The Securities and Exchange Commission fined a broker $2 million.\n\n"
    "Officials also seized $16.7 million in digital assets."
)


def test_provenance_on_every_fact() -> None:
    result = EX.extract(TEXT, date(2025, 4, 21), "en")
    assert result.facts
    for f in result.facts:
        assert TEXT[f.start : f.end] == f.text
        assert f.text in f.sentence and f.extractor_version == EXTRACTOR_VERSION and 0 < f.confidence <= 1


def test_agency_from_the_sentence_else_the_salient_one() -> None:
    result = EX.extract(TEXT, date(2025, 4, 21), "en")
    if not result.agencies:
        pytest.skip("the agency component (nlp.agencies) is not installed")
    by_text = {f.text: f for f in result.facts}
    first, second = result.agencies[0], next(a for a in result.agencies if a.start > TEXT.index("\n"))
    assert by_text["130 unlicensed crypto platforms"].agency_id == first.agency_id
    assert by_text["$2 million"].agency_id == second.agency_id
    assert by_text["$16.7 million"].agency_id is not None  # no body in its sentence: the salient one


def test_deterministic() -> None:
    assert EX.extract(TEXT, date(2025, 4, 21), "en") == EX.extract(TEXT, date(2025, 4, 21), "en")


def test_person_facts_carry_role_and_agency() -> None:
    text = (
        "Deputy Chairman of the Financial Monitoring Agency, Kairat Bizhanov, said 81 groups were uncovered."
    )
    result = EX.extract(text, date(2025, 4, 21), "en")
    people = [f for f in result.facts if f.kind == "person"]
    if not result.agencies:
        pytest.skip("the agency/people components (nlp.agencies, nlp.components.people) are not installed")
    assert people and people[0].person == "Kairat Bizhanov"
    assert people[0].agency_id == result.agencies[0].agency_id and people[0].agency_name


def test_every_field_lands_in_its_place() -> None:
    """Facts are built positionally in contract order: each value must reach its own field."""
    text = (
        "In 2024 the Securities and Exchange Commission fined a broker about $2 million and banned 3 traders."
    )
    facts = {f.kind: f for f in EX.extract(text, date(2025, 4, 21), "en").facts}
    money, count = facts["money"], facts["count"]
    assert (money.text, money.value, money.currency, money.qualifier) == ("$2 million", 2e6, "USD", "about")
    assert money.usd == 2e6 and money.usd_basis == "identity" and money.restates is False
    assert money.action == "fine" and money.person is None and money.unit is None
    year = (date(2024, 1, 1), date(2024, 12, 31))
    assert (money.period_text, (money.period_start, money.period_end)) == ("In 2024", year)
    assert (count.value, count.unit, count.noun_phrase) == (3, "trader", "3 traders")
    assert count.currency is None and count.usd is None and count.action is not None
    if EX.extract(text, date(2025, 4, 21), "en").agencies:
        assert money.agency_name == "Securities and Exchange Commission" and money.agency_acronym == "SEC"
        assert money.country == "US" and money.agency_id
