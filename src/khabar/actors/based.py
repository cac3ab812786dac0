"""Unnamed actors placed by the text: the country of gunmen, a suicide bomber, protesters,
residents, the police of a city, people counted as killed.

EVENTS.md section 3: a non-state group keeps the code of the country where it is based. The
press names many sides of an attack or a protest without a nationality («مسلحون مجهولون»,
«مقتل 12 شخصا في بغداد», «معترضان», "protesters"), and the events stage takes only actors with
a country or a name as sides, so such a phrase is lost -- and with it the target of an attack,
or the subject that keeps a victim from being read as the attacker. Run at the end of the
actors stage, this module gives these phrases the country the text puts them in, by the first
of:

1. adjective: a nationality adjective glued to the noun («مهندسا هنديا», «خبرنگار فرانسوی»,
   "an Indian engineer"), also in the Arabic indefinite accusative («فرنسيا») that the name
   lexicon lacks;
2. origin: a place or state after an origin word, or right after the noun («متظاهرون من
   ألمانيا», «سكان غزة», "residents of Gaza"): where people come from wins over where they are;
3. place: the nearest place of its clause (no comma or quote between), else -- not for armed
   groups, see ``_locate`` -- the one country all places share in the stretch of the sentence
   around it that no new clause divides (a comma before an apposition does not, one before
   "and", «ثم», «و» does);
4. document: the country the document's places point to, when named at least
   PROMINENCE_RATIO times as often as any other and also the state its mentions and places
   together point to (people counted in an attack need only the places: they are its victims,
   where the document's events happen) -- only in a sentence that names no place (a place the
   sentence gives another clause is not where this group is).

A place is a city or region of the places layer, or a state's name or capital after a locative
or geographic word («في العراق», «شمال بغداد»; not a destination: «إلى العراق»): where
something happens, not who acts. Rules 3 and 4 hold only for groups that act where they are
based (CONTEXT_SECTORS, and the words of ``lang/<lang>/unnamed_actors.json`` marked
``context``); soldiers and foreign workers are often abroad and keep to rules 1 and 2. The
phrases come from two sources:

- sector words of the knowledge base that the stage left without a country («المتظاهرون»,
  "gunmen", «معترضان»); a country it took from a nearby place yields to an origin phrase;
- the nouns of ``lang/<lang>/unnamed_actors.json``: people and groups the KB's sector words do
  not list («مهاجم», «12 شخصا», «۵ نفر», "suicide bomber"), added as actor spans when a rule
  gives them a country (a counted word only right after a number or a quantity word, in a
  sentence with an attack, arrest or protest trigger; none inside a trigger, which an actor
  span would hide), and Arabic nationality adjectives in the indefinite accusative
  («أميركيا», «13 عراقيا»), read as the lexicon reads their other forms.

Where no rule applies a phrase stays without a country: no side is better than a guessed state.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from khabar.document import Document, Span
from khabar.lang import resource_json
from khabar.text.lexicon import PhraseMatcher
from khabar.text.normalize import fold

__all__ = ["CONTEXT_SECTORS", "Noun", "UnnamedCues", "place_unnamed", "unnamed_cues"]

# KB sectors of groups that act where they are based: the place of the text gives their country.
CONTEXT_SECTORS = frozenset({
    "protesters", "civilians", "opposition", "militia", "rebels", "separatists", "police"})
# Sectors of armed groups that attack: placed by their own clause only (see _locate).
ATTACKER_SECTORS = frozenset({"militia", "rebels", "separatists"})
# Sectors whose origin phrase («لاجئون من سوريا», "refugees from Syria") gives their country.
ORIGIN_SECTORS = CONTEXT_SECTORS | {"refugees"}
# Event types whose sides are often people counted: the killed, the arrested, the protesters.
COUNTED_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
# How much more often the document's leading place country must be named than the next one.
PROMINENCE_RATIO = 2
# What ends a clause: a group and a place across one of these are not read together.
_CLAUSE_BREAK = re.compile(r"[.،,;؛:!?؟()\[\]«»\"]")
# What may end the stretch of a sentence a group is placed in: a full stop or a semicolon, or a
# comma when a clause link follows it.
_STRONG_BREAK = re.compile(r"[.،,;؛:!?؟]")
_GLUE = re.compile(r"^[\s\-]*$")
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d[\d.,]*$")
# Actor-span rules of a state written as a place word: its name or capital (after a place cue).
_PLACE_RULES = (":state:names:", ":state:capitals:", ":state:seats:")
# Rules of a bare state phrase that can qualify a noun: «هندي», «عراقيين», "Iraqi".
_STATE_RULES = (":state:adjectives:", ":state:people:", ":state:names:")


@dataclass(frozen=True, slots=True)
class Noun:
    """What an unnamed-actor word is: its KB sector, whether the place of the text may give
    its country, and whether it counts only after a number."""

    sector: str
    context: bool
    counted: bool


@dataclass(frozen=True)
class UnnamedCues:
    matcher: PhraseMatcher[Noun]
    ambiguous: frozenset[str]  # also an adjective of a thing («هجوم انتحاري»)
    verbs_before: frozenset[str]  # verbs after which an ambiguous word is the subject
    quantity: re.Pattern[str]  # a quantity word at the end of the text before a noun
    origin: frozenset[str]  # «من», «از», "from", "of"
    adjectives: dict[str, str]  # folded nationality adjective -> state code
    place_cues: frozenset[str]  # words before a state's name that make it where things happen
    clause_links: frozenset[str]  # after a comma, a new clause: «ثم», «و» (glued), "and"


# Fields of a trigger entry (lang/<lang>/triggers.jsonl) that hold the words of its phrase.
_TRIGGER_FIELDS = ("lemma", "past", "present", "participle", "plural", "noun", "noun_plural",
                   "light", "light_past", "light_present", "light_participle")


def _trigger_words(lang: str) -> frozenset[str]:
    """Every run of consecutive words of the language's event trigger phrases, folded, spaces
    removed. Such a word («رهائن» in «احتجز رهائن», «کشته», "hostages") is never an unnamed
    actor: an actor span over a trigger's words would hide the event."""
    from importlib import resources

    from khabar.lang import resource_lang

    path = resources.files("khabar").joinpath("lang", resource_lang(lang), "triggers.jsonl")
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        for key in _TRIGGER_FIELDS:
            value = entry.get(key)
            for phrase in ([value] if isinstance(value, str) else value or ()):
                words = fold(str(phrase)).split()
                out.update("".join(words[i:j]) for i in range(len(words))
                           for j in range(i + 1, len(words) + 1))
    return frozenset(out)


@lru_cache(maxsize=4)
def unnamed_cues(lang: str) -> UnnamedCues:
    """The unnamed-actor lexicon of ``lang`` (``lang/<lang>/unnamed_actors.json``), with the
    language's clitics, and the KB's nationality adjectives of that language."""
    from khabar.actors.lexicon import cues
    from khabar.kb import CLITICS, load_kb

    data = resource_json(lang, "unnamed_actors.json")
    in_triggers = _trigger_words(lang)
    entries: list[tuple[str, Noun]] = []
    for group in data["groups"]:
        noun = Noun(group["sector"], bool(group.get("context")), bool(group.get("counted")))
        # a protest word inside a PROTEST trigger is its source (the events stage reads it so)
        entries.extend((w, noun) for w in group["words"] if noun.sector == "protesters"
                       or fold(w).replace(" ", "") not in in_triggers)
    prefix, suffix = CLITICS.get(lang, (None, None))
    if lang == "ar":
        suffix = None  # «شخصين» is listed; a pronoun suffix would make «مسلحيهم» a new group
    elif lang == "fa":
        suffix = r"(?: ?ها| ?های| ?هایی)"  # a bare ی makes an adjective: «ضد تروریستی»
    quantity = "|".join(re.escape(fold(w)) for w in sorted(data.get("quantity", ()), key=len,
                                                            reverse=True)) or "(?!x)x"
    adjectives: dict[str, str] = {}
    for state in load_kb().states.values():
        for form in state.adjectives.get(lang, ()):
            folded = fold(form)
            if folded and " " not in folded:
                adjectives.setdefault(folded, state.id)
    return UnnamedCues(
        matcher=PhraseMatcher(entries, prefix=prefix, suffix=suffix),
        ambiguous=frozenset(fold(w).replace(" ", "") for w in data.get("ambiguous", ())),
        verbs_before=frozenset(fold(w) for w in data.get("verbs_before", ())),
        quantity=re.compile(rf"(?:^|\s)[وف]?(?:{quantity})\s*$"),
        origin=frozenset(fold(w) for w in data.get("origin", ())),
        adjectives=adjectives,
        place_cues=(cues(lang).place_cues | {fold(w) for w in data.get("where", ())})
        - {fold(w) for w in data.get("not_where", ())},
        clause_links=frozenset(fold(w) for w in data.get("clause_links", ())),
    )


@dataclass(slots=True)
class _Actor:
    """An actor span in normalised coordinates, with the span it came from."""

    start: int
    end: int
    span: Span

    @property
    def value(self) -> dict[str, Any]:
        return self.span.value


def _bare_state(a: _Actor, rules: tuple[str, ...]) -> str | None:
    """The state of a phrase that is only a state word of one of ``rules``."""
    v = a.value
    if v.get("kind") != "state" or v.get("sector") or v.get("name") or not v.get("country"):
        return None
    return str(v["country"]) if any(r in a.span.rule for r in rules) else None


def _after_cue(text: str, lo: int, start: int, proclitic: str, place_cues: frozenset[str]) -> bool:
    """A locative or geographic word right before ``start`` («في», «شمال», «در»), or a glued
    Arabic ب («ببغداد»)."""
    words = _WORD.findall(text[max(lo, start - 30) : start])
    return (bool(words) and words[-1] in place_cues) or proclitic.lstrip("وف").startswith("ب")


def _anchors(text: str, sentences: list[tuple[int, int]], places: Iterable[tuple[int, int, str]],
             actors: list[_Actor], place_cues: frozenset[str]) -> list[tuple[int, int, str]]:
    """Where the text says things happen: places with a country, and states written by name or
    capital after a place cue («في العراق», «شمال بغداد»)."""
    out = [(a, b, c) for a, b, c in places if c]
    for a in actors:
        state = _bare_state(a, _PLACE_RULES)
        if state is None:
            continue
        lo = next((s for s, e in sentences if s <= a.start < e), 0)
        if _after_cue(text, lo, a.start, str(a.value.get("proclitic") or ""), place_cues):
            out.append((a.start, a.end, state))
    return sorted(out)


def _dominant(anchors: list[tuple[int, int, str]]) -> str | None:
    return dominant(Counter(c for _, _, c in anchors))


def dominant(counts: Counter[str]) -> str | None:
    """The country named at least PROMINENCE_RATIO times as often as any other, else None (the
    one rule by which a document, or its places, is about one country)."""
    ranked = counts.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= PROMINENCE_RATIO * ranked[1][1]:
        return ranked[0][0]
    return None


def _nearest(text: str, start: int, end: int, anchors: list[tuple[int, int, str]],
             lo: int, hi: int, cues: UnnamedCues, wide: bool = True) -> str | None:
    """The country of the place nearest to ``[start, end)`` in its clause (no comma, quote or
    bracket between), else the one country all places share in the stretch of the sentence
    ``[lo, hi)`` around it that no new clause divides (a comma before an apposition or a
    bracketed distance does not: «اغتالوا العميد X، مدير شرطة البصرة», «بلدة X (100 كلم شمال
    بغداد)»; a comma before a clause link does: "..., and later in Kirkuk ...")."""
    best: tuple[int, str] | None = None
    inside = [(a, b, c) for a, b, c in anchors if lo <= a and b <= hi]
    for a, b, country in inside:
        gap_lo, gap_hi = (b, start) if b <= start else (end, a)
        if gap_lo > gap_hi or _CLAUSE_BREAK.search(text[gap_lo:gap_hi]):
            continue
        if best is None or gap_hi - gap_lo < best[0]:
            best = (gap_hi - gap_lo, country)
    if best is not None or not wide:
        return best[1] if best else None
    c_lo, c_hi = lo, hi
    for m in _STRONG_BREAK.finditer(text, lo, hi):
        if m.group(0) in ",،" and not _links_clause(text, m.end(), hi, cues):
            continue
        if m.end() <= start:
            c_lo = m.end()
        elif m.start() >= end:
            c_hi = m.start()
            break
    countries = {c for a, b, c in inside if c_lo <= a and b <= c_hi}
    return next(iter(countries)) if len(countries) == 1 else None


def _links_clause(text: str, pos: int, hi: int, cues: UnnamedCues) -> bool:
    """A clause link right after a comma at ``pos`` («، ثم», «، وفي», "and", «و»)."""
    m = _WORD.search(text, pos, hi)
    if m is None or text[pos:m.start()].strip():
        return False
    word = m.group(0)
    return word in cues.clause_links or any(
        len(link) == 1 and word.startswith(link) and len(word) > 3
        for link in cues.clause_links)


def _origin(text: str, start: int, end: int, hi: int, places: set[int],
            anchors: list[tuple[int, int, str]], actors: list[_Actor],
            cues: UnnamedCues) -> str | None:
    """The place or state a group ``[start, end)`` comes from: after an origin word («من»,
    «از», "from", "of"), with up to two place-cue words before the name («من مدينة ...»); or a
    city or region right after it (a construct: «سكان غزة», «مردم شوشی»), never a state's name
    there («اتهم المتظاهرون إسرائيل»: the object), nor after an Arabic group with the article,
    which is no construct. ``places`` are the starts of the places layer's spans."""
    words = [(w.start(), w.group()) for w in _WORD.finditer(text, end, hi)][:4]
    starts = {a for a, _, _ in anchors} | {a.start for a in actors}
    direct = not (words and words[0][1] in cues.origin)
    if direct and re.match(r"[وفبلك]?(?:ال|لل)", text[start:end]):
        return None
    i = 0 if direct else 1
    for _ in range(0 if direct else 2):  # «في بغداد» after a group is where it is, not whence
        if i < len(words) and words[i][0] not in starts and words[i][1] in cues.place_cues:
            i += 1
    if i >= len(words) or _CLAUSE_BREAK.search(text[end:words[i][0]]):
        return None
    at = words[i][0]
    for a, _, country in anchors:
        if a == at and (not direct or a in places):
            return country
    for actor in actors:
        if not direct and actor.start == at and (state := _bare_state(actor, _STATE_RULES)):
            return state
    return None


def _quantity_before(text: str, lo: int, start: int, cues: UnnamedCues) -> bool:
    before = text[max(lo, start - 30) : start].rstrip()
    return bool(_NUMBER.search(before)) or bool(cues.quantity.search(before))


def _verb_before(text: str, lo: int, start: int, cues: UnnamedCues) -> bool:
    words = _WORD.findall(text[max(lo, start - 20) : start])
    if not words or re.search(r"[.،,;؛:]", text[max(lo, start - 3) : start]):
        return False
    word = words[-1]
    return word in cues.verbs_before or (word[:1] in "وف" and word[1:] in cues.verbs_before)


def _adjective(text: str, start: int, end: int, hi: int, lang: str, actors: list[_Actor],
               cues: UnnamedCues) -> tuple[str, int, int, _Actor | None] | None:
    """A nationality adjective glued to the noun ``[start, end)``: after it in Arabic and
    Persian, before it in English. Returns ``(state, phrase start, phrase end, the adjective's
    actor span or None)``."""
    for a in actors:
        state = _bare_state(a, _STATE_RULES)
        if state is None:
            continue
        if lang == "en" and a.end <= start and _GLUE.match(text[a.end:start]):
            return state, a.start, end, a
        if lang != "en" and a.start >= end and _GLUE.match(text[end:a.start]):
            return state, start, a.end, a
    if lang == "ar":
        # the indefinite accusative the name lexicon lacks: «مصورا فرنسيا», «13 عراقيا»
        m = re.match(r"\s+(\w+)ا(?!\w)", text[end:hi])
        if m and (state := cues.adjectives.get(m.group(1))):
            return state, start, end + m.end(), None
    return None


def _accusative_people(text: str, lo: int, hi: int,
                       cues: UnnamedCues) -> Iterable[tuple[int, int, str, bool]]:
    """Arabic nationality adjectives in the indefinite accusative, which the name lexicon
    lacks: «خطفوا أميركيا» (an American), «قتل 13 عراقيا» (13 Iraqis). ``(start, end, state,
    counted)``; the lexicon reads the other forms («أميركي», «عراقيين») as the state too."""
    for m in re.finditer(r"(?<!\w)(\w+)ا(?!\w)", text[lo:hi]):
        word = m.group(1)
        state = cues.adjectives.get(word) or (
            cues.adjectives.get(word[1:]) if word[:1] in "وف" else None)
        if state:
            a, b = lo + m.start(), lo + m.end()
            yield a, b, state, _quantity_before(text, lo, a, cues)


def _locate(text: str, c_start: int, c_end: int, lo: int, hi: int, noun_context: bool,
            anchors: list[tuple[int, int, str]], doc_country: str | None, cues: UnnamedCues,
            sector: str) -> tuple[str, str] | None:
    """Rules 3 and 4: the place of the clause or sentence, else of the document -- only for a
    sentence that names no place (a place of another clause is not where this group is).
    Attackers (ATTACKER_SECTORS) take no place beyond their own clause: the events stage reads
    the place of an attack as what was hit unless the attacker is of that state (an army at
    home), so an attacker placed from across a comma («وفي كابول، هاجم مسلحون حافلة») would
    hide the target."""
    if not noun_context:
        return None
    near = _nearest(text, c_start, c_end, anchors, lo, hi, cues,
                    wide=sector not in ATTACKER_SECTORS)
    if near is not None:
        return near, "place"
    if doc_country is not None and not any(lo <= a < hi for a, _, _ in anchors):
        return doc_country, "document"
    return None


class _TriggerSpans:
    """The event triggers of each sentence (raw offsets, with their types), found when first
    asked. A new actor inside one («فجر مهاجم نفسه», «احتجزت جماعة مسلحة 20 رهينة») would make
    the events stage read the trigger as part of an actor's name and drop the event, so none is
    added there; and people counted are sides only of the events that count people
    (COUNTED_TYPES): «6 آلاف نفر پذیرش شدند» (travellers housed) names no side."""

    def __init__(self, doc: Document, lang: str) -> None:
        self.doc = doc
        self.lang = lang
        self.cache: dict[tuple[int, int], list[tuple[int, int, str]]] = {}

    def _of(self, sentence: tuple[int, int]) -> list[tuple[int, int, str]]:
        from khabar.events.triggers import find_triggers

        if sentence not in self.cache:
            found = find_triggers(self.doc, *sentence, self.lang)
            self.cache[sentence] = [(t.start, t.end, t.type) for t in found]
        return self.cache[sentence]

    def covers(self, sentence: tuple[int, int], start: int, end: int) -> bool:
        return any(a < end and start < b for a, b, _ in self._of(sentence))

    def counts_people(self, sentence: tuple[int, int]) -> bool:
        return any(t in COUNTED_TYPES for _, _, t in self._of(sentence))


def _value(country: str, sector: str, how: str, word: str, proclitic: str) -> dict[str, Any]:
    """A new actor: kind ``group`` (people of a state, not the state or one of its bodies
    acting), with the rule that placed it in ``country_from`` and its word in ``unnamed``."""
    value: dict[str, Any] = {"kind": "group", "id": country, "name": None, "country": country,
                             "role": None, "sector": sector, "country_from": how,
                             "unnamed": word}
    if proclitic:
        value["proclitic"] = proclitic
    return value


def _place_sector(text: str, a: _Actor, sent: tuple[int, int], actors: list[_Actor],
                  anchors: list[tuple[int, int, str]], place_starts: set[int],
                  doc_country: str | None, cues: UnnamedCues) -> None:
    """A sector phrase of the knowledge base in the sentence ``sent``, placed in place: without
    a country, by rules 2-4; with one the stage took from a nearby place or the document, by an
    origin phrase, or (for the document's) by a place of the sentence."""
    v = a.value
    sector = v.get("sector")
    if (sector not in ORIGIN_SECTORS or v.get("name") or v.get("sides") or v.get("plural")
            or (v.get("country") and v.get("country_from") not in ("place", "document"))):
        return
    origin = _origin(text, a.start, a.end, sent[1], place_starts, anchors, actors, cues)
    found = (origin, "origin") if origin else None
    if found is None and not v.get("country"):
        found = _locate(text, a.start, a.end, *sent, sector in CONTEXT_SECTORS, anchors,
                        doc_country, cues, str(sector))
    elif found is None and v.get("country_from") == "document":
        # the document's most named state yields to a place of the sentence
        near = _nearest(text, a.start, a.end, anchors, *sent, cues,
                        wide=sector not in ATTACKER_SECTORS)
        found = (near, "place") if near else None
    if found is None or found[0] == v.get("country"):
        return
    country, how = found
    v.update(kind="state", id=country, country=country, country_from=how)
    a.span.rule = re.sub(r":country_from_\w+$", "", a.span.rule) + f":based_from_{how}"


def place_unnamed(doc: Document, spans: list[Span], places: list[Span],
                  lang: str) -> list[Span]:
    """The actor spans of ``doc`` with the unnamed actors placed (see the module doc): KB
    sector spans without a country updated in place, and new spans for the unnamed-actor
    nouns that a rule gives a country (a nationality adjective they absorb is dropped)."""
    if lang not in ("fa", "ar", "en"):
        return spans
    cues = unnamed_cues(lang)
    norm = doc.norm
    text = norm.text
    raw_sentences = {(norm.from_raw(s.start), norm.from_raw(s.end)): (s.start, s.end)
                     for s in doc.spans("sentences")}
    sentences = list(raw_sentences)
    triggers = _TriggerSpans(doc, lang)
    actors = sorted((_Actor(norm.from_raw(s.start), norm.from_raw(s.end), s) for s in spans),
                    key=lambda a: (a.start, a.end))
    place_spans = [(norm.from_raw(p.start), norm.from_raw(p.end), str(p.value["country"]))
                   for p in places if p.value.get("country")]
    anchors = _anchors(text, sentences, place_spans, actors, cues.place_cues)
    place_starts = {a for a, _, _ in place_spans}
    # the document's country: its places and its state mentions must point to the same one (a
    # hajj sermon names Mecca often, but its «مردم ما» are Iranians)
    mentions = [(a.start, a.end, str(a.value["country"])) for a in actors
                if a.value.get("kind") == "state" and not a.value.get("sector")
                and a.value.get("country")]
    doc_places = _dominant(anchors)
    doc_country = doc_places if _dominant(mentions + place_spans) == doc_places else None

    def sentence_of(pos: int) -> tuple[int, int] | None:
        return next(((s, e) for s, e in sentences if s <= pos < e), None)

    # 1. sector phrases of the knowledge base that the stage left without a country
    for a in actors:
        sent = sentence_of(a.start)
        if sent is not None:
            _place_sector(text, a, sent, actors, anchors, place_starts, doc_country, cues)

    # 2. unnamed-actor nouns the knowledge base does not list
    added: list[Span] = []
    absorbed: set[int] = set()
    taken = [(a.start, a.end) for a in actors]
    for m in cues.matcher.finditer(text):
        if any(s < m.end and m.start < e for s, e in taken):
            continue
        sent = sentence_of(m.start)
        if sent is None:
            continue
        lo, hi = sent
        noun = m.values[0]
        counted = _quantity_before(text, lo, m.start, cues)
        if noun.counted and not counted:
            continue
        if m.key in cues.ambiguous and not (counted or _verb_before(text, lo, m.start, cues)):
            continue
        if any(a.value.get("sector") == noun.sector and (
                (a.end <= m.start and _GLUE.match(text[a.end:m.start]))
                or (a.start >= m.end and _GLUE.match(text[m.end:a.start]))) for a in actors):
            continue  # «مسلحون مجهولون»: a word qualifying a group the lexicon found
        start, end = m.start, m.end
        found: tuple[str, str] | None = None
        adj = _adjective(text, m.start, m.end, hi, lang, actors, cues)
        if adj is not None:
            found = (adj[0], "adjective")
            start, end = adj[1], adj[2]
            if adj[3] is not None:
                absorbed.add(id(adj[3].span))
        if found is None and (origin := _origin(text, m.start, m.end, hi, place_starts, anchors,
                                                actors, cues)):
            found = (origin, "origin")
        if found is None:
            # people counted in an attack, arrest or protest (checked below) are its victims
            # or crowd: of the country where the document's events happen
            found = _locate(text, m.start, m.end, lo, hi, noun.context, anchors,
                            doc_places if noun.counted else doc_country, cues, noun.sector)
        if found is None:
            continue
        country, how = found
        raw_start, raw_end = norm.to_raw(start, end)
        if noun.sector != "protesters" and triggers.covers(raw_sentences[sent], raw_start,
                                                           raw_end):
            continue
        if noun.counted and not triggers.counts_people(raw_sentences[sent]):
            continue
        proclitic = text[m.start : m.core_start] if start == m.start else ""
        added.append(Span(raw_start, raw_end, "actor",
                          _value(country, noun.sector, how, text[m.core_start:m.core_end],
                                 proclitic),
                          f"actors:based:{noun.sector}:country_from_{how}"))
        taken.append((start, end))
    if lang == "ar":
        for lo, hi in sentences:
            for p0, p1, state, counted in _accusative_people(text, lo, hi, cues):
                raw_start, raw_end = norm.to_raw(p0, p1)
                if any(s < p1 and p0 < e for s, e in taken) or triggers.covers(
                        raw_sentences[(lo, hi)], raw_start, raw_end) or (
                        counted and not triggers.counts_people(raw_sentences[(lo, hi)])):
                    continue
                value = _value(state, "civilians" if counted else "", "adjective", text[p0:p1],
                               "")
                if not counted:  # «أميركيا»: the state, as the lexicon reads «أميركي»
                    value.update(kind="state", sector=None)
                    del value["country_from"], value["unnamed"]
                added.append(Span(raw_start, raw_end, "actor", value,
                                  f"actors:based:{'people' if counted else 'adjective'}:{state}"))
                taken.append((p0, p1))
    if not added and not absorbed:
        return spans
    return [s for s in spans if id(s) not in absorbed] + added
