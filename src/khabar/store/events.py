"""Events as the store keeps them: identity by content, and the export shapes of docs/EVENTS.md.

A stage reports an event as a span in the ``events`` layer: the span covers the sentence that
tells it, and its ``value`` holds the event fields without mentions. The store keeps one row per
distinct event (the id hashes its defining fields, so the same event told in two documents or
twice in one is one row) and one mention per document and sentence.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

__all__ = [
    "DEFINING_FIELDS",
    "actor_list_text",
    "canonical_json",
    "event_id",
    "event_record",
    "export_line",
]

# The fields that make an event what it is (EVENTS.md section 6, without the mentions).
DEFINING_FIELDS = ("type", "mode", "date", "date_end", "source", "target", "location", "contexts")
_NOT_EXTRA = {*DEFINING_FIELDS, "confidence", "mentions", "lang"}


def canonical_json(value: Any) -> str:
    """Compact JSON with sorted keys and the script kept as is (what the store writes)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _actors(value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    if isinstance(value, dict):
        return [value]
    return [a if isinstance(a, dict) else {"name": str(a)} for a in value]


def event_record(value: dict[str, Any]) -> dict[str, Any]:
    """The stored fields of an event from an ``events`` span value (missing fields empty)."""
    if not value.get("type"):
        raise ValueError("an event span needs a 'type'")
    contexts = value.get("contexts") or []
    return {
        "type": str(value["type"]),
        "mode": value.get("mode"),
        "date": value.get("date"),
        "date_end": value.get("date_end"),
        "source": _actors(value.get("source")),
        "target": _actors(value.get("target")),
        "location": value.get("location"),
        "contexts": [str(c) for c in contexts],
        "confidence": value.get("confidence"),
        "extra": {k: v for k, v in value.items() if k not in _NOT_EXTRA},
    }


def event_id(record: dict[str, Any]) -> str:
    """Hash of the defining fields; actor lists and contexts are compared as sets."""
    key = {name: record.get(name) for name in DEFINING_FIELDS}
    for side in ("source", "target"):
        key[side] = sorted(canonical_json(a) for a in record.get(side) or [])
    key["contexts"] = sorted(record.get("contexts") or [])
    return hashlib.sha256(canonical_json(key).encode("utf-8")).hexdigest()[:24]


def export_line(record: dict[str, Any], mentions: list[dict[str, Any]]) -> dict[str, Any]:
    """One event in exactly the JSON Lines shape of EVENTS.md section 6."""
    out: dict[str, Any] = {"type": record["type"], "mode": record["mode"], "date": record["date"]}
    if record.get("date_end"):
        out["date_end"] = record["date_end"]
    out["source"] = record["source"]
    out["target"] = record["target"]
    out["location"] = record["location"]
    out["contexts"] = record["contexts"]
    out["mentions"] = [
        {"doc": m["doc"], "lang": m["lang"], "start": m["start"], "end": m["end"], "text": m["text"]}
        for m in mentions
    ]
    return out


def actor_list_text(actors: list[dict[str, Any]]) -> str:
    """Actors for a CSV cell: ``name|country`` joined by ``; `` (empty parts stay empty)."""
    return "; ".join(f"{a.get('name') or ''}|{a.get('country') or ''}" for a in actors)
