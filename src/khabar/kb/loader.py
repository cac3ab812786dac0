"""Typed, cached access to the built actor knowledge base (``built/kb.json``).

``load_kb()`` reads the file once per process. The :class:`KB` it returns holds typed records
(states, organisations, offices, sectors, people), lookups by id and code, compiled
:class:`~khabar.text.PhraseMatcher` objects per language and per group of phrases (what the actors
stage matches on ``doc.norm``), and :meth:`KB.holders` (who held an office on a date).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from khabar.errors import KhabarError
from khabar.text import PhraseMatcher, fold

__all__ = [
    "CLITICS",
    "GROUPS",
    "KB",
    "Entry",
    "KBError",
    "Office",
    "Org",
    "Person",
    "Sector",
    "State",
    "Tenure",
    "load_kb",
]

LANGS = ("en", "fa", "ar")
Lexicon = Mapping[str, tuple[str, ...]]

# Phrase groups a matcher can be compiled from: the five state fields, then one group per file.
GROUPS = ("names", "adjectives", "people", "capitals", "seats",
          "orgs", "offices", "sectors", "persons")
_STATE_GROUPS = GROUPS[:5]

# Clitics around an entry, written in folded form (they match doc.norm, see khabar.text).
# Arabic: conjunctions و ف, prepositions ب ل ک, the article ال and their contractions (بال وال
# لل ...) before, lazily, so the shortest prefix and thus the longest entry wins (والانفصالیین
# الارمن is و + an entry, not وال + the shorter entry انفصالیین); possessive pronouns, nisba feminine and sound plurals after (نظیره, روسیه as
# "Russian (f.)" after روسی, الفلسطینیین). Persian: plural ها/های (often after a non-joiner, which
# folds to a space) and the ezafe/indefinite ی/ای after. English: the possessive 's.
CLITICS: dict[str, tuple[str | None, str | None]] = {
    "ar": (r"(?:[وف]??(?:ب|ل|ک)??(?:ال)??|[وف]??لل)",
           r"(?:ه|ها|هم|هما|ین|ون|ان|ی|یه|یین|یون)"),
    "fa": (None, r"(?: ?ها| ?های| ?هایی|ی|ای)"),
    "en": (None, r"(?:'s|')"),
}


class KBError(KhabarError):
    """The built knowledge base is missing, malformed, or asked for something it lacks."""


@dataclass(frozen=True, slots=True)
class Entry:
    """What a matched phrase names: ``kind`` (state/org/office/sector/person), ``id``, and the
    ``field`` it was listed under (``names``, ``adjectives``, ``people``, ``capitals``, ``seats``
    for states; ``names`` for everything else)."""

    kind: str
    id: str
    field: str


@dataclass(frozen=True, slots=True)
class State:
    id: str  # ISO 3166 alpha-3 (or SUN/YUG historical, XKX user-assigned)
    iso2: str
    status: str | None  # None for ISO states, "historical", "user_assigned"
    name: str  # English display name (CLDR)
    curated: bool
    names: Lexicon
    adjectives: Lexicon
    people: Lexicon
    capitals: Lexicon
    seats: Lexicon


@dataclass(frozen=True, slots=True)
class Org:
    id: str
    name: str
    kind: str
    parent: str | None
    country: str | None  # None for international bodies (EVENTS.md section 3)
    bases: tuple[str, ...]  # countries a non-state group is based in; country is the first
    names: Lexicon
    # a group of a people in a region («ارامنه قره باغ»): {"place": curated place id, "people":
    # the people's state, "sectors": the sector ids (or "people") whose phrases name this group}
    located: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Office:
    id: str
    role: str
    implies: tuple[str, ...]
    precedence: int | None  # among offices implying the same one, lower answers first
    names: Lexicon


@dataclass(frozen=True, slots=True)
class Sector:
    id: str
    combines: str | None  # "state", "base" or None; see docs/KB.md "Composition"
    parent: str | None
    names: Lexicon


def _bound(value: str | None, *, end: bool) -> date | None:
    """A partial ISO date as the first (start) or last (end) day it covers."""
    if value is None:
        return None
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        if not end:
            return date(parts[0], parts[1], 1)
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)


@dataclass(frozen=True, slots=True)
class Tenure:
    office: str
    country: str | None
    to: str | None
    org: str | None
    start: str | None  # ISO date at the precision known: YYYY, YYYY-MM or YYYY-MM-DD
    end: str | None  # None while in office

    def covers(self, on: date) -> bool:
        """Whether ``on`` falls in the tenure; a coarse date covers its whole month/year."""
        first = _bound(self.start, end=False)
        last = _bound(self.end, end=True)
        return (first is None or first <= on) and (last is None or on <= last)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    country: str | None
    names: Lexicon
    offices: tuple[Tenure, ...]


def _lex(raw: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    return {lang: tuple(raw.get(lang, ())) for lang in LANGS}


class KB:
    """The actor knowledge base: records, lookups and compiled matchers."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.raw: Mapping[str, Any] = data  # the parsed kb.json, for code that wants plain dicts
        try:
            self.states: dict[str, State] = {
                r["id"]: State(r["id"], r["iso2"], r["status"], r["name"], r["curated"],
                               *(_lex(r[f]) for f in _STATE_GROUPS))
                for r in data["states"]}
            self.orgs: dict[str, Org] = {
                r["id"]: Org(r["id"], r["name"], r["kind"], r["parent"], r["country"],
                             tuple(r["bases"]), _lex(r["names"]), r.get("located"))
                for r in data["orgs"]}
            self.offices: dict[str, Office] = {
                r["id"]: Office(r["id"], r["role"], tuple(r["implies"]), r["precedence"],
                                  _lex(r["names"]))
                for r in data["offices"]}
            self.sectors: dict[str, Sector] = {
                r["id"]: Sector(r["id"], r["combines"], r["parent"], _lex(r["names"]))
                for r in data["sectors"]}
            self.people: dict[str, Person] = {
                r["id"]: Person(r["id"], r["name"], r["country"], _lex(r["names"]),
                                tuple(Tenure(t["office"], t["country"], t["to"], t["org"],
                                             t["start"], t["end"]) for t in r["offices"]))
                for r in data["people"]}
        except (KeyError, TypeError) as exc:
            raise KBError(f"malformed knowledge base: {exc!r}") from exc
        self._iso2 = {s.iso2: s for s in self.states.values()}
        self._matchers: dict[tuple[str, tuple[str, ...]], PhraseMatcher[Entry]] = {}

    # ---------------------------------------------------------------------------- lookups
    def get(self, entity_id: str) -> State | Org | Office | Sector | Person:
        """Any record by id (ids are unique across the whole KB)."""
        for table in (self.states, self.orgs, self.offices, self.sectors, self.people):
            if entity_id in table:
                found: State | Org | Office | Sector | Person = table[entity_id]
                return found
        raise KBError(f"no KB entry with id {entity_id!r}")

    def state(self, code: str) -> State:
        """A state by ISO alpha-3 or alpha-2 code (case-insensitive)."""
        code = code.upper()
        found = self.states.get(code) or self._iso2.get(code)
        if found is None:
            raise KBError(f"unknown state code {code!r}")
        return found

    def entries(self, kind: str, lang: str) -> Iterable[tuple[str, Entry]]:
        """``(phrase, Entry)`` pairs of one group in one language."""
        if lang not in LANGS:
            raise KBError(f"unknown language {lang!r}")
        if kind in _STATE_GROUPS:
            for s in self.states.values():
                for phrase in getattr(s, kind)[lang]:
                    yield phrase, Entry("state", s.id, kind)
            return
        tables: dict[str, tuple[str, Mapping[str, Any]]] = {
            "orgs": ("org", self.orgs), "offices": ("office", self.offices),
            "sectors": ("sector", self.sectors), "persons": ("person", self.people)}
        if kind not in tables:
            raise KBError(f"unknown phrase group {kind!r}; expected one of {GROUPS}")
        label, table = tables[kind]
        for record in table.values():
            for phrase in record.names[lang]:
                yield phrase, Entry(label, record.id, "names")

    def matcher(self, lang: str, *groups: str) -> PhraseMatcher[Entry]:
        """A compiled matcher over ``groups`` (all of :data:`GROUPS` when none are given) for
        ``lang``, with that language's clitics (:data:`CLITICS`). Compiled once per KB."""
        unknown = set(groups) - set(GROUPS)
        if unknown:
            raise KBError(f"unknown phrase group(s) {sorted(unknown)}; expected some of {GROUPS}")
        if lang not in LANGS:
            raise KBError(f"unknown language {lang!r}")
        chosen = tuple(sorted(set(groups or GROUPS), key=GROUPS.index))
        cache_key = (lang, chosen)
        if cache_key not in self._matchers:
            prefix, suffix = CLITICS.get(lang, (None, None))
            pairs = [pair for g in chosen for pair in self.entries(g, lang)]
            self._matchers[cache_key] = PhraseMatcher(pairs, prefix=prefix, suffix=suffix)
        return self._matchers[cache_key]

    def lookup(self, phrase: str, lang: str, *groups: str) -> tuple[Entry, ...]:
        """Entries an exact phrase names (folded, no clitics), e.g. ``("کاخ سفید", "fa")``."""
        return self.matcher(lang, *groups).lookup(phrase)

    def resolve(self, text: str, lang: str, *groups: str) -> list[tuple[str, tuple[Entry, ...]]]:
        """Every match in normalised ``text``: ``(matched core text, entries)``, in order."""
        norm = fold(text)
        return [(norm[m.core_start:m.core_end], m.values)
                for m in self.matcher(lang, *groups).finditer(norm)]

    def holders(self, office_id: str, country: str | None, on: date | None = None, *,
                to: str | None = None, implied: bool = True) -> list[Person]:
        """People who held ``office_id`` for ``country`` on ``on`` (any time when ``None``).

        Tenures of exactly that office answer first; only when there are none, and ``implied``
        is set, tenures of offices that imply it (a president for ``head_of_state``) answer, the
        office of lowest ``precedence`` first (IRN: the supreme leader, not the president). ``to`` narrows ambassadors to a receiving state or org.
        Most recent start first.
        """
        if office_id not in self.offices:
            raise KBError(f"unknown office {office_id!r}")

        def find(office_ids: set[str]) -> list[tuple[str, Person]]:
            found: dict[str, tuple[str, Person]] = {}
            for person in self.people.values():
                for t in person.offices:
                    if t.office not in office_ids or t.country != country:
                        continue
                    if to is not None and t.to != to:
                        continue
                    if on is not None and not t.covers(on):
                        continue
                    start = t.start or ""
                    if person.id not in found or start > found[person.id][0]:
                        found[person.id] = (start, person)
            return sorted(found.values(), key=lambda sp: (sp[0], sp[1].id), reverse=True)

        hits = find({office_id})
        if not hits and implied:
            implying = [o for o in self.offices.values() if office_id in o.implies]
            for rank in sorted({o.precedence or 0 for o in implying}):
                hits = find({o.id for o in implying if (o.precedence or 0) == rank})
                if hits:
                    break
        return [p for _, p in hits]


def _read(path: Path | None) -> dict[str, Any]:
    try:
        if path is None:
            text = (resources.files("khabar.kb") / "built" / "kb.json").read_text(encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KBError("built/kb.json is missing: run python -m khabar.kb.build") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise KBError(f"built/kb.json is not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise KBError("built/kb.json is not a JSON object")
    return data


@lru_cache(maxsize=4)
def load_kb(path: Path | None = None) -> KB:
    """The knowledge base, read once per process (per ``path``; default: the shipped file)."""
    return KB(_read(path))
