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
- title + unknown name      «آقای …», «السيد …», "Mr …": a person the KB does not know

An office phrase without a name resolves to its holder on the sentence's date when the KB knows
exactly one; otherwise it stays an office with its country (EVENTS.md section 3).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from khabar.actors.lexicon import Cues, Entry
from khabar.text.lexicon import Match

__all__ = ["Composed", "compose"]

_WORD = re.compile(r"\w+")
# What may stand between two parts of one actor phrase: spaces, a comma, brackets, quotes.
_GLUE = re.compile(r"^[\s،,\[\]\(\)\"«»'-]*$")

Holders = Callable[[str, str | None], list[dict[str, Any]]]  # (office, country) -> persons


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


def _state_of(m: Match[Entry]) -> str | None:
    e = _pick(m.values, "state")
    return e.ref if e else None


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
) -> list[Composed]:
    """Compose the hits of one sentence (sorted, non-overlapping) into actor mentions."""
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
    i = 0
    while i < n:
        m = hits[i]
        head = _pick(m.values, "office", "counterpart", "sector")
        if head is None or used[i]:
            i += 1
            continue
        country: str | None = None
        to: str | None = None
        end = m.end
        start = m.start
        parts = [head.kind]
        j = i + 1
        # state after (fa/ar: «وزیر خارجه روسیه», «الجيش السوري»); a gap of up to two words is
        # allowed for ministries («وزارة الطوارئ الأذربيجانية»).
        if j < n and has(j, "state"):
            gap = _gap_words(text, m.end, hits[j].start)
            if glued(i, j) or (head.kind == "sector" and len(gap) <= 2
                               and not any(w in cue.stop_words for w in gap)):
                country = _state_of(hits[j])
                end = hits[j].end
                used[j] = True
                parts.append("state")
                j += 1
        # state adjective before (English: "Russian foreign minister", "Azerbaijani forces")
        if country is None and i > 0 and has(i - 1, "state") and glued(i - 1, i) and not used[i - 1]:
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
        used[i] = True
        value: dict[str, Any] = {"country": country}
        if head.kind == "sector":
            value.update(kind="state" if country else "group", name=None, sector=head.ref)
        elif head.kind == "counterpart":
            value.update(kind="counterpart", name=None, role=None, office=None)
        else:
            value.update(kind="office", name=None, role=office_role(head.ref), office=head.ref)
            if to:
                value["to"] = to
        first = hits[i - 1] if start < m.start else m
        phrases[i] = Composed(start, end, value, f"{'+'.join(parts)}:{head.ref}", proclitic(first))
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
            if i > 0 and has(i - 1, "title") and glued(i - 1, i) and not used[i - 1]:
                start = hits[i - 1].start
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
                value["country"] = value["country"] or ph.value.get("country")
                start, end = min(start, ph.start), max(end, ph.end)
                rule += f"+{ph.rule}"
                del phrases[k]
                break
            out.append(Composed(start, end, value, rule, proclitic(m)))
            continue
        title = _pick(m.values, "title")
        if title is not None and not _pick(m.values, "office"):
            words = []
            pos = m.end
            for w in _WORD.finditer(text, m.end):
                if len(words) >= 3 or w.group() in cue.stop_words or not _glued(text, pos, w.start()):
                    break
                if any(h.start <= w.start() < h.end for h in hits):
                    break
                words.append(w)
                pos = w.end()
            if words:
                value = {"kind": "person", "id": None, "name": " ".join(w.group() for w in words),
                         "country": None, "role": None, "unknown": True}
                end = words[-1].end()
                for k in (i + 1,):
                    ph = phrases.get(k)
                    if ph and ph.value.get("kind") == "office" and _glued(text, end, ph.start):
                        value.update(role=ph.value.get("role"), office=ph.value.get("office"),
                                     country=ph.value.get("country"))
                        end = ph.end
                        del phrases[k]
                out.append(Composed(m.start, end, value, f"title:{title.ref}", proclitic(m)))
            continue
        state = _pick(m.values, "state")
        if state is not None:
            out.append(Composed(m.start, m.end, {"kind": "state", "name": None,
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
    # Office phrases without a name: the holder on the date, if the KB knows exactly one.
    for ph in phrases.values():
        if ph.value.get("kind") == "office" and ph.value.get("country"):
            found = holders(ph.value["office"], ph.value["country"])
            if len(found) == 1:
                ph.value.update(kind="person", id=found[0]["id"], name=found[0]["name"])
                ph.rule += ":holder"
        out.append(ph)
    out.sort(key=lambda c: c.start)
    return out
