"""Analyst exports: Parquet files and the daily dyadic count table.

    SCHEMAS                                       the Parquet schema of every export (below)
    export_rows(store, what, ...) -> Iterable     the rows of one export, in its schema's shape
    write_parquet(rows, what, path) -> int        stream rows into a Parquet file, by batches
    dyadic_rows(store, day_only=False) -> list    the daily dyadic count table

Events are merged events (:mod:`khabar.store.merge`): the rows of ``events`` sharing a
``cluster`` are one event, exported once with all its mentions, exactly as the JSON Lines
export (``Store.merged_events``, which is ``Store.export_events`` plus ``id``, ``sources`` and
``confidence``).

**Parquet schemas** (the single place they are written down; ``SCHEMAS[what]``):

- ``events``: ``id`` string (the merged event id), ``type``, ``mode``, ``date``, ``date_end``
  strings, ``source`` and ``target`` list<struct<name, country, role, id: string>>,
  ``location`` string, ``contexts`` list<string>, ``mentions``
  list<struct<doc: string, lang: string, start: int64, end: int64, text: string>>,
  ``sources`` int64 (distinct documents), ``confidence`` float64. A row is the JSON line of
  EVENTS.md section 6 plus ``id``, ``sources`` and ``confidence``; keys a JSON line leaves out
  (``date_end``, an actor's ``id``) are nulls, and actor keys other than these four are not
  kept.
- ``mentions``: ``event`` (the merged event), ``type``, ``mode``, ``date``, ``doc``, ``lang``
  strings, ``start``, ``end`` int64, ``text``, ``rule`` strings, ``confidence`` float64.
- ``documents``: ``id``, ``lang``, ``title``, ``published``, ``url``, ``source``, ``path``,
  ``status``, ``reason`` strings, ``chars`` int64, ``ingested_at`` string, ``text`` string
  (null unless asked for).
- ``actors``: ``id``, ``name``, ``country`` strings, ``mentions``, ``documents`` int64,
  ``langs`` list<string>.
- ``dyadic``: ``date``, ``precision``, ``source_country``, ``target_country``, ``type``
  strings, ``events``, ``mentions`` int64.

Every file carries the metadata key ``khabar.schema`` = ``"<what>/<version>"``; the version
changes whenever a schema changes. Rows are written in record batches of ``batch_rows``, so
memory stays flat whatever the size of the database.

**The dyadic table** counts merged events per (event date, source country, target country,
type), as in the ICEWS-style tables political scientists build:

- an event with several source or target countries counts once for each distinct
  (source country, target country) pair; its ``mentions`` (distinct sentences telling it) are
  added to each of those rows too, so rows do not sum to the number of events;
- an actor without a country (an international organisation) counts with an empty country
  (``""``); an event with no source or no target actor at all is not dyadic and is left out;
- ``date`` is the event's date as precise as the text fixed it (a span of time counts at its
  start) and ``precision`` says how precise: ``day``, ``month``, ``year``, or ``none`` (undated,
  empty ``date``). ``day_only=True`` (``khabar export --what dyadic --day-only``) keeps only
  day-precision events;
- rows are sorted by undated last, then date, source, target and type.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from khabar.store.sqlite import Store

__all__ = [
    "EXPORTS",
    "SCHEMAS",
    "SCHEMA_VERSION",
    "dyadic_rows",
    "export_rows",
    "precision_of",
    "write_parquet",
]

SCHEMA_VERSION = 1
BATCH_ROWS = 4096

def _list(item: pa.DataType) -> pa.DataType:
    """A list type as Parquet stores it (its item field named ``element``), so a file reads
    back with exactly the schema it was written with."""
    return pa.list_(pa.field("element", item))


_ACTOR = pa.struct(
    [("name", pa.string()), ("country", pa.string()), ("role", pa.string()), ("id", pa.string())]
)
_MENTION = pa.struct(
    [
        ("doc", pa.string()),
        ("lang", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("text", pa.string()),
    ]
)


def _schema(what: str, fields: list[tuple[str, pa.DataType]]) -> pa.Schema:
    meta = {"khabar.schema": f"{what}/{SCHEMA_VERSION}"}
    return pa.schema(fields, metadata=meta)


SCHEMAS: dict[str, pa.Schema] = {
    "events": _schema("events", [
        ("id", pa.string()),
        ("type", pa.string()),
        ("mode", pa.string()),
        ("date", pa.string()),
        ("date_end", pa.string()),
        ("source", _list(_ACTOR)),
        ("target", _list(_ACTOR)),
        ("location", pa.string()),
        ("contexts", _list(pa.string())),
        ("mentions", _list(_MENTION)),
        ("sources", pa.int64()),
        ("confidence", pa.float64()),
    ]),
    "mentions": _schema("mentions", [
        ("event", pa.string()),
        ("type", pa.string()),
        ("mode", pa.string()),
        ("date", pa.string()),
        ("doc", pa.string()),
        ("lang", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("text", pa.string()),
        ("rule", pa.string()),
        ("confidence", pa.float64()),
    ]),
    "documents": _schema("documents", [
        ("id", pa.string()),
        ("lang", pa.string()),
        ("title", pa.string()),
        ("published", pa.string()),
        ("url", pa.string()),
        ("source", pa.string()),
        ("path", pa.string()),
        ("status", pa.string()),
        ("reason", pa.string()),
        ("chars", pa.int64()),
        ("ingested_at", pa.string()),
        ("text", pa.string()),
    ]),
    "actors": _schema("actors", [
        ("id", pa.string()),
        ("name", pa.string()),
        ("country", pa.string()),
        ("mentions", pa.int64()),
        ("documents", pa.int64()),
        ("langs", _list(pa.string())),
    ]),
    "dyadic": _schema("dyadic", [
        ("date", pa.string()),
        ("precision", pa.string()),
        ("source_country", pa.string()),
        ("target_country", pa.string()),
        ("type", pa.string()),
        ("events", pa.int64()),
        ("mentions", pa.int64()),
    ]),
}
EXPORTS = tuple(SCHEMAS)


def precision_of(date: str | None) -> str:
    """``day``, ``month``, ``year`` or ``none``, from the length of an ISO date."""
    if not date:
        return "none"
    return {10: "day", 7: "month", 4: "year"}.get(len(date), "other")


def _countries(actors: list[dict[str, Any]]) -> set[str]:
    return {str(a.get("country") or "") for a in actors if isinstance(a, dict)}


def dyadic_rows(store: Store, *, day_only: bool = False) -> list[dict[str, Any]]:
    """The daily dyadic count table (see the module docstring for how events are counted)."""
    counts: dict[tuple[str, str, str, str], list[int]] = {}
    precisions: dict[str, str] = {}
    for event in store.merged_events():
        date = event["date"] or ""
        precision = precision_of(date)
        if day_only and precision != "day":
            continue
        precisions[date] = precision
        sources, targets = _countries(event["source"]), _countries(event["target"])
        n_mentions = len(event["mentions"])
        for src in sources:
            for tgt in targets:
                cell = counts.setdefault((date, src, tgt, event["type"]), [0, 0])
                cell[0] += 1
                cell[1] += n_mentions
    keys = sorted(counts, key=lambda k: (k[0] == "", k))
    return [
        {"date": d, "precision": precisions[d], "source_country": s, "target_country": t,
         "type": ty, "events": counts[(d, s, t, ty)][0], "mentions": counts[(d, s, t, ty)][1]}
        for d, s, t, ty in keys
    ]


def export_rows(
    store: Store, what: str, *, text: bool = False, day_only: bool = False
) -> Iterable[dict[str, Any]]:
    """The rows of one export, in the shape of ``SCHEMAS[what]`` (missing keys are nulls)."""
    if what == "events":
        return store.merged_events()
    if what == "mentions":
        return store.export_mentions()
    if what == "documents":
        return store.export_documents(text=text)
    if what == "actors":
        return store.export_actors()
    if what == "dyadic":
        return dyadic_rows(store, day_only=day_only)
    raise ValueError(f"unknown export {what!r} (one of {', '.join(EXPORTS)})")


def write_parquet(
    rows: Iterable[dict[str, Any]],
    what: str,
    path: str | Path,
    *,
    batch_rows: int = BATCH_ROWS,
    compression: str = "zstd",
) -> int:
    """Write ``rows`` to a Parquet file with ``SCHEMAS[what]``, one record batch at a time.

    Returns the number of rows. The file is written next to its final name and renamed at the
    end, so a failed export leaves no half file.
    """
    schema = SCHEMAS[what]
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    n = 0
    try:
        with pq.ParquetWriter(tmp, schema, compression=compression) as writer:
            batch: list[dict[str, Any]] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= batch_rows:
                    writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
                    n += len(batch)
                    batch = []
            if batch or n == 0:
                writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=schema))
                n += len(batch)
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n
