"""The read model of the web interface: raw SQL on a read-only SQLite connection.

Every answer is bounded: a page of at most :attr:`Bounds.max_limit` rows, and a time budget per
request (:attr:`Bounds.budget`, enforced by SQLite's progress handler, which interrupts the
statement and raises :class:`QueryTimeout`). The database is opened with ``mode=ro``; nothing
here writes.

Merged events: each row of ``events`` is one *reading*; rows sharing ``cluster`` are one merged
event, named by ``cluster``. Lists, filters on its fields and counts read the view
``event_view`` (migration 0004): the merged event's fields as :mod:`khabar.store.merge` keeps
them (the same an export writes), in the columns of a reading with ``id = cluster``; an event's
mentions are the mentions of every reading of its cluster, and its source count is the number
of distinct documents among them. Filters on actors, languages and
documents hold when *some* reading or mention of the cluster satisfies them.

Search folds the query as the store folds the text (:func:`khabar.text.fold`): ي/ی, ك/ک,
diacritics, digits and the zero-width non-joiner do not matter. An actor query in any script is
resolved to the KB record it names (:mod:`khabar.web.actors`), so «لاوروف» finds the events of
Sergey Lavrov however the document spelt him.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from khabar.errors import StoreError
from khabar.store.sqlite import fts_term, query_terms
from khabar.text.normalize import fold, normalize
from khabar.web.actors import (
    ActorQuery,
    actor_kind,
    resolve_actor,
    resolve_country,
    state_label,
)
from khabar.web.plover import CLASS_OF, CLASSES, class_of

__all__ = [
    "Bounds",
    "EventFilter",
    "InvalidParameter",
    "NotFound",
    "QueryError",
    "QueryTimeout",
    "ReadModel",
    "Reader",
    "query_terms",
]

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ZOOMS = {"year": 4, "month": 7, "day": 10}
_MIN_FTS = 3  # the trigram tokenizer cannot match shorter strings
EVENT_COLUMNS = (
    "e.id, e.type, e.mode, e.date, e.date_end, e.source, e.target, e.location, e.contexts, "
    "e.confidence, e.extra, e.cluster"
)
LAYERS = ("dates", "actors", "events", "sentences")


@dataclass(frozen=True, slots=True)
class Bounds:
    """Limits on every answer: rows per page, seconds per request, characters of text."""

    max_limit: int = 500
    default_limit: int = 50
    budget: float = 2.0
    max_offset: int = 100_000
    max_text: int = 300_000  # characters of a document's text served on its page
    max_buckets: int = 5000
    max_query: int = 200


class QueryError(Exception):
    """A request the read model cannot answer; ``status`` and ``code`` go to the client."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(QueryError):
    status = 404
    code = "not_found"


class InvalidParameter(QueryError):
    status = 422
    code = "invalid_parameter"


class QueryTimeout(QueryError):
    status = 503
    code = "timeout"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Filters shared by the timeline, the network, search and the event lists."""

    q: str | None = None  # full text (folded) or an actor named in any script
    actor: str | None = None
    country: str | None = None
    types: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    since: str | None = None  # ISO date, any precision
    until: str | None = None
    lang: str | None = None  # language of some mention
    doc: str | None = None  # document id of some mention

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value and not DATE.match(value):
                raise InvalidParameter(f"{name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
        unknown = [t for t in self.types if t.upper() not in CLASS_OF]
        if unknown:
            raise InvalidParameter(f"unknown event type(s) {unknown}; expected some of "
                             f"{sorted(CLASS_OF)}")
        bad = [c for c in self.classes if c not in CLASSES]
        if bad:
            raise InvalidParameter(f"unknown class(es) {bad}; expected some of {sorted(CLASSES)}")

    @classmethod
    def of(cls, **values: Any) -> EventFilter:
        """A filter from request values: blanks are absent, types upper-cased."""
        clean: dict[str, Any] = {}
        for key, value in values.items():
            if isinstance(value, str):
                value = " ".join(value.split()) or None
            if key in ("types", "classes"):
                parts = [p.strip() for v in value or () for p in str(v).split(",")]
                value = tuple(dict.fromkeys(p.upper() if key == "types" else p.lower()
                                            for p in parts if p.strip()))
            clean[key] = value
        return cls(**clean)

    @property
    def event_filters(self) -> bool:
        """Whether anything narrows events beyond language and document."""
        return bool(self.q or self.actor or self.country or self.types or self.classes
                    or self.since or self.until)

    def to_dict(self) -> dict[str, Any]:
        return {"q": self.q, "actor": self.actor, "country": self.country,
                "type": list(self.types), "class": list(self.classes), "since": self.since,
                "until": self.until, "lang": self.lang, "doc": self.doc}


def _fts_ok(term: str) -> bool:
    return len(term.replace(" ", "")) >= _MIN_FTS


def _term_hit(folded_text: str, term: str) -> bool:
    return term in folded_text or (" " in term and term.replace(" ", "") in folded_text)


def _kfold(text: str | None) -> str:
    return fold(text or "")


def _loads(value: str | None, default: Any) -> Any:
    if value is None:
        return default
    try:
        return json.loads(value)
    except ValueError:
        return default


def _actors(value: str | None) -> list[dict[str, Any]]:
    out = []
    for a in _loads(value, []) or []:
        if isinstance(a, dict):
            out.append({"name": a.get("name"), "country": a.get("country"),
                        "role": a.get("role"), "id": a.get("id")})
    return out


def actor_key(actor: dict[str, Any]) -> str | None:
    """The network node of an actor: its KB id, else its name, else its country."""
    return actor.get("id") or actor.get("name") or actor.get("country") or None


class ReadModel:
    """Opens read-only connections to one khabar database, one per request."""

    def __init__(self, db_path: str | Path, bounds: Bounds | None = None) -> None:
        self.path = Path(db_path)
        self.bounds = bounds or Bounds()
        from khabar.store import open_store

        # The store checks that this is a khabar database with every migration applied.
        with open_store(self.path, readonly=True):
            pass
        with self.reader() as reader:
            columns = {r[1] for r in reader.conn.execute("PRAGMA table_info(events)")}
            tables = {r[0] for r in reader.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "cluster" not in columns or "merges" not in tables or "merged" not in tables:
            raise StoreError(f"{self.path} has no merged events (migrations 0002, 0004)")

    @contextmanager
    def reader(self) -> Iterator[Reader]:
        uri = self.path.resolve().as_uri() + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None,
                                   check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        try:
            conn.execute("PRAGMA query_only = ON")
            conn.execute("PRAGMA busy_timeout = 1000")
            conn.create_function("kfold", 1, _kfold, deterministic=True)
            deadline = time.monotonic() + self.bounds.budget
            conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 2000)
            yield Reader(conn, self.bounds)
        finally:
            conn.close()


@dataclass
class _Where:
    sql: list[str] = field(default_factory=list)
    args: list[Any] = field(default_factory=list)

    def add(self, sql: str, *args: Any) -> None:
        self.sql.append(sql)
        self.args.extend(args)

    def text(self) -> str:
        return " AND ".join(self.sql) if self.sql else "1"


def _in(values: list[Any] | tuple[Any, ...]) -> str:
    return "(" + ",".join("?" * len(values)) + ")"


class Reader:
    """Queries over one open read-only connection (see :class:`ReadModel`)."""

    def __init__(self, conn: sqlite3.Connection, bounds: Bounds) -> None:
        self.conn = conn
        self.bounds = bounds

    # -- plumbing ------------------------------------------------------------------------------
    def _rows(self, sql: str, args: list[Any] | tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.conn.execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise QueryTimeout(
                    f"the query took longer than its budget of {self.bounds.budget:g} s; "
                    "narrow it with filters (dates, type, language, document)"
                ) from exc
            raise

    def limit(self, limit: int | None) -> int:
        if limit is None:
            return self.bounds.default_limit
        return max(1, min(int(limit), self.bounds.max_limit))

    # -- filters -------------------------------------------------------------------------------
    def resolution(self, f: EventFilter) -> dict[str, Any]:
        """How the filter's words were understood (actors and countries resolved)."""
        out: dict[str, Any] = {}
        if f.q:
            out["q"] = resolve_actor(f.q).to_dict()
            out["q"]["terms"] = query_terms(f.q)
        if f.actor:
            out["actor"] = resolve_actor(f.actor).to_dict()
        if f.country:
            out["country"] = {"query": f.country, "codes": list(resolve_country(f.country))}
        return out

    def _text_docs(self, terms: list[str], forms: tuple[str, ...] = ()) -> list[str] | None:
        """Ids of documents whose folded title or body hold every term (or, when ``forms`` are
        given, any of those name forms); ``None`` when no term is long enough for the index."""
        long_terms = [t for t in terms if _fts_ok(t)]
        if not long_terms:
            return None
        expr = " AND ".join(fts_term(t) for t in long_terms)
        alternatives = [fts_term(fold(x)) for x in forms if _fts_ok(fold(x))]
        if alternatives:
            expr = "(" + expr + ") OR " + " OR ".join(alternatives)
        rows = self._rows(
            "SELECT d.id FROM documents_fts f JOIN documents d ON d.num = f.rowid "
            "WHERE documents_fts MATCH ?", [expr])
        return [r[0] for r in rows]

    def _actor_cond(self, aq: ActorQuery, where: _Where) -> str:
        """SQL over ``a.value`` (one actor of a side) for a resolved (or free-text) actor."""
        parts: list[str] = []
        if aq.ids:
            parts.append(f"json_extract(a.value, '$.id') IN {_in(aq.ids)}")
            where.args.extend(aq.ids)
        if aq.names:
            parts.append(f"json_extract(a.value, '$.name') IN {_in(aq.names)}")
            where.args.extend(aq.names)
        if aq.countries:
            parts.append(f"json_extract(a.value, '$.country') IN {_in(aq.countries)}")
            where.args.extend(aq.countries)
        if aq.roles:
            parts.append(f"json_extract(a.value, '$.role') IN {_in(aq.roles)}")
            where.args.extend(aq.roles)
        if not aq.resolved:  # a name the KB does not hold: a substring of the stored name
            parts.append("instr(kfold(json_extract(a.value, '$.name')), ?) > 0")
            parts.append("json_extract(a.value, '$.id') = ?")
            where.args.extend([fold(aq.query), aq.query])
        return "(" + " OR ".join(parts) + ")"

    def _any_actor(self, aq: ActorQuery, where: _Where) -> str:
        sides = []
        for side in ("source", "target"):
            sides.append(f"EXISTS (SELECT 1 FROM json_each(r.{side}) a WHERE "
                         f"{self._actor_cond(aq, where)})")
        return ("EXISTS (SELECT 1 FROM events r WHERE r.cluster = e.id AND ("
                + " OR ".join(sides) + "))")

    def _where(self, f: EventFilter, *, text: bool = True) -> _Where:
        """Conditions on ``e``, a representative reading, for a filter."""
        w = _Where()
        w.add("e.id = e.cluster")
        types = {t.upper() for t in f.types}
        for cls in f.classes:
            types.update(CLASSES[cls]["types"])
        if types:
            chosen = sorted(types)
            w.add(f"e.type IN {_in(chosen)}", *chosen)
        if f.since:
            w.add("e.date IS NOT NULL AND (COALESCE(e.date_end, e.date) || '~') >= ?", f.since)
        if f.until:
            w.add("e.date IS NOT NULL AND e.date <= (? || '~')", f.until)
        if f.lang:
            w.add("EXISTS (SELECT 1 FROM events r JOIN mentions m ON m.event_id = r.id "
                  "WHERE r.cluster = e.id AND m.lang = ?)", f.lang)
        if f.doc:
            w.add("EXISTS (SELECT 1 FROM events r JOIN mentions m ON m.event_id = r.id "
                  "WHERE r.cluster = e.id AND m.doc_id = ?)", f.doc)
        if f.country:
            codes = resolve_country(f.country)
            if not codes:
                w.add("0")
            else:
                sub = _Where()
                cond = (f"json_extract(a.value, '$.country') IN {_in(codes)}")
                sides = []
                for side in ("source", "target"):
                    sides.append(f"EXISTS (SELECT 1 FROM json_each(r.{side}) a WHERE {cond})")
                    sub.args.extend(codes)
                w.add("EXISTS (SELECT 1 FROM events r WHERE r.cluster = e.id AND ("
                      + " OR ".join(sides) + "))", *sub.args)
        if f.actor:
            aq = resolve_actor(f.actor)
            sub = _Where()
            sql = self._any_actor(aq, sub)
            w.add(sql, *sub.args)
        if f.q and text:
            self._text_where(f.q, w)
        return w

    def _text_where(self, q: str, w: _Where) -> None:
        """Events whose mention sentences hold every term, or that name the actor ``q`` names."""
        terms = query_terms(q)
        aq = resolve_actor(q)
        alts: list[str] = []
        args: list[Any] = []
        if terms:
            docs = self._text_docs(terms)
            scope = ""
            if docs is not None:
                scope = " AND m.doc_id IN (SELECT value FROM json_each(?))"
                args.append(json.dumps(docs))
            conds = []
            for t in terms:
                conds.append("(instr(kfold(m.text), ?) > 0 OR instr(kfold(m.text), ?) > 0)")
                args.extend([t, t.replace(" ", "")])
            alts.append("EXISTS (SELECT 1 FROM events r JOIN mentions m ON m.event_id = r.id "
                        "WHERE r.cluster = e.id" + scope + " AND " + " AND ".join(conds) + ")")
        if aq.resolved:
            sub = _Where()
            alts.append(self._any_actor(aq, sub))
            args.extend(sub.args)
        if not alts:
            w.add("0")
            return
        w.add("(" + " OR ".join(alts) + ")", *args)

    # -- events --------------------------------------------------------------------------------
    def events(self, f: EventFilter, *, limit: int | None = None, offset: int = 0,
               sort: str = "date") -> dict[str, Any]:
        """A page of merged events (representatives) matching ``f``, with the total."""
        w = self._where(f)
        n = self.limit(limit)
        offset = max(0, min(offset, self.bounds.max_offset))
        total = self._rows(f"SELECT COUNT(*) FROM event_view e WHERE {w.text()}", w.args)[0][0]
        order = ("e.date IS NULL, e.date DESC, e.type, e.id" if sort == "-date"
                 else "e.date IS NULL, e.date, e.type, e.id")
        rows = self._rows(
            f"SELECT {EVENT_COLUMNS} FROM event_view e WHERE {w.text()} ORDER BY {order} "
            "LIMIT ? OFFSET ?", [*w.args, n, offset])
        return {"total": int(total), "limit": n, "offset": offset,
                "events": self._summaries(rows)}

    def _record(self, row: tuple[Any, ...]) -> dict[str, Any]:
        (eid, etype, mode, date, date_end, source, target, location, contexts, confidence,
         extra, cluster) = row
        return {
            "id": eid, "type": etype, "plover_class": class_of(etype), "mode": mode,
            "date": date, "date_end": date_end, "source": _actors(source),
            "target": _actors(target), "location": location,
            "contexts": [str(c) for c in _loads(contexts, []) or []],
            "confidence": confidence, "cluster": cluster or eid,
            "_extra": _loads(extra, {}) or {},
        }

    def _summaries(self, rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
        records = [self._record(r) for r in rows]
        if not records:
            return []
        ids = [r["id"] for r in records]
        counts: dict[str, tuple[int, int, int, list[str]]] = {}
        for cluster, readings, mentions, docs, langs in self._rows(
            "SELECT r.cluster, COUNT(DISTINCT r.id), COUNT(m.event_id), "
            "COUNT(DISTINCT m.doc_id), GROUP_CONCAT(DISTINCT m.lang) FROM events r "
            f"LEFT JOIN mentions m ON m.event_id = r.id WHERE r.cluster IN {_in(ids)} "
            "GROUP BY r.cluster", ids):
            counts[cluster] = (readings, mentions, docs, sorted((langs or "").split(","))
                               if langs else [])
        first: dict[str, dict[str, Any]] = {}
        for cluster, doc, lang, start, end, text, title in self._rows(
            'SELECT r.cluster, m.doc_id, m.lang, m.start, m."end", m.text, d.title '
            "FROM events r JOIN mentions m ON m.event_id = r.id "
            f"LEFT JOIN documents d ON d.id = m.doc_id WHERE r.cluster IN {_in(ids)} "
            "ORDER BY r.cluster, r.id != r.cluster, m.doc_id, m.start", ids):
            if cluster not in first:
                first[cluster] = {"doc": doc, "lang": lang, "start": start, "end": end,
                                  "text": text, "title": title}
        out = []
        for rec in records:
            readings, mentions, docs, langs = counts.get(rec["id"], (1, 0, 0, []))
            rec.pop("_extra", None)
            rec.update(readings=readings, mention_count=mentions, source_count=docs,
                       langs=langs, first_mention=first.get(rec["id"]))
            out.append(rec)
        return out

    def event(self, event_id: str) -> dict[str, Any]:
        """One merged event: its fields, readings, merge evidence and every mention in
        context. ``event_id`` may name any reading; the answer is its cluster."""
        row = self._rows("SELECT cluster FROM events WHERE id = ?", [event_id])
        if not row:
            raise NotFound(f"no event {event_id!r}")
        cluster = row[0][0] or event_id
        reps = self._rows(f"SELECT {EVENT_COLUMNS} FROM event_view e WHERE e.id = ?", [cluster])
        if not reps:
            raise NotFound(f"no event {cluster!r} (the cluster of {event_id!r})")
        summary = self._summaries(reps)[0]
        readings = [self._record(r) for r in self._rows(
            f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.cluster = ? "
            "ORDER BY e.id != e.cluster, e.id", [cluster])]
        merges = {
            eid: {"matched": matched, "evidence": _loads(evidence, {}), "merged_at": at}
            for eid, matched, evidence, at in self._rows(
                "SELECT event_id, matched, evidence, merged_at FROM merges WHERE cluster = ? "
                "ORDER BY event_id", [cluster])
        }
        extras = {r["id"]: r.pop("_extra") for r in readings}
        for r in readings:
            r["merge"] = merges.get(r["id"])
            r["trigger"] = extras[r["id"]].get("trigger")
        mentions = []
        for (reading, doc, lang, start, end, text, rule, confidence, title, dlang,
             published) in self._rows(
            'SELECT m.event_id, m.doc_id, m.lang, m.start, m."end", m.text, m.rule, '
            "m.confidence, d.title, d.lang, d.published FROM events r "
            "JOIN mentions m ON m.event_id = r.id LEFT JOIN documents d ON d.id = m.doc_id "
            "WHERE r.cluster = ? ORDER BY d.published IS NULL, d.published, m.doc_id, m.start, "
            "m.event_id", [cluster]):
            mention = {"event": reading, "doc": doc, "lang": lang or dlang, "start": start,
                       "end": end, "text": text, "rule": rule, "confidence": confidence,
                       "doc_title": title, "doc_lang": dlang, "published": published}
            mention.update(self._context(doc, start, end, extras.get(reading, {})))
            mentions.append(mention)
        extra = extras.get(cluster, {})
        summary.update(readings_detail=readings, mentions=mentions,
                       modality=extra.get("modality"), merged=bool(merges))
        return summary

    def _context(self, doc: str, start: int, end: int, extra: dict[str, Any]) -> dict[str, Any]:
        """The sentence with the ones around it, and the trigger inside it when it is there."""
        rows = self._rows(
            'SELECT start, "end" FROM spans WHERE doc_id = ? AND layer = \'sentences\' '
            'AND "end" > ? AND start < ? ORDER BY start',
            [doc, max(0, start - 600), end + 600])
        before_start = start
        after_end = end
        prev = [(s, e) for s, e in rows if e <= start]
        nxt = [(s, e) for s, e in rows if s >= end]
        if prev:
            before_start = prev[-1][0] if start - prev[-1][0] <= 600 else max(0, start - 300)
        if nxt:
            after_end = nxt[0][1] if nxt[0][1] - end <= 600 else end + 300
        got = self._rows("SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
                         [before_start + 1, after_end - before_start, doc])
        window = got[0][0] if got and got[0][0] is not None else ""
        before = window[: start - before_start]
        sentence = window[start - before_start : end - before_start]
        after = window[end - before_start :]
        trigger = None
        t = extra.get("trigger") if isinstance(extra, dict) else None
        if isinstance(t, dict) and isinstance(t.get("start"), int) and isinstance(
                t.get("end"), int):
            ts, te = int(t["start"]), int(t["end"])
            if start <= ts < te <= end and sentence[ts - start : te - start] == t.get("text"):
                trigger = {"start": ts - start, "end": te - start, "text": t.get("text")}
        return {"before": before, "after": after, "trigger": trigger}

    # -- timeline ------------------------------------------------------------------------------
    def timeline(self, f: EventFilter, zoom: str | None = None) -> dict[str, Any]:
        """Counts of merged events per period and PLOVER class; ``zoom`` year, month or day
        (``None``: the finest one that keeps the chart readable)."""
        w = self._where(f)
        span = self._rows(
            f"SELECT MIN(e.date), MAX(COALESCE(e.date_end, e.date)), COUNT(*), "
            f"SUM(e.date IS NULL) FROM event_view e WHERE {w.text()}", w.args)[0]
        first, last, total, undated = span[0], span[1], int(span[2] or 0), int(span[3] or 0)
        if zoom is None:
            zoom = _auto_zoom(first, last)
        if zoom not in ZOOMS:
            raise InvalidParameter(f"zoom must be one of {sorted(ZOOMS)}")
        n = ZOOMS[zoom]
        rows = self._rows(
            f"SELECT substr(e.date, 1, {n}) AS b, e.type, COUNT(*) FROM event_view e "
            f"WHERE {w.text()} AND length(e.date) >= {n} GROUP BY b, e.type ORDER BY b",
            w.args)
        buckets: dict[str, dict[str, Any]] = {}
        for key, etype, count in rows:
            b = buckets.setdefault(key, {"key": key, "total": 0, "by_class": {}, "by_type": {}})
            b["total"] += count
            cls = class_of(etype)
            b["by_class"][cls] = b["by_class"].get(cls, 0) + count
            b["by_type"][etype] = b["by_type"].get(etype, 0) + count
        ordered = [buckets[k] for k in sorted(buckets)]
        truncated = len(ordered) > self.bounds.max_buckets
        ordered = ordered[: self.bounds.max_buckets]
        charted = sum(b["total"] for b in ordered)
        by_class: Counter[str] = Counter()
        for b in ordered:
            by_class.update(b["by_class"])
        return {
            "zoom": zoom, "first": first, "last": last, "total": total, "undated": undated,
            "coarser": total - undated - charted if not truncated else 0,
            "truncated": truncated, "buckets": ordered, "by_class": dict(by_class),
        }

    # -- network -------------------------------------------------------------------------------
    def network(self, f: EventFilter, *, limit: int | None = None) -> dict[str, Any]:
        """Actors as nodes, who-acts-toward-whom as directed edges weighted by merged events
        (self-loops left out), the ``limit`` heaviest edges."""
        w = self._where(f)
        n = self.limit(limit if limit is not None else 200)
        # A named actor is its English name (one node whether or not a reading kept its KB
        # id); a state acting as a whole is its country code.
        key = ("COALESCE(json_extract({a}.value, '$.name'), json_extract({a}.value, '$.id'), "
               "json_extract({a}.value, '$.country'))")
        sk, tk = key.format(a="s"), key.format(a="t")
        rows = self._rows(
            f"SELECT {sk} AS sk, {tk} AS tk, e.type, COUNT(DISTINCT e.id), "
            "MAX(json_extract(s.value, '$.name')), MAX(json_extract(s.value, '$.country')), "
            "MAX(json_extract(s.value, '$.id')), MAX(json_extract(t.value, '$.name')), "
            "MAX(json_extract(t.value, '$.country')), MAX(json_extract(t.value, '$.id')) "
            f"FROM event_view e, json_each(e.source) s, json_each(e.target) t WHERE {w.text()} "
            "AND sk IS NOT NULL AND tk IS NOT NULL AND sk != tk GROUP BY sk, tk, e.type",
            w.args)
        edges: dict[tuple[str, str], dict[str, Any]] = {}
        info: dict[str, dict[str, Any]] = {}
        for s, t, etype, count, sname, scountry, sid, tname, tcountry, tid in rows:
            e = edges.setdefault((s, t), {"source": s, "target": t, "weight": 0,
                                          "by_class": {}, "by_type": {}})
            e["weight"] += count
            cls = class_of(etype)
            e["by_class"][cls] = e["by_class"].get(cls, 0) + count
            e["by_type"][etype] = e["by_type"].get(etype, 0) + count
            for k, name, country, kid in ((s, sname, scountry, sid), (t, tname, tcountry, tid)):
                node = info.setdefault(k, {"name": None, "country": None, "kb": None})
                node["name"] = node["name"] or name
                node["country"] = node["country"] or country
                node["kb"] = node["kb"] or kid
        ranked = sorted(edges.values(), key=lambda e: (-e["weight"], e["source"], e["target"]))
        kept = ranked[:n]
        degree: dict[str, int] = defaultdict(int)
        out_w: dict[str, int] = defaultdict(int)
        in_w: dict[str, int] = defaultdict(int)
        for e in kept:
            e["plover_class"] = max(e["by_class"].items(), key=lambda kv: (kv[1], kv[0]))[0]
            degree[e["source"]] += e["weight"]
            degree[e["target"]] += e["weight"]
            out_w[e["source"]] += e["weight"]
            in_w[e["target"]] += e["weight"]
        nodes = []
        for k in sorted(degree, key=lambda k: (-degree[k], k)):
            name, country, kb_id = info[k]["name"], info[k]["country"], info[k]["kb"]
            kind = actor_kind(kb_id, name, country)
            label = name or (state_label(country) if country else k)
            nodes.append({"id": k, "kb_id": kb_id, "label": label, "kind": kind,
                          "country": country,
                          "weight": degree[k], "out": out_w[k], "in": in_w[k]})
        return {"nodes": nodes, "edges": kept, "total_edges": len(ranked),
                "truncated": len(ranked) > len(kept)}

    # -- documents -----------------------------------------------------------------------------
    def documents(self, *, lang: str | None = None, limit: int | None = None,
                  offset: int = 0) -> dict[str, Any]:
        n = self.limit(limit)
        offset = max(0, min(offset, self.bounds.max_offset))
        w = _Where()
        if lang:
            w.add("d.lang = ?", lang)
        total = self._rows(f"SELECT COUNT(*) FROM documents d WHERE {w.text()}", w.args)[0][0]
        rows = self._rows(
            "SELECT d.id, d.title, d.lang, d.published, d.url, d.source, d.status, d.reason, "
            "length(d.text), (SELECT COUNT(DISTINCT r.cluster) FROM mentions m JOIN events r "
            "ON r.id = m.event_id WHERE m.doc_id = d.id), "
            "(SELECT COUNT(*) FROM mentions m WHERE m.doc_id = d.id) "
            f"FROM documents d WHERE {w.text()} ORDER BY d.published IS NULL, d.published DESC, "
            "d.id LIMIT ? OFFSET ?", [*w.args, n, offset])
        docs = [{"id": r[0], "title": r[1], "lang": r[2], "published": r[3], "url": r[4],
                 "source": r[5], "status": r[6], "reason": r[7], "chars": r[8],
                 "events": r[9], "mentions": r[10]} for r in rows]
        return {"total": int(total), "limit": n, "offset": offset, "documents": docs}

    def document(self, doc_id: str) -> dict[str, Any]:
        """A document with its text, its layers and the merged events it tells."""
        rows = self._rows(
            "SELECT id, title, lang, published, url, source, status, reason, "
            "substr(text, 1, ?), length(text) FROM documents WHERE id = ?",
            [self.bounds.max_text, doc_id])
        if not rows:
            raise NotFound(f"no document {doc_id!r}")
        did, title, lang, published, url, source, status, reason, text, chars = rows[0]
        layers: dict[str, list[dict[str, Any]]] = {name: [] for name in LAYERS}
        for layer, start, end, label, value, rule in self._rows(
            'SELECT layer, start, "end", label, value, rule FROM spans WHERE doc_id = ? '
            f"AND layer IN {_in(LAYERS)} ORDER BY layer, start, seq", [doc_id, *LAYERS]):
            if end > len(text):
                continue
            layers[layer].append({"start": start, "end": end, "label": label,
                                  "value": _loads(value, {}), "rule": rule,
                                  "text": text[start:end]})
        marks = []
        clusters: list[str] = []
        for reading, cluster, etype, start, end in self._rows(
            'SELECT m.event_id, r.cluster, r.type, m.start, m."end" FROM mentions m '
            "JOIN events r ON r.id = m.event_id WHERE m.doc_id = ? ORDER BY m.start, r.type",
            [doc_id]):
            cluster = cluster or reading
            if end <= len(text):
                marks.append({"event": cluster, "reading": reading, "type": etype,
                              "plover_class": class_of(etype), "start": start, "end": end})
            if cluster not in clusters:
                clusters.append(cluster)
        events = self._summaries(self._rows(
            f"SELECT {EVENT_COLUMNS} FROM event_view e WHERE e.id IN {_in(clusters)}", clusters)
        ) if clusters else []
        order = {c: i for i, c in enumerate(clusters)}
        events.sort(key=lambda e: order.get(e["id"], 0))
        return {"id": did, "title": title, "lang": lang, "published": published, "url": url,
                "source": source, "status": status, "reason": reason, "chars": chars,
                "truncated": chars > len(text), "text": text, "layers": layers,
                "event_marks": marks, "events": events, "story": self.story_of(did)}

    # -- stories -------------------------------------------------------------------------------
    def _has_stories(self) -> bool:
        """Whether the database has the story tables (migration 0003)."""
        return bool(self._rows(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'story_documents'"))

    def story_of(self, doc_id: str) -> dict[str, Any] | None:
        """The story a document belongs to (id, title, size, languages), or None."""
        if not self._has_stories():
            return None
        rows = self._rows(
            "SELECT st.id, st.title, st.size, st.langs FROM story_documents s "
            "JOIN stories st ON st.id = s.story_id WHERE s.doc_id = ?", [doc_id])
        if not rows:
            return None
        sid, title, size, langs = rows[0]
        return {"id": sid, "title": title, "size": int(size), "langs": _loads(langs, [])}

    def stories(self, *, min_size: int = 2, lang: str | None = None, limit: int | None = None,
                offset: int = 0) -> dict[str, Any]:
        """A page of stories (built by ``khabar stories``; read here, never built), largest
        first, then most recent, with the number of merged events their documents tell."""
        n = self.limit(limit)
        offset = max(0, min(offset, self.bounds.max_offset))
        out: dict[str, Any] = {"total": 0, "limit": n, "offset": offset, "min_size": min_size,
                               "lang": lang, "built": False, "all_stories": 0,
                               "assigned": 0, "unassigned": 0, "stories": []}
        if not self._has_stories():
            return out
        all_stories, assigned, unassigned = self._rows(
            "SELECT (SELECT COUNT(*) FROM stories), (SELECT COUNT(*) FROM story_documents), "
            "(SELECT COUNT(*) FROM documents d WHERE d.status = 'ok' AND NOT EXISTS "
            "(SELECT 1 FROM story_documents s WHERE s.doc_id = d.id))")[0]
        w = _Where()
        w.add("st.size >= ?", min_size)
        if lang:
            w.add("EXISTS (SELECT 1 FROM json_each(st.langs) l WHERE l.value = ?)", lang)
        total = self._rows(f"SELECT COUNT(*) FROM stories st WHERE {w.text()}", w.args)[0][0]
        rows = self._rows(
            "SELECT st.id, st.founder, st.title, st.first_date, st.last_date, st.size, st.langs, "
            "(SELECT COUNT(DISTINCT COALESCE(r.cluster, r.id)) FROM story_documents s "
            "JOIN mentions m ON m.doc_id = s.doc_id JOIN events r ON r.id = m.event_id "
            f"WHERE s.story_id = st.id) FROM stories st WHERE {w.text()} "
            "ORDER BY st.size DESC, st.last_date IS NULL, st.last_date DESC, st.id "
            "LIMIT ? OFFSET ?", [*w.args, n, offset])
        out.update(total=int(total), built=bool(all_stories), all_stories=int(all_stories),
                   assigned=int(assigned), unassigned=int(unassigned),
                   stories=[self._story_row(r) for r in rows])
        return out

    @staticmethod
    def _story_row(row: tuple[Any, ...]) -> dict[str, Any]:
        sid, founder, title, first, last, size, langs, events = row
        return {"id": sid, "founder": founder, "title": title, "first_date": first,
                "last_date": last, "size": int(size), "langs": _loads(langs, []) or [],
                "event_count": int(events)}

    def story(self, story_id: str) -> dict[str, Any]:
        """A story: its documents (publication order) with the score and evidence each joined
        by, and the merged events its documents tell (date order), grouped by date."""
        rows = self._rows(
            "SELECT st.id, st.founder, st.title, st.first_date, st.last_date, st.size, st.langs, "
            "0 FROM stories st WHERE st.id = ?", [story_id]) if self._has_stories() else []
        if not rows:
            raise NotFound(f"no story {story_id!r}")
        story = self._story_row(rows[0])
        n = self.bounds.max_limit
        members = []
        for did, title, lang, published, score, evidence, joined, events in self._rows(
            "SELECT d.id, d.title, d.lang, d.published, s.score, s.evidence, s.joined_at, "
            "(SELECT COUNT(DISTINCT COALESCE(r.cluster, r.id)) FROM mentions m "
            "JOIN events r ON r.id = m.event_id WHERE m.doc_id = d.id) "
            "FROM story_documents s JOIN documents d ON d.id = s.doc_id WHERE s.story_id = ? "
            "ORDER BY d.published IS NULL, d.published, d.id LIMIT ?", [story_id, n]):
            ev = _loads(evidence, {}) or {}
            members.append({"id": did, "title": title, "lang": lang, "published": published,
                            "score": score, "rule": str(ev.get("rule") or ""),
                            "matched": ev.get("matched"), "evidence": ev,
                            "joined_at": joined, "events": int(events)})
        tellers: dict[str, list[str]] = defaultdict(list)
        for cluster, doc in self._rows(
            "SELECT DISTINCT COALESCE(r.cluster, r.id), m.doc_id FROM story_documents s "
            "JOIN mentions m ON m.doc_id = s.doc_id JOIN events r ON r.id = m.event_id "
            "WHERE s.story_id = ? ORDER BY 1, 2", [story_id]):
            tellers[cluster].append(doc)
        clusters = sorted(tellers)
        events = self._summaries(self._rows(
            f"SELECT {EVENT_COLUMNS} FROM event_view e WHERE e.id IN "
            "(SELECT value FROM json_each(?)) ORDER BY e.date IS NULL, e.date, e.type, e.id "
            "LIMIT ?", [json.dumps(clusters), n])) if clusters else []
        days: dict[str | None, dict[str, Any]] = {}
        for e in events:
            e["story_docs"] = tellers.get(e["id"], [])
            day = days.setdefault(e["date"], {"date": e["date"], "events": [], "by_class": {}})
            day["events"].append(e["id"])
            day["by_class"][e["plover_class"]] = day["by_class"].get(e["plover_class"], 0) + 1
        story.update(event_count=len(clusters), documents=members, events=events,
                     truncated=len(clusters) > len(events) or story["size"] > len(members),
                     timeline=list(days.values()))
        return story

    # -- search --------------------------------------------------------------------------------
    def search(self, f: EventFilter, *, limit: int | None = None, offset: int = 0,
               sort: str = "date") -> dict[str, Any]:
        """Events (see :meth:`events`) and documents matching the query and the filters.

        Documents match the folded words of ``q`` (all of them), or any spelling of the actor
        ``q`` names; they are narrowed by language and document, and, when event filters are
        given, to documents that tell a matching event."""
        found = self.events(f, limit=limit, offset=offset, sort=sort)
        found["documents"] = self._search_documents(f, self.limit(limit)) if f.q else []
        found["resolution"] = self.resolution(f)
        return found

    def _search_documents(self, f: EventFilter, limit: int) -> list[dict[str, Any]]:
        assert f.q is not None
        terms = query_terms(f.q)
        if not terms:
            return []
        aq = resolve_actor(f.q)
        w = _Where()
        long_terms = [t for t in terms if _fts_ok(t)]
        short_terms = [t for t in terms if not _fts_ok(t)]
        if long_terms:
            expr = " AND ".join(fts_term(t) for t in long_terms)
            forms = [fts_term(fold(x)) for x in aq.forms if _fts_ok(fold(x))]
            if forms:
                expr = "(" + expr + ") OR " + " OR ".join(forms)
            w.add("documents_fts MATCH ?", expr)
        for t in short_terms:
            w.add("(instr(f.title, ?) > 0 OR instr(f.body, ?) > 0)", t, t)
        if f.lang:
            w.add("d.lang = ?", f.lang)
        if f.doc:
            w.add("d.id = ?", f.doc)
        narrowing = replace(f, q=None, lang=None, doc=None)
        if narrowing.event_filters:
            ew = self._where(narrowing)
            w.add("d.id IN (SELECT m.doc_id FROM event_view e JOIN events r ON r.cluster = e.id "
                  f"JOIN mentions m ON m.event_id = r.id WHERE {ew.text()})", *ew.args)
        score = "bm25(documents_fts)" if long_terms else "0.0"
        rows = self._rows(
            f"SELECT d.id, d.title, d.lang, d.published, {score}, d.text "
            "FROM documents_fts f JOIN documents d ON d.num = f.rowid "
            f"WHERE {w.text()} ORDER BY {score}, d.id LIMIT ?", [*w.args, limit])
        needles = terms + [fold(x) for x in aq.forms]
        hits = []
        for did, title, lang, published, rank, text in rows:
            start, end, marks = self._snippet(did, text, needles)
            hits.append({"id": did, "title": title, "lang": lang, "published": published,
                         "score": -float(rank), "start": start, "end": end,
                         "snippet": text[start:end], "highlights": marks})
        return hits

    def _snippet(self, doc_id: str, text: str, needles: list[str]
                 ) -> tuple[int, int, list[list[int]]]:
        """The sentence holding the first needle found, and every needle's place in it."""
        norm = normalize(text)
        found: tuple[int, int] | None = None
        for needle in needles:
            words = [re.escape(x) for x in needle.split()]
            if not words:
                continue
            m = re.search(r"\s*".join(words), norm.text)
            if m is not None:
                found = norm.to_raw(m.start(), m.end())
                break
        if found is None:
            return 0, min(len(text), 200), []
        start, end = found
        sentence = self._rows(
            'SELECT start, "end" FROM spans WHERE doc_id = ? AND layer = \'sentences\' '
            'AND start <= ? AND "end" > ? LIMIT 1', [doc_id, start, start])
        if sentence:
            s0, s1 = sentence[0]
        else:
            s0, s1 = max(0, start - 100), min(len(text), end + 100)
        if s1 - s0 > 600:
            s0, s1 = max(s0, start - 250), min(s1, end + 250)
        sub = normalize(text[s0:s1])
        marks: list[list[int]] = []
        for needle in needles:
            words = [re.escape(x) for x in needle.split()]
            if not words:
                continue
            for m in re.finditer(r"\s*".join(words), sub.text):
                a, b = sub.to_raw(m.start(), m.end())
                marks.append([a, b])
        return s0, s1, _merge_ranges(marks)

    # -- facets --------------------------------------------------------------------------------
    def facets(self) -> dict[str, Any]:
        """What the filters can choose from: types, languages, documents, countries, actors."""
        types = dict(self._rows(
            "SELECT type, COUNT(*) FROM events WHERE id = cluster GROUP BY type ORDER BY 2 DESC"))
        langs = dict(self._rows(
            "SELECT lang, COUNT(*) FROM documents WHERE lang IS NOT NULL GROUP BY lang "
            "ORDER BY 2 DESC"))
        docs = [{"id": r[0], "title": r[1], "lang": r[2]} for r in self._rows(
            "SELECT id, title, lang FROM documents ORDER BY published IS NULL, published DESC, "
            "id LIMIT ?", [self.bounds.max_limit])]
        actors: Counter[tuple[str, str | None, str | None]] = Counter()
        for side in ("source", "target"):
            for key, name, country, n in self._rows(
                "SELECT COALESCE(json_extract(a.value, '$.id'), json_extract(a.value, '$.name')), "
                "MAX(json_extract(a.value, '$.name')), MAX(json_extract(a.value, '$.country')), "
                f"COUNT(DISTINCT e.id) FROM event_view e, json_each(e.{side}) a "
                "WHERE e.id = e.cluster AND json_extract(a.value, '$.name') IS NOT NULL "
                "GROUP BY 1 ORDER BY 4 DESC LIMIT 200"):
                actors[(key, name, country)] += n
        countries: Counter[str] = Counter()
        for side in ("source", "target"):
            for code, n in self._rows(
                "SELECT json_extract(a.value, '$.country'), COUNT(DISTINCT e.id) "
                f"FROM event_view e, json_each(e.{side}) a WHERE e.id = e.cluster "
                "AND json_extract(a.value, '$.country') IS NOT NULL GROUP BY 1"):
                countries[code] += n
        counts = self._rows(
            "SELECT (SELECT COUNT(*) FROM documents), "
            "(SELECT COUNT(*) FROM events WHERE id = cluster), (SELECT COUNT(*) FROM events), "
            "(SELECT COUNT(*) FROM mentions)")[0]
        return {
            "documents": counts[0], "events": counts[1], "readings": counts[2],
            "mentions": counts[3], "types": types, "langs": langs, "docs": docs,
            "countries": [{"code": c, "label": state_label(c), "events": n}
                          for c, n in countries.most_common(self.bounds.max_limit)],
            "actors": [{"id": k, "name": name, "country": country, "events": n}
                       for (k, name, country), n in actors.most_common(200)],
        }


def _merge_ranges(ranges: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


def _auto_zoom(first: str | None, last: str | None) -> str:
    """Years when the events span more than four years, months down to two months, else days."""
    if not first or not last:
        return "year"
    years = int(last[:4]) - int(first[:4])
    if years > 4:
        return "year"
    if len(first) >= 7 and len(last) >= 7:
        months = years * 12 + int(last[5:7]) - int(first[5:7])
        if months <= 2:
            return "day"
    return "month"
