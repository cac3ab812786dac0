"""The JSON shapes of ``khabar annotate`` and ``khabar export`` (events as in EVENTS.md)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from khabar import Document, Settings, Span, register
from khabar.cli import app

runner = CliRunner()
TEXT = "Lavrov phoned Mirzoyan on Monday. Protesters gathered."
SOURCE = [{"name": "Sergey Lavrov", "country": "RUS", "role": "foreign minister"}]
TARGET = [{"name": "Ararat Mirzoyan", "country": "ARM", "role": "foreign minister"}]


@register("test-cli-annotator", assigns=("sentences", "dates", "actors", "events", "lang"))
def _annotator(settings: Settings) -> Any:
    def run(doc: Document) -> Document:
        doc.lang = "en"
        first = doc.text.find(".") + 1
        doc.add("sentences", Span(0, first, "sentence", {"lang": "en"}, "test:sentence"))
        if first + 1 < len(doc.text):
            doc.add("sentences", Span(first + 1, len(doc.text), "sentence", {"lang": "en"}))
        monday = doc.text.find("Monday")
        if monday >= 0:
            doc.add("dates", Span(monday, monday + 6, "date", {"value": "2021-11-01"}, "test:date"))
        for name, actor in (("Lavrov", SOURCE[0]), ("Mirzoyan", TARGET[0])):
            at = doc.text.find(name)
            if at >= 0:
                doc.add("actors", Span(at, at + len(name), "actor", dict(actor), "test:actor"))
        if "phoned" in doc.text:
            value = {"type": "CONSULT", "mode": "phone", "date": "2021-11-01",
                     "source": SOURCE, "target": TARGET, "location": None,
                     "contexts": ["diplomatic"]}
            doc.add("events", Span(0, first, "CONSULT", value, "test:event"))
        return doc

    return run


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path]:
    cfg = tmp_path / "test.toml"
    cfg.write_text('stages = ["test-cli-annotator"]\n', encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "news.txt").write_text(TEXT, encoding="utf-8")
    (folder / "other.txt").write_text("Nothing here happened.", encoding="utf-8")
    return cfg, folder


def test_annotate_prints_one_json_object_per_document(setup: tuple[Path, Path]) -> None:
    cfg, folder = setup
    result = runner.invoke(app, ["annotate", str(folder), "--config", str(cfg)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in lines] == ["news", "other"]
    news = lines[0]
    assert list(news) == ["id", "lang", "title", "published", "status", "reason", "sentences",
                          "dates", "actors", "events", "boilerplate"]
    assert (news["lang"], news["status"], news["reason"]) == ("en", "ok", None)
    assert news["boilerplate"] == []
    for layer in ("sentences", "dates", "actors", "events"):
        assert news[layer], layer
        for span in news[layer]:
            assert TEXT[span["start"] : span["end"]] == span["text"]
    assert news["dates"][0]["value"] == "2021-11-01" and news["dates"][0]["text"] == "Monday"
    assert news["actors"][0]["country"] == "RUS"
    assert news["events"][0]["type"] == "CONSULT"
    assert lines[1]["events"] == [] and lines[1]["actors"] == []


def ingest(setup: tuple[Path, Path], db: Path) -> None:
    cfg, folder = setup
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--config", str(cfg)])
    assert result.exit_code == 0, result.output


def export(db: Path, *args: str) -> str:
    result = runner.invoke(app, ["export", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_export_events_has_exactly_the_events_md_fields(setup: tuple[Path, Path], tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    ingest(setup, db)
    [line] = [json.loads(x) for x in export(db).splitlines()]  # events is the default
    assert list(line) == ["type", "mode", "date", "source", "target", "location", "contexts",
                          "mentions"]
    assert line == {
        "type": "CONSULT", "mode": "phone", "date": "2021-11-01", "source": SOURCE,
        "target": TARGET, "location": None, "contexts": ["diplomatic"],
        "mentions": [{"doc": "news", "lang": "en", "start": 0, "end": 33,
                      "text": "Lavrov phoned Mirzoyan on Monday."}],
    }
    out = tmp_path / "events.jsonl"
    export(db, "--format", "jsonl", "-o", str(out))
    assert [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()] == [line]


def test_export_csv_flattens_actors(setup: tuple[Path, Path], tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    ingest(setup, db)
    [row] = list(csv.DictReader(io.StringIO(export(db, "--format", "csv"))))
    assert row["source"] == "Sergey Lavrov|RUS" and row["target"] == "Ararat Mirzoyan|ARM"
    assert (row["contexts"], row["docs"], row["mentions"]) == ("diplomatic", "news", "1")
    actors = list(csv.DictReader(io.StringIO(export(db, "--what", "actors", "--format", "csv"))))
    assert {(a["name"], a["country"], a["mentions"]) for a in actors} == {
        ("Sergey Lavrov", "RUS", "1"), ("Ararat Mirzoyan", "ARM", "1"),
    }


def test_export_documents_and_mentions(setup: tuple[Path, Path], tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    ingest(setup, db)
    docs = [json.loads(x) for x in export(db, "--what", "documents").splitlines()]
    assert [d["id"] for d in docs] == ["news", "other"]
    for key in ("id", "lang", "title", "published", "url", "source", "status", "reason"):
        assert key in docs[0]
    assert docs[0]["lang"] == "en" and docs[0]["status"] == "ok"
    with_text = [json.loads(x) for x in export(db, "--what", "documents", "--text").splitlines()]
    assert with_text[0]["text"] == TEXT
    rows = list(csv.DictReader(io.StringIO(export(db, "--what", "documents", "--format", "csv"))))
    assert [r["id"] for r in rows] == ["news", "other"] and "text" not in rows[0]
    [mention] = [json.loads(x) for x in export(db, "--what", "mentions").splitlines()]
    assert (mention["doc"], mention["type"], mention["start"], mention["end"]) == (
        "news", "CONSULT", 0, 33,
    )


def test_stats_docs_and_search(setup: tuple[Path, Path], tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    ingest(setup, db)
    stats = runner.invoke(app, ["stats", "--db", str(db), "--json"])
    counts = json.loads(stats.stdout)
    assert counts["by_lang"] == {"en": 2}
    assert counts["layers"]["sentences"] == 3 and counts["events_by_type"] == {"CONSULT": 1}
    table = runner.invoke(app, ["stats", "--db", str(db)])
    assert table.exit_code == 0 and "CONSULT" in table.stdout
    docs = runner.invoke(app, ["docs", "--db", str(db), "--lang", "en", "--limit", "1"])
    assert "news" in docs.stdout and "other" not in docs.stdout
    hits = runner.invoke(app, ["search", "protesters", "--db", str(db)])
    assert hits.exit_code == 0 and "news" in hits.stdout and "1 hit(s)" in hits.stderr
