"""Merging: one event however many times, sentences, documents or languages tell it.

The store keeps each distinct *reading* of an event as a row of ``events`` (its id hashes the
exact fields, so identical readings are one row already). Readings that report the same event
with different precision or detail -- «توافق ۹ نوامبر» in a Persian article dated by its day, «اتفاق
نوفمبر 2020» in an Arabic one dated by its month; "Lavrov and Bayramov talked" in one, "Bayramov
and Lavrov" in another -- are one *merged event*: the rows share ``events.cluster``, the id of the
reading that started it. Merging is incremental: every new reading is compared, when it is
written, with the stored readings of its type and date, and joins the cluster of the best match.

Two readings are the same event when (:func:`compare`):

- their **type** is equal and their **modes** do not differ (one may have none);
- their **dates** agree at their precisions: equal; or a month and a day inside it; or a day of
  no known year («۱۹ سپتامبر» in an undated article, ``date_partial`` ``--09-19``) and a dated
  day with that month and day. A year is too coarse to stand for a day (the 1992 war is not
  the attack of 12 March 1992); in two documents, two days next to each other (a signing past
  midnight is the 9th in one report and the 10th in another). Inside one document only equal
  dates merge (a diary's meetings of consecutive days are different meetings), and two undated
  readings are compared only there: "Armenia accused Azerbaijan" told without a date in two
  articles may be two accusations years apart;
- their **sides** name the same parties: the same countries (and organisations, by name) as
  source and as target, or -- for CONSULT, AGREE, COOPERATE, where who called whom is a matter
  of telling -- source and target swapped, or the same parties split differently («لاوروف با
  بایراموف», "Russia and Azerbaijan held talks");
- and no **person** differs: where both readings name a person of the same country on the same
  side, the names agree (``khabar.evaluate.names_agree``: same surname, compatible given names).

Each joined reading records the reading it matched and the evidence (``merges`` table), which
``khabar why EVENT_ID`` prints.

A merged event is exported with the fields of its most informative reading (the most people
named, then the finest date, then the most mentions), the finest date any reading fixes, the
contexts of all, every mention, ``sources`` (distinct documents) and ``confidence``: one minus
the product, over its documents, of one minus the document's confidence (a mention without a
confidence counts ``DEFAULT_CONFIDENCE``) -- independent reports raise it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from khabar.events.arguments import SYMMETRIC

__all__ = [
    "DEFAULT_CONFIDENCE",
    "attach",
    "compare",
    "dates_agree",
    "merged_record",
    "recluster",
    "refresh",
]

DEFAULT_CONFIDENCE = 0.5

_COLUMNS = "id, cluster, type, mode, date, source, target, extra"


def dates_agree(a: str | None, a_partial: str | None, b: str | None, b_partial: str | None,
                same_document: bool) -> str | None:
    """Why two dates (ISO, precision in their length; ``--MM-DD`` partials) are one event's
    date, or None."""
    if a and b:
        if a == b:
            return f"same date {a}"
        if same_document:
            # inside one document the events stage has already merged what one event told
            # twice; a diary's entries of consecutive days are different meetings
            return None
        short, long_ = sorted((a, b), key=len)
        if len(short) == 7 and len(long_) == 10 and long_.startswith(short):
            return f"day {long_} in month {short}"
        if len(a) == len(b) == 10 and _day_apart(a, b):
            # two reports of one event a day apart: a signing past midnight in Moscow is
            # the 9th in one report, the 10th in another («بعد 44 يوماً» counted from the 27th)
            return f"days {min(a, b)} and {max(a, b)}, a day apart, in two documents"
        return None
    if not a and not b:
        if a_partial and a_partial == b_partial:
            return f"same day of no known year {a_partial}"
        if same_document and not a_partial and not b_partial:
            return "both undated, in one document"
        return None
    dated, partial = (b, a_partial) if not a else (a, b_partial)
    if partial and not same_document and dated and len(dated) == 10 and dated[4:] == partial[1:]:
        return f"day {dated} matches {partial} (no year written)"
    return None


def _day_apart(a: str, b: str) -> bool:
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) == 1
    except ValueError:
        return False


def _key(actor: dict[str, Any]) -> str:
    """A party: its country, or an organisation's name."""
    country = actor.get("country")
    if country:
        return str(country)
    return "org:" + " ".join(str(actor.get("name") or "").lower().split())


def _parties(side: list[dict[str, Any]]) -> frozenset[str]:
    return frozenset(_key(a) for a in side)


def _same_actor(a: str, b: str) -> bool:
    """Two names of one person or group: the same person by ``names_agree``, or one group name
    the start of the other ("Karabakh Armenians", "Karabakh Armenian authorities")."""
    from khabar.evaluate import names_agree

    if names_agree(a, b) or names_agree(b, a):
        return True
    x, y = (" ".join(n.lower().rstrip("s").split()) for n in (a, b))
    short, long_ = sorted((x, y), key=len)
    return len(short.split()) > 1 and long_.startswith(short)


def _people_agree(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> tuple[bool, list[str]]:
    agreed: list[str] = []
    named: dict[str, list[str]] = {}
    for x in a:
        if x.get("name") and x.get("country"):
            named.setdefault(x["country"], []).append(x["name"])
    for y in b:
        if not (y.get("name") and y.get("country")):
            continue
        others = named.get(y["country"])
        if not others:
            continue
        same = [n for n in others if _same_actor(n, y["name"])]
        if not same:
            return False, []
        agreed.append(f"{same[0]} = {y['name']}" if same[0] != y["name"] else y["name"])
    return True, agreed


def _pairs_agree(pairs: list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]
                 ) -> list[str] | None:
    """The people both sides of each pair name alike, or None when some person differs."""
    agreed: list[str] = []
    for x, y in pairs:
        ok, names = _people_agree(x, y)
        if not ok:
            return None
        agreed += names
    return agreed


def compare(a: dict[str, Any], b: dict[str, Any], same_document: bool = False
            ) -> dict[str, Any] | None:
    """The evidence that readings ``a`` and ``b`` (event records with ``type``, ``mode``,
    ``date``, ``source``, ``target`` and optionally ``date_partial``) are one event, or None."""
    if a["type"] != b["type"]:
        return None
    if a.get("mode") and b.get("mode") and a["mode"] != b["mode"]:
        return None
    date = dates_agree(a.get("date"), a.get("date_partial"), b.get("date"),
                       b.get("date_partial"), same_document)
    if date is None:
        return None
    sa, ta, sb, tb = (_parties(a["source"]), _parties(a["target"]), _parties(b["source"]),
                      _parties(b["target"]))
    if not (sa or ta) or not (sb or tb):
        return None
    ways: list[tuple[str, list[tuple[list[dict[str, Any]], list[dict[str, Any]]]]]] = []
    if (sa, ta) == (sb, tb):
        ways.append(("same source and target",
                     [(a["source"], b["source"]), (a["target"], b["target"])]))
    if a["type"] in SYMMETRIC and (sa, ta) == (tb, sb):
        ways.append(("source and target swapped",
                     [(a["source"], b["target"]), (a["target"], b["source"])]))
    if a["type"] in SYMMETRIC and sa | ta == sb | tb and len(sa | ta) > 1 and not ways:
        ways.append(("the same parties", [(a["source"] + a["target"],
                                           b["source"] + b["target"])]))
    found = next(((way, agreed) for way, pairs in ways
                  if (agreed := _pairs_agree(pairs)) is not None), None)
    if found is None:
        return None
    sides, agreed = found
    evidence: dict[str, Any] = {"type": a["type"], "date": date, "sides": sides,
                                "parties": sorted(sa | ta)}
    if agreed:
        evidence["people"] = agreed
    return evidence


def _strength(evidence: dict[str, Any]) -> tuple[int, int, int]:
    date = str(evidence["date"])
    return (0 if date.startswith("same date") else 1 if date.startswith("day ") else 2,
            0 if evidence["sides"].startswith("same source") else 1, -len(evidence.get("people", ())))


def _row(row: tuple[Any, ...]) -> dict[str, Any]:
    extra = json.loads(row[7] or "{}")
    return {"id": row[0], "cluster": row[1], "type": row[2], "mode": row[3], "date": row[4],
            "source": json.loads(row[5]), "target": json.loads(row[6]),
            "date_partial": extra.get("date_partial")}


def _candidates(conn: sqlite3.Connection, record: dict[str, Any], docs: set[str]
                ) -> Iterable[tuple[Any, ...]]:
    date, partial = record.get("date"), record.get("date_partial")
    if date:
        # the same day or month, the month of a day, or an undated reading with a partial day
        near = [date, date[:7]]
        if len(date) == 10:
            try:
                day = datetime.fromisoformat(date).date()
                near += [(day + timedelta(days=k)).isoformat() for k in (-1, 1)]
            except ValueError:
                pass
        marks = ", ".join("?" * len(near))
        queries = [(f"SELECT {_COLUMNS} FROM events WHERE type = ? AND date IN ({marks})",
                    (record["type"], *near))]
        if len(date) == 7:
            queries.append((f"SELECT {_COLUMNS} FROM events WHERE type = ? AND date > ? "
                            "AND date < ?", (record["type"], date, date + "-99")))
        if len(date) == 10:
            queries.append((f"SELECT {_COLUMNS} FROM events WHERE type = ? AND date IS NULL "
                            "AND json_extract(extra, '$.date_partial') = ?",
                            (record["type"], "-" + date[4:])))
    else:
        queries = []
        if partial:
            queries.append((f"SELECT {_COLUMNS} FROM events WHERE type = ? AND ((date IS NULL "
                            "AND json_extract(extra, '$.date_partial') = ?) OR (length(date) = 10 "
                            "AND substr(date, 5) = ?))", (record["type"], partial, partial[1:])))
        if docs:
            marks = ", ".join("?" * len(docs))
            queries.append((f"SELECT {', '.join('e.' + c for c in _COLUMNS.split(', '))} "
                            "FROM events e JOIN mentions m ON m.event_id = e.id WHERE e.type = ? "
                            f"AND e.date IS NULL AND m.doc_id IN ({marks})",
                            (record["type"], *sorted(docs))))
    for sql, args in queries:
        yield from conn.execute(sql, args)


def _docs_of(conn: sqlite3.Connection, event_id: str) -> set[str]:
    return {r[0] for r in conn.execute("SELECT doc_id FROM mentions WHERE event_id = ?",
                                       (event_id,))}


def attach(conn: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    """Compare the stored reading ``event_id`` (alone in its cluster) with the other readings of
    its type and date; join the cluster of the best match. The evidence, or None."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    record = _row(row)
    docs = _docs_of(conn, event_id)
    best: tuple[tuple[int, int, int], dict[str, Any], dict[str, Any]] | None = None
    seen: set[str] = set()
    for cand_row in _candidates(conn, record, docs):
        cand = _row(cand_row)
        if cand["id"] == event_id or cand["id"] in seen or cand["cluster"] == event_id:
            continue
        seen.add(cand["id"])
        shared = bool(docs & _docs_of(conn, cand["id"]))
        evidence = compare(record, cand, same_document=shared)
        if evidence is None:
            continue
        # the reading that named the cluster must agree too (no chains drifting apart)
        if cand["cluster"] != cand["id"]:
            head = conn.execute(f"SELECT {_COLUMNS} FROM events WHERE id = ?",
                                (cand["cluster"],)).fetchone()
            if head is not None and compare(record, _row(head), same_document=bool(
                    docs & _docs_of(conn, cand["cluster"]))) is None:
                continue
        strength = _strength(evidence)
        if best is None or strength < best[0]:
            best = (strength, cand, evidence)
    if best is None:
        return None
    _, cand, evidence = best
    conn.execute("UPDATE events SET cluster = ? WHERE cluster = ?", (cand["cluster"], event_id))
    conn.execute("UPDATE merges SET cluster = ? WHERE cluster = ?", (cand["cluster"], event_id))
    conn.execute(
        "INSERT OR REPLACE INTO merges (event_id, cluster, matched, evidence, merged_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (event_id, cand["cluster"], cand["id"],
         json.dumps(evidence, ensure_ascii=False, sort_keys=True),
         datetime.now(UTC).isoformat(timespec="seconds")),
    )
    return evidence


def recluster(conn: sqlite3.Connection, clusters: Iterable[str]) -> set[str]:
    """Merge again the readings of ``clusters`` after some of their readings were deleted (a
    document replaced): each starts alone and joins again, in the order they were written.
    The clusters touched (for :func:`refresh`)."""
    touched: set[str] = set()
    for cluster in sorted(set(clusters)):
        touched.add(cluster)
        members = [r[0] for r in conn.execute(
            "SELECT id FROM events WHERE cluster = ? ORDER BY rowid", (cluster,))]
        if not members:
            continue
        conn.execute("DELETE FROM merges WHERE cluster = ?", (cluster,))
        conn.execute("UPDATE events SET cluster = id WHERE cluster = ?", (cluster,))
        for member in members:
            attach(conn, member)
        touched.update(r[0] for r in conn.execute(
            f"SELECT DISTINCT cluster FROM events WHERE id IN ({', '.join('?' * len(members))})",
            members))
    return touched


def refresh(conn: sqlite3.Connection, clusters: Iterable[str]) -> None:
    """Recompute the ``merged`` rows of ``clusters`` from their readings and mentions (and
    drop the rows of clusters that no longer exist)."""
    for cluster in sorted(set(clusters)):
        readings: dict[str, dict[str, Any]] = {}
        mentions: list[dict[str, Any]] = []
        for row in conn.execute(
                "SELECT e.id, e.type, e.mode, e.date, e.date_end, e.source, e.target, "
                "e.location, e.contexts, e.confidence, m.doc_id, m.confidence FROM events e "
                "JOIN mentions m ON m.event_id = e.id WHERE e.cluster = ? ORDER BY e.rowid",
                (cluster,)):
            reading = readings.get(row[0])
            if reading is None:
                reading = readings[row[0]] = {
                    "id": row[0], "type": row[1], "mode": row[2], "date": row[3],
                    "date_end": row[4], "source": json.loads(row[5]),
                    "target": json.loads(row[6]), "location": row[7],
                    "contexts": json.loads(row[8]), "confidence": row[9], "n_mentions": 0}
            reading["n_mentions"] += 1
            mentions.append({"doc": row[10], "confidence": row[11]})
        if not readings:
            conn.execute("DELETE FROM merged WHERE cluster = ?", (cluster,))
            continue
        r = merged_record(list(readings.values()), mentions)
        conn.execute(
            "INSERT OR REPLACE INTO merged (cluster, type, mode, date, date_end, source, target, "
            "location, contexts, confidence, sources, readings) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (cluster, r["type"], r["mode"], r["date"], r.get("date_end"),
             json.dumps(r["source"], ensure_ascii=False, sort_keys=True),
             json.dumps(r["target"], ensure_ascii=False, sort_keys=True), r.get("location"),
             json.dumps(r["contexts"], ensure_ascii=False), r["confidence"], r["sources"],
             len(readings)))


def merged_record(readings: list[dict[str, Any]], mentions: list[dict[str, Any]]
                  ) -> dict[str, Any]:
    """The fields of a merged event from its readings (``_events`` rows) and all mentions."""
    def informative(r: dict[str, Any]) -> tuple[int, int, int]:
        named = sum(1 for a in r["source"] + r["target"] if a.get("name"))
        return named, len(r.get("date") or ""), r.get("n_mentions", 0)

    best = max(readings, key=informative)
    out = dict(best)
    finest = max(readings, key=lambda r: len(r.get("date") or ""))
    if len(finest.get("date") or "") > len(best.get("date") or ""):
        out["date"], out["date_end"] = finest["date"], finest.get("date_end")
    out["mode"] = best.get("mode") or next((r["mode"] for r in readings if r.get("mode")), None)
    contexts: list[str] = []
    for r in readings:
        contexts += [c for c in r.get("contexts") or [] if c not in contexts]
    out["contexts"] = sorted(contexts)
    by_doc: dict[str, float] = {}
    for m in mentions:
        c = m.get("confidence")
        by_doc[m["doc"]] = max(by_doc.get(m["doc"], 0.0),
                               float(c) if c is not None else DEFAULT_CONFIDENCE)
    doubt = 1.0
    for c in by_doc.values():
        doubt *= 1.0 - c
    out["sources"] = len(by_doc)
    out["confidence"] = round(1.0 - doubt, 4)
    return out
