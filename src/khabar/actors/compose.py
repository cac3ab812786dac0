"""From raw lexicon hits to actor mentions: who each phrase names, on the sentence's date.

A sentence's hits (person names, state names and adjectives, organisations, office titles, sector
words, titles, pronouns) are composed by adjacency, the way the press builds actor phrases in all
three languages:

- office + state            «وزیر امور خارجه روسیه», «وزير الخارجية الروسي», "Russian foreign minister"
- office + state + "in" + state (ambassadors)  «سفیر جمهوری آذربایجان در روسیه»
- sector + state            «نیروهای ارمنی», «الجيش الأذربيجاني», "Azerbaijani forces"
- person + office phrase    «سرگئی لاوروف وزیر امور خارجه روسیه», «وزير خارجية أذربيجان جيهون بيراموف»
- counterpart + adjective   «همتای ارمنی خود», «نظيره الأذربيجاني»: the same office as the
                            sentence's first official, in the adjective's state
- title + unknown name      «آقای …», «السيد …», "Mr …": a person the KB does not list under that
                            spelling; resolved to a KB person when the name comparison of
                            :mod:`khabar.names` finds exactly one above its threshold (of the
                            office phrase's country, when one follows), else kept as written
- unknown name + office     «ظهراب مناتساکانیان وزیر خارجه ارمنستان»: the words next to an office
                            phrase resolve only to a KB person of that country whose name
                            matches, never to a guess
- side noun + state         «طرف ارمنی», «الجانب الأذربيجاني», "the Armenian side": the state
- people + region           «ارمنی‌ها در قره باغ», «الأرمن بقره باغ», "Armenians in Karabakh": the
                            KB group named by that people and region (KARABAKH_ARMENIANS, AZE)
- "sides" words             «طرفین», «الجانبين», "both sides": left for the stage to resolve
- neighbour words           «کشور همسایه», «البلد الجار», "the neighbouring country": left for
                            the stage (the other party of the passage); skipped when a state
                            is named next to them («جارتها إيران»)
- deputy / acting + office  «معاون وزیر دفاع», «القائم بأعمال السفير», «وزير الدفاع بالوكالة»,
                            "acting president": the deputy office the KB lists (president ->
                            vice_president) or a qualified office (``acting_president``) that
                            no holder list answers: never the principal's holder

An office phrase without a name resolves to its holder on the sentence's date when the KB knows
exactly one; otherwise it stays an office with its country (EVENTS.md section 3).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from khabar.actors.lexicon import Cues, Entry
from khabar.text.lexicon import Match

__all__ = ["Composed", "compose"]

_WORD = re.compile(r"\w+")
# What may stand between two parts of one actor phrase: spaces, a comma, brackets, quotes.
_COORD = re.compile(r"^\s*(?:و|،|,|and|&)\s*$")
_GLUE = re.compile(r"^[\s،,\[\]\(\)\"«»'-]*$")

# (office, country, org=None) -> persons
Holders = Callable[..., list[dict[str, Any]]]
# (written name, country or None) -> the one KB person id it spells, or None
MatchPerson = Callable[[str, str | None], str | None]
# (place id, people's state, sector or None) -> the KB group's org id, or None
Located = Callable[[str, str, str | None], str | None]


@dataclass(slots=True)
class Composed:
    start: int  # normalised-text offsets of the whole phrase
    end: int
    value: dict[str, Any]
    rule: str
    proclitic: str = ""
    parts: list[str] = field(default_factory=list)


def _pick(values: tuple[Entry, ...], *kinds: str) -> Entry | None:
    for kind in kinds:
        for v in values:
            if v.kind == kind:
                return v
    return None


def _glued(text: str, a_end: int, b_start: int) -> bool:
    return b_start >= a_end and bool(_GLUE.match(text[a_end:b_start]))


def _gap_words(text: str, a_end: int, b_start: int) -> list[str]:
    return _WORD.findall(text[a_end:b_start]) if b_start >= a_end else []


def _name_gap(text: str, a_end: int, b_start: int) -> bool:
    """Only glue and at most two words (a given name the KB lacks) between a title and a name."""
    if b_start < a_end:
        return False
    between = text[a_end:b_start]
    return len(_WORD.findall(between)) <= 2 and not re.search(r"[.،,:;؛]", between)


def _affiliated(gap: list[str], between: str, cue: Cues) -> bool:
    """Up to four words ending in an affiliation word («تابعة», «الموالية», «وابسته به», "loyal
    to") between a sector word and a state, in one clause: the sector is that state's."""
    if not gap or len(gap) > 4 or re.search(r"[.،,:;؛]", between):
        return False
    return gap[-1] in cue.affiliation or " ".join(gap[-2:]) in cue.affiliation


def _state_of(m: Match[Entry]) -> str | None:
    e = _pick(m.values, "state")
    return e.ref if e else None


def _people_region(
    text: str, hits: list[Match[Entry]], i: int, cue: Cues
) -> tuple[str, int] | None:
    """A people of a state next to a region the KB names a group of that people by: after it
    («ارمنی‌ها [در] قره باغ», «الأرمن في/ب قره باغ», "Armenians in Karabakh") or, in English,
    before it ("Karabakh Armenians"). Returns the region's place id and the region hit's index."""
    state = _pick(hits[i].values, "state")
    if state is None:
        return None
    for k in (i + 1, i - 1):
        if not 0 <= k < len(hits):
            continue
        for region in hits[k].values:
            if region.kind != "region" or region.form != state.ref:
                continue
            if k > i:
                gap = _gap_words(text, hits[i].end, hits[k].start)
                link = text[hits[k].start:hits[k].core_start]  # «بقره باغ»: ب glued
                ok = (_glued(text, hits[i].end, hits[k].start) and (not link or link in
                      cue.region_link)) or (len(gap) == 1 and gap[0] in cue.region_link
                                            and not re.search(r"[.،,:;؛]",
                                                              text[hits[i].end:hits[k].start]))
            else:
                ok = _glued(text, hits[k].end, hits[i].start) and not re.search(
                    r"[\u0600-\u06ff]", text[hits[k].start:hits[k].end])
            if ok:
                return region.ref, k
    return None


def _name_next_to(
    text: str, hits: list[Match[Entry]], ph: Composed, lang: str, cue: Cues, country: str,
    match_person: MatchPerson,
) -> tuple[str, int, int] | None:
    """Up to three words right before (Persian) or after (Arabic, English) an office phrase,
    when they spell a KB person of ``country``: ``(person id, start, end)`` of the name."""
    taken = [(h.start, h.end) for h in hits]

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in taken)

    words: list[tuple[int, int, str]] = []
    if lang == "fa":
        pos = ph.start
        for w in reversed(list(_WORD.finditer(text, max(0, ph.start - 80), ph.start))):
            if len(words) >= 3 or w.group() in cue.stop_words or not free(w.start(), w.end()):
                break
            if not _glued(text, w.end(), pos):
                break
            words.insert(0, (w.start(), w.end(), w.group()))
            pos = w.start()
        candidates = [words[j:] for j in range(len(words))]
    else:
        pos = ph.end
        for w in _WORD.finditer(text, ph.end, min(len(text), ph.end + 80)):
            if len(words) >= 3 or w.group() in cue.stop_words or not free(w.start(), w.end()):
                break
            if not _glued(text, pos, w.start()):
                break
            words.append((w.start(), w.end(), w.group()))
            pos = w.end()
        candidates = [words[: j + 1] for j in reversed(range(len(words)))]
    for cand in candidates:
        if not cand or (len(cand) == 1 and len(cand[0][2]) < 4):
            continue
        known = match_person(" ".join(w[2] for w in cand), country)
        if known is not None:
            return known, cand[0][0], cand[-1][1]
    return None


def _by_case(written: Callable[[int, int], str], m: Match[Entry]) -> Match[Entry]:
    """English "US" (the state) against "us" (first person): a hit that is both is the state
    when written in capitals, the pronoun otherwise."""
    kinds = {v.kind for v in m.values}
    if not {"state", "first_person"} <= kinds:
        return m
    drop = "first_person" if written(m.core_start, m.core_end).isupper() else "state"
    return replace(m, values=tuple(v for v in m.values if v.kind != drop))


def _written_name(text: str, hits: list[Match[Entry]], end: int, cue: Cues,
                  written: Callable[[int, int], str]) -> tuple[int, int] | None:
    """One to three capitalised words right after an English office phrase that no lexicon
    hit covers ("Prime Minister Robert Mugabe"): the span of the name, or None. ``written``
    gives the text as written (``text`` is case-folded)."""
    taken = [(h.start, h.end) for h in hits]
    words: list[re.Match[str]] = []
    pos = end
    for w in _WORD.finditer(text, end, min(len(text), end + 80)):
        word = written(w.start(), w.end())
        if len(words) >= 3 or not _glued(text, pos, w.start()) or not word[0].isupper() \
                or not word.isalpha() or word.lower() in cue.stop_words \
                or word.lower() in cue.not_names \
                or any(s < w.end() and w.start() < e for s, e in taken):
            break
        words.append(w)
        pos = w.end()
    if not words or (len(words) == 1 and len(words[0].group()) < 3):
        return None
    return words[0].start(), words[-1].end()


def _qualifier(text: str, start: int, cue: Cues) -> tuple[str, int] | None:
    """A deputy or acting word right before an office title («معاون وزیر دفاع», «القائم بأعمال
    السفير», "acting president", "Russian deputy defence minister"): ``(kind, start)``, kind
    ``deputy`` or ``acting``."""
    before = text[max(0, start - 40):start]
    for kind, words in (("acting", cue.acting), ("deputy", cue.deputy)):
        for w in sorted(words, key=len, reverse=True):
            m = re.search(rf"(?<!\w)(?:و)?{re.escape(w)}\s+$", before)
            if m:
                return kind, start - (len(before) - m.start())
    return None


def _acting_after(text: str, end: int, cue: Cues) -> int | None:
    """The end of «بالوكالة», «بالإنابة» right after an office phrase («وزير الدفاع بالوكالة»)."""
    for w in cue.acting_after:
        m = re.match(rf"\s+{re.escape(w)}(?!\w)", text[end:end + 30])
        if m:
            return end + m.end()
    return None


def _qualify(value: dict[str, Any], kind: str, deputy_of: Mapping[str, str],
             office_role: Callable[[str], str]) -> None:
    """An office phrase as its deputy's (the KB's deputy office when there is one) or as an
    acting holder's: never the principal's holder."""
    office = value.get("office")
    if not office:
        return
    if kind == "deputy" and office in deputy_of:
        value.update(office=deputy_of[office], role=office_role(deputy_of[office]))
        return
    value.update(office=f"{kind}_{office}", role=f"{kind} {office_role(office)}")


def compose(
    text: str,
    hits: list[Match[Entry]],
    *,
    lang: str,
    cue: Cues,
    person_info: Callable[[str], dict[str, Any] | None],
    org_info: Callable[[str], dict[str, Any] | None],
    office_role: Callable[[str], str],
    holders: Holders,
    match_person: MatchPerson | None = None,
    org_office: Callable[[str], str | None] | None = None,
    deputy_of: Mapping[str, str] | None = None,
    written: Callable[[int, int], str] | None = None,
    located: Located | None = None,
) -> list[Composed]:
    """Compose the hits of one sentence (sorted, non-overlapping) into actor mentions.

    ``deputy_of`` maps an office to the KB office of its deputy (president -> vice_president),
    for «معاون», «نائب», "deputy" before an office the KB does not list as one phrase.
    ``written`` gives a span of ``text`` as written (the normalised text is case-folded): with
    it, English reads capitals ("US" the state, "us" the pronoun; names after an office).
    ``located(place, people state, sector)`` gives the KB group of a people in a region
    (:func:`khabar.actors.lexicon.located_group`); without it a people stays its state."""
    if lang == "en" and written is not None:
        hits = [_by_case(written, m) for m in hits]
    out: list[Composed] = []
    used = [False] * len(hits)
    n = len(hits)

    def kind(i: int) -> str:
        return hits[i].values[0].kind if 0 <= i < n else ""

    def has(i: int, k: str) -> bool:
        return 0 <= i < n and any(v.kind == k for v in hits[i].values)

    def glued(i: int, j: int) -> bool:
        return 0 <= i < n and 0 <= j < n and _glued(text, hits[i].end, hits[j].start)

    def proclitic(m: Match[Entry]) -> str:
        return text[m.start : m.core_start]

    # Pass 1: office/sector/counterpart phrases with their state.
    phrases: dict[int, Composed] = {}  # index of the head hit -> phrase
    coordinated: list[Composed] = []  # further states of a coordinated office/sector phrase
    i = 0
    while i < n:
        m = hits[i]
        head = _pick(m.values, "office", "counterpart", "sector", "side", "head")
        if head is None or used[i]:
            i += 1
            continue
        country: str | None = None
        to: str | None = None
        end = m.end
        start = m.start
        parts = [head.kind]
        j = i + 1
        # «معاون», «نائب», «القائم بأعمال», "deputy", "acting" before an office title
        qual = _qualifier(text, m.start, cue) if head.kind == "office" else None
        if qual is not None:
            start = qual[1]
        # state after (fa/ar: «وزیر خارجه روسیه», «الجيش السوري»); a gap of up to two words is
        # allowed for ministries («وزارة الطوارئ الأذربيجانية»); English "of" before a state's
        # name ("the deputy prime minister of Turkey", "the army of Armenia").
        if j < n and has(j, "state"):
            gap = _gap_words(text, m.end, hits[j].start)
            by_name = any(v.kind == "state" and v.form == "names" for v in hits[j].values)
            if glued(i, j) or (head.kind == "sector" and lang != "en" and len(gap) <= 2
                               and not any(w in cue.stop_words for w in gap)
                               # «قواتها ورفضت أرمينيا»: a word with «و» opens a new clause
                               and not (lang == "ar" and any(w.startswith("و") and not
                                                             w.startswith("وزار") for w in gap))
                               ) or (
                    # «قوات غير قانونية تابعة لأرمينيا», "forces loyal to Armenia"
                    head.kind == "sector" and _affiliated(gap, text[m.end:hits[j].start], cue)
                    ) or (
                    lang == "en" and by_name and head.kind in ("office", "sector")
                    and gap in (["of"], ["of", "the"])
                    and not re.search(r"[.,;:]", text[m.end:hits[j].start])):
                country = _state_of(hits[j])
                end = hits[j].end
                used[j] = True
                parts.append("state")
                j += 1
        # state adjective before (English: "Russian foreign minister", "Azerbaijani forces")
        if country is None and i > 0 and has(i - 1, "state") and not used[i - 1] and (
                _glued(text, hits[i - 1].end, start)):
            country = _state_of(hits[i - 1])
            start = hits[i - 1].start
            used[i - 1] = True
            parts.insert(0, "state")
        # ambassador "in"/"to" a state: «سفیر آذربایجان در روسیه», "ambassador to Russia"
        if head.kind == "office" and head.ref == "ambassador" and j < n and has(j, "state"):
            gap = _gap_words(text, end, hits[j].start)
            if len(gap) == 1 and gap[0] in cue.ambassador_to:
                to = _state_of(hits[j])
                end = hits[j].end
                used[j] = True
                j += 1
        # more states coordinated after the first: «وزرای خارجه روسیه و آذربایجان», "the
        # foreign ministers of Russia and Azerbaijan" -- one actor per state
        extra: list[int] = []
        if country is not None:
            prev_end = end
            k = j
            while k < n and has(k, "state"):
                between = text[prev_end : hits[k].start]
                glued_and = not between.strip() and proclitic(hits[k]).startswith("و")
                if not (_COORD.match(between) or glued_and):
                    break
                extra.append(k)
                used[k] = True
                prev_end = hits[k].end
                k += 1
            j = max(j, k)
        # an organisation's office: «الأمين العام لجامعة الدول العربية», «دبیرکل سازمان ملل»,
        # "Secretary-General of the UN", "the UN Secretary-General", "NATO chief"
        org: Entry | None = None
        if country is None and head.kind in ("office", "head"):
            if j < n and has(j, "org") and not used[j]:
                gap = _gap_words(text, m.end, hits[j].start)
                if glued(i, j) or (lang == "en" and gap in (["of"], ["of", "the"])):
                    org = _pick(hits[j].values, "org")
                    end = hits[j].end
                    used[j] = True
                    j += 1
            if org is None and lang == "en" and i > 0 and has(i - 1, "org") and not used[i - 1] \
                    and glued(i - 1, i):
                org = _pick(hits[i - 1].values, "org")
                start = hits[i - 1].start
                used[i - 1] = True
        if head.kind == "head" and org is None:
            i += 1
            continue  # «رئيس», "chief" alone names nobody
        if head.kind == "sector" and country is None and j < n and has(j, "org") \
                and not used[j] and glued(i, j):
            # «المسلحين الانفصاليين الأرمن», "militants of Hamas": a sector word in apposition
            # to a non-state armed group names the group
            grp = _pick(hits[j].values, "org")
            info = org_info(grp.ref) if grp else None
            if grp is not None and info and info.get("kind") in ("force", "group"):
                used[i] = used[j] = True
                phrases[i] = Composed(m.start, hits[j].end, {
                    "kind": "org", "id": grp.ref, "name": info.get("name"),
                    "country": info.get("country"), "role": None, "sector": head.ref},
                    f"sector+org:{grp.ref}", proclitic(m))
                i = j + 1
                continue
        used[i] = True
        value: dict[str, Any] = {"country": country}
        if head.kind == "sector" and not (not country and m.key in cue.plural):
            value.update(kind="state" if country else "group", name=None, sector=head.ref)
            if country:
                value["id"] = country
        elif head.kind == "side":
            value.update(kind="state" if country else "side", name=None, id=country)
        elif head.kind == "counterpart":
            value.update(kind="counterpart", name=None, role=None, office=None)
        elif org is not None:
            info = org_info(org.ref) or {}
            office = head.ref if head.kind == "office" else (
                org_office(org.ref) if org_office else None)
            value.update(kind="office", id=org.ref, name=info.get("name"),
                         country=info.get("country"), org=org.ref, office=office,
                         role=office_role(office) if office else "head")
            parts.append("org")
        elif head.kind == "office" and not country and m.key in cue.plural:
            # «وزیران», «وزراء الخارجية», "the ministers": the parties named in the passage
            value.update(kind="plural", name=None, role=office_role(head.ref), office=head.ref,
                         word=m.key)
        elif head.kind == "sector" and not country and m.key in cue.plural:
            value.update(kind="plural", name=None, role=None, office=None, word=m.key)
        else:
            value.update(kind="office", name=None, role=office_role(head.ref), office=head.ref)
            if to:
                value["to"] = to
        if head.kind == "office" and value.get("kind") == "office":
            acting_end = _acting_after(text, end, cue)
            if acting_end is not None:
                qual, end = ("acting", start), acting_end
            if qual is not None:
                _qualify(value, qual[0], deputy_of or {}, office_role)
                parts.insert(0, qual[0])
        first = hits[i - 1] if i > 0 and start <= hits[i - 1].start else m
        phrases[i] = Composed(start, end, value, f"{'+'.join(parts)}:{head.ref}", proclitic(first))
        for k in extra:
            code = _state_of(hits[k])
            copy = dict(value, country=code)
            if value.get("id") == value.get("country"):
                copy["id"] = code  # a state acting as a whole is identified by its code
            coordinated.append(Composed(hits[k].start, hits[k].end, copy,
                                        f"{'+'.join(parts)}:{head.ref}:coordinated"))
        i = j

    # Pass 2: persons (with an adjacent office phrase), titles + unknown names, states, orgs.
    for i, m in enumerate(hits):
        if i in phrases:
            continue
        if used[i]:
            continue
        person = _pick(m.values, "person")
        if person is not None:
            info = person_info(person.ref) or {}
            value = {"kind": "person", "id": person.ref, "name": info.get("name"),
                     "country": info.get("country"), "role": None}
            start, end, rule = m.start, m.end, f"kb:{person.ref}"
            if i > 0 and has(i - 1, "title") and not used[i - 1] and _name_gap(text, hits[i - 1].end, m.start):
                start = hits[i - 1].start  # «آقای [حسن] حسناف»: title, given name, KB surname
            # office phrase right after («لاوروف وزیر امور خارجه روسیه») or right before
            # («وزير خارجية أذربيجان جيهون بيراموف», "Foreign Minister Sergei Lavrov")
            after = [k for k, ph in phrases.items() if _glued(text, m.end, ph.start)]
            before = [k for k, ph in phrases.items() if _glued(text, ph.end, start)]
            order = after + before if lang == "fa" else before + after
            for k in order:
                ph = phrases[k]
                if ph.value.get("kind") not in ("office", "counterpart"):
                    continue
                value["role"] = ph.value.get("role")
                value["office"] = ph.value.get("office")
                if ph.value.get("org"):  # "UN Secretary-General Antonio Guterres": the UN's
                    value["country"] = ph.value.get("country")
                    value["org"] = ph.value["org"]
                else:
                    value["country"] = value["country"] or ph.value.get("country")
                start, end = min(start, ph.start), max(end, ph.end)
                rule += f"+{ph.rule}"
                del phrases[k]
                break
            out.append(Composed(start, end, value, rule, proclitic(m)))
            continue
        title = _pick(m.values, "title")
        if title is not None and i + 1 < n and has(i + 1, "person") and _name_gap(
            text, m.end, hits[i + 1].start
        ):
            continue  # the person after it takes the title in
        if title is not None and not _pick(m.values, "office"):
            words: list[re.Match[str]] = []
            pos = m.end
            for w in _WORD.finditer(text, m.end):
                if len(words) >= 3 or w.group() in cue.stop_words or not _glued(text, pos, w.start()):
                    break
                if any(h.start <= w.start() < h.end for h in hits):
                    break
                words.append(w)
                pos = w.end()
            if words:
                spelled = " ".join(w.group() for w in words)
                value = {"kind": "person", "id": None, "name": spelled,
                         "country": None, "role": None, "unknown": True}
                end = words[-1].end()
                rule = f"title:{title.ref}"
                for k in (i + 1,):
                    near = phrases.get(k)
                    if near is None:
                        continue
                    ph = near
                    if ph.value.get("kind") == "office" and _glued(text, end, ph.start):
                        value.update(role=ph.value.get("role"), office=ph.value.get("office"),
                                     country=ph.value.get("country"))
                        end = ph.end
                        del phrases[k]
                # a spelling the KB does not list: the one KB person whose name it matches
                known = match_person(spelled, value["country"]) if match_person else None
                if known is not None:
                    info = person_info(known) or {}
                    value.update(id=known, name=info.get("name"),
                                 country=value["country"] or info.get("country"))
                    del value["unknown"]
                    rule += f"+names:{known}"
                out.append(Composed(m.start, end, value, rule, proclitic(m)))
            continue
        if _pick(m.values, "region") is not None and not _pick(m.values, "state", "org"):
            continue  # a region alone is no actor; see "people + region" below
        neighbour = _pick(m.values, "neighbour")
        if neighbour is not None:
            # «جارتها إيران», «کشور همسایه ایران»: the state named next to it is the neighbour
            if not ((has(i + 1, "state") and glued(i, i + 1))
                    or (has(i - 1, "state") and glued(i - 1, i))):
                out.append(Composed(m.start, m.end, {"kind": "neighbour", "name": None,
                                                     "country": None, "word": neighbour.ref},
                                    f"neighbour:{neighbour.ref}", proclitic(m)))
            continue
        sides = _pick(m.values, "sides")
        if sides is not None:
            out.append(Composed(m.start, m.end, {"kind": "sides", "name": None,
                                                 "country": None, "word": sides.ref},
                                f"sides:{sides.ref}", proclitic(m)))
            continue
        state = _pick(m.values, "state")
        if state is not None:
            region = _people_region(text, hits, i, cue) if state.form == "people" else None
            org_id = located(region[0], state.ref, None) if region and located else None
            if region is not None and org_id is not None:
                k = region[1]
                info = org_info(org_id) or {}
                used[k] = True
                a, b = min(m.start, hits[k].start), max(m.end, hits[k].end)
                out.append(Composed(a, b, {"kind": "org", "id": org_id, "name": info.get("name"),
                                           "country": info.get("country"), "role": None},
                                    f"people+region:{org_id}", proclitic(hits[min(i, k)])))
                continue
            out.append(Composed(m.start, m.end, {"kind": "state", "id": state.ref, "name": None,
                                                 "country": state.ref, "role": None},
                                f"state:{state.form}:{state.ref}", proclitic(m)))
            continue
        org = _pick(m.values, "org")
        if org is not None:
            info = org_info(org.ref) or {}
            out.append(Composed(m.start, m.end, {"kind": "org", "id": org.ref,
                                                 "name": info.get("name"),
                                                 "country": info.get("country"), "role": None},
                                f"kb:{org.ref}", proclitic(m)))
            continue
        other = _pick(m.values, "pronoun", "first_person")
        if other is not None:
            out.append(Composed(m.start, m.end, {"kind": other.kind, "name": None,
                                                 "country": None, "word": other.ref},
                                f"cue:{other.kind}", proclitic(m)))
    # Office phrases next to words the KB lists under another spelling: «ظهراب مناتساکانیان
    # وزیر خارجه ارمنستان», «وزير خارجية أرمينيا أرارات ميرزويان» -- only a KB person of the
    # office's country whose name matches (khabar.names), never a guess.
    if match_person is not None:
        for k, ph in list(phrases.items()):
            if ph.value.get("kind") != "office" or not ph.value.get("country"):
                continue
            named = _name_next_to(text, hits, ph, lang, cue, ph.value["country"], match_person)
            if named is None:
                continue
            known, a, b = named
            info = person_info(known) or {}
            value = {"kind": "person", "id": known, "name": info.get("name"),
                     "country": ph.value["country"], "role": ph.value.get("role"),
                     "office": ph.value.get("office")}
            out.append(Composed(min(a, ph.start), max(b, ph.end), value,
                                f"names:{known}+{ph.rule}", ph.proclitic))
            del phrases[k]
    # English office phrases before a name the KB does not know ("Zimbabwean Prime Minister
    # Robert Mugabe"): a person as written, with the phrase's office and country.
    if lang == "en" and written is not None:
        for k, ph in list(phrases.items()):
            if ph.value.get("kind") != "office" or not ph.value.get("office"):
                continue
            span = _written_name(text, hits, ph.end, cue, written)
            if span is None:
                continue
            value = {"kind": "person", "id": None, "name": written(*span),
                     "country": ph.value.get("country"), "role": ph.value.get("role"),
                     "office": ph.value.get("office"), "unknown": True}
            if ph.value.get("org"):
                value["org"] = ph.value["org"]
            out.append(Composed(ph.start, span[1], value, f"{ph.rule}+written", ph.proclitic))
            del phrases[k]
    # Office phrases without a name: the holder on the date, if the KB knows exactly one.
    for ph in [*phrases.values(), *coordinated]:
        if ph.value.get("kind") == "office" and ph.value.get("org") and ph.value.get("office"):
            found = holders(ph.value["office"], None, org=ph.value["org"])
            if len(found) == 1:
                ph.value.update(kind="person", id=found[0]["id"], name=found[0]["name"])
                ph.rule += ":holder"
        elif ph.value.get("kind") == "office" and ph.value.get("country"):
            found = holders(ph.value["office"], ph.value["country"])
            if len(found) == 1:
                ph.value.update(kind="person", id=found[0]["id"], name=found[0]["name"])
                ph.rule += ":holder"
        out.append(ph)
    if located is not None:
        _locate_sectors(text, hits, used, out, cue, located, org_info)
        _locate_residents(text, hits, out, cue, located, org_info)
    out.sort(key=lambda c: c.start)
    return out


_SENTENCE_END = re.compile(r"[.!?؟\n]")


def _place_of(hit: Match[Entry], org_info: Callable[[str], dict[str, Any] | None]
              ) -> tuple[str, str] | None:
    """(region, people) a hit names: a KB region, or a group the KB locates in one."""
    region = _pick(hit.values, "region")
    if region is not None:
        return region.ref, region.form
    org = _pick(hit.values, "org")
    where = ((org_info(org.ref) or {}).get("located") or {}) if org is not None else {}
    if where.get("place") and where.get("people"):
        return str(where["place"]), str(where["people"])
    return None


def _locate_residents(text: str, hits: list[Match[Entry]], out: list[Composed], cue: Cues,
                      located: Located, org_info: Callable[[str], dict[str, Any] | None],
                      ) -> None:
    """Residents are residents of the place the sentence is about: «ممثلين للسكان الأرمن» after
    «الأرمن في قره باغ», «ساکنان ارمنی» after «قره باغ» name the group of that people the KB
    keeps in the region named last before them in the sentence (Karabakh Armenians, AZE), not
    the state. Only phrases opening with a word of residence (``residents`` cues: «السكان»,
    «ساکنان», "residents") -- citizens or students live nowhere in particular."""
    for c in out:
        state = c.value.get("country")
        if c.value.get("kind") != "state" or not state:
            continue
        # the residence word opens the phrase («ساکنان ارمنی») or stands right before it
        # («للسكان الأرمن», a people's name after it)
        words = _WORD.findall(text[c.start:c.end])[:2] + _WORD.findall(
            text[max(0, c.start - 20):c.start])[-1:]
        if not any(w in cue.residents or (w.startswith("لل") and "ال" + w[2:] in cue.residents)
                   for w in words):
            continue
        sector = c.value.get("sector") or "people"
        after = [h for h in hits if h.start >= c.end and len(_WORD.findall(
            text[c.end:h.start])) <= 1 and not _SENTENCE_END.search(text[c.end:h.start])]
        before = [h for h in hits if h.end <= c.start and not _SENTENCE_END.search(
            text[h.end:c.start])]
        # a region right after («ساکنان ارمنی قره باغ»), else the last named before, itself or
        # through a group the KB places there («الأرمن في قره باغ»)
        place = next((p for h in [*after[:1], *reversed(before)]
                      if (p := _place_of(h, org_info)) is not None), None)
        if place is None or place[1] != state:
            continue
        org_id = located(place[0], state, sector)
        info = org_info(org_id) if org_id else None
        if org_id is not None and info is not None:
            c.value = {"kind": "org", "id": org_id, "name": info.get("name"),
                       "country": info.get("country"), "role": None, "sector": sector}
            c.rule += f"+residents:{org_id}"


def _locate_sectors(text: str, hits: list[Match[Entry]], used: list[bool], out: list[Composed],
                    cue: Cues, located: Located, org_info: Callable[[str], dict[str, Any] | None],
                    ) -> None:
    """A sector phrase of a state placed in a region the KB keeps a group of that state's people
    in: «والقوات المسلحة الأرمينية الموجودة في قره باغ», «وفد أرميني من قره باغ», «نیروهای ارمنی
    در قره باغ», "Armenian forces in Karabakh" name the group (Karabakh Armenian forces, AZE), not
    the state. Between the phrase and the region only a linking word («في», «من», «در», "in")
    and words of being located («الموجودة», «مستقر», "based") may stand, in the same clause."""
    for c in out:
        sector = c.value.get("sector")
        state = c.value.get("country")
        if c.value.get("kind") != "state" or not sector or not state:
            continue
        for k, h in enumerate(hits):
            if h.start < c.end or used[k]:
                continue
            region = _pick(h.values, "region")
            if region is None or region.form != state:
                break
            between = text[c.end:h.start]
            gap = _WORD.findall(between)
            link = text[h.start:h.core_start]  # «بقره باغ»: ب glued
            if re.search(r"[.،,:;؛]", between) or len(gap) > 3:
                break
            words = gap + ([link] if link else [])
            if not words or words[-1] not in cue.region_link or not all(
                    w in cue.located_words for w in words[:-1]):
                break
            org_id = located(region.ref, state, sector)
            info = org_info(org_id) if org_id else None
            if org_id is not None and info is not None:
                c.value = {"kind": "org", "id": org_id, "name": info.get("name"),
                           "country": info.get("country"), "role": None, "sector": sector}
                c.end = h.end
                c.rule += f"+region:{org_id}"
                used[k] = True
                _locate_coordinated(text, out, c, state, region.ref, located, org_info)
            break


def _locate_coordinated(text: str, out: list[Composed], c: Composed, state: str, place: str,
                        located: Located, org_info: Callable[[str], dict[str, Any] | None],
                        ) -> None:
    """Sector phrases of the same state coordinated before a located one share its region:
    «المجموعات المسلحة الأرمينية غير القانونية، والقوات المسلحة الأرمينية الموجودة في قره
    باغ» -- up to three qualifying words, one comma and «و»/"and" between each pair."""
    head = c
    for prev in sorted((o for o in out if o.end <= head.start), key=lambda o: -o.end):
        between = text[prev.end:head.start]
        words = _WORD.findall(between)
        joined = head.proclitic.startswith("و") or bool(words and words[-1] in ("و", "and"))
        if not joined or len(words) > 4 or between.count("،") + between.count(",") > 1 \
                or re.search(r"[.:;؛]", between):
            return
        if prev.value.get("kind") != "state" or prev.value.get("country") != state \
                or not prev.value.get("sector"):
            return
        org_id = located(place, state, prev.value["sector"])
        info = org_info(org_id) if org_id else None
        if org_id is None or info is None:
            return
        prev.value = {"kind": "org", "id": org_id, "name": info.get("name"),
                      "country": info.get("country"), "role": None,
                      "sector": prev.value["sector"]}
        prev.rule += f"+region:{org_id}:coordinated"
        head = prev
