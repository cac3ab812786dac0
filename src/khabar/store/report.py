"""What an ingest did: counts of documents added, unchanged, replaced and failed (by reason)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from khabar.document import Document

__all__ = ["IngestReport", "reason_kind"]

_STAGE = re.compile(r"^stage '([^']+)' failed on .*?: (\w+(?:\.\w+)*)")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
_NUMBER = re.compile(r"\d+")
_WHERE = re.compile(r"^'?…'?(?: line \d+)?: ")


def reason_kind(reason: str | None, doc: Document | None = None) -> str:
    """A short key that groups failures of the same kind ("stage 'time': ValueError").

    Reasons name the document, its path and offsets; the summary counts failures by what went
    wrong, so those particulars are taken out.
    """
    if not reason:
        return "unknown"
    m = _STAGE.match(reason)
    if m:
        return f"stage {m.group(1)!r}: {m.group(2)}"
    text = reason
    if doc is not None:
        path = str(doc.meta.get("path") or "")
        if path:
            text = text.replace(path, "…")
        text = text.replace(repr(doc.id), "'…'")
    text = _WHERE.sub("", text)  # "path line 3: broken JSON" -> "broken JSON"
    text = _NUMBER.sub("N", _QUOTED.sub("'…'", text)).strip()
    return text[:80] or "unknown"


@dataclass
class IngestReport:
    """Counts for one ingest; ``failed`` maps a failure kind to how many documents had it."""

    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    duplicates: list[str] = field(default_factory=list)  # one message per refused document
    failures: list[tuple[str, str]] = field(default_factory=list)  # (doc id, full reason)
    max_failures_kept: int = 1000

    def fail(self, doc: Document, reason: str | None = None) -> None:
        reason = reason or doc.reason or "unknown"
        self.failed[reason_kind(reason, doc)] += 1
        if len(self.failures) < self.max_failures_kept:
            self.failures.append((doc.id, reason))

    def duplicate(self, doc: Document, message: str) -> None:
        self.failed["duplicate id (different content)"] += 1
        self.duplicates.append(message)
        if len(self.failures) < self.max_failures_kept:
            self.failures.append((doc.id, message))

    @property
    def n_failed(self) -> int:
        return sum(self.failed.values())

    @property
    def seen(self) -> int:
        return self.added + self.unchanged + self.replaced + self.n_failed

    @property
    def ok(self) -> bool:
        return self.n_failed == 0

    def summary(self) -> str:
        parts = [f"{self.added} added", f"{self.unchanged} unchanged"]
        if self.replaced:
            parts.append(f"{self.replaced} replaced")
        parts.append(f"{self.n_failed} failed")
        return ", ".join(parts)
