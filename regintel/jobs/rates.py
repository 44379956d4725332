"""Refresh the USD reference-rate table from central-bank feeds (`regintel rates update`).

Sources: the National Bank of Kazakhstan's daily rates (KZT per unit, `get_rates.cfm`) and the
ECB's euro reference rates (daily or historical XML). Each month's rate is the last published
day of that month; new rows replace the table's rows for the same month and currency, so the
shipped HMRC history stays where the feeds are silent. The network fetch lives here, not in nlp/.
"""

from __future__ import annotations

import csv
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

from regintel.contracts import RegintelError

NBK_URL = "https://nationalbank.kz/rss/get_rates.cfm?fdate={date:%d.%m.%Y}"
ECB_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml"
ECB_NS = "{http://www.ecb.int/vocabulary/2002-08-01/eurofxref}"
HEADER = ["month", "currency", "per_usd", "table"]
Row = tuple[str, str, float, str]  # month, currency, units per USD, series

def fetch(url: str, timeout: float) -> bytes:
    """GET a feed; one-line RegintelError when it cannot be had."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.read()
    except (urllib.error.URLError, TimeoutError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise RegintelError(f"cannot fetch rates from {url}: {reason}") from None


def _xml(raw: bytes, url: str) -> ElementTree.Element:
    try:
        return ElementTree.fromstring(raw)
    except ElementTree.ParseError as exc:
        raise RegintelError(f"bad rates XML from {url}: {exc}") from None


def parse_nbk(raw: bytes, url: str) -> list[Row]:
    """NBK `<rates><date>dd.mm.yyyy</date><item><title>USD</title><description>470.5</description>
    <quant>1</quant></item>...`: one KZT-per-USD row for the feed's month."""
    root = _xml(raw, url)
    day = (root.findtext("date") or "").strip()
    try:
        d, m, y = (int(x) for x in day.split("."))
        month = f"{date(y, m, d):%Y-%m}"
        usd = next(i for i in root.iter("item") if (i.findtext("title") or "").strip() == "USD")
        per_usd = float(usd.findtext("description") or "") / float(usd.findtext("quant") or "1")
    except (ValueError, StopIteration):
        raise RegintelError(f"bad NBK rates from {url}: need a dd.mm.yyyy <date> and a USD item") from None
    return [(month, "KZT", per_usd, "nbk")]


def parse_ecb(raw: bytes, url: str) -> list[Row]:
    """ECB `<Cube time="yyyy-mm-dd"><Cube currency="USD" rate="1.08"/>...`: per month, the last day's
    cross rates against USD (EUR included)."""
    root = _xml(raw, url)
    last: dict[str, tuple[str, dict[str, float]]] = {}
    for day in root.iter(f"{ECB_NS}Cube"):
        when = day.get("time")
        if not when:
            continue
        rates = {
            c.get("currency", ""): float(c.get("rate", "nan"))
            for c in day.iter(f"{ECB_NS}Cube")
            if c.get("rate")
        }
        month = when[:7]
        if "USD" in rates and (month not in last or when > last[month][0]):
            last[month] = (when, rates)
    if not last:
        raise RegintelError(f"bad ECB rates from {url}: no day with a USD rate")
    rows: list[Row] = []
    for month, (_, rates) in sorted(last.items()):
        usd = rates["USD"]
        rows.append((month, "EUR", 1 / usd, "ecb"))
        rows += [(month, code, rate / usd, "ecb") for code, rate in rates.items() if code != "USD"]
    return rows


def merge(path: Path, new: list[Row]) -> int:
    """Replace (month, currency) rows of the CSV with `new`; returns the rows written."""
    table: dict[tuple[str, str], Row] = {}
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                table[(r["month"], r["currency"])] = (
                    r["month"],
                    r["currency"],
                    float(r["per_usd"]),
                    r["table"],
                )
    for row in new:
        table[(row[0], row[1])] = row
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows([m, c, f"{v:.6g}", t] for m, c, v, t in sorted(table.values()))
    tmp.replace(path)
    return len(table)


def default_table() -> Path:
    from nlp.rates import default_path

    return default_path()


@dataclass(frozen=True)
class RatesUpdate:
    rows: list[Row]
    path: Path
    total: int  # rows in the table afterwards

    @property
    def months(self) -> list[str]:
        return sorted({r[0] for r in self.rows})


def update_rates(
    *, out: Path | None = None, nbk_url: str = NBK_URL, ecb_url: str = ECB_URL,
    day: date | None = None, timeout: float = 30.0,
) -> RatesUpdate:
    """Fetch NBK (for `day`, default today) and ECB rates and merge them into the reference-rate table."""
    path = out or default_table()
    nbk = nbk_url.format(date=day or date.today())
    rows = parse_nbk(fetch(nbk, timeout), nbk) + parse_ecb(fetch(ecb_url, timeout), ecb_url)
    return RatesUpdate(rows=rows, path=path, total=merge(path, rows))
