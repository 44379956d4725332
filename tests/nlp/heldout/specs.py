"""Held-out evaluation set for the fact extractor: spec types, canonical agencies, all documents.

The documents (in `specs_en.py`, `specs_ru.py`) were written for this set and are never used
for tuning; they follow the annotation conventions of ../shared/eval/README.md.  A fact is
named by its surface text (plus `occ`, the 0-based occurrence, or `every=True` when the text
repeats); `build.py` computes the offsets, so none is ever typed by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

MONTH = 30.44
YEAR = 365.25
WEEK = 7.0

# One canonical record per real body: key -> (name, acronym, country).  Bodies that the
# development set also knows keep its canonical record so that both sets agree.
AGENCIES: dict[str, tuple[str, str | None, str]] = {
    # Kazakhstan, Russia, Uzbekistan, Kyrgyzstan
    "AFM": ("Financial Monitoring Agency of Kazakhstan", "AFM", "KZ"),
    "KNB": ("National Security Committee of Kazakhstan", "KNB", "KZ"),
    "ARDFM": ("Agency for Regulation and Development of the Financial Market of Kazakhstan", "ARDFM", "KZ"),
    "NBK": ("National Bank of Kazakhstan", "NBK", "KZ"),
    "KZ_MCI": ("Ministry of Culture and Information of Kazakhstan", None, "KZ"),
    "CBR": ("Central Bank of the Russian Federation", "CBR", "RU"),
    "DIA_RU": ("Deposit Insurance Agency", "DIA", "RU"),
    "RFM": ("Federal Financial Monitoring Service", "Rosfinmonitoring", "RU"),
    "PGO_RU": ("Prosecutor General's Office of the Russian Federation", None, "RU"),
    "RU_MVD": ("Ministry of Internal Affairs of the Russian Federation", "MVD", "RU"),
    "MESH_COURT": ("Meshchansky District Court of Moscow", None, "RU"),
    "MOSCOW_CITY_COURT": ("Moscow City Court", None, "RU"),
    "PGO_UZ": ("Prosecutor General's Office of Uzbekistan", None, "UZ"),
    "STC_UZ": ("State Tax Committee of Uzbekistan", None, "UZ"),
    "CBU": ("Central Bank of Uzbekistan", "CBU", "UZ"),
    "NBT": ("National Bank of Tajikistan", "NBT", "TJ"),
    "ACA_TJ": ("Anti-Corruption Agency of the Republic of Tajikistan", None, "TJ"),
    "GKNB_KG": ("State Committee for National Security of the Kyrgyz Republic", "GKNB", "KG"),
    "KG_STS": ("State Tax Service of the Kyrgyz Republic", None, "KG"),
    "SBEP_KG": ("Service for Combating Economic Crimes of the Kyrgyz Republic", "SBEP", "KG"),
    "NBKR": ("National Bank of the Kyrgyz Republic", "NBKR", "KG"),
    "PERV_COURT": ("Pervomaisky District Court of Bishkek", None, "KG"),
    # other jurisdictions
    "FCOURT_AU": ("Federal Court of Australia", None, "AU"),
    "ASIC": ("Australian Securities and Investments Commission", "ASIC", "AU"),
    "AUSTRAC": ("Australian Transaction Reports and Analysis Centre", "AUSTRAC", "AU"),
    "MAS": ("Monetary Authority of Singapore", "MAS", "SG"),
    "SPF": ("Singapore Police Force", "SPF", "SG"),
    "ACRA": ("Accounting and Corporate Regulatory Authority", "ACRA", "SG"),
    "HKPF": ("Hong Kong Police Force", "HKPF", "HK"),
    "SFC_HK": ("Securities and Futures Commission", "SFC", "HK"),
    "JFSA": ("Financial Services Agency", "FSA", "JP"),
    "FCA_UK": ("Financial Conduct Authority", "FCA", "GB"),
    "PRA": ("Prudential Regulation Authority", "PRA", "GB"),
    "UT_UK": ("Upper Tribunal", None, "GB"),
    "ED_IN": ("Directorate of Enforcement", "ED", "IN"),
    "KOLKATA_POLICE": ("Kolkata Police", None, "IN"),
    "SEBI": ("Securities and Exchange Board of India", "SEBI", "IN"),
    "EFCC": ("Economic and Financial Crimes Commission", "EFCC", "NG"),
    "FHC_NG": ("Federal High Court of Nigeria", None, "NG"),
    "SEC_NG": ("Securities and Exchange Commission of Nigeria", "SEC", "NG"),
    "CBN": ("Central Bank of Nigeria", "CBN", "NG"),
    "VARA": ("Virtual Assets Regulatory Authority", "VARA", "AE"),
    "CBUAE": ("Central Bank of the UAE", "CBUAE", "AE"),
    "DFSA": ("Dubai Financial Services Authority", "DFSA", "AE"),
    "UAE_MOE": ("Ministry of Economy of the UAE", None, "AE"),
    "UAE_MOJ": ("Ministry of Justice of the UAE", None, "AE"),
    "FINTRAC": ("Financial Transactions and Reports Analysis Centre of Canada", "FINTRAC", "CA"),
    "FCOURT_CA": ("Federal Court of Canada", None, "CA"),
    "OSC": ("Ontario Securities Commission", "OSC", "CA"),
    "BCSC": ("British Columbia Securities Commission", "BCSC", "CA"),
    "CMT_CA": ("Capital Markets Tribunal", None, "CA"),
    "RCMP": ("Royal Canadian Mounted Police", "RCMP", "CA"),
    "FCAC": ("Financial Consumer Agency of Canada", "FCAC", "CA"),
    "FCC_CH": ("Federal Criminal Court", None, "CH"),
    "OAG_CH": ("Office of the Attorney General of Switzerland", "OAG", "CH"),
    "FINMA": ("Swiss Financial Market Supervisory Authority", "FINMA", "CH"),
    "FSC_CH": ("Federal Supreme Court of Switzerland", None, "CH"),
    "UST": ("U.S. Department of the Treasury", None, "US"),
    "OFAC": ("Office of Foreign Assets Control", "OFAC", "US"),
    "DOS": ("U.S. Department of State", None, "US"),
    "DHS": ("U.S. Department of Homeland Security", "DHS", "US"),
    "FIC_ZA": ("Financial Intelligence Centre", "FIC", "ZA"),
    "DPCI": ("Directorate for Priority Crime Investigation", "DPCI", "ZA"),
}


@dataclass(frozen=True)
class Spec:
    """One gold fact named by surface text; `attrs` are the scorer's fields for its kind."""

    kind: str
    text: str
    attrs: dict[str, Any] = field(default_factory=dict)
    occ: int | None = None
    every: bool = False
    optional: bool = False


def money(
    text: str,
    value: float,
    currency: str,
    action: str,
    usd: float | None = None,
    occ: int | None = None,
    every: bool = False,
) -> Spec:
    """A money fact; USD amounts carry their own value as `usd`."""
    if usd is None and currency == "USD":
        usd = value
    attrs = {
        "value": float(value),
        "currency": currency,
        "usd": None if usd is None else float(usd),
        "action": action,
    }
    return Spec("money", text, attrs, occ, every)


def restated(text: str, value: float, currency: str, occ: int | None = None) -> Spec:
    """An equivalent in parentheses or apposition: optional, no action."""
    usd = float(value) if currency == "USD" else None
    attrs = {"value": float(value), "currency": currency, "usd": usd}
    return Spec("money", text, attrs, occ, optional=True)


def count(
    text: str, value: float, unit: str, action: str, occ: int | None = None, every: bool = False
) -> Spec:
    return Spec("count", text, {"value": value, "unit": unit, "action": action}, occ, every)


def duration(text: str, days: float, occ: int | None = None, every: bool = False) -> Spec:
    return Spec("duration", text, {"value": round(days, 4)}, occ, every)


def percent(text: str, value: float, occ: int | None = None, every: bool = False) -> Spec:
    return Spec("percent", text, {"value": float(value)}, occ, every)


def agency(text: str, key: str, occ: int | None = None, every: bool = False) -> Spec:
    name, acronym, country = AGENCIES[key]
    return Spec("agency", text, {"name": name, "acronym": acronym, "country": country}, occ, every)


def every_agency(text: str, key: str) -> Spec:
    """Every standalone mention of a short name or acronym, parenthetical ones included."""
    return agency(text, key, every=True)


def all_docs() -> list[dict[str, Any]]:
    """The 18 held-out documents: id, meta (published, lang), text, specs."""
    from specs_en import DOCS as EN
    from specs_ru import DOCS as RU

    return EN + RU
