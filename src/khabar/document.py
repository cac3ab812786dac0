"""The Document that flows through the pipeline, and the Span every annotation is.

A Document keeps its text exactly as read (after decoding). Every annotation is a :class:`Span`
in a named layer, with ``[start, end)`` character offsets into that raw text, a ``value`` dict
and the ``rule`` (stage and rule or lexicon entry) that produced it, so any event can be
explained from its sentence. The normalised matching view (:attr:`Document.norm`) is computed
once and carries an offset map back to the raw text; it is never serialised (it is rebuilt on
demand from the text).

Layers used by the built-in stages:
    boilerplate   lines of a scrape that are not the article (menus, tags, share links)
    sentences     sentence spans; value: {"lang": ...}
    dates         date expressions; value: {"value", "calendar", "anchor", ...}
    actors        actor mentions; value: {"id", "name", "country", "role", "sector", ...}
    events        event mentions; value: the event record fields
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from khabar.text.normalize import NormText, normalize

__all__ = ["Document", "Span"]

OK = "ok"
FAILED = "failed"


@dataclass(slots=True)
class Span:
    """One annotation: raw-text offsets, a label, a value and the rule that made it."""

    start: int
    end: int
    label: str
    value: dict[str, Any] = field(default_factory=dict)
    rule: str = ""

    def text_of(self, doc: Document) -> str:
        return doc.text[self.start : self.end]

    def to_dict(self, doc: Document | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "label": self.label}
        if doc is not None:
            out["text"] = doc.text[self.start : self.end]
        out.update(self.value)
        if self.rule:
            out["rule"] = self.rule
        return out

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass(slots=True)
class Document:
    """One news document. ``text`` is exactly as read; all offsets refer to it."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date (YYYY, YYYY-MM or YYYY-MM-DD)
    lang: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    status: str = OK
    reason: str | None = None
    layers: dict[str, list[Span]] = field(default_factory=dict)
    done: list[str] = field(default_factory=list)  # stages that ran, in order
    _norm: NormText | None = field(default=None, repr=False, compare=False)

    # -- annotations -----------------------------------------------------------------------
    def add(self, layer: str, span: Span) -> Span:
        self.layers.setdefault(layer, []).append(span)
        return span

    def spans(self, layer: str) -> list[Span]:
        return self.layers.get(layer, [])

    def set_layer(self, layer: str, spans: list[Span]) -> None:
        self.layers[layer] = sorted(spans, key=lambda s: (s.start, s.end))

    def span_text(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def within(self, layer: str, start: int, end: int) -> Iterator[Span]:
        """Spans of ``layer`` that lie inside ``[start, end)``."""
        for s in self.layers.get(layer, ()):
            if s.start >= start and s.end <= end:
                yield s

    # -- the matching view -----------------------------------------------------------------
    @property
    def norm(self) -> NormText:
        """Normalised matching view with an offset map to :attr:`text` (computed once)."""
        if self._norm is None:
            self._norm = normalize(self.text)
        return self._norm

    # -- status ----------------------------------------------------------------------------
    @property
    def ok(self) -> bool:
        return self.status == OK

    def fail(self, reason: str) -> None:
        self.status = FAILED
        self.reason = reason

    # -- identity and serialisation --------------------------------------------------------
    @property
    def content_hash(self) -> str:
        """Hash of what was read (text and metadata), so a re-run recognises the same input."""
        h = hashlib.sha256()
        for part in (self.id, self.text, self.title, self.url, self.source, self.published):
            h.update((part or "").encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()[:32]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "text": self.text, "title": self.title, "url": self.url,
            "source": self.source, "published": self.published, "lang": self.lang,
            "meta": self.meta, "status": self.status, "reason": self.reason,
            "done": list(self.done),
            "layers": {
                name: [[s.start, s.end, s.label, s.value, s.rule] for s in spans]
                for name, spans in self.layers.items()
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        layers = {
            name: [Span(int(a), int(b), str(c), dict(d), str(e)) for a, b, c, d, e in spans]
            for name, spans in (data.get("layers") or {}).items()
        }
        return cls(
            id=str(data["id"]), text=str(data["text"]), title=data.get("title"),
            url=data.get("url"), source=data.get("source"), published=data.get("published"),
            lang=data.get("lang"), meta=dict(data.get("meta") or {}),
            status=data.get("status") or OK, reason=data.get("reason"),
            layers=layers, done=list(data.get("done") or []),
        )

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_json(cls, line: str) -> Document:
        return cls.from_dict(json.loads(line))

    def __getstate__(self) -> dict[str, Any]:  # pickling for worker processes: no norm cache
        return self.to_dict()

    def __setstate__(self, state: dict[str, Any]) -> None:
        other = Document.from_dict(state)
        for name in Document.__slots__:
            object.__setattr__(self, name, getattr(other, name))
