"""regintel_agencies on documents written for these tests, one phenomenon each."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from regintel.contracts import AgencyMention


@pytest.fixture(scope="module")
def pipes(rule_pipes: Callable[..., dict[str, Language]]) -> dict[str, Language]:
    return rule_pipes("regintel_agencies")


def mentions(pipes: dict[str, Language], text: str, lang: str = "en") -> list[AgencyMention]:
    doc = pipes[lang](text)
    found = [span._.agency for span in doc.spans["agencies"]]
    for m in found:
        assert text[m.start : m.end] == m.text
    return found


def test_registry_names_and_acronyms_link_to_one_body(pipes: dict[str, Language]) -> None:
    text = (
        "Kazakhstan's Financial Monitoring Agency (AFM) closed 40 exchanges. "
        "The AFM said the Astana Financial Services Authority had licensed only a few of them."
    )
    found = mentions(pipes, text)
    assert [(m.text, m.agency_id) for m in found] == [
        ("Financial Monitoring Agency", "kz-afm"),
        ("AFM", "kz-afm"),
        ("AFM", "kz-afm"),
        ("Astana Financial Services Authority", "kz-afsa"),
    ]
    assert all(not m.learned and m.country == "KZ" for m in found)


def test_definition_teaches_an_unknown_acronym(pipes: dict[str, Language]) -> None:
    text = (
        "The Agency for Coastal Fisheries Oversight (ACFO) fined two trawler owners. "
        "A month later ACFO doubled the penalty."
    )
    found = mentions(pipes, text)
    assert [m.text for m in found] == ["Agency for Coastal Fisheries Oversight", "ACFO", "ACFO"]
    assert len({m.agency_id for m in found}) == 1
    assert all(m.learned for m in found)
    assert found[1].acronym == "ACFO"


def test_coordinated_ministries_are_split_per_conjunct(pipes: dict[str, Language]) -> None:
    text = "In Kazakhstan, rules were drafted with the Ministries of Justice and Finance last spring."
    found = mentions(pipes, text)
    assert [(m.text, m.agency_id) for m in found] == [
        ("Ministries of Justice", "kz-moj"),
        ("Finance", "kz-mof"),
    ]


def test_unknown_body_gets_country_from_its_name_or_the_document(pipes: dict[str, Language]) -> None:
    found = mentions(pipes, "Kenya's Gaming Regulatory Authority suspended 12 betting licences.")
    assert [(m.text, m.country, m.learned) for m in found] == [("Gaming Regulatory Authority", "KE", True)]
    text = (
        "Officials in Almaty said the National Bank of Kazakhstan raised limits. "
        "Separately, the Regional Anti-Money Laundering Directorate seized 3 cars."
    )
    shaped = [m for m in mentions(pipes, text) if m.learned]
    assert [(m.text, m.country) for m in shaped] == [("Regional Anti-Money Laundering Directorate", "KZ")]


def test_ambiguous_acronym_follows_the_document_country(pipes: dict[str, Language]) -> None:
    nl = mentions(pipes, "The Dutch regulator AFM fined a broker in Amsterdam.")
    kz = mentions(pipes, "In Astana the AFM froze accounts of a Kazakh pyramid scheme.")
    assert [m.agency_id for m in nl] == ["nl-afm"]
    assert [m.agency_id for m in kz] == ["kz-afm"]


def test_local_names_need_their_country(pipes: dict[str, Language]) -> None:
    found = mentions(pipes, "Japan's Ministry of Finance published the figures.")
    assert [(m.text, m.country, m.learned) for m in found] == [("Ministry of Finance", "JP", True)]


def test_russian_inflected_names_and_acronyms(pipes: dict[str, Language]) -> None:
    text = (
        "Сотрудники Агентства по финансовому мониторингу задержали директора фирмы. "
        "По данным АФМ, ущерб составил 2 млрд тенге. Материалы переданы Министерством финансов Казахстана."
    )
    found = mentions(pipes, text, "ru")
    assert [(m.text, m.agency_id) for m in found] == [
        ("Агентства по финансовому мониторингу", "kz-afm"),
        ("АФМ", "kz-afm"),
        ("Министерством финансов Казахстана", "kz-mof"),  # the country after the name is part of it
    ]


def test_russian_shape_with_tail(pipes: dict[str, Language]) -> None:
    text = "В Бишкеке Национальное агентство по контролю за азартными играми закрыло 15 казино."
    found = mentions(pipes, text, "ru")
    assert [(m.text, m.country, m.learned) for m in found] == [
        ("Национальное агентство по контролю за азартными играми", "KG", True)
    ]


def test_sub_unit_yields_only_its_parent(pipes: dict[str, Language]) -> None:
    found = mentions(pipes, "Военнослужащие Пограничной службы ГКНБ были задержаны.", "ru")
    assert [m.text for m in found] == ["ГКНБ"]
    found = mentions(
        pipes, "The central bank's Monetary Policy Committee met as the Central Bank of Kenya said."
    )
    assert [m.agency_id for m in found] == ["ke-cbk"]


@pytest.mark.parametrize(
    "text",
    [
        "Reuters and Decrypt reported that Binance moved funds through Halyk Bank.",
        "The regulator said the agency and the central bank will brief the government.",
        "The country's Law on Digital Assets took effect; The Times of Central Asia covered it.",
        "Tech Bureau, which runs an exchange, received an order.",
    ],
)
def test_outlets_companies_generic_references_and_titles_are_not_agencies(
    pipes: dict[str, Language], text: str
) -> None:
    assert mentions(pipes, text) == []


def test_headline_shapes_need_support_from_the_body(pipes: dict[str, Language]) -> None:
    text = "Almaty Court Jails Smugglers Over Import Scheme\n\nA court in Almaty convicted four people."
    assert mentions(pipes, text) == []


@pytest.mark.parametrize(
    ("text", "lang", "surface", "agency_id"),
    [
        ("ЦБ Узбекистана оштрафовал 12 банков.", "ru", "ЦБ Узбекистана", "uz-cbu"),
        ("Нацбанк Кыргызстана отозвал лицензию.", "ru", "Нацбанк Кыргызстана", "kg-nbkr"),
        ("АФМ Казахстана заблокировала сайты.", "ru", "АФМ Казахстана", "kz-afm"),
    ],
)
def test_country_after_the_name_chooses_that_country_body(
    pipes: dict[str, Language], text: str, lang: str, surface: str, agency_id: str
) -> None:
    [m] = mentions(pipes, text, lang)
    assert (m.text, m.agency_id) == (surface, agency_id)


def test_known_acronym_of_another_country_is_learnt_with_that_country(pipes: dict[str, Language]) -> None:
    [m] = mentions(pipes, "The SEC of Nigeria fined three brokers.")
    assert (m.text, m.country, m.learned) == ("SEC of Nigeria", "NG", True)


def test_shared_acronym_without_context_takes_its_default_reading(pipes: dict[str, Language]) -> None:
    assert [m.agency_id for m in mentions(pipes, "The SEC fined the broker.")] == ["us-sec"]
    assert [m.agency_id for m in mentions(pipes, "The Dutch AFM fined a trust office.")] == ["nl-afm"]


def test_unknown_bodies_by_place_name_or_by_their_initials(pipes: dict[str, Language]) -> None:
    found = mentions(
        pipes,
        "The British Columbia Securities Commission acted. The Accounting and Corporate Regulatory "
        "Authority (ACRA) struck off firms; ACRA said more would follow. Apex Tech Bureau said nothing.",
    )
    assert [(m.text, m.country) for m in found[:1]] == [("British Columbia Securities Commission", "CA")]
    assert [m.text for m in found[1:]] == ["Accounting and Corporate Regulatory Authority", "ACRA", "ACRA"]
    assert len({m.agency_id for m in found[1:]}) == 1


def test_lower_case_word_before_a_capitalised_body_stays_out(pipes: dict[str, Language]) -> None:
    [m] = mentions(pipes, "По данным Нацбанка Таджикистана, переводы выросли.", "ru")
    assert (m.text, m.agency_id) == ("Нацбанка Таджикистана", "tj-nbt")
