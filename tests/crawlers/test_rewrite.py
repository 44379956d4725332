"""crawlers/rewrite.py: real URLs <-> mirror URLs, longest origin first."""

from __future__ import annotations

from crawlers.rewrite import Rewriter


def test_rewriter_round_trip() -> None:
    rw = Rewriter(
        {"https://www.gov.kz": "http://127.0.0.1:9/www.gov.kz", "https://gov.kz": "http://127.0.0.1:9/g"}
    )
    url = "https://www.gov.kz/memleket/entities/afm/press/news?lang=ru&page=2"
    mirror = rw.to_mirror(url)
    assert mirror == "http://127.0.0.1:9/www.gov.kz/memleket/entities/afm/press/news?lang=ru&page=2"
    assert rw.to_real(mirror) == url
    assert rw.to_mirror("https://www.gov.kzx/a") is None and rw.to_mirror("https://sec.gov/") is None
    assert rw.to_real("http://elsewhere/x") == "http://elsewhere/x"
