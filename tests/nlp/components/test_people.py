"""regintel_people: officials next to their role, linked to the role's agency."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language


@pytest.fixture(scope="module")
def pipes(rule_pipes: Callable[..., dict[str, Language]]) -> dict[str, Language]:
    return rule_pipes("regintel_agencies", "regintel_people")


def people(pipes: dict[str, Language], text: str, lang: str = "en") -> list[tuple]:
    doc = pipes[lang](text)
    return [span._.person for span in doc.spans["people"]]


def test_role_of_agency_then_name(pipes: dict[str, Language]) -> None:
    text = (
        "Deputy Chairman of the Financial Monitoring Agency (AFM), Aidos Tulegenov, said 50 sites were shut."
    )
    assert people(pipes, text) == [("Aidos Tulegenov", "Deputy Chairman", "kz-afm")]


def test_name_then_role_of_agency(pipes: dict[str, Language]) -> None:
    text = "Marta Lindqvist, the Deputy Governor of the Bank of England, warned lenders."
    assert people(pipes, text) == [("Marta Lindqvist", "Deputy Governor", "gb-boe")]


def test_russian_role_agency_name(pipes: dict[str, Language]) -> None:
    text = "Об этом рассказал заместитель председателя АФМ Ерлан Сапаров на брифинге."
    assert people(pipes, text, "ru") == [("Ерлан Сапаров", "Deputy Chairman", "kz-afm")]


def test_role_without_agency_and_no_role_at_all(pipes: dict[str, Language]) -> None:
    assert people(pipes, "Judge Helen Carter sentenced him to six years.") == [
        ("Helen Carter", "Judge", None)
    ]
    assert people(pipes, "Helen Carter met Tom Brown in London.") == []
