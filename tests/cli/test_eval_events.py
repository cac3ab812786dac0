"""``khabar eval`` and ``khabar events`` on a small store built from hand-made event spans."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from khabar import Document, Span, open_store
from khabar.cli import app

runner = CliRunner()


def _store(tmp_path: Path) -> Path:
    db = tmp_path / "k.db"
    text = "لاوروف با میرزویان تلفنی گفت‌وگو کرد."
    doc = Document(id="d1", text=text, lang="fa", published="2021-11-01")
    doc.add("sentences", Span(0, len(text), "sentence", {"lang": "fa"}))
    doc.add("events", Span(0, len(text), "event", {
        "type": "CONSULT", "mode": "phone", "date": "2021-11-01",
        "source": [{"name": "Sergey Lavrov", "country": "RUS", "role": "foreign minister"}],
        "target": [{"name": "Ararat Mirzoyan", "country": "ARM", "role": "foreign minister"}],
        "location": None, "contexts": ["diplomatic"]}))
    with open_store(db) as store:
        store.write([doc])
    return db


def test_eval_scores_the_store_against_gold(tmp_path: Path) -> None:
    db = _store(tmp_path)
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "type": "CONSULT", "date": "2021-11", "source": [{"name": "Lavrov", "country": "RUS"}],
        "target": [{"name": None, "country": "ARM"}], "mentions": [{"doc": "d1", "text": ""}]})
        + "\n" + json.dumps({"type": "ACCUSE", "date": None, "source": [{"country": "ARM"}],
                             "target": [], "mentions": [{"doc": "d1", "text": ""}]}) + "\n",
        encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    country, person = json.loads(result.stdout)
    assert (country["tp"], country["gold"], country["pred"]) == (1, 2, 1)
    assert person["recall"] == 0.5


def test_events_filters_and_cross_script_actor_query(tmp_path: Path) -> None:
    db = _store(tmp_path)
    for query in ("Lavrov", "لافروف", "لاوروف"):
        result = runner.invoke(app, ["events", "--db", str(db), "--actor", query, "--json"])
        assert result.exit_code == 0, result.output
        assert len(result.stdout.strip().splitlines()) == 1, query
    for args in (["--type", "ACCUSE"], ["--country", "AZE"], ["--since", "2022"],
                 ["--lang", "ar"], ["--doc", "other"]):
        result = runner.invoke(app, ["events", "--db", str(db), "--json", *args])
        assert result.exit_code == 0 and result.stdout.strip() == "", args
    result = runner.invoke(app, ["events", "--db", str(db), "--country", "ARM", "--until", "2021"])
    assert result.exit_code == 0 and "CONSULT" in result.stdout
