"""One compiled actor lexicon per language, built from the knowledge base.

Every name form of every KB entry (person, state name/adjective/people/capital/seat,
organisation, office title, sector word) and the cue words of ``lang/<lang>/actor_cues.json``
(titles, pronouns, first-person words, "sides" words, side nouns, coreferring role words) go into a
single :class:`PhraseMatcher`, so a document is scanned once. Entries from all three languages go into each matcher (a Persian article quotes
Arabic names, an Arabic one Latin acronyms); what differs per language are the clitics: Arabic
glues و ف ب ل ك and the article ال to a name, Persian adds plural and ezafe endings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from khabar.lang import resource_json
from khabar.text.lexicon import PhraseMatcher

__all__ = ["Cues", "Entry", "actor_matcher", "cues", "located_group"]

# Clitic patterns come from the knowledge base (khabar.kb.CLITICS), one per language.


@dataclass(frozen=True, slots=True)
class Entry:
    """What a lexicon hit refers to."""

    kind: str  # person, state, org, office, sector, title, pronoun, first_person, counterpart,
    #            sides, side, region, head (an organisation's head: "chief", «رئيس»),
    #            neighbour (the other party: «کشور همسایه», «البلد الجار»),
    #            state_coref («این کشور», «هذا البلد», "the country": the last state named),
    #            none (a fixed expression holding a name that names no actor: «نماز مغرب»)
    ref: str  # KB id, ISO alpha-3 code, office id, sector id, or the cue word
    form: str = ""  # for states: name, adjective, people, capital, seat; for regions: the state


@dataclass(frozen=True)
class Cues:
    titles: frozenset[str]
    stop_words: frozenset[str]
    author_intro: tuple[str, ...]
    ambassador_to: tuple[str, ...]
    counterpart_self: tuple[str, ...]
    region_link: frozenset[str]
    located_words: frozenset[str]  # «الموجودة», «مستقر», "based": between a group and its region
    affiliation: frozenset[str]  # «تابعة», «الموالية», "loyal to": a sector word to its state
    blocked: frozenset[str]
    residents: frozenset[str] = frozenset()  # «السكان», «ساکنان», "residents": people of a place
    place_cues: frozenset[str] = frozenset()
    places_blocked: frozenset[str] = frozenset()
    plural: frozenset[str] = frozenset()
    deputy: tuple[str, ...] = ()  # before an office: its deputy («معاون», «نائب», "deputy")
    acting: tuple[str, ...] = ()  # before an office: a temporary holder («القائم بأعمال», "acting")
    acting_after: tuple[str, ...] = ()  # after an office phrase: «بالوكالة»
    not_names: frozenset[str] = frozenset()  # capitalised words that are no name ("Monday")


def _cue_data(lang: str) -> dict[str, Any]:
    return resource_json(lang, "actor_cues.json")


@lru_cache(maxsize=8)
def cues(lang: str) -> Cues:
    from khabar.text.normalize import fold

    data = _cue_data(lang)
    return Cues(
        titles=frozenset(fold(w) for w in data["titles"]),
        stop_words=frozenset(fold(w) for w in data["stop_words"]),
        author_intro=tuple(fold(w) for w in data["author_intro"]),
        ambassador_to=tuple(fold(w) for w in data["ambassador_to"]),
        counterpart_self=tuple(fold(w) for w in data["counterpart_self"]),
        region_link=frozenset(fold(w) for w in data.get("region_link", ())),
        located_words=frozenset(fold(w) for w in data.get("located_words", ())),
        residents=frozenset(fold(w) for w in data.get("residents", ())),
        affiliation=frozenset(fold(w) for w in data.get("affiliation", ())),
        blocked=frozenset(fold(w).replace(" ", "") for w in data.get("blocked", ())),
        place_cues=frozenset(fold(w) for w in data.get("place_cues", ())),
        places_blocked=frozenset(fold(w).replace(" ", "")
                                 for w in data.get("places_blocked", ())),
        plural=frozenset(fold(w).replace(" ", "") for w in data.get("plural", ())),
        deputy=tuple(fold(w) for w in data.get("deputy", ())),
        acting=tuple(fold(w) for w in data.get("acting", ())),
        acting_after=tuple(fold(w) for w in data.get("acting_after", ())),
        not_names=frozenset(fold(w) for w in data.get("not_names", ())),
    )


_KINDS = {"state": "state", "org": "org", "office": "office", "sector": "sector",
          "person": "person"}


def regions(kb: Any) -> Iterator[tuple[str, str, str]]:
    """``(region phrase, place id, state code)`` for every curated place a KB group of a people
    is ``located`` in: KARABAKH_ARMENIANS, KARABAKH_AUTH and KARABAKH_FORCES (Armenians, ARM, in
    the place ``karabakh``) make every name of that place («قره باغ», «إقليم قره باغ»,
    "Nagorno-Karabakh") a region for the Armenians. The actors stage then reads a people, an
    adjective or a sector phrase of that state placed in the region («ارمنی‌ها در قره باغ»,
    «وفد أرميني من قره باغ», "Armenian forces in Karabakh") as the group (:func:`located_group`):
    a composition driven by KB data, not by phrases listed per group."""
    from khabar.actors.places import curated_places

    wanted = {(o.located["place"], o.located["people"]) for o in kb.orgs.values() if o.located}
    for form, place in curated_places():
        for place_id, people in wanted:
            if place.id == place_id:
                yield form, place_id, people


def located_group(kb: Any, place: str, people: str, sector: str | None) -> str | None:
    """The KB group of ``people`` in ``place`` that a phrase of ``sector`` names (None: the
    people itself): the org whose ``located.sectors`` lists the sector or, failing that, its
    parent sector (a delegation is a government body)."""
    options = [(o.id, tuple(o.located["sectors"])) for o in kb.orgs.values()
               if o.located and (o.located["place"], o.located["people"]) == (place, people)]
    wanted = [sector or "people"]
    parent = kb.sectors[sector].parent if sector and sector in kb.sectors else None
    if parent:
        wanted.append(parent)
    for want in wanted:
        for org_id, sectors in options:
            if want in sectors:
                return org_id
    return None


# Regular plurals of a nationality adjective, made by rule rather than listed per state: the
# Arabic nisba (عراقي) takes the sound plural ـيين/ـيون (عراقيين, عراقيون); a Persian adjective
# takes ـها (ترک‌ها, عراقی‌ها) and, when it ends in the nisba ی, also ـان (ایرانیان). Broken
# plurals (أتراك, أفغان, ارامنه) cannot be derived and are listed under ``people`` in the KB.
_PLURALS = {"ar": ("ين", "ون"), "fa": ("\u200cها", "ان")}


def derived_people(kb: Any) -> Iterator[tuple[str, str]]:
    """``(plural form, state code)`` for every Arabic and Persian nationality adjective of the
    KB, by the rule above; only bare adjectives (the article is a clitic of the matcher)."""
    from khabar.text.normalize import fold

    for state in kb.states.values():
        for lang, endings in _PLURALS.items():
            for adj in state.adjectives.get(lang, ()):
                folded = fold(adj)
                if " " in folded or len(folded) < 3 or folded.startswith("ال"):
                    continue
                nisba = folded.endswith("ی")
                if lang == "ar" and nisba:
                    yield from ((adj + e, state.id) for e in endings)
                elif lang == "fa":
                    yield adj + endings[0], state.id
                    if nisba:
                        yield adj + endings[1], state.id


def derived_adjectives(kb: Any) -> Iterator[tuple[str, str]]:
    """``(adjective, state code)`` for every state the KB gives no English adjective, by the
    regular English endings of a demonym: a name in -a takes -n (Zambia: Zambian), in -e or -i
    takes -an (Zimbabwe: Zimbabwean, Malawi: Malawian), in -y takes -ian for -y (Hungary);
    a one-word name ending in a consonant other than -s takes -ese (Senegal: Senegalese). A form two states would
    give is left out."""
    seen: dict[str, set[str]] = {}
    for state in kb.states.values():
        if state.adjectives.get("en"):
            continue
        for name in state.names.get("en", ()):
            if not name[:1].isupper() or not re.fullmatch(r"[^\W\d_]+( [^\W\d_]+)*", name) \
                    or len(name) < 4:
                continue
            last = name[-1]
            if last == "a":
                form = name + "n"
            elif last in "ei":
                form = name + "an"
            elif last == "y":
                form = name[:-1] + "ian"
            elif last in "aeiouys" or " " in name:
                continue
            else:
                form = name + "ese"
            seen.setdefault(form, set()).add(state.id)
    for form, codes in sorted(seen.items()):
        if len(codes) == 1:
            yield form, next(iter(codes))


def _entries(kb: Any, lang: str) -> Iterator[tuple[str, Entry]]:
    from khabar.kb import GROUPS
    from khabar.text.normalize import fold

    blocked = cues(lang).blocked
    # Every language's forms go into every matcher: a Persian article may quote an Arabic
    # spelling, an Arabic one a Latin acronym -- except the phrases this language blocks (the
    # Arabic name of Dushanbe is the Persian "Monday").
    for group in GROUPS:
        for name_lang in ("fa", "ar", "en"):
            for phrase, e in kb.entries(group, name_lang):
                if fold(phrase).replace(" ", "") in blocked:
                    continue
                kind = _KINDS[e.kind]
                if kind == "office" and e.id == "counterpart":
                    kind = "counterpart"
                yield phrase, Entry(kind, e.id, getattr(e, "field", "") or "")
    for phrase, code in sorted(set(derived_people(kb))):
        yield phrase, Entry("state", code, "people")
    for phrase, code in derived_adjectives(kb):
        yield phrase, Entry("state", code, "adjectives")
    for phrase, place, state in sorted(set(regions(kb))):
        yield phrase, Entry("region", place, state)
    data = _cue_data(lang)
    for word in data["titles"]:
        yield word, Entry("title", word)
    for word in data["pronouns"]:
        yield word, Entry("pronoun", word)
    for word in data["first_person"] + data["first_person_plural"]:
        yield word, Entry("first_person", word)
    for word in data.get("sides", ()):
        yield word, Entry("sides", word)
    for word in data.get("neighbour", ()):
        yield word, Entry("neighbour", word)
    for word in data.get("side_nouns", ()):
        yield word, Entry("side", word)
    for word in data.get("coref_words", ()):
        yield word, Entry("pronoun", word)
    for word in data.get("state_coref", ()):
        yield word, Entry("state_coref", word)
    for word in data.get("org_heads", ()):
        yield word, Entry("head", word)
    for phrase in data.get("not_actors", ()):
        yield phrase, Entry("none", phrase)


@lru_cache(maxsize=8)
def actor_matcher(lang: str) -> PhraseMatcher[Entry]:
    """The compiled actor lexicon for documents in ``lang``."""
    from khabar.kb import CLITICS, load_kb

    prefix, suffix = CLITICS.get(lang, (None, None))
    return PhraseMatcher(_entries(load_kb(), lang), prefix=prefix, suffix=suffix)
