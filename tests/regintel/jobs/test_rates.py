"""`regintel rates update` against NBK and ECB fixture feeds served on 127.0.0.1."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from datetime import date
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp.rates import load_rates
from regintel.cli import rates as rates_cli
from regintel.contracts import RegintelError
from regintel.jobs import rates

NBK_XML = """<?xml version="1.0" encoding="utf-8"?>
<rates><generator>test</generator><title>Official rates</title><date>20.11.2026</date>
<item><fullname>ДОЛЛАР США</fullname><title>USD</title>
  <description>512.34</description><quant>1</quant></item>
<item><fullname>ЕВРО</fullname><title>EUR</title><description>540.10</description><quant>1</quant></item>
<item><fullname>РОССИЙСКИЙ РУБЛЬ</fullname><title>RUB</title>
  <description>6.30</description><quant>1</quant></item>
</rates>"""
ECB_XML = """<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01"
 xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
<gesmes:subject>Reference rates</gesmes:subject>
<Cube>
<Cube time="2026-11-20"><Cube currency="USD" rate="1.0500"/><Cube currency="GBP" rate="0.8400"/>
<Cube currency="INR" rate="92.40"/></Cube>
<Cube time="2026-10-30"><Cube currency="USD" rate="1.0800"/><Cube currency="GBP" rate="0.8600"/></Cube>
<Cube time="2026-10-29"><Cube currency="USD" rate="1.2000"/></Cube>
</Cube></gesmes:Envelope>"""


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def feeds(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "www"
    root.mkdir()
    (root / "nbk.xml").write_text(NBK_XML, encoding="utf-8")
    (root / "ecb.xml").write_text(ECB_XML, encoding="utf-8")
    (root / "broken.xml").write_text("<rates><date>", encoding="utf-8")

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def table(tmp_path: Path) -> Path:
    path = tmp_path / "rates.csv"
    path.write_text(
        "month,currency,per_usd,table\n2026-11,KZT,400,hmrc\n2015-01,KZT,185,hmrc\n", encoding="utf-8"
    )
    return path


def test_update_merges_nbk_and_ecb_months(feeds: str, tmp_path: Path) -> None:
    path = table(tmp_path)
    result = CliRunner().invoke(
        rates_cli.app,
        [
            "update",
            "--out",
            str(path),
            "--nbk-url",
            f"{feeds}/nbk.xml?d={{date:%d.%m.%Y}}",
            "--ecb-url",
            f"{feeds}/ecb.xml",
            "--date",
            "2026-11-20",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = {(r["month"], r["currency"]): r for r in csv.DictReader(path.open(encoding="utf-8"))}
    assert rows[("2026-11", "KZT")]["table"] == "nbk" and float(rows[("2026-11", "KZT")]["per_usd"]) == 512.34
    assert rows[("2015-01", "KZT")]["table"] == "hmrc"  # history the feeds do not cover stays
    assert float(rows[("2026-11", "EUR")]["per_usd"]) == pytest.approx(1 / 1.05)
    assert float(rows[("2026-11", "GBP")]["per_usd"]) == pytest.approx(0.84 / 1.05)
    assert float(rows[("2026-10", "GBP")]["per_usd"]) == pytest.approx(0.86 / 1.08)  # last day of the month
    usd, basis = load_rates(path).usd(5_123_400, "KZT", date(2026, 11, 21))
    assert (round(usd), basis) == (10_000, "rate:nbk:2026-11")


@pytest.mark.parametrize("bad", ["broken.xml", "missing.xml"])
def test_bad_feeds_are_one_line_errors(feeds: str, tmp_path: Path, bad: str) -> None:
    with pytest.raises(RegintelError) as err:
        rates.parse_nbk(rates.fetch(f"{feeds}/{bad}", 5), f"{feeds}/{bad}")
    assert "\n" not in str(err.value) and bad in str(err.value)


def test_unreachable_feed(tmp_path: Path) -> None:
    with pytest.raises(RegintelError, match="cannot fetch rates"):
        rates.fetch("http://127.0.0.1:9/nbk.xml", 2)
