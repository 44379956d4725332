"""Unseen evaluation set: canonical records for bodies the held-out set lacks, and all documents.

The documents (`specs_unseen_en.py`, `specs_unseen_ru.py`, `specs_unseen_kk.py`) were written
by someone who had not read the extractor's rules, in styles the development and held-out sets
do not have.  Spec helpers and the canonical AGENCIES come from ../heldout/specs.py; the bodies
below are added to that table (bodies the development set also knows keep its record).
"""

from __future__ import annotations

from typing import Any

from specs import AGENCIES

NEW_AGENCIES: dict[str, tuple[str, str | None, str]] = {
    # Kazakhstan, Russia, Kyrgyzstan, Uzbekistan
    "ACA_KZ": ("Anti-Corruption Agency of Kazakhstan", None, "KZ"),
    "PGO_KZ": ("Prosecutor General's Office of Kazakhstan", None, "KZ"),
    "SRC_KZ": ("State Revenue Committee of Kazakhstan", "SRC", "KZ"),
    "ALMALY_COURT": ("Almaly District Court of Almaty", None, "KZ"),
    "MOF_KZ": ("Ministry of Finance of Kazakhstan", None, "KZ"),
    "KZ_MVD": ("Ministry of Internal Affairs of Kazakhstan", None, "KZ"),
    "AFSA": ("Astana Financial Services Authority", "AFSA", "KZ"),
    "SMAS_KZ": ("Shymkent Specialised Inter-District Criminal Court", None, "KZ"),
    "FNS_RU": ("Federal Tax Service", "FNS", "RU"),
    "SK_RU": ("Investigative Committee of the Russian Federation", None, "RU"),
    "OKT_COURT_NSK": ("Oktyabrsky District Court of Novosibirsk", None, "RU"),
    "PROK_NSO": ("Prosecutor's Office of the Novosibirsk Region", None, "RU"),
    "MINFIN_RU": ("Ministry of Finance of the Russian Federation", "Minfin", "RU"),
    "KRASNODAR_COURT": ("Krasnodar Regional Court", None, "RU"),
    "FSB": ("Federal Security Service", "FSB", "RU"),
    "RKN": (
        "Federal Service for Supervision of Communications, Information Technology and Mass Media",
        "Roskomnadzor",
        "RU",
    ),
    "FIU_KG": ("State Financial Intelligence Service of the Kyrgyz Republic", None, "KG"),
    "NAPP": ("National Agency of Perspective Projects of Uzbekistan", "NAPP", "UZ"),
    # other jurisdictions
    "SFO": ("Serious Fraud Office", "SFO", "GB"),
    "SOUTHWARK": ("Southwark Crown Court", None, "GB"),
    "HMRC": ("HM Revenue and Customs", "HMRC", "GB"),
    "NCA": ("National Crime Agency", "NCA", "GB"),
    "HMT": ("HM Treasury", None, "GB"),
    "USDC_EDNY": ("United States District Court for the Eastern District of New York", None, "US"),
    "USAO_EDNY": ("U.S. Attorney's Office for the Eastern District of New York", None, "US"),
    "FBI": ("Federal Bureau of Investigation", "FBI", "US"),
    "IRS": ("Internal Revenue Service", "IRS", "US"),
    "NYDFS": ("New York State Department of Financial Services", "DFS", "US"),
    "CFTC": ("Commodity Futures Trading Commission", "CFTC", "US"),
    "CYSEC": ("Cyprus Securities and Exchange Commission", "CySEC", "CY"),
    "LB": ("Bank of Lithuania", None, "LT"),
    "VRAC_LT": ("Vilnius Regional Administrative Court", None, "LT"),
    "FNTT": ("Financial Crime Investigation Service", "FNTT", "LT"),
    "RBI": ("Reserve Bank of India", "RBI", "IN"),
    "BOG": ("Bank of Ghana", "BoG", "GH"),
    "EOCO": ("Economic and Organised Crime Office", "EOCO", "GH"),
    "AFP": ("Australian Federal Police", "AFP", "AU"),
    "CBI_IE": ("Central Bank of Ireland", None, "IE"),
    "CAB_IE": ("Criminal Assets Bureau", "CAB", "IE"),
    "AMF_FR": ("Autorité des marchés financiers", "AMF", "FR"),
    "TRACFIN": ("Tracfin", "Tracfin", "FR"),
    "FR_MINECO": ("Ministry of the Economy of France", None, "FR"),
    "FR_MININT": ("Ministry of the Interior of France", None, "FR"),
    "SEPBLAC": ("Servicio Ejecutivo de la Comisión de Prevención del Blanqueo de Capitales", "SEPBLAC", "ES"),
    "GC_ES": ("Guardia Civil", None, "ES"),
    "BDE": ("Bank of Spain", "BdE", "ES"),
    "AN": ("Audiencia Nacional", None, "ES"),
    "ES_MINFIN": ("Ministry of Finance of Spain", None, "ES"),
    "ES_MININT": ("Ministry of the Interior of Spain", None, "ES"),
    "BAFIN": ("Federal Financial Supervisory Authority", "BaFin", "DE"),
    "FIU_DE": ("Financial Intelligence Unit of Germany", "FIU", "DE"),
    "BKA": ("Federal Criminal Police Office", "BKA", "DE"),
    "STA_FFM": ("Public Prosecutor's Office of Frankfurt am Main", None, "DE"),
    "CSSF": ("Commission de Surveillance du Secteur Financier", "CSSF", "LU"),
    "CRF_LU": ("Cellule de renseignement financier", "CRF", "LU"),
    "GARDA": ("An Garda Síochána", None, "IE"),
    "CE_FR": ("Conseil d'État", None, "FR"),
    "LG_FFM": ("Regional Court of Frankfurt am Main", None, "DE"),
}
assert not set(NEW_AGENCIES) & set(AGENCIES), set(NEW_AGENCIES) & set(AGENCIES)
AGENCIES.update(NEW_AGENCIES)


def all_docs() -> list[dict[str, Any]]:
    """The unseen documents: id, meta (published, lang, style), text, specs."""
    from specs_unseen_en import DOCS as EN
    from specs_unseen_kk import DOCS as KK
    from specs_unseen_ru import DOCS as RU

    return EN + RU + KK
