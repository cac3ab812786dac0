"""Find the entries a name may refer to among many, without comparing it with every entry."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from khabar.names.compare import THRESHOLD, similarity
from khabar.names.skeleton import Token, keys_of, tokens

__all__ = ["NameIndex"]

V = TypeVar("V")

_MAX_MERGE = 3  # a token may match up to three tokens of the other name (see compare._STEPS)


def _group_keys(group: tuple[Token, ...]) -> set[str]:
    """Blocking keys of a token group: its coarse consonant keys (one per reading of و, v, th...)
    and, for keys of four or more classes, every key with one class deleted (so one differing
    consonant still meets)."""
    symbols = "".join(t.symbols for t in group)
    keys: set[str] = set()
    for key in keys_of(symbols):
        if not key:
            keys.add("~" + symbols)  # no consonant at all: key on the symbols
            continue
        keys.add(key)
        if len(key) >= 4:
            keys.update(key[:i] + key[i + 1 :] for i in range(len(key)))
    return keys


def _keys_with(toks: tuple[Token, ...], pos: int) -> set[str]:
    """Keys of every group of up to three adjacent tokens that contains token ``pos``."""
    keys: set[str] = set()
    for start in range(max(0, pos - _MAX_MERGE + 1), pos + 1):
        for end in range(pos + 1, min(len(toks), start + _MAX_MERGE) + 1):
            keys |= _group_keys(toks[start:end])
    return keys


class NameIndex(Generic[V]):
    """Names with values (``(name, value)`` pairs), looked up by spelling across scripts.

    Each entry is filed under the blocking keys of its token groups (coarse consonant keys and
    their one-deletion variants); a lookup scores only the entries that share a key with the
    query's last token (and, without ``partial``, with its first token too), so the work per query
    grows with the size of those blocks, not with the number of entries.
    """

    def __init__(
        self,
        names: Iterable[tuple[str, V]],
        *,
        threshold: float = THRESHOLD,
        partial: bool = False,
    ) -> None:
        self.threshold = threshold
        self.partial = partial
        self._names: list[str] = []
        self._values: list[V] = []
        self._postings: dict[str, set[int]] = {}
        for name, value in names:
            toks = tokens(name)
            if not toks:
                continue
            idx = len(self._names)
            self._names.append(name)
            self._values.append(value)
            keys: set[str] = set()
            for pos in range(len(toks)):
                keys |= _keys_with(toks, pos)
            for key in keys:
                self._postings.setdefault(key, set()).add(idx)

    def __len__(self) -> int:
        return len(self._names)

    def candidates(self, name: str) -> set[int]:
        """Indices of the entries that share blocking keys with ``name``'s first and last token."""
        toks = tokens(name)
        if not toks:
            return set()
        found: set[int] | None = None
        # The last tokens always align (a shorter name matches the end of a longer one); without
        # partial matching the first tokens align too, which narrows the block further.
        positions = {len(toks) - 1} if self.partial else {0, len(toks) - 1}
        for pos in positions:
            hits: set[int] = set()
            for key in _keys_with(toks, pos):
                hits |= self._postings.get(key, set())
            found = hits if found is None else found & hits
        return found or set()

    def lookup(self, name: str, threshold: float | None = None) -> list[tuple[V, float]]:
        """Values whose name matches ``name``, best first, one (the best score) per value."""
        limit = self.threshold if threshold is None else threshold
        best: dict[int, float] = {}
        order: list[V] = []
        scores: list[float] = []
        for idx in self.candidates(name):
            score = similarity(name, self._names[idx], partial=self.partial)
            if score >= limit:
                best[idx] = score
        seen: dict[int, int] = {}  # id(value) -> position in order, to keep one entry per value
        for idx, score in sorted(best.items(), key=lambda kv: (-kv[1], kv[0])):
            value = self._values[idx]
            marker = id(value)
            if marker in seen:
                continue
            seen[marker] = len(order)
            order.append(value)
            scores.append(score)
        return list(zip(order, scores, strict=True))
