"""Compile a phrase lexicon into one regular expression and match it on normalised text.

Every lexicon in khabar (month names, trigger words, actor names, boilerplate cues) is a data file
of phrases with values. A loop over thousands of patterns per sentence is what makes rule systems
slow, so a lexicon is compiled once into a single trie-shaped alternation: the regex engine then
walks the text once. Written by hand because no maintained library does "trie regex with optional
word breaks and clitics" over Arabic script (pyahocorasick matches exact strings only and cannot
express the optional zero-width non-joiner or Arabic proclitics).

Matching rules:
- entries are folded with :func:`khabar.text.normalize.fold`, so ي/ی, ك/ک, digits, diacritics
  and the non-joiner never matter;
- every word break inside an entry matches a space, several, or none ("قره باغ" matches
  "قره‌باغ", "قره باغ" and "قرهباغ");
- optional ``prefix`` and ``suffix`` patterns (per language: Arabic proclitics و ف ب ل ك ال,
  Persian plural and ezafe endings) may surround a match; the reported span is the whole token,
  ``core`` the part that matched the entry;
- matches are leftmost-longest and never overlap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from khabar.text.normalize import fold

__all__ = ["Match", "PhraseMatcher"]

V = TypeVar("V")

_END = ""  # trie key that marks the end of an entry


@dataclass(frozen=True, slots=True)
class Match(Generic[V]):
    start: int  # in the normalised text, including any prefix/suffix
    end: int
    core_start: int  # the part that matched the entry itself
    core_end: int
    key: str  # the entry's folded form, spaces removed
    values: tuple[V, ...]


def _trie_regex(node: dict) -> str:
    parts = []
    for ch in sorted(k for k in node if k != _END):
        piece = " *" if ch == " " else re.escape(ch)
        parts.append(piece + _trie_regex(node[ch]))
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    if _END in node:
        return "(?:" + body + ")?"
    return body


class PhraseMatcher(Generic[V]):
    """One compiled matcher for a set of ``(phrase, value)`` entries."""

    def __init__(
        self,
        entries: Iterable[tuple[str, V]],
        *,
        prefix: str | None = None,
        suffix: str | None = None,
        boundaries: bool = True,
    ) -> None:
        self._values: dict[str, list[V]] = {}
        trie: dict = {}
        for phrase, value in entries:
            folded = fold(phrase)
            if not folded:
                continue
            key = folded.replace(" ", "")
            self._values.setdefault(key, []).append(value)
            node = trie
            for ch in folded:
                node = node.setdefault(ch, {})
            node[_END] = {}
        self.size = len(self._values)
        core = _trie_regex(trie) if trie else "(?!x)x"
        left = r"(?<!\w)" if boundaries else ""
        right = r"(?!\w)" if boundaries else ""
        pre = f"(?P<pre>{prefix})?" if prefix else ""
        suf = f"(?P<suf>{suffix})?" if suffix else ""
        self.pattern = re.compile(f"{left}{pre}(?P<core>{core}){suf}{right}")

    def __len__(self) -> int:
        return self.size

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Match[V]]:
        """Leftmost-longest, non-overlapping matches in normalised ``text``."""
        end = len(text) if endpos is None else endpos
        for m in self.pattern.finditer(text, pos, end):
            core = m.group("core")
            if not core:
                continue
            key = core.replace(" ", "")
            values = self._values.get(key)
            if values is None:  # pragma: no cover - the regex only matches entries
                continue
            yield Match(m.start(), m.end(), m.start("core"), m.end("core"), key, tuple(values))

    def lookup(self, phrase: str) -> tuple[V, ...]:
        """Values of an exact entry (folded), or ``()``."""
        return tuple(self._values.get(fold(phrase).replace(" ", ""), ()))
