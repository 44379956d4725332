"""Watchlists: a crawl that brings a new matching fact produces exactly one delivery naming it;
rerunning delivers nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import warehouse
from regintel.cli.main import main
from regintel.operations.worker import run_source
from regintel.samplesite.server import running
from regintel.settings import REWRITE
from tests.regintel.operations.conftest import write_sources


def test_new_matching_facts_are_delivered_once(
    tmp_path: Path, alerts_file: Path, smtp: tuple, webhook: tuple, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    inbox, hook = smtp[0], webhook[0]
    db, sources = tmp_path / "w.duckdb", write_sources(tmp_path / "sources.yaml")
    base = ["--db", str(db)]
    add = ["watch", "add", "cash", "cash-out", "--kind", "count", "--value-min", "81", "--value-max", "81",
           "--channel", "hook", "--channel", "mail"]
    assert main([*add, *base]) == 0
    assert main(["watch", "add", "x", "--channel", "pager", *base]) == 2
    assert "watchlist 'x': unknown channel 'pager'; known: log, hook, mail" in capsys.readouterr().err
    with running() as site:
        monkeypatch.setenv(REWRITE.name, json.dumps(site.rewrite()))
        first = run_source(db, "timesca", trigger="manual", sources_file=sources)
        (digest,) = first.digests
        assert len(inbox.messages) == len(hook.posts) == 1
        facts = hook.posts[0]["facts"]
        # the count of 81 networks, in the article's title sentence and in its first paragraph
        assert [f["text"] for f in facts] == ["81 cash", "81 underground networks"]
        assert {f["doc_url"] for f in facts} == {"https://timesca.com/kazakhstan-81-cash-out-networks/"}
        fact = facts[0]
        assert fact["doc_url"] in hook.texts()[0] and "watchlist cash: 2 new fact" in inbox.subjects()[0]
        body = inbox.messages[0].get_payload(decode=True).decode()
        assert all(f["sentence"] in body for f in facts)
        assert {f["fact_id"] for f in facts} == {r["fact_id"] for r in digest.rows}
        second = run_source(db, "timesca", trigger="manual", sources_file=sources)
    assert second.run is not None and second.digests == []
    assert len(inbox.messages) == len(hook.posts) == 1
    assert warehouse.delivered_facts(db, "cash") == {f["fact_id"] for f in facts}
    capsys.readouterr()
    assert main(["watch", "run", *base]) == 0 and capsys.readouterr().out == "no new facts\n"
    assert main(["watch", "list", "--format", "json", *base]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert (listed["query"]["text"], listed["query"]["kinds"], listed["query"]["value_min"]) == (
        "cash-out", ["count"], 81.0)
    assert main(["watch", "remove", "cash", *base]) == 0 and warehouse.watchlists(db) == []
