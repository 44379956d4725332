"""regintel/articles/charset.py: Russian pages decode right whatever their declaration says."""

from __future__ import annotations

from regintel.articles.charset import decode_html

RU = (
    "<html><body><p>Агентство по финансовому мониторингу арестовало имущество "
    "на 640 миллионов тенге.</p></body></html>"
)


def test_undeclared_windows_1251_is_detected_and_reported() -> None:
    decoded = decode_html(RU.encode("cp1251"), "text/html")
    assert "финансовому мониторингу" in decoded.text and decoded.encoding == "cp1251"
    assert decoded.problem and decoded.problem[0] == "charset_missing"


def test_wrong_declaration_is_overridden_and_reported() -> None:
    decoded = decode_html(RU.encode("cp1251"), "text/html; charset=iso-8859-1")
    assert "арестовало имущество" in decoded.text
    assert decoded.problem == ("charset_mismatch", "declared iso-8859-1 but the body decodes as cp1251")


def test_koi8_r_and_utf8_and_meta() -> None:
    assert "тенге" in decode_html(RU.encode("koi8_r"), None).text
    ok = decode_html(('<meta charset="utf-8">' + RU).encode(), "text/html")
    assert ok.problem is None and "тенге" in ok.text
    latin = decode_html("<p>Déjà vu: the café fined.</p>".encode("cp1252"), "text/html; charset=windows-1252")
    assert latin.problem is None and "café" in latin.text
