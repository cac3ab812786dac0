"""The daily dyadic count table: one row per (date, source country, target country, type)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from typer.testing import CliRunner

from khabar import Document, Span, open_store
from khabar.cli import app
from khabar.store import Store
from khabar.store.exports import dyadic_rows, precision_of

runner = CliRunner()


def state(code: str | None, name: str | None = None) -> dict[str, Any]:
    return {"name": name, "country": code, "role": None}


def ev(type_: str, date: str | None, source: list[dict[str, Any]],
       target: list[dict[str, Any]], mode: str | None = None) -> dict[str, Any]:
    return {"type": type_, "mode": mode, "date": date, "source": source, "target": target,
            "location": None, "contexts": []}


def doc(doc_id: str, events: list[dict[str, Any]]) -> Document:
    sentences = [f"Sentence {i} of {doc_id}." for i in range(len(events))]
    d = Document(doc_id, " ".join(sentences), lang="en")
    pos = 0
    for sentence, value in zip(sentences, events, strict=True):
        d.add("sentences", Span(pos, pos + len(sentence), "sentence", {"lang": "en"}))
        d.add("events", Span(pos, pos + len(sentence), value["type"], value, "test"))
        pos += len(sentence) + 1
    return d


MEDIATION = ev("CONSULT", "2023-09-21", [state("RUS"), state("USA"), state("RUS", "Lavrov")],
               [state("AZE"), state("ARM")])
SHELLING = ev("ASSAULT", "2023-09-19", [state("AZE")], [state("ARM")], "heavy-weapons")
APPEAL = ev("REQUEST", "2023-09", [state(None, "UN Security Council")], [state("AZE")])
WAR = ev("ASSAULT", "1992", [state("ARM")], [state("AZE")])
UNDATED = ev("ACCUSE", None, [state("ARM")], [state("AZE")])
NO_TARGET = ev("MOBILIZE", "2023-09-19", [state("RUS")], [])


def fill(store: Store) -> None:
    store.write([
        doc("a", [MEDIATION, SHELLING, APPEAL, WAR, UNDATED, NO_TARGET]),
        # the same shelling told again in another document, and a second, different one
        doc("b", [SHELLING, ev("ASSAULT", "2023-09-19", [state("AZE")], [state("ARM")],
                               "drone")]),
    ])


def table(store: Store, **kw: Any) -> dict[tuple[str, str, str, str], tuple[str, int, int]]:
    return {
        (r["date"], r["source_country"], r["target_country"], r["type"]):
            (r["precision"], r["events"], r["mentions"])
        for r in dyadic_rows(store, **kw)
    }


def test_counts_per_country_pair_precision_and_organisations(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as store:
        fill(store)
        rows = table(store)
    # several countries on a side: once per distinct (source, target) pair; RUS twice is once
    for src in ("RUS", "USA"):
        for tgt in ("AZE", "ARM"):
            assert rows[("2023-09-21", src, tgt, "CONSULT")] == ("day", 1, 1)
    # two different shellings that day: 2 events; one of them told twice: 3 mentions
    assert rows[("2023-09-19", "AZE", "ARM", "ASSAULT")] == ("day", 2, 3)
    # an international organisation keeps an empty country
    assert rows[("2023-09", "", "AZE", "REQUEST")] == ("month", 1, 1)
    assert rows[("1992", "ARM", "AZE", "ASSAULT")] == ("year", 1, 1)
    assert rows[("", "ARM", "AZE", "ACCUSE")] == ("none", 1, 1)
    # no target: not dyadic
    assert not any(k[3] == "MOBILIZE" for k in rows)
    assert len(rows) == 4 + 4


def test_rows_are_sorted_undated_last(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as store:
        fill(store)
        rows = dyadic_rows(store)
    dates = [r["date"] for r in rows]
    assert dates[-1] == "" and dates[:-1] == sorted(dates[:-1])


def test_day_only(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as store:
        fill(store)
        rows = table(store, day_only=True)
    assert {p for p, _, _ in rows.values()} == {"day"}
    assert len(rows) == 5


def test_precision_of() -> None:
    assert [precision_of(d) for d in ("2023-09-21", "2023-09", "2023", None, "")] == [
        "day", "month", "year", "none", "none"]


def test_cli_csv_jsonl_and_parquet_agree(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with open_store(db) as store:
        fill(store)
    as_csv = runner.invoke(app, ["export", "--db", str(db), "--what", "dyadic", "--format",
                                 "csv", "--day-only"])
    assert as_csv.exit_code == 0, as_csv.output
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert list(rows[0]) == ["date", "precision", "source_country", "target_country", "type",
                             "events", "mentions"]
    as_jsonl = runner.invoke(app, ["export", "--db", str(db), "--what", "dyadic",
                                   "--day-only"])
    lines = [json.loads(x) for x in as_jsonl.stdout.splitlines()]
    assert [{k: str(v) for k, v in line.items()} for line in lines] == rows
    out = tmp_path / "dyadic.parquet"
    result = runner.invoke(app, ["export", "--db", str(db), "--what", "dyadic", "--format",
                                 "parquet", "--day-only", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).to_pylist() == lines
