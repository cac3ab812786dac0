"""Parquet exports: explicit schemas, streamed batches, rows equal to the JSON Lines export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from khabar import Document, Span, open_store
from khabar.cli import app
from khabar.store import Store
from khabar.store.exports import SCHEMAS, export_rows, write_parquet
from khabar.store.merge import refresh

runner = CliRunner()
LAVROV = {"name": "Sergey Lavrov", "country": "RUS", "role": "foreign minister",
          "id": "sergey-lavrov"}
MIRZOYAN = {"name": "Ararat Mirzoyan", "country": "ARM", "role": "foreign minister"}
OSCE = {"name": "OSCE Minsk Group", "country": None, "role": None}


def event(type_: str, date: str | None, source: list[dict[str, Any]],
          target: list[dict[str, Any]], **more: Any) -> dict[str, Any]:
    return {"type": type_, "mode": more.pop("mode", None), "date": date, "source": source,
            "target": target, "location": more.pop("location", None),
            "contexts": more.pop("contexts", []), **more}


def document(doc_id: str, lang: str, sentences: list[tuple[str, dict[str, Any] | None]]) -> Document:
    text = " ".join(s for s, _ in sentences)
    doc = Document(doc_id, text, lang=lang, title=f"title of {doc_id}", published="2023-09-21")
    pos = 0
    for sentence, value in sentences:
        doc.add("sentences", Span(pos, pos + len(sentence), "sentence", {"lang": lang}))
        if value is not None:
            doc.add("events", Span(pos, pos + len(sentence), value["type"], value, "test"))
            for actor in value["source"][:1]:
                doc.add("actors", Span(pos, pos + 3, "actor", dict(actor), "test"))
        pos += len(sentence) + 1
    return doc


def fill(store: Store) -> None:
    store.write([
        document("d1", "en", [
            ("Lavrov phoned Mirzoyan.", event("CONSULT", "2021-11-01", [LAVROV], [MIRZOYAN],
                                              mode="phone", contexts=["diplomatic"])),
            ("The war lasted from 1992 to 1994.",
             event("ASSAULT", "1992", [{"name": None, "country": "ARM", "role": None}],
                   [{"name": None, "country": "AZE", "role": None}], date_end="1994")),
            ("Nothing.", None),
        ]),
        document("d2", "fa", [
            ("لاوروف با میرزویان تلفنی گفت‌وگو کرد.",
             event("CONSULT", "2021-11-01", [LAVROV], [MIRZOYAN], mode="phone",
                   contexts=["diplomatic"])),
            ("گروه مینسک خواستار آتش‌بس شد.", event("REQUEST", None, [OSCE], [], mode="change",
                                                   location="Karabakh")),
        ]),
    ])


def without(row: dict[str, Any], keys: tuple[str, ...] = ("id", "sources", "confidence")
            ) -> dict[str, Any]:
    """A Parquet event row without the columns the JSON line does not have."""
    return {k: v for k, v in row.items() if k not in keys}


def normalised(line: dict[str, Any]) -> dict[str, Any]:
    """A JSON line with the keys it leaves out as nulls (as Parquet stores them)."""
    actor_keys = ("name", "country", "role", "id")
    out = {"type": line["type"], "mode": line["mode"], "date": line["date"],
           "date_end": line.get("date_end")}
    for side in ("source", "target"):
        out[side] = [{k: a.get(k) for k in actor_keys} for a in line[side]]
    out.update(location=line["location"], contexts=line["contexts"], mentions=line["mentions"])
    return out


def test_parquet_events_equal_the_json_lines_export(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as store:
        fill(store)
        jsonl = [normalised(line) for line in store.export_events()]
        n = write_parquet(export_rows(store, "events"), "events", tmp_path / "events.parquet",
                          batch_rows=2)
    table = pq.read_table(tmp_path / "events.parquet")
    assert n == table.num_rows == len(jsonl) == 3
    assert table.schema.equals(SCHEMAS["events"], check_metadata=True)
    rows = table.to_pylist()
    assert [r["id"] for r in rows] and all(len(r["id"]) == 24 for r in rows)
    assert [without(r) for r in rows] == jsonl
    consult = next(r for r in rows if r["type"] == "CONSULT")
    assert [m["doc"] for m in consult["mentions"]] == ["d1", "d2"]
    assert consult["sources"] == 2 and 0 < consult["confidence"] <= 1
    assert consult["source"][0]["id"] == "sergey-lavrov"
    assert consult["target"][0]["id"] is None  # absent in the JSON line: null
    assert next(r for r in rows if r["type"] == "ASSAULT")["date_end"] == "1994"
    # several record batches were written, and read back as one table
    assert pq.ParquetFile(tmp_path / "events.parquet").metadata.num_row_groups >= 2


def test_readings_of_one_cluster_are_one_row_with_all_mentions(tmp_path: Path) -> None:
    other = event("CONSULT", "2021-11-01", [LAVROV], [MIRZOYAN, OSCE], mode="phone")
    with open_store(tmp_path / "k.db") as store:
        fill(store)
        store.write([document("d3", "ar", [("اتصل لافروف بميرزويان.", other)])])
        conn = store._conn
        first = conn.execute("SELECT MIN(id) FROM events WHERE type = 'CONSULT'").fetchone()[0]
        conn.execute("UPDATE events SET cluster = ? WHERE type = 'CONSULT'", (first,))
        # the merged row of each touched cluster, as khabar.store.merge keeps it
        refresh(conn, [r[0] for r in conn.execute("SELECT cluster FROM merged")])
        write_parquet(export_rows(store, "events"), "events", tmp_path / "e.parquet")
        jsonl = [normalised(line) for line in store.export_events()]
    rows = pq.read_table(tmp_path / "e.parquet").to_pylist()
    consults = [r for r in rows if r["type"] == "CONSULT"]
    assert len(consults) == 1 and consults[0]["id"] == first
    assert [m["doc"] for m in consults[0]["mentions"]] == ["d1", "d2", "d3"]
    assert consults[0]["sources"] == 3
    assert [without(r) for r in rows] == jsonl


@pytest.mark.parametrize("what", ["events", "documents", "mentions", "actors", "dyadic"])
def test_cli_writes_every_export_as_parquet(tmp_path: Path, what: str) -> None:
    db = tmp_path / "k.db"
    with open_store(db) as store:
        fill(store)
    folder = tmp_path / "out"
    folder.mkdir()
    result = runner.invoke(app, ["export", "--db", str(db), "--what", what,
                                 "--format", "parquet", "-o", str(folder)])
    assert result.exit_code == 0, result.output
    table = pq.read_table(folder / f"{what}.parquet")
    assert table.schema.equals(SCHEMAS[what], check_metadata=True)
    assert table.schema.metadata[b"khabar.schema"] == f"{what}/1".encode()
    jsonl = runner.invoke(app, ["export", "--db", str(db), "--what", what])
    assert jsonl.exit_code == 0
    lines = [json.loads(x) for x in jsonl.stdout.splitlines() if x.strip()]
    assert table.num_rows == len(lines) > 0
    if what in ("documents", "actors", "dyadic"):
        names = SCHEMAS[what].names
        assert table.to_pylist() == [{k: line.get(k) for k in names} for line in lines]
    if what == "mentions":
        assert table.to_pylist() == lines
    if what == "events":
        assert [without(r) for r in table.to_pylist()] == [normalised(x) for x in lines]


def test_parquet_needs_an_output(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with open_store(db) as store:
        fill(store)
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet"])
    assert result.exit_code == 2


def test_seed_events_round_trip(tmp_path: Path, seeds_db: Path) -> None:
    """On the seed documents, Parquet rows equal the JSON Lines export, event for event."""
    db = seeds_db
    out = tmp_path / "events.parquet"
    assert runner.invoke(app, ["export", "--db", str(db), "--format", "parquet",
                               "-o", str(out)]).exit_code == 0
    rows = pq.read_table(out).to_pylist()
    with open_store(db, readonly=True) as store:
        jsonl = [normalised(line) for line in store.export_events()]
        clusters = store._conn.execute("SELECT COUNT(DISTINCT cluster) FROM events").fetchone()[0]
    assert len(rows) == clusters > 100
    assert [without(r) for r in rows] == jsonl
    mentions = sum(len(r["mentions"]) for r in rows)
    assert mentions == sum(len(x["mentions"]) for x in jsonl)
