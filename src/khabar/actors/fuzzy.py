"""Spellings the KB does not list: a written name to the one KB person it spells.

The press spells a foreign name many ways (پتروسیان / پطروسیان / ترپتروسیان, Mnatsakanyan /
مناتساکانیان); the KB lists the common ones, :mod:`khabar.names` compares the rest across
scripts. Candidates come from an index on the consonant key of each name form's last token (a
written name's key may end with it: «حیدرعلیاف» ends with the key of Aliyev), then
:func:`khabar.names.compare.similarity` decides, with its threshold. A name resolves only when
one person of a compatible country matches, or leads every other by ``MARGIN``: two Aliyevs, a surname shared by people of
that country, or nothing above the threshold leave it unresolved -- never a guess.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any

from khabar.names.compare import THRESHOLD, similarity
from khabar.names.skeleton import key_of, tokens

__all__ = ["PersonNames", "person_names"]

# Shortest consonant key a written name's last token must share with a KB surname.
MIN_KEY = 2
# How far the best person must lead the next one: «پطروسیان» is Ter-Petrosyan (1.0), not
# Torosyan (0.81); two people with one surname tie (Aliyev: 1.0 and 1.0) and nothing resolves.
MARGIN = 0.1
# A surname alone must match more closely than a full name (Khomeini is not Khamenei).
SINGLE_TOKEN = 0.9
# How many answers ``match`` remembers before it starts afresh (bounded memory on any corpus).
MEMO_SIZE = 20000


class PersonNames:
    """KB person name forms, indexed for cross-script lookup."""

    def __init__(self, people: list[dict[str, Any]], threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._memo: dict[tuple[str, str | None], str | None] = {}
        self._by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)  # key -> (form, id)
        self._countries: dict[str, set[str]] = {}
        for p in people:
            countries = {p.get("country")} | {o.get("country") for o in p.get("offices") or []}
            self._countries[p["id"]] = {c for c in countries if c}
            forms = {f for lang_forms in (p.get("names") or {}).values() for f in lang_forms}
            forms.add(p["name"])
            for form in forms:
                toks = tokens(form)
                if not toks:
                    continue
                key = key_of(toks[-1].symbols)
                if len(key) >= MIN_KEY:
                    self._by_key[key].append((form, p["id"]))

    def candidates(self, name: str) -> set[tuple[str, str]]:
        toks = tokens(name)
        if not toks:
            return set()
        key = key_of(toks[-1].symbols)
        found: set[tuple[str, str]] = set()
        for k in range(len(key) - MIN_KEY + 1):
            found.update(self._by_key.get(key[k:], ()))
        return found

    def scores(self, name: str, country: str | None = None) -> dict[str, float]:
        """Best similarity per KB person (of ``country`` when given) at or above threshold."""
        best: dict[str, float] = {}
        several = len(tokens(name)) > 1
        bar = self.threshold if several else max(self.threshold, SINGLE_TOKEN)
        for form, pid in self.candidates(name):
            if country and country not in self._countries.get(pid, set()):
                continue
            if several and len(tokens(form)) < 2:
                continue  # a written given name must agree with a KB given name (Sadegh Larijani)
            # full name against full name: every token must agree (partial matching would let
            # "Sadegh Larijani" drop its given name and match Ali Larijani)
            score = similarity(name, form, partial=not several)
            if score >= bar and score > best.get(pid, 0.0):
                best[pid] = score
        return best

    def match(self, name: str, country: str | None = None) -> str | None:
        """The one KB person ``name`` spells (of ``country`` when given), else None. Answers
        are remembered: the alignment is the costliest step of the actors stage, and the
        same unknown spellings recur across a corpus."""
        key = (name, country)
        if key in self._memo:
            return self._memo[key]
        best = sorted(self.scores(name, country).items(), key=lambda kv: -kv[1])
        found = None if not best or (len(best) > 1 and best[0][1] - best[1][1] < MARGIN) \
            else best[0][0]
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = found
        return found


@lru_cache(maxsize=1)
def person_names() -> PersonNames:
    from khabar.kb import load_kb

    return PersonNames(list(load_kb().raw["people"]))
