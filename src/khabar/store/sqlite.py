"""The SQLite store: one file, WAL, foreign keys, named migrations, idempotent batched writes.

Identity: a document is its id plus :attr:`Document.content_hash`. Writing the same input again
adds nothing (counted "unchanged"); the same id with other content is refused and reported
(naming both sources) unless ``replace=True``, which replaces the document with all its spans and
mentions. A stored *failed* document never blocks: a later run that reads it again retries it.

Atomicity: documents are written in batches, one transaction per batch, and a document's row,
spans, events, mentions and search entry go in together; a killed ingest leaves the batches it
committed and nothing of the one it was writing, so the next run completes the rest. One
document that cannot be stored (a span outside the text, a value that is not JSON) is stored as
failed with the reason, under a savepoint, without undoing the rest of its batch.

Failed documents are stored with status and reason, and without layers (a partial annotation
would leak into exports).

Search: FTS5 over the folded title and article body (see ``migrations/0001_init.sql``).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from khabar.document import FAILED, OK, Document, Span
from khabar.errors import DuplicateIdError, StoreError
from khabar.store.events import event_id, event_record, export_line
from khabar.store.merge import attach, recluster, refresh
from khabar.store.migrate import applied_migrations, migrate, pending
from khabar.store.report import IngestReport, reason_kind
from khabar.text.normalize import fold

__all__ = ["DocumentInfo", "SearchHit", "Store", "fts_term", "open_store", "query_terms"]

DEFAULT_BATCH = 256
_MIN_FTS = 3  # the trigram tokenizer cannot match shorter strings; those are scanned


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """One stored document without its text and layers (for listings)."""

    id: str
    lang: str | None
    title: str | None
    published: str | None
    url: str | None
    source: str | None
    path: str | None
    status: str
    reason: str | None
    chars: int
    ingested_at: str

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A document that matches a search, with the raw sentence (or passage) that matched."""

    doc_id: str
    title: str | None
    lang: str | None
    published: str | None
    score: float
    start: int
    end: int
    snippet: str


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _json(value: Any) -> str:
    """Compact JSON, keys in the order the stage wrote them (hashing uses canonical_json)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def open_store(path: str | Path, *, readonly: bool = False) -> Store:
    """Open (creating and migrating, unless ``readonly``) the SQLite database at ``path``."""
    return Store(path, readonly=readonly)


class Store:
    """A khabar database. Use :func:`open_store`; close it (or use ``with``) when done."""

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        self.readonly = readonly
        memory = self.path == ":memory:"
        try:
            if readonly:
                if memory or not Path(self.path).is_file():
                    raise StoreError(f"no khabar database at {self.path}")
                uri = Path(self.path).resolve().as_uri() + "?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            else:
                if not memory:
                    Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self._conn = sqlite3.connect(self.path, isolation_level=None)
            self._conn.execute("PRAGMA busy_timeout = 30000")
            self._conn.execute("PRAGMA foreign_keys = ON")
            if readonly:
                todo = pending(self._conn, self.path)
                if todo or not applied_migrations(self._conn):
                    raise StoreError(
                        f"{self.path} is not a khabar database at this version "
                        f"(missing migrations: {', '.join(n for n, _ in todo)}); "
                        "open it for writing once to migrate it"
                    )
            else:
                if not memory:
                    self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")
                migrate(self._conn, self.path)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc

    # -- life cycle --------------------------------------------------------------------------
    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.readonly:
            raise StoreError(f"{self.path} is open read-only")
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def migrations(self) -> list[str]:
        """Names of the migrations applied to this database."""
        return applied_migrations(self._conn)

    # -- identity ----------------------------------------------------------------------------
    def stored(self, doc_id: str) -> tuple[str, str] | None:
        """``(content_hash, status)`` of the document stored under ``doc_id``, if any."""
        row = self._conn.execute(
            "SELECT content_hash, status FROM documents WHERE id = ?", (doc_id,)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def has(self, doc_id: str, content_hash: str) -> bool:
        """Whether exactly this input is stored and was processed without failure."""
        return self.stored(doc_id) == (content_hash, OK)

    def __contains__(self, doc_id: object) -> bool:
        return isinstance(doc_id, str) and self.stored(doc_id) is not None

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    # -- writing -----------------------------------------------------------------------------
    def write(
        self,
        docs: Iterable[Document],
        *,
        replace: bool = False,
        batch_size: int = DEFAULT_BATCH,
        report: IngestReport | None = None,
        on_doc: Callable[[Document], None] | None = None,
    ) -> IngestReport:
        """Store documents in atomic batches; see the module docstring for the rules."""
        report = report if report is not None else IngestReport()
        batch: list[Document] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                self._write_batch(batch, replace, report, on_doc)
                batch = []
        if batch:
            self._write_batch(batch, replace, report, on_doc)
        return report

    def _write_batch(
        self,
        batch: list[Document],
        replace: bool,
        report: IngestReport,
        on_doc: Callable[[Document], None] | None,
    ) -> None:
        outcomes: list[tuple[str, Document, str | None]] = []
        try:
            with self._transaction():
                for doc in batch:
                    outcomes.append(self._write_one(doc, replace))
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: writing a batch failed: {exc}") from exc
        # Counted only once the batch is committed, so a report never claims what was undone.
        for outcome, doc, message in outcomes:
            if outcome == "added":
                report.added += 1
            elif outcome == "replaced":
                report.replaced += 1
            elif outcome == "unchanged":
                report.unchanged += 1
            elif outcome == "duplicate":
                report.duplicate(doc, message or "")
            else:
                report.fail(doc, message)
            if on_doc is not None:
                on_doc(doc)

    def _write_one(self, doc: Document, replace: bool) -> tuple[str, Document, str | None]:
        conn = self._conn
        row = conn.execute(
            "SELECT content_hash, status, num, source, path FROM documents WHERE id = ?",
            (doc.id,),
        ).fetchone()
        content_hash = doc.content_hash
        replacing = False
        if row is not None:
            old_hash, old_status, old_num, old_source, old_path = row
            if not replace and old_hash == content_hash and old_status == OK:
                return "unchanged", doc, None
            if not replace and old_status == OK:
                if not doc.ok:  # a good copy is stored; this read of it failed
                    return "failed", doc, doc.reason
                err = DuplicateIdError(
                    f"document id {doc.id!r} is already stored from "
                    f"{old_path or old_source or 'an earlier input'}; "
                    f"{doc.meta.get('path') or doc.source or 'this input'} has other content "
                    "(use --replace to overwrite it)"
                )
                return "duplicate", doc, str(err)
            replacing = old_status == OK
            self._delete(doc.id, old_num)
        conn.execute("SAVEPOINT doc")
        try:
            self._insert(doc, content_hash)
        except (sqlite3.Error, ValueError, TypeError) as exc:
            conn.execute("ROLLBACK TO doc")
            doc.fail(f"store: {type(exc).__name__}: {exc}")
            doc.layers = {}
            doc.meta = json.loads(json.dumps(doc.meta, default=str))
            self._insert(doc, content_hash)
        conn.execute("RELEASE doc")
        if not doc.ok:
            return "failed", doc, doc.reason
        return ("replaced" if replacing else "added"), doc, None

    def _delete(self, doc_id: str, num: int) -> None:
        conn = self._conn
        event_ids = [
            r[0]
            for r in conn.execute("SELECT DISTINCT event_id FROM mentions WHERE doc_id = ?", (doc_id,))
        ]
        clusters = {r[0] for e in event_ids for r in conn.execute(
            "SELECT cluster FROM events WHERE id = ?", (e,))}
        conn.execute("DELETE FROM documents_fts WHERE rowid = ?", (num,))
        conn.execute("DELETE FROM documents WHERE id = ?", (doc_id,))  # spans, mentions cascade
        conn.executemany(
            "DELETE FROM events WHERE id = ? AND NOT EXISTS "
            "(SELECT 1 FROM mentions WHERE event_id = events.id)",
            [(e,) for e in event_ids],
        )
        # the merged events this document was part of are merged again without it
        refresh(conn, recluster(conn, clusters))

    def _insert(self, doc: Document, content_hash: str) -> None:
        conn = self._conn
        layers = doc.layers if doc.ok else {}
        n = len(doc.text)
        span_rows = []
        for layer, spans in layers.items():
            for seq, s in enumerate(spans):
                if not (0 <= s.start <= s.end <= n):
                    raise ValueError(f"span [{s.start}, {s.end}) of layer {layer!r} is outside the text")
                span_rows.append(
                    (doc.id, layer, seq, s.start, s.end, s.label, _json(s.value), s.rule)
                )
        meta_json = _json(doc.meta)
        num = conn.execute("SELECT COALESCE(MAX(num), 0) + 1 FROM documents").fetchone()[0]
        conn.execute(
            "INSERT INTO documents (id, num, content_hash, title, url, source, published, lang, "
            "status, reason, path, meta, done, text, ingested_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc.id, num, content_hash, doc.title, doc.url, doc.source, doc.published,
                doc.lang, doc.status if doc.status in (OK, FAILED) else FAILED, doc.reason,
                _path_of(doc), meta_json, _json(doc.done), doc.text, _now(),
            ),
        )
        conn.executemany(
            'INSERT INTO spans (doc_id, layer, seq, start, "end", label, value, rule) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            span_rows,
        )
        new_events = [eid for eid in (self._insert_event(doc, span)
                                      for span in layers.get("events", ())) if eid]
        for eid in dict.fromkeys(new_events):  # after all mentions: same-document readings
            attach(conn, eid)
        refresh(conn, [r[0] for r in conn.execute(
            "SELECT DISTINCT e.cluster FROM mentions m JOIN events e ON e.id = m.event_id "
            "WHERE m.doc_id = ?", (doc.id,))])
        conn.execute(
            "INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)",
            (num, fold(doc.title or ""), fold(_article_text(doc))),
        )

    def _insert_event(self, doc: Document, span: Span) -> str | None:
        """Store one reading and its mention; its id when the reading is new (to be merged)."""
        record = event_record(span.value)
        eid = event_id(record)
        new = self._conn.execute("SELECT 1 FROM events WHERE id = ?", (eid,)).fetchone() is None
        self._conn.execute(
            "INSERT INTO events (id, type, mode, date, date_end, source, target, location, "
            "contexts, confidence, extra, cluster) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET confidence = MAX("
            "COALESCE(events.confidence, excluded.confidence), "
            "COALESCE(excluded.confidence, events.confidence))",
            (
                eid, record["type"], record["mode"], record["date"], record["date_end"],
                _json(record["source"]), _json(record["target"]), record["location"],
                _json(record["contexts"]), record["confidence"], _json(record["extra"]), eid,
            ),
        )
        self._conn.execute(
            'INSERT OR IGNORE INTO mentions (event_id, doc_id, lang, start, "end", text, rule, '
            "confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                eid, doc.id, _mention_lang(doc, span), span.start, span.end,
                doc.text[span.start : span.end], span.rule, record["confidence"],
            ),
        )
        return eid if new else None

    # -- reading -----------------------------------------------------------------------------
    def get(self, doc_id: str) -> Document:
        """The stored document with all its layers; ``KeyError`` if there is none."""
        row = self._conn.execute(
            "SELECT id, text, title, url, source, published, lang, meta, status, reason, done "
            "FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise KeyError(doc_id)
        doc = Document(
            id=row[0], text=row[1], title=row[2], url=row[3], source=row[4], published=row[5],
            lang=row[6], meta=json.loads(row[7]), status=row[8], reason=row[9],
            done=json.loads(row[10]),
        )
        for layer, start, end, label, value, rule in self._conn.execute(
            'SELECT layer, start, "end", label, value, rule FROM spans WHERE doc_id = ? '
            "ORDER BY layer, seq",
            (doc_id,),
        ):
            doc.add(layer, Span(start, end, label, json.loads(value), rule))
        return doc

    def documents(
        self,
        *,
        failed: bool = False,
        status: str | None = None,
        lang: str | None = None,
        limit: int | None = None,
    ) -> list[DocumentInfo]:
        """Stored documents (without text), by id; ``failed=True`` lists only failures."""
        where: list[str] = []
        args: list[Any] = []
        if failed:
            status = FAILED
        if status:
            where.append("status = ?")
            args.append(status)
        if lang:
            where.append("lang = ?")
            args.append(lang)
        sql = (
            "SELECT id, lang, title, published, url, source, path, status, reason, "
            "length(text), ingested_at FROM documents"
        )
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id"
        if limit is not None:
            sql += " LIMIT ?"
            args.append(limit)
        return [DocumentInfo(*row) for row in self._conn.execute(sql, args)]

    def stats(self) -> dict[str, Any]:
        """Counts by language, status, failure kind, layer and event type."""
        conn = self._conn

        def grouped(sql: str) -> dict[str, int]:
            return {str(k): int(v) for k, v in conn.execute(sql)}

        failures: dict[str, int] = {}
        for doc_id, path, reason in conn.execute(
            "SELECT id, path, reason FROM documents WHERE status = 'failed'"
        ):
            kind = reason_kind(reason, Document(doc_id, "", meta={"path": path}))
            failures[kind] = failures.get(kind, 0) + 1
        return {
            "documents": len(self),
            "by_lang": grouped(
                "SELECT COALESCE(lang, '-'), COUNT(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
            "by_status": grouped("SELECT status, COUNT(*) FROM documents GROUP BY 1 ORDER BY 1"),
            "failures": dict(sorted(failures.items(), key=lambda kv: (-kv[1], kv[0]))),
            "layers": grouped("SELECT layer, COUNT(*) FROM spans GROUP BY 1 ORDER BY 1"),
            "events": int(conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]),
            "mentions": int(conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]),
            "events_by_type": grouped(
                "SELECT type, COUNT(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
        }

    # -- exports -----------------------------------------------------------------------------
    def export_documents(self, *, text: bool = False) -> Iterator[dict[str, Any]]:
        """One dict per document: id, lang, title, published, url, source, path, status, ..."""
        for info in self.documents():
            out = info.to_dict()
            if text:
                out["text"] = self._conn.execute(
                    "SELECT text FROM documents WHERE id = ?", (info.id,)
                ).fetchone()[0]
            yield out

    def _events(self, only: str | None = None
                ) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
        """``(record, mentions)`` per merged event (the ``merged`` table, kept by
        :func:`khabar.store.merge.refresh`), ordered by date, type and id. ``record["id"]`` is
        the merged event's id, ``record["readings"]`` the ids of its readings; one mention per
        sentence."""
        cur = self._conn.execute(
            "SELECT g.cluster, g.type, g.mode, g.date, g.date_end, g.source, g.target, "
            "g.location, g.contexts, g.confidence, g.sources, e.id, m.doc_id, m.lang, m.start, "
            'm."end", m.text, m.rule, m.confidence FROM merged g '
            "JOIN events e ON e.cluster = g.cluster JOIN mentions m ON m.event_id = e.id "
            + ("WHERE g.cluster = ? " if only is not None else "")
            + "ORDER BY g.date IS NULL, g.date, g.type, g.cluster, m.doc_id, m.start, e.id",
            (only,) if only is not None else (),
        )
        record: dict[str, Any] | None = None
        mentions: dict[tuple[str, int, int], dict[str, Any]] = {}

        def done() -> tuple[dict[str, Any], list[dict[str, Any]]]:
            assert record is not None
            return record, list(mentions.values())

        for row in cur:
            if record is None or row[0] != record["id"]:
                if record is not None:
                    yield done()
                record = {
                    "id": row[0], "type": row[1], "mode": row[2], "date": row[3],
                    "date_end": row[4], "source": json.loads(row[5]),
                    "target": json.loads(row[6]), "location": row[7],
                    "contexts": json.loads(row[8]), "confidence": row[9], "sources": row[10],
                    "readings": [],
                }
                mentions = {}
            if row[11] not in record["readings"]:
                record["readings"].append(row[11])
            key = (row[12], row[14], row[15])
            if key not in mentions:
                mentions[key] = {"doc": row[12], "lang": row[13], "start": row[14],
                                 "end": row[15], "text": row[16], "rule": row[17],
                                 "confidence": row[18]}
        if record is not None:
            yield done()

    def export_events(self) -> Iterator[dict[str, Any]]:
        """Events in exactly the JSON Lines shape of EVENTS.md section 6."""
        for record, mentions in self._events():
            yield export_line(record, mentions)

    def merged_events(self, only: str | None = None) -> Iterator[dict[str, Any]]:
        """Events as exported, each with its ``id`` (the merged event's), ``sources`` (distinct
        documents) and ``confidence`` (:mod:`khabar.store.merge`); ``only``: one merged event."""
        for record, mentions in self._events(only):
            yield {"id": record["id"], **export_line(record, mentions),
                   "sources": record["sources"], "confidence": record["confidence"]}

    def why(self, event_id: str) -> dict[str, Any]:
        """Which readings make up the merged event ``event_id`` (its id or any reading's) and on
        what evidence each joined; ``KeyError`` if there is no such event."""
        row = self._conn.execute("SELECT cluster FROM events WHERE id = ? OR cluster = ? "
                                 "LIMIT 1", (event_id, event_id)).fetchone()
        if row is None:
            raise KeyError(event_id)
        cluster = row[0]
        merged = next(self.merged_events(cluster), None)
        readings = []
        for r in self._conn.execute(
                "SELECT e.id, e.type, e.mode, e.date, e.source, e.target, e.extra, g.matched, "
                "g.evidence FROM events e LEFT JOIN merges g ON g.event_id = e.id "
                "WHERE e.cluster = ? ORDER BY e.rowid", (cluster,)):
            mentions = [{"doc": m[0], "lang": m[1], "start": m[2], "end": m[3], "text": m[4]}
                        for m in self._conn.execute(
                            'SELECT doc_id, lang, start, "end", text FROM mentions '
                            "WHERE event_id = ? ORDER BY doc_id, start", (r[0],))]
            extra = json.loads(r[6] or "{}")
            readings.append({
                "id": r[0], "type": r[1], "mode": r[2], "date": r[3],
                "date_partial": extra.get("date_partial"), "source": json.loads(r[4]),
                "target": json.loads(r[5]), "matched": r[7],
                "evidence": json.loads(r[8]) if r[8] else None, "mentions": mentions,
            })
        return {"id": cluster, "event": merged, "readings": readings}

    def export_mentions(self) -> Iterator[dict[str, Any]]:
        """One dict per mention, with its event's id, type, mode and date."""
        for record, mentions in self._events():
            for m in mentions:
                yield {
                    "event": record["id"], "type": record["type"], "mode": record["mode"],
                    "date": record["date"], **m,
                }

    def export_actors(self) -> Iterator[dict[str, Any]]:
        """Actor mentions (layer ``actors``) grouped by actor id (else name and country)."""
        cur = self._conn.execute(
            "SELECT COALESCE(json_extract(s.value, '$.id'), "
            "  COALESCE(json_extract(s.value, '$.name'), '') || '|' || "
            "  COALESCE(json_extract(s.value, '$.country'), '')) AS key, "
            "MAX(json_extract(s.value, '$.name')), MAX(json_extract(s.value, '$.country')), "
            "COUNT(*), COUNT(DISTINCT s.doc_id), GROUP_CONCAT(DISTINCT d.lang) "
            "FROM spans s JOIN documents d ON d.id = s.doc_id WHERE s.layer = 'actors' "
            "AND COALESCE(json_extract(s.value, '$.id'), json_extract(s.value, '$.name'), "
            "  json_extract(s.value, '$.country')) IS NOT NULL "  # unresolved phrases: not actors
            "GROUP BY key ORDER BY 4 DESC, key"
        )
        for key, name, country, mentions, docs, langs in cur:
            yield {
                "id": key, "name": name, "country": country, "mentions": mentions,
                "documents": docs, "langs": sorted((langs or "").split(",")) if langs else [],
            }

    # -- search ------------------------------------------------------------------------------
    def search(self, query: str, *, lang: str | None = None, limit: int = 20) -> list[SearchHit]:
        """Documents matching every word of ``query`` (folded; "quoted phrases" kept whole).

        Folding makes ي/ی, ك/ک, diacritics and digits irrelevant. A word typed with a
        non-joiner (folded to a space) matches the spaced, the non-joined and the joined
        spelling: "می‌رود" finds "می‌رود", "می رود" and "میرود". Matching is by substring
        (trigram index), so a word is found under proclitics and suffixes ("خارجیه" in
        "والخارجیه"); words shorter than three letters are matched by a scan.
        """
        terms = query_terms(query)
        if not terms:
            return []
        long_terms = [t for t in terms if len(t.replace(" ", "")) >= _MIN_FTS]
        short_terms = [t for t in terms if len(t.replace(" ", "")) < _MIN_FTS]
        where: list[str] = []
        args: list[Any] = []
        if long_terms:
            where.append("documents_fts MATCH ?")
            args.append(" AND ".join(fts_term(t) for t in long_terms))
        for t in short_terms:
            where.append("(instr(f.title, ?) > 0 OR instr(f.body, ?) > 0)")
            args.extend([t, t])
        if lang:
            where.append("d.lang = ?")
            args.append(lang)
        order = "bm25(documents_fts)" if long_terms else "d.id"
        score = "bm25(documents_fts)" if long_terms else "0.0"
        sql = (
            f"SELECT d.id, {score} FROM documents_fts f JOIN documents d ON d.num = f.rowid "
            f"WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ?"
        )
        args.append(limit)
        try:
            rows = self._conn.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"search {query!r} failed: {exc}") from exc
        hits = []
        for doc_id, rank in rows:
            doc = self.get(doc_id)
            start, end = _snippet(doc, terms)
            hits.append(
                SearchHit(doc.id, doc.title, doc.lang, doc.published, -float(rank), start, end,
                          doc.text[start:end])
            )
        return hits


# -- helpers ---------------------------------------------------------------------------------
def _path_of(doc: Document) -> str | None:
    path = doc.meta.get("path")
    return str(path) if path is not None else None


def _mention_lang(doc: Document, span: Span) -> str | None:
    lang = span.value.get("lang")
    if lang:
        return str(lang)
    for sentence in doc.spans("sentences"):
        if sentence.start <= span.start < sentence.end and sentence.value.get("lang"):
            return str(sentence.value["lang"])
    return doc.lang


def _article_text(doc: Document) -> str:
    """The text without boilerplate spans (menus, tags): what search should look in."""
    cuts = sorted((s.start, s.end) for s in doc.spans("boilerplate"))
    if not cuts:
        return doc.text
    parts, pos = [], 0
    for start, end in cuts:
        if start > pos:
            parts.append(doc.text[pos:start])
        pos = max(pos, end)
    parts.append(doc.text[pos:])
    return "\n".join(parts)


_QUERY = re.compile(r'"([^"]+)"|(\S+)')


def query_terms(query: str) -> list[str]:
    """Folded search terms: words, and "quoted phrases" kept whole."""
    terms = []
    for phrase, word in _QUERY.findall(query):
        folded = fold(phrase or word).replace('"', "")
        if folded:
            terms.append(folded)
    return terms


def fts_term(term: str) -> str:
    """An FTS5 expression for one folded term; a spaced term also matches its joined form."""
    if " " in term:
        return f'("{term}" OR "{term.replace(" ", "")}")'
    return f'"{term}"'


def _snippet(doc: Document, terms: list[str]) -> tuple[int, int]:
    """Raw offsets of the sentence (or a window) where the first term first occurs."""
    norm = doc.norm
    for term in terms:
        words = [re.escape(w) for w in term.split()]
        m = re.search(r"\s*".join(words), norm.text)
        if m is None:
            continue
        start, end = norm.to_raw(m.start(), m.end())
        for sentence in doc.spans("sentences"):
            if sentence.start <= start < sentence.end:
                return sentence.start, sentence.end
        return max(0, start - 80), min(len(doc.text), end + 80)
    return 0, min(len(doc.text), 160)
