"""What an actor query names, in any script: «لاوروف», «لافروف» and "Lavrov" are one KB person.

Events keep their actors as ``{name (English), country (ISO3), role, id?}``, so a query in
Persian or Arabic must first become the KB record it names. This uses the name machinery the
actors stage uses (no new transliteration): the KB's exact phrase lookup in fa, ar and en
(:meth:`khabar.kb.loader.KB.lookup`, folded), then the cross-script fuzzy matcher for people
(:func:`khabar.actors.fuzzy.person_names`), which accepts spellings the KB does not list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from khabar.text.normalize import fold

__all__ = ["ActorQuery", "resolve_actor", "resolve_country", "state_label"]

_ISO3 = re.compile(r"^[A-Za-z]{3}$")
MAX_FORMS = 40  # name forms added to a full-text query (bounded: a state has many)
MAX_FUZZY = 5


@dataclass(frozen=True, slots=True)
class ActorQuery:
    """A query resolved to KB ids, English names, roles and states (empty when unknown)."""

    query: str
    ids: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # a state named by the query: actors of that country
    roles: tuple[str, ...] = ()  # an office ("foreign minister"): actors with that role
    forms: tuple[str, ...] = ()  # spellings in every script (for full-text search)
    matches: list[dict[str, Any]] = field(default_factory=list)  # what was recognised, how

    @property
    def resolved(self) -> bool:
        return bool(self.ids or self.names or self.countries or self.roles)

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "resolved": self.resolved, "matches": self.matches}


def _kb() -> Any:
    from khabar.kb import load_kb

    return load_kb()


@lru_cache(maxsize=1024)
def resolve_actor(query: str) -> ActorQuery:
    """The KB records ``query`` names, in any script; empty when it names none."""
    q = " ".join(query.split())
    if not q:
        return ActorQuery(query)
    kb = _kb()
    ids: dict[str, None] = {}
    names: dict[str, None] = {}
    countries: dict[str, None] = {}
    roles: dict[str, None] = {}
    forms: dict[str, None] = {}
    matches: list[dict[str, Any]] = []

    def add(kind: str, entity_id: str, how: str) -> None:
        if any(m["id"] == entity_id for m in matches):
            return
        record = kb.get(entity_id)
        name = getattr(record, "name", None) or getattr(record, "role", None) or entity_id
        country = getattr(record, "country", None)
        if kind == "state":
            countries[entity_id] = None
            country = entity_id
        elif kind == "office":
            roles[str(getattr(record, "role", entity_id))] = None
        else:
            ids[entity_id] = None
            names[str(name)] = None
        lexicon = getattr(record, "names", None) or {}
        for lang in ("fa", "ar", "en"):
            for form in list(lexicon.get(lang, ()))[:12]:
                forms[form] = None
        if kind not in ("office", "sector"):
            forms[str(name)] = None
        matches.append({"kind": kind, "id": entity_id, "name": name, "country": country,
                        "how": how})

    if _ISO3.match(q) and q.upper() in kb.states:
        add("state", q.upper(), "code")
    for lang in ("fa", "ar", "en"):
        for entry in kb.lookup(q, lang):
            if entry.kind in ("person", "org", "state", "office"):
                add(entry.kind, entry.id, f"kb:{lang}")
    if not matches:
        from khabar.actors.fuzzy import person_names

        people = person_names()
        best = sorted(people.scores(q).items(), key=lambda kv: -kv[1])[:MAX_FUZZY]
        top = best[0][1] if best else 0.0
        for pid, score in best:
            if score >= top - 0.05:  # ties and near-ties: "Aliyev" is several people
                add("person", pid, f"fuzzy:{score:.2f}")
    return ActorQuery(
        query=q, ids=tuple(ids), names=tuple(names), countries=tuple(countries),
        roles=tuple(roles), forms=tuple(list(forms)[:MAX_FORMS]), matches=matches,
    )


@lru_cache(maxsize=1024)
def resolve_country(query: str) -> tuple[str, ...]:
    """ISO alpha-3 codes a country filter names: a code, or a state's name in any script."""
    q = " ".join(query.split())
    if not q:
        return ()
    kb = _kb()
    if _ISO3.match(q) and q.upper() in kb.states:
        return (q.upper(),)
    found: dict[str, None] = {}
    for lang in ("fa", "ar", "en"):
        for entry in kb.lookup(q, lang):
            if entry.kind == "state":
                found[entry.id] = None
    if not found and _ISO3.match(q):
        return (q.upper(),)  # a code the KB lacks (SUN, XKX...): match it as written
    return tuple(found)


@lru_cache(maxsize=4096)
def state_label(code: str) -> str:
    """The English name of a state code ("RUS" -> "Russia"), else the code."""
    state = _kb().states.get(code)
    return str(state.name) if state is not None else code


def actor_kind(actor_id: str | None, name: str | None, country: str | None) -> str:
    """``person``, ``org``, ``state`` or ``named`` (a name the KB does not hold)."""
    kb = _kb()
    if actor_id and actor_id in kb.people:
        return "person"
    if actor_id and actor_id in kb.orgs:
        return "org"
    if not name and country:
        return "state"
    return "named"


def folded(text: str | None) -> str:
    """The search key of a text (the store's folding)."""
    return fold(text or "")
