"""Who did it, and to whom: source and target of an event trigger from the sentence's structure.

No offline dependency parser for Persian or Arabic ships inside a registry package (hazm's and
stanza's parsers download models; see ../shared/docs/LIBRARIES.md), so arguments come from
chunk-level rules over the actor mentions of a sentence:

1. every actor mention gets a *case* from the role word before it (``با``/``مع``/"with" -> with,
   ``از``/``من`` -> from, ``علیه``/``ضد`` -> against, ``بین``/``بين`` -> between, ``توسط`` -> by,
   ``با میانجیگری``/``بوساطة`` -> mediator, ...) or after it (Persian ``را`` -> obj); the words
   live in ``lang/<lang>/roles.json``;
2. actors joined only by coordinators (``و``, ``،``, "and") form one *group* that shares the case
   of its first member ("با ارمنستان و آذربایجان" are both "with");
3. the *source* of a trigger is the unmarked group of its clause — before the trigger in
   Persian and English (subject-object-verb / subject-verb-object), the first unmarked group
   after a verb trigger in Arabic when none precedes it (verb-subject-object) — else a ``by``
   group (passives), else the subject carried over from the previous sentence, else the author
   of a memoir for a first-person verb;
4. the *target* depends on the type: ``with``/``between`` partners for symmetric types (CONSULT,
   AGREE, COOPERATE), then ``from``/``obj``/``to``/``against`` by a per-type preference list,
   then the next unmarked group; a mediator becomes the source of a third-party CONSULT whose
   targets are the parties;
5. a ``speaker`` group («به نقل از X», «نقلا عن X», "according to X") is neither subject nor
   target; like the subject of "X said that ...", it is the source of an event whose sentence
   names no subject of its own; a source group of two or more sides with no other side written codes both
   ways (PLOVER's participants) for fighting and ceasefires, and for any type with a reciprocal
   word («یکدیگر», «بعضهما», "each other").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from khabar.lang import resource_json, resource_lang
from khabar.text.lexicon import PhraseMatcher

__all__ = ["ActorRef", "Arguments", "RoleWords", "TriggerRef", "attribute", "is_author", "role_words"]

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})

# Statement types: in a memoir, one made by the interlocutor with no addressee written is
# addressed to the author («از ارتباط ما با ... شکایت کرد»).
STATEMENT = frozenset({"SUPPORT", "ACCUSE", "REJECT", "REQUEST", "THREATEN", "CONCEDE"})

# Types whose coordinated sides, with no other side written, act on each other ("clashes
# erupted as Armenia and Azerbaijan ...", "the two countries declared a ceasefire").
MUTUAL = frozenset({"ASSAULT", "RETREAT"})

# Types whose counted noun phrases («قتل 5 جنود», «۵ سرباز کشته شدند», "arrested three
# journalists") are their victims: the target, never the source.
VICTIM_TYPES = frozenset({"ASSAULT", "COERCE"})

# Actor sectors that are counted as attackers ("three gunmen opened fire"), not as victims.
ATTACKER_SECTORS = frozenset({"militia", "rebels", "protesters", "opposition"})

# Which marked cases can hold the target of each type, in order of preference. "upon" is the
# Arabic «على»: the side an act is against («هجوم ... على X»), and the addressee of an offer
# or proposal («جدد مقترحه على X», «نعرض على X مقترحنا») -- not a venue.
TARGET_CASES: dict[str, tuple[str, ...]] = {
    "CONSULT": ("with", "between", "to", "obj"),
    "AGREE": ("with", "between", "obj", "to", "upon"),
    "COOPERATE": ("with", "between", "to", "obj"),
    "SUPPORT": ("obj", "to", "from", "with"),
    "CONCEDE": ("to", "obj", "with"),
    "AID": ("to", "obj"),
    "RETREAT": ("from", "obj", "to", "between", "with"),
    "REQUEST": ("from", "obj", "to", "against", "upon"),
    "ACCUSE": ("agent", "obj", "against", "upon", "to", "from"),
    "REJECT": ("obj", "from", "to", "against", "upon"),
    "THREATEN": ("obj", "against", "upon", "to", "with"),
    "PROTEST": ("against", "upon", "obj", "to"),
    "SANCTION": ("obj", "against", "upon", "to", "with"),
    "MOBILIZE": ("against", "upon", "to"),
    "COERCE": ("victim", "obj", "against", "upon", "from"),
    "ASSAULT": ("victim", "obj", "against", "upon", "to", "with", "between", "from"),
}


@dataclass(frozen=True, slots=True)
class ActorRef:
    """One actor mention, in normalised-text coordinates of the document."""

    start: int
    end: int
    actor: dict[str, Any]
    proclitic: str = ""  # an Arabic preposition glued to the name (ب, ل), if any
    # "city" for a capital or city named as an actor («بغداد»): a side, or where the event
    # happened
    place: str = ""


@dataclass(frozen=True, slots=True)
class TriggerRef:
    start: int
    end: int
    type: str
    pos: str = "verb"  # verb | noun | compound
    person: str | None = None  # "1sg", "1pl", "3sg", "3pl", ... when the verb shows it
    passive: bool = False


@dataclass(slots=True)
class Arguments:
    source: list[dict[str, Any]] = field(default_factory=list)
    target: list[dict[str, Any]] = field(default_factory=list)
    mode: str | None = None  # set when the structure decides it (third-party mediation)
    mediators: list[dict[str, Any]] = field(default_factory=list)  # "with the mediation of"
    how: str = ""  # which rule found the source, for explanations
    target_how: str = ""  # "sentence" when the target is written in the sentence; "mutual"
    speaker: list[dict[str, Any]] = field(default_factory=list)  # «به نقل از X», "according to X"
    where: str | None = None  # the country of the place the clause says it happened in
    target_case: str | None = None  # the case of the group the target was found in


@dataclass(slots=True)
class _Group:
    members: list[ActorRef]
    case: str | None
    start: int
    end: int

    @property
    def actors(self) -> list[dict[str, Any]]:
        return [m.actor for m in self.members]


@dataclass(frozen=True)
class RoleWords:
    lang: str
    before: PhraseMatcher[str]
    after: PhraseMatcher[str]
    attached: dict[str, str]  # clitic letter -> case
    coordinators: re.Pattern[str]
    clause_break: re.Pattern[str]
    relative: re.Pattern[str]  # relative pronouns: a clause break for verbs, not for nouns
    first_person_endings: tuple[str, ...]
    reciprocal: re.Pattern[str]  # «یکدیگر», «بعضهما», "each other"
    counted: re.Pattern[str]  # a number (and its counted noun) right before a phrase
    patient_heads: tuple[str, ...]  # «مقتل», «ترور», "killing": the next phrase is the object
    locative: re.Pattern[str]  # «في», «در», "in" (and a few words) before a place
    against_of: re.Pattern[str]  # «ضد» and one noun before an actor: «ضد زيارة بوش»
    setting: re.Pattern[str]  # «در جریان», «خلال», "during" (and a determiner) right before a noun
    cause: re.Pattern[str]  # settings and «جراء», «بر اثر», "by": an act as the cause of a death
    requesting: re.Pattern[str]  # «خواستار», «دعا إلى», "called for" and up to two words
    staff: re.Pattern[str]  # «کارکنان», «الموظفون», "staff": a written subject that is no actor
    act_noun: re.Pattern[str]  # «تجاوز», «هجوم», "aggression of" right before an actor: its agent
    undergoing: re.Pattern[str]  # «تعرض ل», «مورد», "came under" (and a word) right before a trigger
    habitual: re.Pattern[str]  # «مکرر», «المتكررة», "frequent": an act noun qualified as repeated
    by_phone: re.Pattern[str]  # «تلفنی», «هاتفيا», "by phone"


@lru_cache(maxsize=8)
def role_words(lang: str) -> RoleWords:
    """The role-word lexicon of ``lang`` (fa, ar, en; others fall back to en)."""
    name = resource_lang(lang)
    data = resource_json(name, "roles.json")
    from khabar.text.normalize import fold

    before = PhraseMatcher(
        (w, case) for case, words in data["before"].items() for w in words
    )
    after = PhraseMatcher((w, case) for case, words in data.get("after", {}).items() for w in words)
    attached = {fold(w): case for case, words in data.get("attached", {}).items() for w in words}
    coords = "|".join(re.escape(fold(w)) for w in data["coordinators"])
    def alternation(words: list[str]) -> str:
        return "|".join(
            re.escape(fold(w)) if not fold(w).isalpha() else rf"(?<!\w){re.escape(fold(w))}(?!\w)"
            for w in words
        ) or "(?!x)x"
    return RoleWords(
        lang=name,
        before=before,
        after=after,
        attached=attached,
        coordinators=re.compile(rf"^\s*(?:{coords})(?:\s|{coords})*$"),
        clause_break=re.compile(alternation(data["clause_breaks"])),
        relative=re.compile(alternation(data.get("relative", []))),
        first_person_endings=tuple(data.get("first_person_endings", [])),
        reciprocal=re.compile(alternation(data.get("reciprocal", []))),
        counted=re.compile(
            rf"(?:^|[\s(«\"])(?:\d+|{alternation(data.get('counted', []))})"
            rf"(?:\s+[^\s\d،,.:;()«»\"]+){{0,3}}\s*$"),
        patient_heads=tuple(fold(w) for w in data.get("patient_heads", [])),
        against_of=re.compile(
            rf"(?:^|\s)(?:{alternation(data.get('against_of', []))})"
            rf"\s+[^\s\d،,.:;()«»\"]+\s*$"),
        setting=re.compile(
            rf"(?:^|\s)[وف]?(?:{alternation(data.get('settings', []))})"
            rf"(?:\s+(?:{alternation(data.get('determiners', []))}))?\s*$"),
        cause=re.compile(
            rf"(?:^|\s)[وف]?(?:{alternation(data.get('causes', []) + data.get('settings', []))})"
            rf"(?:\s+(?:{alternation(data.get('determiners', []))}))?"
            rf"(?:\s+[^\s\d,.:;()\"]+){{0,{int(data.get('cause_modifiers', 0))}}}\s*$"),
        requesting=re.compile(
            rf"(?:^|\s)[وف]?(?:{alternation(data.get('requesting', []))})"
            rf"(?:\s+[^\s\d،,.:;()«»\"]+){{0,2}}\s*[بل]?$"),
        staff=re.compile(alternation(data.get("staff_subjects", []))),
        act_noun=re.compile(
            rf"(?:^|\s)[وفبل]?(?:{alternation(data.get('act_nouns', []))})(?:\u200c?ی|ٔ)?\s*$"),
        locative=re.compile(
            rf"(?:^|\s)(?:{alternation(data.get('locatives', []))})"
            rf"(?:\s+[^\s\d،,.:;()«»\"]+){{0,3}}\s*[(]?\s*$"),
        undergoing=re.compile(
            rf"(?<!\w)[وف]?(?:{alternation(data.get('undergoing', []))})\s*[لب]?\s*(?:\S+\s+){{0,1}}$"),
        habitual=re.compile(alternation(data.get("habitual", []))),
        by_phone=re.compile(alternation(data.get("by_phone", []))),
    )


def _absent(
    partner: list[dict[str, Any]] | None, groups: list[_Group], author: dict[str, Any] | None
) -> list[dict[str, Any]]:
    """The memoir's interlocutor, unless the sentence names them in another role («از X انتقاد
    داشت»: X is the one criticised, not the one who spoke)."""
    named = {(a.get("name"), a.get("country")) for g in groups for a in g.actors}
    return [p for p in partner or [] if p != author
            and (p.get("name"), p.get("country")) not in named]


def is_author(actor: dict[str, Any], author: dict[str, Any]) -> bool:
    """``actor`` is the memoir's author (a first-person word resolved to them, or their name)."""
    return bool(actor.get("author")) or (actor.get("name") is not None
                                         and actor.get("name") == author.get("name"))


def _side(actor: dict[str, Any]) -> Any:
    return actor.get("country") or actor.get("name")


def _case_before(text: str, lo: int, start: int, words: RoleWords) -> str | None:
    """The role word that ends right before ``start`` (only spaces between), if any."""
    window = text[max(lo, start - 40) : start]
    stripped = window.rstrip()
    if not stripped:
        return None
    best: tuple[int, str] | None = None
    for m in words.before.finditer(stripped):
        if m.end == len(stripped) and (best is None or m.start < best[0]):
            best = (m.start, m.values[0])
    if best is None and words.against_of.search(stripped):
        return "against"  # «ضد زيارة بوش», «علیه سفر لاوروف»: against the noun's holder
    return best[1] if best else None


def _case_after(text: str, end: int, hi: int, words: RoleWords) -> str | None:
    window = text[end : min(hi, end + 12)]
    stripped = window.lstrip()
    offset = len(window) - len(stripped)
    for m in words.after.finditer(stripped):
        if m.start == 0 and offset <= 2:
            return m.values[0]
    return None


def _groups(text: str, lo: int, hi: int, actors: list[ActorRef], words: RoleWords) -> list[_Group]:
    groups: list[_Group] = []
    for ref in sorted(actors, key=lambda a: a.start):
        case = _case_before(text, lo, ref.start, words)
        glued_and = ref.proclitic.startswith("و")  # Arabic "والأردن": و glued to the name
        clitic = ref.proclitic.lstrip("وف")[:1]
        if case is None and clitic:
            case = words.attached.get(clitic)
        gap = text[groups[-1].end : ref.start] if groups else ""
        overlapping = bool(groups) and ref.start < groups[-1].end
        # «به نقل از X، Y ...», "according to X, Y ...": the comma ends the speaker phrase
        ends_speaker = bool(groups) and groups[-1].case == "speaker" and bool(
            re.search(r"[,،]", gap))
        if groups and not ends_speaker and (overlapping or words.coordinators.match(gap)
                                            or (glued_and and not gap.strip())):
            last = groups[-1]
            last.members.append(ref)
            last.end = max(last.end, ref.end)
            if last.case is None and (after := _case_after(text, ref.end, hi, words)):
                last.case = after
            continue
        if case is None:
            case = _case_after(text, ref.end, hi, words)
        groups.append(_Group([ref], case, ref.start, ref.end))
    return groups


def _mark_places_and_victims(
    text: str, lo: int, groups: list[_Group], trigger: TriggerRef, words: RoleWords,
    dates: tuple[tuple[int, int], ...] | list[tuple[int, int]],
    verbs: tuple[tuple[int, int], ...] | list[tuple[int, int]] = (),
) -> None:
    """Cases that depend on the phrase, not on a role word right before it:

    - a capital or city named as an actor after a locative («في بغداد», «در وسط تهران», "in
      central Baghdad", «ببغداد») is where the event happened (case ``in``), not a side;
    - for fighting and coercion, a counted phrase («قتل 5 جنود أمريكيين», «مقتل 15 جنديا
      تركيا», «۵ سرباز آمریکایی کشته شدند», "arrested three Iranian journalists") is the
      victims (case ``victim``) -- people are counted when they are hit or taken, rarely when
      they act (counted gunmen and protesters keep their case), also through a partitive
      («ثمانية من عناصر الشرطة»: not an origin "from"); before a nominal trigger, only
      as the object of a verb or a verbal noun before them («قتل 4 جنود في هجوم», «مقتل 15
      جنديا في هجوم»; not «ثمانية جنود نفذوا الغارة»);
    - the phrase right after a verbal noun of a transitive act («مقتل X», «اغتيال X», «ترور X»,
      "the killing of X") is its object (case ``victim``), not its subject.
    """
    if trigger.type in VICTIM_TYPES and trigger.pos == "noun" and _patient_head(
            text[trigger.start:trigger.end], words):
        following = [g for g in groups if g.start >= trigger.end]
        if following and following[0].case is None and following[0].start - trigger.end <= 40 \
                and not re.search(r"[,،.؛;:]", text[trigger.end:following[0].start]):
            following[0].case = "victim"
    for g in groups:
        if g.case is not None and not (g.case == "from" and trigger.type in VICTIM_TYPES):
            continue
        head = g.members[0]
        window = text[max(lo, g.start - 60):g.start]
        if g.case is None and head.place and (
                (head.place == "city" and head.proclitic.lstrip("و").startswith("ب"))
                or words.locative.search(window)):
            g.case = "in"
            continue
        if trigger.type not in VICTIM_TYPES or any(
                m.actor.get("sector") in ATTACKER_SECTORS for m in g.members):
            continue
        count = words.counted.search(window)
        first_word = text[g.start:g.end].split()[:1]
        # or the actor phrase opens with its count («جنديين اسبانيين», «جنديا أميركيا»)
        counted_head = count is None and bool(first_word) and bool(
            words.counted.search(" " + first_word[0]))
        if counted_head or (count and not any(
                x.values[0] != "from" for x in words.before.finditer(window[count.start():]))):
            # the counted noun phrase runs up to the actor: no preposition in between but a
            # partitive («أربعة من عناصر الشرطة»; «یک بمب در جنوب افغانستان» counts a bomb)
            at = g.start - len(window) + count.start() if count else g.start
            if trigger.pos == "noun" and g.end <= trigger.start and not any(
                    v1 <= g.start for _, v1 in verbs):
                preceding = text[max(lo, at - 25):at].split()
                if not (preceding and _patient_head(preceding[-1], words)):
                    continue
            if not any(d0 <= at + 1 < d1 or d0 <= g.start - 2 < d1 for d0, d1 in dates):
                g.case = "victim"


def _mark_agents(text: str, lo: int, groups: list[_Group], words: RoleWords) -> None:
    """An unmarked phrase right after the noun of an act whose object takes a preposition
    («تجاوز X به Y», «حمایت X از Y», «هجوم X على Y», "aggression of X against Y") is the
    agent of that act (case ``agent``): what a criticism of the act targets, never its critic."""
    for g in groups:
        if g.case is not None or g.members[0].proclitic.lstrip("وف"):
            continue
        if words.act_noun.search(text[max(lo, g.start - 30):g.start]):
            g.case = "agent"


def _staff_subject(text: str, c_lo: int, t_start: int, groups: list[_Group],
                   words: RoleWords) -> bool:
    """The clause names its subject before the trigger as a staff or crowd noun («کارکنان»,
    «رییس و مدیران», «الموظفون», "the staff"), with no role word before it."""
    for m in words.staff.finditer(text, c_lo, t_start):
        if _case_before(text, c_lo, m.start(), words) is None and not any(
                g.start <= m.start() < g.end for g in groups):
            return True
    return False


def _possessor(text: str, end: int, start: int) -> bool:
    """At most two words (a head noun such as «نمایندگان», «هیئت») and no punctuation between a
    Persian noun and the actor phrase after it: an ezafe chain."""
    gap = text[end:start]
    return len(re.findall(r"\w+", gap)) <= 2 and not re.search(r"[.،,:;؛()«»\"]", gap)


def _patient_head(trigger_text: str, words: RoleWords) -> bool:
    """The trigger is a verbal noun whose next phrase is its object (``patient_heads``)."""
    t = trigger_text.strip()
    for _ in range(3):
        if any(t == h or t.startswith(h + " ") for h in words.patient_heads):
            return True
        if t.startswith("ال"):
            t = t[2:]
        elif t[:1] in ("و", "ف", "ب", "ل"):
            t = t[1:]
        else:
            break
    return any(t == h or t.startswith(h + " ") for h in words.patient_heads)


def _where(
    groups: list[_Group],
    places: tuple[tuple[int, int, str], ...] | list[tuple[int, int, str]],
    c_lo: int, c_hi: int, lo: int, hi: int,
) -> str | None:
    """The country of the place the trigger's clause (else its sentence) names as where it
    happened: a place-actor after a locative, or a place of the places layer."""
    for a, b in ((c_lo, c_hi), (lo, hi)):
        found = sorted([(g.start, str(g.members[0].actor.get("country"))) for g in groups
                        if g.case == "in" and a <= g.start < b
                        and g.members[0].actor.get("country")]
                       + [(p0, c) for p0, _, c in places if a <= p0 < b and c])
        if found:
            return found[0][1]
    return None


def _clause(
    text: str, lo: int, hi: int, pos: int, words: RoleWords, noun: bool = False
) -> tuple[int, int]:
    """The clause around ``pos``. A relative clause belongs to the noun it follows («آتش‌بسی
    که میان آذربایجان و ارمنستان برقرار شد»), so for a nominal trigger only other breaks count."""
    start, end = lo, hi
    breaks = sorted(
        [*words.clause_break.finditer(text, lo, hi),
         *([] if noun else words.relative.finditer(text, lo, hi))],
        key=lambda m: m.start())
    for m in breaks:
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def attribute(
    text: str,
    sentence: tuple[int, int],
    actors: list[ActorRef],
    trigger: TriggerRef,
    lang: str,
    *,
    carried_subject: list[dict[str, Any]] | None = None,
    author: dict[str, Any] | None = None,
    host: dict[str, Any] | None = None,
    partner: list[dict[str, Any]] | None = None,
    verbs: tuple[tuple[int, int], ...] | list[tuple[int, int]] = (),
    dates: tuple[tuple[int, int], ...] | list[tuple[int, int]] = (),
    places: tuple[tuple[int, int, str], ...] | list[tuple[int, int, str]] = (),
) -> Arguments:
    """Source and target of ``trigger`` in the sentence ``text[sentence[0]:sentence[1]]``.

    ``dates`` are the date mentions of the sentence (a number in a date counts nothing);
    ``places`` the places it names that are not actors, with their countries."""
    words = role_words(lang)
    lo, hi = sentence
    c_lo, c_hi = _clause(text, lo, hi, trigger.start, words, noun=trigger.pos == "noun")
    in_sentence = [a for a in actors if a.start >= lo and a.end <= hi
                   and not (a.start < trigger.end and trigger.start < a.end)]
    groups = _groups(text, lo, hi, in_sentence, words)
    _mark_places_and_victims(text, lo, groups, trigger, words, dates, verbs)
    if trigger.type == "ACCUSE":
        _mark_agents(text, lo, groups, words)
    clause = [g for g in groups if g.start >= c_lo and g.end <= c_hi]
    args = Arguments()
    args.where = _where(groups, places, c_lo, c_hi, lo, hi)
    speakers = [g for g in groups if g.case == "speaker"]
    if speakers:
        args.speaker = speakers[0].actors

    unmarked = [g for g in clause if g.case is None]
    before = [g for g in unmarked if g.end <= trigger.start]
    after = [g for g in unmarked if g.start >= trigger.end]
    source: _Group | None = None
    verb_subject: _Group | None = None  # the subject of another verb, neither side of this one
    first_person = trigger.person in ("1sg", "1pl")
    if first_person and author:
        args.source, args.how = [author], "author"  # "... ملاقات داشتم": the memoir's author
    elif (after and words.lang == "fa" and trigger.pos == "noun" and trigger.type in SYMMETRIC
          and _possessor(text, trigger.end, after[0].start)):
        # «نشست نمایندگان ارامنه قره باغ با هیئت آذربایجانی», «درباره توافق‌های سران روسیه و
        # ...»: the ezafe possessor of a meeting or agreement noun is its first party, before a
        # subject that belongs to the main verb (not for one-sided nouns, whose possessor may be
        # the patient: «تحریم ایران»)
        source, args.how = after[0], "possessor"
    elif words.lang == "ar" and trigger.pos == "verb" and after and not before:
        source, args.how = after[0], "vso"
    elif before:
        source, args.how = before[0], "subject"
        # "Russia asked Armenia to withdraw and Armenia refused": after another event verb,
        # the group nearest this verb starts its own coordinated clause and is its subject
        prior = [v1 for v0, v1 in verbs if before[0].end <= v0 and v1 <= trigger.start]
        if (words.lang == "ar" and trigger.pos == "verb" and prior and after
                and not text[trigger.end:after[0].start].strip()):
            # «طلبت روسيا ... ورفضت أرمينيا ذلك»: a second verb-subject clause
            source, args.how = after[0], "vso"
        elif trigger.pos == "verb" and prior:
            later = [g for g in before if g.start >= max(prior)
                     and words.coordinators.match(text[max(prior):g.start].split()[-1]
                                                  if text[max(prior):g.start].split() else "")]
            if later:
                source = later[0]
    elif after and words.lang == "ar" and trigger.pos == "noun":
        # construct state («هجوم إسرائيل») or a later subject: limiting the distance was
        # measured to lose events on the Arabic GSR without finding more right sources
        source, args.how = after[0], "after"
    if (source is not None and trigger.pos == "noun" and args.how in ("subject",)
            and any((source.end <= v0 and v1 <= trigger.start) or (
                words.lang == "ar" and v1 <= source.start and not text[v1:source.start].strip())
                for v0, v1 in verbs)):
        # «أدان الأردن اغتيال X»: the subject right after a verb is that verb's
        # "EU urges A and B ... after border clash": the subject belongs to the verb in between
        verb_subject = source
        source, args.how = None, "verb_between"
    patient: _Group | None = None
    if (trigger.passive and trigger.type not in SYMMETRIC and source is not None
            and args.how in ("subject", "vso", "after")):
        # «نیروهای آمریکایی مورد حمله قرار گرفتند», «اغتيل القائد», "was arrested": the
        # subject of a passive is what the act befell; its doer is a «توسط», «من قبل», "by"
        # group, else unwritten
        patient, source, args.how = source, None, "passive"
    each = [g for g in clause if g.case == "each" and len({_side(a) for a in g.actors}) > 1]
    if source is None and not args.source and each:
        # «هر یک از طرفین ... پاکسازی قومی», "each of the sides": every side acts, on the other
        source, args.how = each[0], "each"
    if source is None and not args.source and args.how != "verb_between":
        by = [g for g in clause if g.case == "by"]
        # Fall back to the sentence (a subject before a comma-separated clause).
        sent_unmarked = [g for g in groups if g.case is None and g.end <= trigger.start
                         and g is not patient and args.how != "passive"]
        if by:
            source, args.how = by[0], "by"
        elif sent_unmarked:
            source, args.how = sent_unmarked[0], "sentence_subject"
    if source is not None:
        args.source = source.actors
        if author and all(is_author(a, author) for a in args.source):
            args.how = "author"  # «من ... گفتم», "I ...": a first-person word as the subject
    elif not args.source and args.speaker and args.how != "verb_between":
        # «به نقل از وزارت خارجه، خواستار آتش‌بس شد», «قتل ... بحسب مسؤولين»: with no subject
        # of its own, the event is the speaker's account -- as in "X said that ..." frames
        args.source, args.how = list(args.speaker), "speaker"
    elif not args.source and trigger.pos == "verb" and _staff_subject(
            text, c_lo, trigger.start, groups, words):
        # «کارکنان به گرمی از ما استقبال کردند»: the staff who did it are written, though
        # no actor -- not the memoir's interlocutor nor the passage's last subject
        args.how = "staff"
    elif (not args.source and host is not None and trigger.pos == "verb"
          and not trigger.passive and not first_person
          and (met := _absent(partner, groups, author))):
        # a memoir entry: «خواستار ... بودند», «گفت» with no subject written -- the visitor,
        # caller or partner the author is with, rather than the last subject named
        args.source, args.how = met, "interlocutor"
    elif not args.source and carried_subject and trigger.pos == "verb" and not trigger.passive:
        # a pro-dropped subject («وی افزود», «وأضاف»): the last subject of the passage
        args.source, args.how = list(carried_subject), "carried"

    between = [g for g in clause if g.case == "between" and len(g.members) > 1]
    if not args.source and between and trigger.type in SYMMETRIC | {"ASSAULT", "RETREAT"}:
        # «محادثات بين أذربيجان ووفد أرميني», "clashes between A and B": the parties
        source = between[0]
        args.source = [source.members[0].actor]
        args.target = [m.actor for m in source.members[1:]]
        args.how = "between"
    mediators = [g for g in groups if g.case == "mediator"]
    others = [g for g in clause if g is not source
              and g.case not in ("mediator", "speaker", "requester")
              and not (args.how == "author" and author
                       and all(is_author(a, author) for a in g.actors))]
    if args.how == "between":
        pass
    elif trigger.type in SYMMETRIC and source is not None and len(source.members) > 1 and not any(
        g.case in ("with", "between") for g in others
    ):
        # "لاوروف و بایراموف ... گفت‌وگو کردند": coordinated subject of a symmetric verb.
        args.source = [source.members[0].actor]
        args.target = [m.actor for m in source.members[1:]]
        args.target_case = "coordinated"
    else:
        for case in TARGET_CASES.get(trigger.type, ()):
            match = [g for g in others if g.case == case]
            if case == "to" and trigger.type == "PROTEST" and len(
                    text[trigger.start:trigger.end].split()) > 1:
                # «جنبش الحاق به ارمنستان»: «به» complements the last noun (accession to),
                # not the protest's head; «اعتراض به X» is a protest to X
                match = [g for g in match if g.start > trigger.end + 40]

            if match:
                group = match[0] if case != "obj" else min(
                    match, key=lambda g: abs(g.start - trigger.start)
                )
                args.target = group.actors
                args.target_case = case
                if case == "between" and not args.source and len(group.members) > 1:
                    args.source = [group.members[0].actor]
                    args.target = [m.actor for m in group.members[1:]]
                break
        if not args.target:
            # not the subject of another verb («أعلنت مصادر عراقية مقتل ...»: who reports it)
            rest = [g for g in others if g.case is None and g is not verb_subject]
            if rest:
                args.target = min(rest, key=lambda g: abs(g.start - trigger.start)).actors
    if patient is not None:
        args.target, args.target_case = patient.actors, "victim"
    if args.target:
        args.target_how = "sentence"
    elif source is not None and len({_side(a) for a in source.actors}) > 1 and (
            trigger.type in MUTUAL or args.how == "each"
            or words.reciprocal.search(text, c_lo, c_hi)):
        # "Armenia and Azerbaijan clashed", «طرفین یکدیگر را متهم کردند»: each side is
        # the other's target (the sides of a "sides" word share one span: one group)
        args.target = list(reversed(source.actors))
        args.target_how = "mutual"
    if not args.target and partner and args.how == "author":
        # a memoir: "I told him ...", "we agreed ..." -- the visitor or caller of the entry
        args.target = [p for p in partner if p != author]
    if (not args.source and not args.target and author and partner and trigger.passive
            and trigger.type in SYMMETRIC):
        args.source, args.target, args.how = [author], list(partner), "memoir_passive"
    if (not args.target and host is not None and args.how != "author" and host not in args.source
            and (trigger.type in SYMMETRIC | {"REQUEST"}
                 or (args.how == "interlocutor" and trigger.type in STATEMENT))):
        # a memoir: "X came", "X asked", "(he) complained" -- the author is the other side
        args.target = [host]
    if mediators:
        args.mediators = mediators[0].actors
    if mediators and trigger.type == "CONSULT":
        parties = args.source + args.target
        args.source = mediators[0].actors
        args.target = parties
        args.mode = "third-party"
    return args
