"""The actors stage: every person, state, organisation and armed group a sentence mentions.

For each sentence outside boilerplate: the compiled KB lexicon finds the name forms (one scan of
the document), :func:`khabar.actors.compose.compose` builds actor phrases and resolves offices
to their holders on the sentence's date, then light coreference links pronouns («وی», «او»,
"he") to the last person of the passage, and first-person words of a memoir to its author.

Each actor span (layer ``actors``) has ``id``, ``name`` (English canonical, or null for a state
acting as a whole), ``country``, ``role``, ``sector``, ``kind`` and the rule that matched.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Any

from khabar.actors.compose import Composed, compose
from khabar.actors.lexicon import actor_matcher, cues
from khabar.actors.resolve import HolderIndex
from khabar.document import Document, Span
from khabar.pipeline import register
from khabar.settings import Settings

__all__ = ["find_author", "make_actors"]

# How many sentences back a pronoun may reach for its person.
COREF_WINDOW = 3


@lru_cache(maxsize=1)
def _kb_views() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]],
                         dict[str, str], HolderIndex]:
    from khabar.kb import load_kb

    kb = load_kb()
    people = {p["id"]: p for p in kb.raw["people"]}
    orgs = {o["id"]: o for o in kb.raw["orgs"]}
    roles = {o["id"]: o.get("role") or o["id"].replace("_", " ") for o in kb.raw["offices"]}
    return people, orgs, roles, HolderIndex(list(people.values()), list(kb.raw["offices"]))


def _sentence_date(doc: Document, start: int, end: int) -> str | None:
    """The date an actor phrase in this sentence is read on: a date in the sentence, else the
    diary entry's, else the publication date."""
    for span in doc.spans("dates"):
        if span.start >= start and span.end <= end and span.value.get("value"):
            return str(span.value["value"])
    for entry in doc.spans("entries"):
        if entry.start <= start < entry.end and entry.value.get("value"):
            return str(entry.value["value"])
    return doc.published


def find_author(doc: Document, hits: list[Any]) -> dict[str, Any] | None:
    """The author of a memoir or diary quoted in the document: a known person named right after
    a cue such as «خاطرات», «يوميات», "memoirs of" (within a few words)."""
    people, _, _, _ = _kb_views()
    cue = cues(doc.lang or "en")
    text = doc.norm.text
    for intro in cue.author_intro:
        for m in re.finditer(rf"(?<!\w){re.escape(intro)}(?!\w)", text):
            window_end = m.end() + 60
            for h in hits:
                if m.end() <= h.start <= window_end:
                    person = next((v for v in h.values if v.kind == "person"), None)
                    if person and person.ref in people:
                        p = people[person.ref]
                        return {"kind": "person", "id": p["id"], "name": p["name"],
                                "country": p["country"], "role": None, "author": True}
                if h.start > window_end:
                    break
    return None


@register("actors", requires=("sentences", "dates"), assigns=("actors",))
def make_actors(settings: Settings) -> Any:
    def run(doc: Document) -> Document:
        lang = doc.lang if doc.lang in ("fa", "ar", "en") else "en"
        people, orgs, roles, index = _kb_views()
        cue = cues(lang)
        norm = doc.norm
        text = norm.text
        hits = list(actor_matcher(lang).finditer(text))
        starts = [h.start for h in hits]
        author = find_author(doc, hits)
        if author:
            doc.meta["author"] = author
        spans: list[Span] = []
        recent: list[tuple[int, dict[str, Any]]] = []  # (sentence index, person value)
        for si, sent in enumerate(doc.spans("sentences")):
            lo, hi = norm.from_raw(sent.start), norm.from_raw(sent.end)
            first = bisect_left(starts, lo)
            sent_hits = [h for h in hits[first:] if h.start < hi]
            sent_hits = [h for h in sent_hits if h.end <= hi]
            if not sent_hits:
                continue
            when = _sentence_date(doc, sent.start, sent.end)

            def holders(office: str, country: str | None, when: str | None = when) -> list[Any]:
                return index.holders(office, country, when)

            composed = compose(
                text, sent_hits, lang=lang, cue=cue,
                person_info=people.get, org_info=orgs.get,
                office_role=lambda o: roles.get(o, o.replace("_", " ")), holders=holders,
            )
            officials = [c for c in composed if c.value.get("office")]
            for c in composed:
                _resolve_context(c, officials, recent, si, author, holders)
                if c.value.get("kind") in ("pronoun", "first_person"):
                    continue  # unresolved
                raw_start, raw_end = norm.to_raw(c.start, c.end)
                value = {k: v for k, v in c.value.items() if v is not None or k in
                         ("name", "country", "role")}
                value.setdefault("sector", None)
                if c.proclitic:
                    value["proclitic"] = c.proclitic
                spans.append(Span(raw_start, raw_end, "actor", value, f"actors:{c.rule}"))
                if value.get("kind") == "person" and not value.get("author"):
                    recent.append((si, value))
        doc.set_layer("actors", spans)
        return doc

    return run


def _resolve_context(
    c: Composed,
    officials: list[Composed],
    recent: list[tuple[int, dict[str, Any]]],
    si: int,
    author: dict[str, Any] | None,
    holders: Any,
) -> None:
    """Counterparts, pronouns and first-person words, resolved in place."""
    kind = c.value.get("kind")
    if kind == "counterpart":
        mine = next((o for o in officials if o is not c and o.value.get("kind") != "counterpart"),
                    None)
        office = mine.value.get("office") if mine else None
        c.value.update(kind="office", office=office, role=mine.value.get("role") if mine else None)
        if office and c.value.get("country"):
            found = holders(office, c.value["country"])
            if len(found) == 1:
                c.value.update(kind="person", id=found[0]["id"], name=found[0]["name"])
                c.rule += ":holder"
        if not c.value.get("country"):
            c.value["kind"] = "pronoun"  # a counterpart of unknown country: nothing to say
    elif kind == "pronoun":
        for back_si, value in reversed(recent):
            if si - back_si > COREF_WINDOW:
                break
            c.value = {**value, "coref": True}
            c.rule = f"coref:{c.rule}"
            break
    elif kind == "first_person" and author:
        c.value = {**author}
        c.rule = f"author:{c.rule}"
