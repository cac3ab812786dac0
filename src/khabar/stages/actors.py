"""The actors stage: every person, state, organisation and armed group a sentence mentions.

For each sentence outside boilerplate: the compiled KB lexicon finds the name forms (one scan of
the document), :func:`khabar.actors.compose.compose` builds actor phrases and resolves offices
to their holders on the sentence's date, then light coreference links pronouns and role words
(«وی», «او», «ایشان», «وأضاف», «الوزير», "he", "the minister") to the last compatible person of
the passage, first-person words of a memoir to its author, and "sides" words («طرفین», «دو طرف»,
«الجانبين», "both sides") to the two parties most recently named together (one span per party,
same offsets, value ``sides: true``). Names the KB lists under another spelling resolve through
:mod:`khabar.actors.fuzzy` (cross-script name comparison), only when exactly one person matches.

Each actor span (layer ``actors``) has ``id``, ``name`` (English canonical, or null for a state
acting as a whole), ``country``, ``role``, ``sector``, ``kind`` and the rule that matched.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from khabar.actors.based import dominant, place_unnamed
from khabar.actors.compose import Composed, compose
from khabar.actors.fuzzy import person_names
from khabar.actors.lexicon import actor_matcher, cues, located_group
from khabar.actors.places import PlaceHit, find_places
from khabar.actors.resolve import HolderIndex
from khabar.document import Document, Span
from khabar.pipeline import register
from khabar.settings import Settings
from khabar.text.normalize import fold

__all__ = ["find_author", "make_actors"]

# How many sentences back a pronoun may reach for its person.
COREF_WINDOW = 3
# How many sentences back "both sides" may reach for the pair it stands for.
SIDES_WINDOW = 12
_COORDINATOR = re.compile(r"^\s*(?:و|،|,|and|&|;|؛)?\s*(?:و|and)?\s*$")


@lru_cache(maxsize=1)
def _office_bodies() -> dict[str, tuple[str, str]]:
    """Organisations that are one office of their parent («دبیرکل سازمان ملل», "UN
    Secretary-General": UNSG): org id -> (parent org, office id), found where an English name of
    the body ends with an English name of the office."""
    from khabar.kb import load_kb

    kb = load_kb()
    out: dict[str, tuple[str, str]] = {}
    for org in kb.raw["orgs"]:
        if not org.get("parent"):
            continue
        names = [fold(n) for n in org["names"].get("en", ())]
        for office in kb.raw["offices"]:
            titles = [fold(t) for t in office["names"].get("en", ())]
            if any(n.endswith(" " + t) for n in names for t in titles):
                out[org["id"]] = (org["parent"], office["id"])
                break
    return out


@lru_cache(maxsize=1)
def _kb_views() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]],
                         dict[str, str], HolderIndex]:
    from khabar.kb import load_kb

    kb = load_kb()
    people = {p["id"]: p for p in kb.raw["people"]}
    orgs = {o["id"]: o for o in kb.raw["orgs"]}
    roles = {o["id"]: o.get("role") or o["id"].replace("_", " ") for o in kb.raw["offices"]}
    return people, orgs, roles, HolderIndex(list(people.values()), list(kb.raw["offices"]))


@lru_cache(maxsize=256)
def _located(place: str, people: str, sector: str | None) -> str | None:
    """The KB group of a people in a region named by a phrase of ``sector`` (compose)."""
    from khabar.kb import load_kb

    return located_group(load_kb(), place, people, sector)


@lru_cache(maxsize=1)
def _deputy_offices() -> dict[str, str]:
    """Office -> the KB office of its deputy, where an English name of one is "deputy" or
    "vice" before an English name of the other (president -> vice_president, prime_minister ->
    deputy_prime_minister): what «معاون», «نائب», "deputy" before an office title name."""
    from khabar.kb import load_kb

    offices = load_kb().raw["offices"]
    out: dict[str, str] = {}
    for office in offices:
        titles = {fold(t) for t in office["names"].get("en", ())}
        for deputy in offices:
            if deputy is office:
                continue
            names = {fold(t) for t in deputy["names"].get("en", ())}
            if any(f"{p} {t}" in names for p in ("deputy", "vice") for t in titles):
                out.setdefault(office["id"], deputy["id"])
    return out


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


_LOCATIVE_WORDS = {"fa": ("در", "به", "از"), "ar": ("في", "فى", "الى", "إلى", "من"),
                   "en": ("in", "at", "to", "from")}
# folded like doc.norm (في -> فی), so they compare with words of the normalised text
_LOCATIVE = {lang: tuple(fold(w) for w in words) for lang, words in _LOCATIVE_WORDS.items()}
_DATELINE = re.compile(r"^\s*(?:\(|-|—|–|،|,|:)")


def _is_place(text: str, lo: int, c: Composed, lang: str) -> bool:
    """A capital or seat of power used as a place, not as a metonym for its government: at the
    head of the sentence before a dash or comma (a dateline), or after a locative preposition
    (glued ب/في in Arabic)."""
    if not c.rule.startswith(("state:capitals", "state:seats")):
        return False
    before = text[lo : c.start].strip(" \t\"'«»[(")
    if not before and _DATELINE.match(text[c.end : c.end + 4]):
        return True
    words = before.split()
    if words and words[-1] in _LOCATIVE.get(lang, ()):
        return True
    return lang == "ar" and c.proclitic.lstrip("وف").startswith(("ب", "ف"))


def _qualifies_place(text: str, c: Composed, place_hits: list[PlaceHit]) -> bool:
    """A state's name or adjective right after a place of that state names where the place is
    («در شهر یولاخ آذربایجان», «في مدينة يفلاخ الأذربيجانية», "in Yevlakh, Azerbaijan" is not
    read: the comma may start a list of sides), not an actor. ``place_hits``: the sentence's."""
    if c.value.get("kind") != "state" or c.value.get("sector") or not c.rule.startswith(
            ("state:names", "state:adjectives")):
        return False
    return any(p.end <= c.start and p.place.country == c.value.get("country")
               and not text[p.end:c.start].strip() for p in place_hits)


# Sectors that act inside their own state: with no adjective and no place, they take the
# document's most prominent country (EVENTS.md section 3).
DOMESTIC_SECTORS = frozenset({
    "police", "government", "parliament", "judiciary", "protesters", "opposition", "civilians",
    "ministry", "interior_ministry", "intelligence"})
# Sectors that take the country of a place in their clause («المتظاهرين في بغداد», "gunmen in
# Kirkuk"); armed forces, peacekeepers, delegations and refugees are often abroad, so not these.
PLACE_SECTORS = DOMESTIC_SECTORS | {"militia", "rebels", "separatists", "business"}
# What ends a clause: a sector and a place across one of these are not read together.
_CLAUSE_BREAK = re.compile(r"[.،,;؛:!?؟()\[\]«»\"]")
# How many sentences back a place still says where the passage is (a domestic sector's country)
PASSAGE_PLACE_WINDOW = 5


def _after_place_cue(text: str, lo: int, c: Composed, place_cues: frozenset[str]) -> bool:
    """A state written by its name after a locative or geographic word («في شمال العراق», «در
    عراق», "in Iraq"): where something happens, usable as a place for the sectors near it."""
    if not c.rule.startswith("state:names"):
        return False
    words = re.findall(r"\w+", text[max(lo, c.start - 30) : c.start])
    return (bool(words) and words[-1] in place_cues) or c.proclitic.lstrip("وف").startswith("ب")


def _prominent_country(hits: list[Any], place_hits: list[PlaceHit]) -> str | None:
    """The country a document is about: named (state names, adjectives, capitals, places)
    at least ``based.PROMINENCE_RATIO`` times as often as any other; None when none dominates."""
    counts = _state_counts(hits)
    for p in place_hits:
        if p.place.country:
            counts[p.place.country] += 1
    return dominant(counts)


def _state_counts(hits: list[Any]) -> Counter[str]:
    """How often each state is named by a hit that names no other state."""
    counts: Counter[str] = Counter()
    for h in hits:
        states = {v.ref for v in h.values if v.kind == "state"}
        if len(states) == 1:
            counts[next(iter(states))] += 1
    return counts


def _nearest_place(
    text: str, c: Composed, places: list[tuple[int, int, str | None]],
    accept: Callable[[str | None], bool],
) -> str | None:
    """The country of the place nearest to ``c`` in its clause (no clause break between them)
    among the places whose country ``accept`` takes."""
    best: tuple[int, str] | None = None
    for a, b, country in places:
        if country is None or not accept(country):
            continue
        gap_lo, gap_hi = (b, c.start) if b <= c.start else (c.end, a)
        if gap_lo > gap_hi or _CLAUSE_BREAK.search(text[gap_lo:gap_hi]):
            continue
        if best is None or gap_hi - gap_lo < best[0]:
            best = (gap_hi - gap_lo, country)
    return best[1] if best else None


def _context_country(c: Composed, text: str, places: list[tuple[int, int, str | None]],
                     prominent: str | None, here: str | None = None) -> None:
    """A sector phrase without an adjective («المتظاهرين», "protesters", «نیروهای امنیتی»)
    takes the country of the nearest place of its clause («المتظاهرين في بغداد»: IRQ; only
    the PLACE_SECTORS), else, for a domestic sector, the country of the place the passage
    was last in («به باکو رفتیم ... پلیس مانع ورود مردم شد»: AZE), else the document's most
    prominent country. The deciding rule is kept in ``country_from`` and in the span's rule."""
    near = (_nearest_place(text, c, places, lambda country: bool(country))
            if c.value.get("sector") in PLACE_SECTORS else None)
    if near is not None:
        country, source = near, "place"
    elif here and c.value.get("sector") in DOMESTIC_SECTORS:
        country, source = here, "passage"
    elif prominent and c.value.get("sector") in DOMESTIC_SECTORS:
        country, source = prominent, "document"
    else:
        return
    c.value.update(kind="state", id=country, country=country, country_from=source)
    c.rule += f":country_from_{source}"


def _place_name(c: Composed) -> str | None:
    from khabar.kb import load_kb

    code = c.value.get("country")
    try:
        state = load_kb().state(str(code))
    except Exception:  # an unknown code: keep the place without a name
        return None
    capitals = state.capitals.get("en") or ()
    return capitals[0] if capitals else None


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


@register("actors", requires=("sentences", "dates"), assigns=("actors", "places"))
def make_actors(settings: Settings) -> Any:
    def run(doc: Document) -> Document:
        lang = doc.lang if doc.lang in ("fa", "ar", "en") else "en"
        people, orgs, roles, index = _kb_views()
        cue = cues(lang)
        norm = doc.norm
        text = norm.text
        hits = _resolve_state_coref(_one_state_each(
            [h for h in actor_matcher(lang).finditer(text) if h.values[0].kind != "none"]))
        sentences = [(norm.from_raw(s.start), norm.from_raw(s.end))
                     for s in doc.spans("sentences")]
        place_hits, inside_places = find_places(doc.text, norm, lang, hits, sentences)
        if inside_places:  # «مدينة غزة», "Gaza City": the place, not the region word in it
            hits = [h for i, h in enumerate(hits) if i not in inside_places]
        place_hits = [p for p in place_hits if any(a <= p.start and p.end <= b
                                                   for a, b in sentences)]
        starts = [h.start for h in hits]
        author = find_author(doc, hits)
        if author:
            doc.meta["author"] = author
        spans: list[Span] = []
        places: list[Span] = []
        for p in place_hits:
            raw_start, raw_end = norm.to_raw(p.start, p.end)
            places.append(Span(raw_start, raw_end, "place",
                               {"country": p.place.country, "name": p.place.name,
                                "kind": p.place.kind, "id": p.place.id}, f"actors:{p.rule}"))
        prominent = _prominent_country(hits, place_hits)
        recent: list[tuple[int, dict[str, Any]]] = []  # (sentence index, person value)
        passage_places: list[tuple[int, str]] = []  # (sentence index, country) of places named
        seen: list[tuple[int, dict[str, Any]]] = []  # (sentence index, party with a country)
        pair: tuple[int, list[dict[str, Any]]] | None = None  # parties last named together
        pair_before: tuple[int, list[dict[str, Any]]] | None = None  # the pair before that
        names = person_names()
        sent_spans = doc.spans("sentences")
        for si, (lo, hi) in enumerate(sentences):
            first = bisect_left(starts, lo)
            sent_hits = [h for h in hits[first:] if h.start < hi]
            sent_hits = [h for h in sent_hits if h.end <= hi]
            if not sent_hits:
                continue
            sent = sent_spans[si]
            when = _sentence_date(doc, sent.start, sent.end)

            def holders(office: str, country: str | None, when: str | None = when,
                        org: str | None = None) -> list[Any]:
                return index.holders(office, country, when, org=org)

            composed = compose(
                text, sent_hits, lang=lang, cue=cue,
                person_info=people.get, org_info=orgs.get,
                office_role=lambda o: roles.get(o, o.replace("_", " ")), holders=holders,
                match_person=names.match, org_office=index.org_office,
                deputy_of=_deputy_offices(),
                written=lambda a, b: doc.text.__getitem__(slice(*norm.to_raw(a, b))),
                located=_located,
            )
            officials = [c for c in composed if c.value.get("office")]
            as_places = [c for c in composed if _is_place(text, lo, c, lang)]
            here_places = [p for p in place_hits if lo <= p.start and p.end <= hi]
            qualifying = [c for c in composed if _qualifies_place(text, c, here_places)]
            sent_places = [(p.start, p.end, p.place.country) for p in here_places]
            sent_places += [(c.start, c.end, c.value.get("country")) for c in as_places]
            sent_places += [(c.start, c.end, c.value.get("country")) for c in composed
                            if _after_place_cue(text, lo, c, cue.place_cues)]
            # where the passage is: the last place named in the few sentences before this one
            here = next((country for back_si, country in reversed(passage_places)
                         if si - back_si <= PASSAGE_PLACE_WINDOW), None)
            prev: Composed | None = None
            before_prev: Composed | None = None
            for c in composed:
                _resolve_context(c, officials, recent, si, author, holders)
                kind = c.value.get("kind")
                if kind == "group" and c.value.get("sector") and not c.value.get("country"):
                    _context_country(c, text, sent_places, prominent, here)
                if kind == "org" and len(orgs.get(c.value.get("id") or "", {}).get("bases") or ()) > 1:
                    _pick_base(c, orgs[c.value["id"]]["bases"], text, sent_places, prominent)
                if kind == "neighbour":
                    raw_start, raw_end = norm.to_raw(c.start, c.end)
                    for party in _neighbour_parties(composed, c, seen, pair, si):
                        spans.append(Span(raw_start, raw_end, "actor",
                                          {**party, "neighbour": True, "word": c.value["word"]},
                                          f"actors:{c.rule}"))
                    continue
                if kind in ("sides", "plural"):
                    parties = (_sides_pair(text, composed, c, prev, pair, si) if kind == "sides"
                               else _plural_parties(c, composed, recent, pair, si, holders))
                    if not parties and kind == "sides":
                        parties = _last_two(seen, si)
                    raw_start, raw_end = norm.to_raw(c.start, c.end)
                    for party in parties:
                        spans.append(Span(raw_start, raw_end, "actor",
                                          {**party, kind: True, "word": c.value["word"]},
                                          f"actors:{c.rule}"))
                    continue
                if kind in ("pronoun", "first_person", "side"):
                    continue  # unresolved
                if kind == "org" and c.value.get("id") in _office_bodies():
                    parent, office = _office_bodies()[c.value["id"]]
                    found = holders(office, None, org=parent)
                    if len(found) == 1:
                        c.value.update(kind="person", id=found[0]["id"], name=found[0]["name"],
                                       country=None, office=office, org=parent,
                                       role=roles.get(office, office))
                        c.rule += ":holder"
                if any(c is q for q in qualifying):
                    continue  # «شهر یولاخ آذربایجان», «مدينة يفلاخ الأذربيجانية»: part of a place
                raw_start, raw_end = norm.to_raw(c.start, c.end)
                if any(c is p for p in as_places):
                    # a dateline («القاهرة -», "BRUSSELS, May 20") or a city after "in": where
                    # something happened, not who did it
                    places.append(Span(raw_start, raw_end, "place",
                                       {"country": c.value.get("country"),
                                        "name": _place_name(c), "kind": "capital"},
                                       f"actors:{c.rule}"))
                    continue
                value = {k: v for k, v in c.value.items() if v is not None or k in
                         ("name", "country", "role")}
                value.setdefault("sector", None)
                if c.proclitic:
                    value["proclitic"] = c.proclitic
                spans.append(Span(raw_start, raw_end, "actor", value, f"actors:{c.rule}"))
                if value.get("kind") == "person" and not value.get("author"):
                    recent.append((si, value))
                if _party(value) and value.get("country"):
                    seen.append((si, value))
                if (prev is not None and _party(prev.value) and _party(value)
                        and _party(prev.value) != _party(value)
                        and _together(text, prev, c)):
                    if before_prev is not None and _together(text, before_prev, prev):
                        # a list of three or more («استونی، لتونی و لیتوانی») is no pair of
                        # sides: the pair named before it stands
                        pair = pair_before
                    else:
                        pair_before = pair
                        pair = (si, [_party_value(prev.value), _party_value(value)])
                before_prev, prev = prev, c
            passage_places.extend((si, str(country)) for _, _, country in sent_places if country)
        places.sort(key=lambda sp: (sp.start, sp.end))
        # -- hook: unnamed actors (gunmen, protesters, people counted) take the country the
        # text places them in (khabar.actors.based, EVENTS.md section 3)
        spans = place_unnamed(doc, spans, places, lang)
        # -- end hook
        doc.set_layer("places", places)
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
    elif (kind == "office" and not c.value.get("country") and c.value.get("office")
          and not c.value.get("org")):
        # «الوزير», "the minister", «رئیس جمهور» alone: the last person holding a compatible
        # office in the passage
        for back_si, value in reversed(recent):
            if si - back_si > COREF_WINDOW:
                break
            if _compatible(c.value["office"], value.get("office")):
                c.value = {**value, "coref": True}
                c.rule = f"coref:{c.rule}"
                break
    elif kind == "state" and c.value.get("sector") == "delegation" and c.value.get("country"):
        # «هيات آذري», «الوفد الأرميني», "the Armenian delegation": the official of that state
        # last named in the passage leads it (a visit's delegation is its head's)
        for back_si, value in reversed(recent):
            if si - back_si > SIDES_WINDOW:
                break
            if value.get("country") == c.value["country"] and _official(value):
                c.value = {**value, "coref": True, "sector": "delegation"}
                c.rule = f"coref:{c.rule}"
                break
    elif kind == "first_person" and author:
        c.value = {**author}
        c.rule = f"author:{c.rule}"


def _compatible(office: str, other: str | None) -> bool:
    """Whether a bare office word («الوزير», "the president") may refer to a holder of
    ``other``: the same office, or a kind of it (minister -> foreign minister)."""
    if not other:
        return False
    if office == other:
        return True
    return office == "minister" and other.endswith("minister") and "prime" not in other


def _one_state_each(hits: list[Any]) -> list[Any]:
    """A word two states share («عمان»: Oman by name, Amman the capital of Jordan) is the state
    the rest of the document names more often (unambiguously); on a tie, the state it names."""
    from dataclasses import replace

    counts = _state_counts(hits)
    out = []
    for h in hits:
        states = [v for v in h.values if v.kind == "state"]
        if len({v.ref for v in states}) > 1:
            best = max(states, key=lambda v: (counts[v.ref], v.form == "names"))
            h = replace(h, values=tuple(v for v in h.values
                                        if v.kind != "state" or v.ref == best.ref))
        out.append(h)
    return out


def _resolve_state_coref(hits: list[Any]) -> list[Any]:
    """«این کشور», «هذا البلد», "the country" stand for the last state named before them (by
    its name, adjective, people or capital); with none before, they are dropped."""
    from dataclasses import replace

    from khabar.actors.lexicon import Entry

    out = []
    last: str | None = None
    for h in hits:
        coref = next((v for v in h.values if v.kind == "state_coref"), None)
        if coref is not None:
            if last is not None:
                out.append(replace(h, values=(Entry("state", last, "coref"),)))
            continue
        state = next((v for v in h.values if v.kind == "state"), None)
        if state is not None:
            last = state.ref
        out.append(h)
    return out


def _official(value: dict[str, Any]) -> bool:
    """A person named with an office, or a KB person who holds or held one."""
    if value.get("office"):
        return True
    people, _, _, _ = _kb_views()
    record = people.get(value.get("id") or "")
    return bool(record and record.get("offices"))


def _ever_held(person: str | None, office: str, country: str) -> bool:
    """A KB person named without an office phrase («سرگی لاوروف») who holds or held an office
    compatible with ``office`` for ``country``: who «وزیران», "the ministers" may include."""
    people, _, _, _ = _kb_views()
    record = people.get(person or "")
    if not record:
        return False
    return any(t.get("country") == country and _compatible(office, t.get("office"))
               for t in record.get("offices") or ())


def _party(value: dict[str, Any]) -> str | None:
    """What counts as one party of a pair: a country, else an organisation's id."""
    if value.get("kind") in ("pronoun", "first_person", "sides", "side", "counterpart"):
        return None
    return value.get("country") or value.get("id")


def _party_value(value: dict[str, Any]) -> dict[str, Any]:
    """A party as "sides" stands for it: as it was named (a state, a body, a person)."""
    return {k: value.get(k) for k in ("kind", "id", "name", "country", "role", "sector")}


def _together(text: str, a: Composed, b: Composed) -> bool:
    """Two actor phrases joined by a coordinator: «ارمنستان و آذربایجان», «روسيا وأوكرانيا»,
    "Armenia and Azerbaijan" (the Arabic و may be glued to the second)."""
    if b.start < a.end:
        return False
    between = text[a.end:b.start]
    if b.proclitic.startswith("و") and not between.strip():
        return True
    return bool(_COORDINATOR.match(between)) and bool(between.strip())


def _sides_pair(
    text: str,
    composed: list[Composed],
    here: Composed,
    prev: Composed | None,
    pair: tuple[int, list[dict[str, Any]]] | None,
    si: int,
) -> list[dict[str, Any]]:
    """The two parties a "sides" word stands for: a pair named together earlier in the
    sentence, else the last pair of the passage (within SIDES_WINDOW sentences)."""
    before = [c for c in composed if c.end <= here.start and _party(c.value)]
    for a, b in zip(reversed(before[:-1]), reversed(before[1:]), strict=True):
        if _party(a.value) != _party(b.value) and _together(text, a, b):
            return [_party_value(a.value), _party_value(b.value)]
    if pair is not None and si - pair[0] <= SIDES_WINDOW:
        return pair[1]
    return []


def _plural_parties(
    here: Composed,
    composed: list[Composed],
    recent: list[tuple[int, dict[str, Any]]],
    pair: tuple[int, list[dict[str, Any]]] | None,
    si: int,
    holders: Any,
) -> list[dict[str, Any]]:
    """The parties a plural office word stands for («وزیران», «وزراء الخارجية», «سران», "the
    ministers", "the leaders"): the persons of the passage holding a compatible office, one per
    country (at least two), else the states last named together, each as its holder of that
    office when the KB knows one on the date."""
    office = here.value.get("office")
    people: dict[str, dict[str, Any]] = {}
    # an office word («وزیران», "the ministers") is specific enough to reach as far back as a
    # "sides" word does; a bare «سران», "the leaders" only as far as a pronoun
    window = SIDES_WINDOW if office else COREF_WINDOW
    for back_si, value in reversed(recent):
        if si - back_si > window:
            break
        country = value.get("country")
        if not country or country in people:
            continue
        if office is None or _compatible(office, value.get("office")) or (
                not value.get("office") and _ever_held(value.get("id"), office, country)):
            people[country] = _party_value(value)
    if len(people) >= 2:
        return list(reversed(people.values()))
    states: list[dict[str, Any]] = []
    before = [c for c in composed if c.end <= here.start and _party(c.value)]
    if len(before) >= 2 and _party(before[-1].value) != _party(before[-2].value):
        states = [_party_value(before[-2].value), _party_value(before[-1].value)]
    elif pair is not None and si - pair[0] <= SIDES_WINDOW:
        states = pair[1]
    out = []
    for party in states:
        country = party.get("country")
        if office and country and party.get("kind") == "state":
            found = holders(office, country)
            if len(found) == 1:
                out.append({"kind": "person", "id": found[0]["id"], "name": found[0]["name"],
                            "country": country, "role": here.value.get("role"),
                            "sector": None})
                continue
            out.append({**party, "kind": "office", "role": here.value.get("role")})
            continue
        out.append(party)
    return out


def _pick_base(c: Composed, bases: list[str], text: str,
               places: list[tuple[int, int, str | None]], prominent: str | None) -> None:
    """A group based in several countries (ISIS, the Kurds) acts from the one its clause names
    as a place («الأكراد في كركوك»: IRQ), else the document's most prominent country when it is
    one of its bases; otherwise it keeps its first base."""
    near = _nearest_place(text, c, places, lambda country: country in bases)
    if near is not None:
        country, source = near, "place"
    elif prominent in bases:
        country, source = prominent, "document"
    else:
        return
    if country != c.value.get("country"):
        c.value.update(country=country, country_from=source)
        c.rule += f":base_from_{source}"


def _last_two(seen: list[tuple[int, dict[str, Any]]], si: int,
              window: int = COREF_WINDOW) -> list[dict[str, Any]]:
    """The two distinct parties named last in the passage (within ``window`` sentences), for a
    "sides" or neighbour word when no pair was named together («ارمنستان به آذربایجان حمله کرد.
    دو کشور ...»), from earlier sentences."""
    out: dict[str, dict[str, Any]] = {}
    for back_si, value in reversed(seen):
        if si - back_si > window:
            break
        party = _party(value)
        if back_si == si:
            continue  # «ودعت موسكو الدولتين»: not the sentence's own parties
        if party and party not in out:
            out[party] = _party_value(value)
        if len(out) == 2:
            return list(reversed(out.values()))
    return []


def _neighbour_parties(
    composed: list[Composed],
    here: Composed,
    seen: list[tuple[int, dict[str, Any]]],
    pair: tuple[int, list[dict[str, Any]]] | None,
    si: int,
) -> list[dict[str, Any]]:
    """What «کشور همسایه», «همسایه‌اش», «البلد الجار», "the neighbouring country" stand for: the
    other party of the passage than the sentence's own (the first party it names, usually the
    subject: «ارمنستان ... همسایه‌اش را»); with no party in the sentence, both parties of the
    passage's pair."""
    def state_like(c: Composed) -> bool:
        return bool(_party(c.value)) and c.value.get("kind") not in ("neighbour", "sides",
                                                                    "plural")
    before = [c for c in composed if c.end <= here.start and state_like(c)]
    after = [c for c in composed if c.start >= here.end and state_like(c)]
    own = before[0] if before else (after[0] if after else None)
    if own is not None:
        mine = _party(own.value)
        for back_si, value in reversed(seen):
            if si - back_si > SIDES_WINDOW:
                break
            if _party(value) and _party(value) != mine:
                return [_party_value(value)]
        if pair is not None and si - pair[0] <= SIDES_WINDOW:
            return [p for p in pair[1] if _party(p) != mine][:1]
        return []
    if pair is not None and si - pair[0] <= SIDES_WINDOW:
        return pair[1]
    return _last_two(seen, si)
