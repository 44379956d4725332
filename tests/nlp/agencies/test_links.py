"""The agency of a fact among several in its sentence: passive agent, then clause subject, then nearest."""

from __future__ import annotations

from datetime import date

import pytest

from nlp import Extractor

EX = Extractor()


def agency_of(text: str, fact: str) -> str | None:
    [f] = [f for f in EX.extract(text, date(2025, 5, 1), None).facts if f.text == fact]
    return f.agency_acronym


@pytest.mark.parametrize(
    ("text", "fact", "acronym"),
    [
        ("The SEC fined the broker $5 million, the Financial Conduct Authority said.", "$5 million", "SEC"),
        ("The FCA said assets worth £3 million were frozen by the SEC.", "£3 million", "SEC"),
        ("The AFM shut 12 sites; the FCA meanwhile fined 3 brokers.", "12 sites", "AFM"),
        ("The AFM shut 12 sites; the FCA meanwhile fined 3 brokers.", "3 brokers", "FCA"),
        ("По данным АФМ, ЦБ РФ отозвал лицензии у 4 банков.", "4 банков", "CBR"),
        ("Сотрудниками АФМ, как сообщил ЦБ РФ, изъято 5 млн тенге.", "5 млн тенге", "CBR"),
    ],
)
def test_agency_of_the_fact(text: str, fact: str, acronym: str) -> None:
    assert agency_of(text, fact) == acronym
