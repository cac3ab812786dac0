"""Event triggers of one sentence: PLOVER type, mode, contexts, modality and grammatical hints.

The lexicons are data, one JSON object per line in ``src/khabar/lang/<lang>/triggers.jsonl``::

    {"id": "fa:مذاکره کردن", "lemma": "مذاکره کردن", "pos": "compound_verb",
     "noun": "مذاکره", "light": "کردن", "type": "CONSULT", "mode": null,
     "contexts": ["diplomatic"]}

``pos`` is ``verb`` (with ``past``/``present`` stems for fa and ar, irregular ``past`` and
``participle`` for en; optional ``tenses`` and ``exclude`` to keep forms that collide with
frequent non-verbs out; ``passive``: fa also the passive participle + شدن, ar also the passive
forms of a hollow verb, اغتيل / أصيب), ``compound_verb`` (``noun`` + ``light``; ar/en also
``light_present`` / ``light_past`` / ``light_participle``; fa ``passive`` when the light verb
is itself a passive, «کشته شدن», «آزاد شدن»), ``noun`` (optional ``plural`` list, ar ``adjectival``
for noun + adjective phrases) or ``mode_cue`` (``cue``: a word that sets ``mode`` on a nearby
trigger of ``type``, like تلفنی / هاتفيا / by phone for CONSULT) or ``nonevent`` (a fixed
expression holding a trigger word that is no event there: «آواره جنگ», «دوران جنگ», "war
crimes", «أسرى الحرب», "claimed responsibility"; matched like a noun, it takes the span so no
noun or verb form inside it fires).
Optional on every entry: ``weak`` (an event only with a clear act toward another actor: the
caller should require a target), ``neg_type`` (the type the trigger takes when negated:
«نپذیرفت», «did not accept» is REJECT), ``object_type`` (a signing verb takes the type of the
document it governs: «سند همکاری امضا شد» is COOPERATE) and ``intent_is_act`` (announcing the
intention is the act itself: «تعتزم إصدار عفو» offers an amnesty now, «سيواصلون المقاومة»
refuses to yield now; a future modality is read as asserted), ``object`` (Persian compound
verbs whose noun must be the object marked by را before the light verb: «شهر را گرفتند» is a
capture, «شهر شکل گرفت» is not) and ``object_retype`` (``{type: [phrases]}``: the trigger takes
that type when one of the phrases is within ``RETYPE_WINDOW`` tokens of it in the same clause;
recognising a state is SUPPORT, recognising the *territorial integrity* of a state is said of
the side that disputed it and is a concession, CONCEDE; a key ``TYPE:mode`` also sets the mode:
"expelled ... migrants" is COERCE deport, not the SANCTION of expelling diplomats) and
``object_strong`` (phrases found the same way, up to ``MAX_GAP`` + 1 tokens away, that make a
``weak`` trigger a full one: «از خروج ... جلوگیری کرد» names a restriction of movement).

Every surface form is generated once by :mod:`khabar.events.morphology` and compiled into two
:class:`khabar.text.PhraseMatcher` per language (nominal parts, verb forms); a sentence is two
regex scans plus work proportional to the matches, never a loop over entries.

Compound verbs. A light verb form and the nominal part of a compound verb pair up when:
- Persian (noun first): the noun ends at most ``MAX_GAP['fa']`` tokens before the light verb
  (more than ``FA_FREE_GAP`` only with را in between, an entry marked ``gap``, or up to
  ``FA_MODIFIER_GAP`` tokens none of which is a preposition: the noun's own modifiers,
  «مذاکره خصوصی و رسمی داشتیم»), with no clause
  boundary (punctuation, که / اما / ...) and no other verb form in between
  («در مورد آتش بس توافق کردند», «خواستار برقراری آتش بس بین ارمنستان و آذربایجان شد»). The
  noun right before the light verb wins when it forms a compound; otherwise the leftmost
  compatible noun of the window (the head of the object noun phrase, «درخواست توقف جنگ را
  کردند»). When the noun right before the light verb is itself the ezafe complement of a
  speech-act noun that also forms a compound with it («وعده کمک دادم», «پیشنهاد همکاری کرد»),
  the speech act heads the compound: the help is promised, not given; a predicative head (light
  شدن/بودن: «خواستار توقف حمله شد») reaches through up to ``FA_HEAD_EZAFE`` nouns. A ``gap``
  noun followed by its preposition («تأکید بر …», «تهدید به …») heads a light verb up to
  ``FA_HEAD_GAP`` tokens on, over every noun of that phrase. A two-word support verb taken
  whole («آمادگی … اعلام کرد») beats a nearer noun that would borrow its last word, and the
  last word is never lent to a noun inside a phrase (``FA_LENT_STOP``). A light verb right after
  a noun that makes its own compound with it («تصریح کرد», «وجود داشت», «وادار شد»:
  ``FA_OWN_LIGHT``) pairs with no trigger noun further left. A شدن form pairs with the noun of
  a کردن/نمودن/ساختن/دادن compound as its passive, a گرفتن form with the noun of a «X قرار
  دادن» compound («هدف قرار گرفت»: was targeted), and «مورد X قرار گرفت / داد» takes the
  compound of X with کردن (``FA_MORED_LIGHTS``), passive with گرفتن: «مورد حمله قرار گرفت» was
  attacked. A two-word light verb («برقرار کردن», «توصیف کردن») is generated whole, and a
  support verb's («اعلام کرد») also stands for its last word. The -ی noun of a light verb's
  stem right before a light verb («برنامه ریزی شد», ``FA_VERBAL_NOUNS``) is that verb's own
  noun: only a trigger noun ending there, or a predicative head (خواستار), pairs over it.
- Arabic and English (verb first): the noun starts at most ``MAX_GAP[lang]`` tokens after the
  verb (room for a VSO subject: «شنت الطائرات الحربية غارات»), same conditions; the nearest
  compatible verb wins.

English word class and names: a verb form after a determiner or possessive is read as a noun (or,
a participle, as an adjective), and a participle glued by a hyphen ("UN-brokered") as an
adjective; a trigger word capitalised inside a sentence is part of a name ("Amnesty
International") -- see ``_en_not_verbal`` and ``_en_name_part``. Readiness ("is ready to meet",
"is prepared to impose martial law") is said now: an offer (AGREE) or a threat (THREATEN).

Overlaps: the longest trigger wins, and a compound verb wins over its nominal part and over any
nominal trigger inside its span. A longer Persian nominal entry that starts with a compound's
noun lends it that head noun when the compound is of another type and has a light verb of its
own meaning: «کمک‌های نظامی را قطع کرد» is SANCTION, not the AID of «کمک نظامی».

Arabic passives: a hollow verb's passive has forms of its own (``passive`` on the entry); a
sound verb's is spelled as the active, so a perfect is passive when the text writes the damma
(«قُتل», «اختُطف», :func:`khabar.events.morphology.ar_marked_passive`), or after تم / جرى for
a verbal noun. ``object_retype`` phrases end a word, or take a ``RETYPE_ENDINGS`` ending. See :mod:`khabar.events.modality` for the modality rules.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from khabar.document import Document
from khabar.events import morphology as morph
from khabar.events.modality import Scope, Sentence, cues_in, decide, load_cues
from khabar.text.lexicon import Match, PhraseMatcher
from khabar.text.normalize import fold

__all__ = ["LANGS", "MAX_GAP", "Trigger", "find_triggers", "lexicon", "triggers_in_text"]

LANGS = ("fa", "ar", "en")
MAX_GAP = {"fa": 7, "ar": 5, "en": 4}  # tokens allowed between the parts of a compound verb
# Persian: beyond this many tokens the gap needs را (the noun heads the object: «درخواست توقف
# جنگ را کردند») or an entry marked "gap" (خواستار/خواهان ... شد, تهدید به ... کرد)
FA_FREE_GAP = 2
FA_MODIFIER_GAP = 4
# Words that end a noun's own modifiers between it and a light verb: a preposition starts
# another phrase («صلح در منطقه ... کرد» is no AGREE).
FA_GAP_STOP = frozenset(fold(w) for w in (
    "به", "با", "از", "در", "برای", "بر", "درباره", "تا", "بین", "میان", "علیه", "نزد", "پیش",
    "پس", "بعد", "قبل", "سوی", "طرف", "روی", "زیر", "توسط", "خود", "را", "هم", "نیز", "مورد"))
# Persian support verbs written as the first word of a two-word light verb («آتش بس را برقرار
# کردند», «تحریم‌هایی وضع کرد»): with no compound of their own, their last word still pairs.
FA_SUPPORT_HEADS = frozenset({"اعلام", "برقرار", "برگزار", "وضع", "اعمال", "آغاز", "ابراز",
                              "صادر", "منعقد", "اجرا"})
# Nouns that make a compound of their own with the light verb right after them, so a trigger
# noun further left is no part of it: «مذاکرات تصریح کرد» is "said about the talks",
# «مذاکرات وجود داشت» "there were talks", «همکاری ... برخوردار شد» "enjoyed cooperation".
# A noun of a long-complement entry (marked ``gap``) followed by one of these prepositions takes
# the whole prepositional phrase as its complement, so it heads the light verb after that phrase
# over any trigger noun inside it, up to ``FA_HEAD_GAP`` tokens away: «تأکید بر پیگیری ... و ختم
# جنگ ... نمودم» is an insistence, «تهدید به حمله کرد» a threat, «مانع از حمله شد» a prevention.
FA_HEAD_PREPS = frozenset(fold(w) for w in ("بر", "به", "از", "برای", "درباره", "علیه"))
FA_HEAD_GAP = 12
# A support verb's lent last word («اعلام کرد» as کرد) never pairs with a noun right after one of
# these (a prepositional phrase, not the announced object); به stays out: «به میزبانی تهران
# برگزار شد» is the hosted meeting.
FA_LENT_STOP = frozenset(fold(w) for w in ("با", "برای", "بر", "از", "درباره", "علیه"))
FA_OWN_LIGHT = frozenset(fold(w) for w in (
    "تصریح", "خاطرنشان", "خاطر نشان", "اظهار", "عنوان", "بیان", "اشاره", "تشریح", "وجود",
    "نیاز", "احتیاج", "اکتفا", "برخوردار", "تلاش", "سعی", "شرکت", "حضور", "ادامه", "پیدا",
    "دریافت", "مطرح", "تبدیل", "منجر", "منتهی", "توجه", "فکر", "گمان", "تصور", "وادار",
    "مجبور", "ناچار", "ناگزیر", "لحاظ", "خبر",
    # idioms with گرفتن whose object is no capture: «منطقه را در نظر گرفتند» (considered), «در
    # بر گرفت» (encompassed), «به عهده گرفت», «از سر گرفتند», «تحویل گرفتند» (took over by
    # handover), «فرا گرفت» (engulfed), «زیر پوشش گرفتند»
    "نظر", "بر", "عهده", "سر", "پیش", "تحویل", "فرا", "پوشش", "آغوش", "تصمیم"))
# «مورد X قرار گرفتن» (passive) and «مورد X قرار دادن» (active) take the compound of X with
# the first of these light verbs the lexicon has: «مورد حمله قرار گرفت» was attacked,
# «مورد انتقاد قرار گرفت» was criticised, «مورد هجوم قرار دادند» attacked.
FA_MORED_LIGHTS = ("کردن", "نمودن", "بردن", "زدن", "دادن")
FA_MORED = fold("مورد")
FA_EMPTY_LIGHTS = frozenset({"کردن", "نمودن", "شدن", "داشتن", "بودن"})
# The -ی nouns of a light verb's present stem («برنامه ریزی», «رده بندی», «سرمایه گذاری»,
# «اطلاع رسانی»), written as their own token after a non-joiner: right before a light verb, they
# are the nominal part of its compound («سفر ... برنامه ریزی شد» was planned, no trip made), so
# only a trigger noun that ends there pairs with it -- or a predicative head, whose complement
# they are («خواستار شکل گیری دولت شدند»).
FA_VERBAL_NOUNS = frozenset(fold(present + "ی") for _, present in morph.FA_LIGHT_VERBS.values())
FA_GHARAR = fold("قرار")
FA_HEAD_EZAFE = 2  # nouns allowed between a speech-act head and its complement trigger noun
# Speech-act types whose noun heads a compound over the noun it governs («وعده کمک دادن»).
HEAD_TYPES = frozenset({"REQUEST", "AGREE", "REJECT", "THREATEN", "SUPPORT", "ACCUSE",
                        "CONCEDE"})
# Mode of a request or refusal from the type (and mode) of the act it asks for or refuses.
REQUEST_MODE: dict[str | tuple[str, str], str] = {
    "AID": "assist", "CONSULT": "meet", "CONCEDE": "yield", "AGREE": "change", "RETREAT": "yield",
    ("RETREAT", "ceasefire"): "change"}
# How far (tokens) an ``object_retype`` phrase may be from its trigger.
RETYPE_WINDOW = 6
# Endings an ``object_retype`` phrase may take written joined to its last word (the plural and
# the ezafe or indefinite -ی: «شهرکهای», «دیپلماتها»); any other letter after it makes another
# word («شهر» is not «شهروندان», «من الاتفاق» not «من الاتفاقات»); a phrase that needs some
# other form lists it.
RETYPE_ENDINGS: dict[str, tuple[str, ...]] = {
    "fa": tuple(fold(x) for x in ("هایشان", "هایش", "هایی", "های", "ها", "ی")),
    "ar": (),
    "en": ("s", "es"),
}
# Ultimatums: a forceful act announced for later and tied to a condition («X will attack unless
# Y withdraws») is a threat made now. The words that introduce the condition, per language, and
# the THREATEN mode each threatened act gives.
ULTIMATUM = {"en": ("unless", "or else")}
ULTIMATUM_WINDOW = 12  # tokens between the threatened act and the condition word
THREAT_MODE: dict[str | tuple[str, str], str | None] = {
    "ASSAULT": "violence", "MOBILIZE": "violence", "COERCE": "restrict", "SANCTION": None,
    ("COERCE", "arrest"): "arrest", ("COERCE", "deport"): "expel", ("SANCTION", "expel"): "expel",
    "PROTEST": "relations"}  # CAMEO 133: threaten a protest, strike or boycott
# English readiness ("is ready to", "willing to", "is prepared to") is said now: readiness for a
# cooperative act is an offer (AGREE, CAMEO 03x), for a forceful one a threat (THREATEN, 13x).
EN_READY = frozenset({"ready to", "willing to", "prepared to"})
OFFER_TYPES = frozenset({"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
EN_BE = frozenset({"is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re",
                   "remains", "remained", "stands", "stood", "seemed", "seems", "appeared",
                   "appears", "itself", "themselves", "himself", "herself", "not", "fully",
                   "also", "still", "now", "already", "always"})
# How far (tokens) a mode cue may be from the trigger it qualifies.
MODE_CUE_WINDOW = 3
# How far a topic phrase («درباره», «حول», "about") reaches over nouns before a verb: a meeting
# "about X" is one CONSULT (EVENTS.md section 2), however long X is
TOPIC_REACH = 10
# English words before a verb form that make it a noun (or, for a participle, an adjective):
# determiners, possessives and quantifiers ("the strike", "its blockade", "several attacks");
# "that" and "those" stay out ("forces that attack civilians", "those killed in the unrest").
EN_DETERMINERS = frozenset({
    "the", "a", "an", "this", "these", "its", "their", "his", "her", "our", "my",
    "your", "whose", "every", "each", "another", "any", "no", "some", "several", "many",
    "more", "further", "few", "fewer", "numerous"})
EN_CONTRACTIONS = frozenset({"it's", "he's", "she's", "that's", "there's", "what's", "who's",
                             "let's", "here's", "where's"})
EN_VERB_PREFIXES = frozenset({"re", "co", "pre", "counter", "over", "under", "mis", "out"})
EN_CALENDAR = frozenset({
    "i", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december"})  # capitalised words that start no name
EN_OPENERS = tuple(":\"'“‘`(—–-")  # after these a capital starts a quotation or phrase
# Types whose verb makes the first nominal trigger of its complement not-yet-real: a ceasefire
# that is called for, threatened, refused or agreed to has not happened by that sentence.
UNREAL_COMPLEMENT = frozenset({"REQUEST", "THREATEN", "REJECT", "AGREE"})
GOVERNING = UNREAL_COMPLEMENT | {"ACCUSE", "SUPPORT", "CONSULT"}
COMPLEMENT_WINDOW = {"fa": 4, "ar": 4, "en": 4}
FA_FORWARD_COMPLEMENT = 8  # Persian request verbs take a following clause («خواست ... کنند»)

# Clitic patterns (folded alphabet) around a matched form.
_AR_NOUN_PREFIX = r"(?:[وف])?(?:[بکل]?ال|لل|[بکل])?"
_AR_NOUN_SUFFIX = r"(?:هما|ها|هم|کم|نا|ه|ین|ون|ان)"
_AR_VERB_PREFIX = r"(?:[وف])"
_AR_VERB_SUFFIX = r"(?:هما|ها|هم|کم|نا|ه|نی)"
_FA_NOUN_SUFFIX = r"(?: ?(?:هایشان|هایش|هایی|های|ها|ات|ای|یی|ی|شان|ش|مان|تان))"
_EN_PASSIVE_AUX = frozenset({"was", "were", "been", "being", "is", "are", "be", "got"})
_AR_PASSIVE_AUX = frozenset({"تم", "یتم", "جری", "یجری", "تمت"})


@dataclass(slots=True)
class Trigger:
    """One event trigger in a sentence. Offsets are raw (into ``doc.text``)."""

    start: int
    end: int
    text: str
    type: str
    mode: str | None
    contexts: list[str]
    entry: str  # lexicon entry id (provenance)
    pos: str  # verb | compound_verb | noun
    modality: str = "asserted"  # asserted negated future conditional question hypothetical
    person: str | None = None  # fa "1sg".."3pl"; ar "3ms", "3fp", ...; en "3sg" when marked
    number: str | None = None  # sg | du | pl, from the verb ending
    gender: str | None = None  # m | f (Arabic verbs)
    passive: bool = False
    tense: str | None = None  # see khabar.events.morphology
    lv_head: bool = False  # noun: heads a light-verb construction («نشستی برگزار کردند»)
    noun_span: tuple[int, int] | None = None  # compound verb: raw span of the nominal part
    verb_span: tuple[int, int] | None = None  # compound verb: raw span of the light verb
    governor: str | None = None  # noun in the complement of this verbal trigger (entry id)
    topic: bool = False  # noun after a topic preposition (درباره, حول, about)
    reported: bool = False  # inside reported speech (گفت, قال, said): still an event
    weak: bool = False  # needs a clear target to be an event (see the lexicon)
    cues: list[str] = field(default_factory=list)  # why the modality was chosen

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


# ---------------------------------------------------------------------------------------------
# The compiled lexicon of one language
# ---------------------------------------------------------------------------------------------

# Matcher values: (kind, key, features); kind is noun / cnoun / mode / verb / light.
Value = tuple[str, Any, dict[str, Any]]


def _key(phrase: str) -> str:
    return fold(phrase).replace(" ", "")


class Lexicon:
    """All trigger entries of a language, compiled into a noun and a verb matcher."""

    def __init__(self, lang: str, entries: list[dict[str, Any]]) -> None:
        self.lang = lang
        self.entries = entries
        self.by_id = {e["id"]: e for e in entries}
        self.compounds: dict[tuple[str, str], tuple[int, bool]] = {}  # -> (entry, passive)
        # Persian «مورد X قرار گرفت / داد»: noun key -> the entry of X's own active compound
        self.mored: dict[str, int] = {}
        nouns: list[tuple[str, Value]] = []
        verbs: list[tuple[str, Value]] = []
        lights: dict[str, list[morph.Form]] = {}
        for i, e in enumerate(entries):
            pos = e["pos"]
            if pos == "noun":
                nouns += [(f, ("noun", i, ft)) for f, ft in self._noun_forms(e, e["lemma"])]
            elif pos == "mode_cue":
                nouns.append((fold(e["cue"]), ("mode", i, {})))
            elif pos == "nonevent":
                nouns += [(f, ("block", i, ft)) for f, ft in self._noun_forms(e, e["lemma"])]
            elif pos == "verb":
                verbs += [(f, ("verb", i, ft)) for f, ft in self._verb_forms(e)]
            elif pos == "compound_verb":
                nkey = _key(e["noun"])
                nouns += [(f, ("cnoun", nkey, ft)) for f, ft in self._noun_forms(e, e["noun"])]
                lkey = self._light_key(e)
                # «کشته شدن», «آزاد شدن»: an entry whose light verb is itself a passive
                self.compounds[(nkey, lkey)] = (i, bool(e.get("passive")))
                if lang == "fa" and lkey == "بودن":
                    # «مدعیاند», «مخالفیم»: the copula joined to the word is one token
                    verbs += [(f, ("verb", i, ft)) for f, ft in morph.fa_glued_copula_forms(
                        e["noun"])]
                if lkey not in lights:
                    lights[lkey] = self._light_forms(e)
            else:
                raise ValueError(f"{lang} trigger entry {e.get('id')}: unknown pos {pos!r}")
        # a compound's noun written in a plural listed on its own nominal entry («تحریم‌ها»,
        # "talks") still pairs with the light verb
        cnoun_keys = {nkey for nkey, _ in self.compounds}
        for e in entries:
            if e["pos"] == "noun" and e.get("plural") and _key(e["lemma"]) in cnoun_keys:
                nkey = _key(e["lemma"])
                nouns += [(fold(p), ("cnoun", nkey, {"tense": "noun", "plural": True}))
                          for p in e["plural"]]
        # a nominal entry that starts with a compound's noun («کمک های نظامی», «کمک نظامی»)
        # still lends that noun (its head) to the compound when the light verb follows («کمک
        # های نظامی را قطع کرد» is SANCTION), see ``_compatible_fa``
        if lang == "fa":
            heads = {f.replace(" ", ""): nv[1] for f, nv in nouns if nv[0] == "cnoun"}
            for f, nval in list(nouns):
                if nval[0] != "noun":
                    continue
                words = f.split()
                for k in range(len(words) - 1, 0, -1):
                    head = heads.get("".join(words[:k]))
                    if head is not None:
                        nouns.append((f, ("cnoun", head, {**nval[2], "head_of": nval[1]})))
                        break
        if lang == "fa":
            # نمودن is the formal synonym of کردن in every compound («مذاکره نمودند»)
            for (nkey, lkey), val in list(self.compounds.items()):
                if lkey == "کردن" or lkey.endswith(" کردن"):
                    formal = lkey[:-len("کردن")] + "نمودن"
                    self.compounds.setdefault((nkey, formal), val)
                    if formal not in lights:
                        lights[formal] = morph.fa_light_verb_forms(formal)
            # passive of کردن-type compounds with شدن («امضا شد», «آتش بس برقرار شد»)
            for (nkey, lkey), (i, _) in list(self.compounds.items()):
                head, _, base = lkey.rpartition(" ")
                if base in morph.FA_PASSIVE_WITH_SHODAN:
                    pkey = f"{head} شدن".strip()
                    if (nkey, pkey) not in self.compounds:
                        self.compounds[(nkey, pkey)] = (i, True)
                    if pkey not in lights:
                        lights[pkey] = morph.fa_light_verb_forms(pkey)
                if lkey == "دادن" and nkey.endswith("قرار") and nkey != "قرار":
                    # «هدف قرار دادن»: its passive is «هدف قرار گرفتن» (was targeted)
                    self.compounds.setdefault((nkey, "گرفتن"), (i, True))
                    if "گرفتن" not in lights:
                        lights["گرفتن"] = morph.fa_light_verb_forms("گرفتن")
                if lkey in FA_MORED_LIGHTS and not entries[i].get("object"):
                    # «مورد حمله قرار گرفت» is the passive of «حمله کرد»
                    j = self.mored.get(nkey)
                    if j is None or FA_MORED_LIGHTS.index(lkey) < FA_MORED_LIGHTS.index(
                            self._light_key(entries[j])):
                        self.mored[nkey] = i
            for lkey in ("گرفتن", "دادن"):
                if self.mored and lkey not in lights:
                    lights[lkey] = morph.fa_light_verb_forms(lkey)
        for lkey, forms in lights.items():
            verbs += [(f, ("light", lkey, ft)) for f, ft in forms]
            head, _, base = lkey.rpartition(" ")
            if lang == "fa" and head in FA_SUPPORT_HEADS:
                # «مخالفت خود را اعلام کرد»: a support verb also lends its light verb to a
                # compound of the noun it announces or establishes
                verbs += [(f, ("light", base, ft)) for f, ft in forms]
        if lang == "ar":
            self.nouns: PhraseMatcher[Value] = PhraseMatcher(
                nouns, prefix=_AR_NOUN_PREFIX, suffix=_AR_NOUN_SUFFIX)
            self.verbs: PhraseMatcher[Value] = PhraseMatcher(
                verbs, prefix=_AR_VERB_PREFIX, suffix=_AR_VERB_SUFFIX)
        elif lang == "fa":
            self.nouns = PhraseMatcher(nouns, suffix=_FA_NOUN_SUFFIX)
            self.verbs = PhraseMatcher(verbs)
        else:
            self.nouns = PhraseMatcher(nouns)
            self.verbs = PhraseMatcher(verbs)

    # -- form generation per language -----------------------------------------------------
    def _noun_forms(self, e: dict[str, Any], noun: str) -> list[morph.Form]:
        plural = e.get("plural") if e["pos"] in ("noun", "nonevent") else e.get("noun_plural")
        if self.lang == "fa":
            return morph.fa_noun_forms(noun, plural)
        if self.lang == "ar":
            return morph.ar_noun_forms(noun, plural, adjectival=bool(e.get("adjectival")))
        return morph.en_noun_forms(noun, plural)

    def _verb_forms(self, e: dict[str, Any]) -> list[morph.Form]:
        if self.lang == "fa":
            forms = morph.fa_verb_forms(e["past"], e.get("present"), tenses=e.get("tenses"))
            if e.get("passive"):
                forms += morph.fa_passive_forms(e["past"])
            return forms
        if self.lang == "ar":
            return morph.ar_verb_forms(e["past"], e.get("present"), tenses=e.get("tenses"),
                                       exclude=e.get("exclude"), passive=bool(e.get("passive")))
        return morph.en_verb_forms(e["lemma"], e.get("past"), e.get("participle"))

    def _light_key(self, e: dict[str, Any]) -> str:
        return e["light"] if self.lang == "fa" else fold(e["light"])

    def _light_forms(self, e: dict[str, Any]) -> list[morph.Form]:
        if self.lang == "fa":
            return morph.fa_light_verb_forms(e["light"])
        if self.lang == "ar":
            return morph.ar_verb_forms(e["light"], e.get("light_present"),
                                       exclude=e.get("light_exclude"))
        return morph.en_verb_forms(e["light"], e.get("light_past"), e.get("light_participle"))


def _load(lang: str) -> list[dict[str, Any]]:
    path = resources.files("khabar").joinpath("lang", lang, "triggers.jsonl")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:  # a broken data file is a bug: say where
                raise ValueError(f"{path}:{n}: {exc}") from exc
    return out


@cache
def lexicon(lang: str) -> Lexicon:
    """The compiled trigger lexicon of ``lang`` (built once per process)."""
    if lang not in LANGS:
        raise ValueError(f"no trigger lexicon for language {lang!r}")
    return Lexicon(lang, _load(lang))


# ---------------------------------------------------------------------------------------------
# Finding triggers
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Hit:
    m: Match[Value]
    first: int  # token indices
    last: int
    used: bool = False

    def of(self, kind: str) -> list[Value]:
        return [v for v in self.m.values if v[0] == kind]


@dataclass(slots=True)
class _Cand:
    start: int  # normalised offsets
    end: int
    entry: int
    pos: str
    feats: dict[str, Any]
    passive: bool = False
    noun: tuple[int, int] | None = None
    verb: tuple[int, int] | None = None
    lv_person: str | None = None
    lv_head: bool = False
    verb_core: int | None = None  # where the (light) verb's stem starts, after its proclitic


def _person_hints(lang: str, person: str | None) -> tuple[str | None, str | None]:
    """(number, gender) from a person code."""
    if not person:
        return None, None
    number = {"sg": "sg", "pl": "pl"}.get(person[1:3]) if lang == "fa" else None
    if lang == "ar" and len(person) == 3:
        number = {"s": "sg", "d": "du", "p": "pl"}.get(person[2])
        return number, {"m": "m", "f": "f"}.get(person[1])
    if lang == "ar" and person.endswith(("pl", "sg")):
        return person[1:], None
    if lang == "en" and person == "3sg":
        number = "sg"
    return number, None


def _compatible_fa(lex: Lexicon, noun: _Hit, light: _Hit, whole: bool = False
                   ) -> tuple[int, bool] | None:
    """The compound entry (and passive flag) of a noun and a light verb; ``whole``: only a
    two-word light verb taken whole («آمادگی ... اعلام کرد»), not its lent last word. A longer
    nominal entry lends its head noun («کمک های نظامی را قطع کرد») only to a compound of
    another type with a light verb of its own meaning: of the same type the nominal entry says
    more («حملات هوایی ... کردند»), and with an empty light verb (``FA_EMPTY_LIGHTS``) the
    whole phrase is the act («رفع محاصره ... اعلام شد» lifts a siege)."""
    for _, nkey, nfeats in noun.of("cnoun"):
        whose = nfeats.get("head_of")
        for _, lkey, _ in light.of("light"):
            if (whole and " " not in lkey) or (whose is not None and lkey in FA_EMPTY_LIGHTS):
                continue
            hit = lex.compounds.get((nkey, lkey))
            if hit is not None and not (
                    whose is not None
                    and lex.entries[hit[0]]["type"] == lex.entries[whose]["type"]):
                return hit
    return None


def _predicative(lex: Lexicon, n: _Hit, v: _Hit) -> bool:
    """The noun makes an active compound with the light verb شدن or بودن (خواستار شد)."""
    comp = _compatible_fa(lex, n, v)
    return comp is not None and not comp[1] and lex.entries[comp[0]]["light"] in ("شدن", "بودن")


def _mored(lex: Lexicon, text: str, sent: Sentence, nouns: list[_Hit], v: _Hit
           ) -> tuple[_Hit, tuple[int, bool]] | None:
    """«مورد X قرار گرفت» (passive) / «مورد X قرار داد» (active): the noun X right after مورد
    and right before قرار, with the compound it makes with کردن (see ``FA_MORED_LIGHTS``)."""
    lkeys = {lkey for _, lkey, _ in v.of("light")}
    if not lkeys & {"گرفتن", "دادن"} or v.first < 3:
        return None
    if fold(text[sent.starts[v.first - 1]:sent.ends[v.first - 1]]) != FA_GHARAR:
        return None
    for n in nouns:
        if n.used or n.last != v.first - 2 or n.first < 1 or not n.of("cnoun"):
            continue
        if fold(text[sent.starts[n.first - 1]:sent.ends[n.first - 1]]) != FA_MORED:
            continue
        for _, nkey, nfeats in n.of("cnoun"):
            i = lex.mored.get(nkey)
            if i is None:
                continue
            whose = nfeats.get("head_of")
            if whose is not None and lex.entries[whose]["type"] == lex.entries[i]["type"]:
                i = whose  # «مورد حملات هوایی قرار گرفت»: the nominal entry says more
            return n, (i, "گرفتن" in lkeys)
    return None


def _verb_between(verbs: list[_Hit], a: int, b: int) -> bool:
    """A verb form wholly between token indices a and b (exclusive)."""
    return any(a < v.first and v.last < b for v in verbs)


def _ra_between(text: str, sent: Sentence, n: _Hit, v: _Hit) -> bool:
    """The object marker را between a noun and a light verb (the noun heads the object)."""
    return any(text[sent.starts[i]:sent.ends[i]] == "را" for i in range(n.last + 1, v.first))


def _modifier_gap(text: str, sent: Sentence, n: _Hit, v: _Hit) -> bool:
    """Only the noun's own modifiers between a Persian noun and its light verb: few tokens, none
    of them a preposition or other phrase marker («مذاکره خصوصی و رسمی داشتیم»)."""
    if v.first - n.last - 1 > FA_MODIFIER_GAP:
        return False
    return not any(fold(text[sent.starts[i]:sent.ends[i]]) in FA_GAP_STOP
                   for i in range(n.last + 1, v.first))


def _head_noun(lex: Lexicon, window: list[_Hit], n: _Hit, v: _Hit,
               comp: tuple[int, bool], text: str, sent: Sentence
               ) -> tuple[_Hit, tuple[int, bool]] | None:
    """A speech-act noun before ``n`` (``n`` is its ezafe complement, directly or through up to
    ``FA_HEAD_EZAFE`` nouns and no preposition: «خواستار توقف حمله شد») that also forms a
    compound with the light verb ``v``: it heads the compound («وعده کمک دادم»)."""
    for m in window:
        if not n.first - 1 - FA_HEAD_EZAFE <= m.last < n.first or any(
                fold(text[sent.starts[i]:sent.ends[i]]) in FA_GAP_STOP
                for i in range(m.last + 1, n.first)) or (
                m.last < n.first - 1 and m.first > 0
                and fold(text[sent.starts[m.first - 1]:sent.ends[m.first - 1]]) in FA_GAP_STOP):
            continue  # a head inside a phrase of its own: «پس از تهدید ایران حمله کردند»
        head = _compatible_fa(lex, m, v)
        if head is None:
            continue
        if m.last < n.first - 1 and lex.entries[head[0]]["light"] not in ("شدن", "بودن"):
            continue  # only a predicative head (خواستار, خواهان) reaches past a noun
        htype = lex.entries[head[0]]["type"]
        if htype in HEAD_TYPES and htype != lex.entries[comp[0]]["type"]:
            return m, head
    return None


def _pp_head(lex: Lexicon, nouns: list[_Hit], verbs: list[_Hit], sent: Sentence, text: str,
             v: _Hit) -> tuple[_Hit, tuple[int, bool]] | None:
    """The leftmost noun of a ``gap`` compound with ``v`` whose prepositional complement runs
    up to the light verb («تأکید بر ... نمودم»): it heads the compound (see ``FA_HEAD_PREPS``)."""
    for n in sorted(nouns, key=lambda h: h.first):
        if (n.used or not n.of("cnoun") or n.last >= v.first - 2
                or v.first - n.last - 1 > FA_HEAD_GAP
                or (n.first > 0  # «با تأکید بر ...»: an adverbial phrase, no compound
                    and fold(text[sent.starts[n.first - 1]:sent.ends[n.first - 1]])
                    in FA_GAP_STOP)
                or fold(text[sent.starts[n.last + 1]:sent.ends[n.last + 1]]) not in FA_HEAD_PREPS
                or sent.clause_break_between(n.last, v.first)
                or _verb_between(verbs, n.last, v.first)):
            continue
        comp = _compatible_fa(lex, n, v)
        if comp is not None and lex.entries[comp[0]].get("gap"):
            return n, comp
    return None


def _pair(lang: str, lex: Lexicon, nouns: list[_Hit], verbs: list[_Hit], sent: Sentence,
          text: str) -> list[_Cand]:
    out: list[_Cand] = []
    gap = MAX_GAP[lang]
    if lang == "fa":
        for v in verbs:
            if not v.of("light"):
                continue
            window = [n for n in nouns if not n.used and n.of("cnoun") and n.last < v.first
                      and v.first - n.last - 1 <= gap
                      and not sent.clause_break_between(n.last, v.first)
                      and not _verb_between(verbs, n.last, v.first)]
            own = v.first > 0 and fold(
                text[sent.starts[v.first - 1]:sent.ends[v.first - 1]]) in FA_OWN_LIGHT
            if own:  # the light verb belongs to the noun right before it
                window = [n for n in window if n.last == v.first - 1]
            elif v.first > 0 and fold(
                    text[sent.starts[v.first - 1]:sent.ends[v.first - 1]]) in FA_VERBAL_NOUNS:
                window = [n for n in window if n.last == v.first - 1 or _predicative(lex, n, v)]
            chosen = _mored(lex, text, sent, nouns, v) if lex.mored else None
            if chosen is None and not own:
                chosen = _pp_head(lex, nouns, verbs, sent, text, v)
            adjacent = [n for n in window if n.last == v.first - 1]
            # a noun that makes a compound with a two-word support verb taken whole is its
            # object, over a nearer noun that would only borrow the last word: in «آمادگی ...
            # برای مقابله با تجاوز اعلام کرد» the readiness is announced, no aggression done
            multi = any(" " in lkey for _, lkey, _ in v.of("light"))
            whole = multi and any(
                _compatible_fa(lex, n, v, whole=True) for n in window)
            for n in [] if chosen else adjacent + window:
                comp = _compatible_fa(lex, n, v, whole=whole)
                if comp is None:
                    continue
                if (multi and _compatible_fa(lex, n, v, whole=True) is None and n.first > 0
                        and fold(text[sent.starts[n.first - 1]:sent.ends[n.first - 1]])
                        in FA_LENT_STOP):
                    # the last word of «اعلام کرد» is lent only to the announced object, never
                    # to a noun inside a prepositional phrase («مخالفت خود را با تحریم اعلام
                    # کرد», «برای مقابله با حمله ... اعلام کرد»)
                    continue
                if v.first - n.last - 1 > FA_FREE_GAP and not (
                        lex.entries[comp[0]].get("gap") or _ra_between(text, sent, n, v)
                        or _modifier_gap(text, sent, n, v)):
                    continue
                if lex.entries[comp[0]].get("object") and not _ra_between(text, sent, n, v):
                    continue
                chosen = (n, comp)
                if n.last == v.first - 1:
                    chosen = _head_noun(lex, window, n, v, comp, text, sent) or chosen
                break
            if chosen is None:
                continue
            n, (entry, passive) = chosen
            n.used = v.used = True
            feats = v.of("light")[0][2]
            out.append(_Cand(n.m.start, v.m.end, entry, "compound_verb", feats,
                             passive=passive, noun=(n.m.start, n.m.end),
                             verb=(v.m.start, v.m.end)))
        return out
    for n in nouns:
        if n.used or not n.of("cnoun"):
            continue
        window = [v for v in verbs if not v.used and v.of("light") and v.last < n.first
                  and n.first - v.last - 1 <= gap
                  and not sent.clause_break_between(v.last, n.first)
                  and not _verb_between(verbs, v.last, n.first)]
        for v in sorted(window, key=lambda h: -h.last):
            comp = _compatible_fa(lex, n, v)
            if comp is None:
                continue
            v.used = n.used = True
            feats = v.of("light")[0][2]
            out.append(_Cand(v.m.start, n.m.end, comp[0], "compound_verb", feats,
                             passive=comp[1], noun=(n.m.start, n.m.end),
                             verb=(v.m.start, v.m.end), verb_core=v.m.core_start))
            break
    return out


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping candidates: longest first, compound verbs before anything else."""
    order = sorted(cands, key=lambda c: (c.pos != "compound_verb", -(c.end - c.start), c.start))
    chosen: list[_Cand] = []
    for c in order:
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _find(text: str, lo: int, hi: int, lang: str) -> tuple[list[_Cand], list[_Hit], Sentence]:
    lex = lexicon(lang)
    _, boundaries = load_cues(lang)
    sent = Sentence(text, lo, hi, boundaries)
    if not sent.starts:
        return [], [], sent

    def hits(matcher: PhraseMatcher[Value]) -> list[_Hit]:
        return [_Hit(m, sent.token_at(m.start), sent.token_at(max(m.end - 1, m.start)))
                for m in matcher.finditer(text, lo, hi)]

    nouns = hits(lex.nouns)
    # a fixed expression that is no event («آواره جنگ», "claimed responsibility") also keeps
    # the verb forms inside it from firing
    blocks = [(n.m.start, n.m.end) for n in nouns if n.of("block")]
    verbs = [v for v in hits(lex.verbs)
             if not any(v.m.start < b and a < v.m.end for a, b in blocks)]
    if lang == "en":
        verbs = [v for v in verbs if not _en_not_verbal(text, sent, v)]
    cands = _pair(lang, lex, nouns, verbs, sent, text)
    for v in verbs:
        if v.used:
            continue
        simple = v.of("verb")
        if simple:
            _, entry, feats = simple[0]
            cands.append(_Cand(v.m.start, v.m.end, entry, "verb", feats,
                               passive=bool(feats.get("passive")), verb_core=v.m.core_start))
    for n in nouns:
        if n.used:
            continue
        nominal = n.of("noun")
        if not nominal:
            continue
        _, entry, feats = nominal[0]
        cand = _Cand(n.m.start, n.m.end, entry, "noun", feats)
        # a light verb right after (fa) / before (ar, en) the noun: it heads a light-verb
        # construction of its own («نشستی برگزار کردند»), and the verb shows the person
        for v in verbs:
            if not v.of("light"):
                continue
            near = (0 <= v.first - n.last - 1 <= 2) if lang == "fa" else (
                0 <= n.first - v.last - 1 <= 1)
            if near and lang == "fa" and v.first - n.last > 1 and fold(
                    text[sent.starts[v.first - 1]:sent.ends[v.first - 1]]) in FA_OWN_LIGHT:
                near = False  # «مذاکرات تصریح کرد»: the verb is the speech noun's
            if near:
                cand.lv_head = True
                cand.lv_person = v.of("light")[0][2].get("person")
                break
        cands.append(cand)
    return _select(cands), [n for n in nouns if n.of("mode")], sent


def _phrase_ends(text: str, end: int, hi: int, lang: str) -> bool:
    """A retype phrase matched up to ``end`` ends a word there, or one of its
    ``RETYPE_ENDINGS`` does."""
    if end >= hi or not text[end].isalnum():
        return True
    for suffix in RETYPE_ENDINGS.get(lang, ()):
        stop = end + len(suffix)
        if text.startswith(suffix, end) and (stop >= hi or not text[stop].isalnum()):
            return True
    return False


def _retype(e: dict[str, Any], text: str, sent: Sentence, start: int, end: int, lang: str,
            window: int = RETYPE_WINDOW) -> str | None:
    """The type an ``object_retype`` phrase near the trigger gives it («به رسمیت شناختن
    تمامیت ارضی», "recognised the territorial integrity of"), else None."""
    rules = e.get("object_retype")
    if not rules:
        return None
    first, last = sent.token_at(start), sent.token_at(max(end - 1, start))
    hi_tok = min(len(sent.starts) - 1, last + window)
    hi = sent.ends[hi_tok]
    for type_, phrases in rules.items():
        for phrase in phrases:
            f = fold(phrase)
            # a phrase before the trigger counts when its last word is in the window: the
            # object of «سرزمین های اشغالی خود در قره باغ را آزاد کرد» starts eight words back
            lo = sent.starts[max(0, first - window - len(f.split()) + 1)]
            at = text.find(f, lo, hi)
            while at >= 0:
                if (at > 0 and text[at - 1].isalnum()) or not _phrase_ends(
                        text, at + len(f), hi, lang):  # inside a longer word
                    at = text.find(f, at + 1, hi)
                    continue
                tok = sent.token_at(at)
                a, b = (tok, first) if tok < first else (last, tok)
                if not sent.clause_break_between(a, b):
                    return str(type_)
                at = text.find(f, at + 1, hi)
    return None


def _prev_token(text: str, sent: Sentence, start: int) -> str:
    i = sent.token_before(start)
    if i < 0:
        return ""
    return text[sent.starts[i]:sent.ends[i]].strip("\"'(),")


def _en_not_verbal(text: str, sent: Sentence, v: _Hit) -> bool:
    """English: a verb form used as a noun or an adjective, which the word class of a verb
    trigger cannot tell: after a determiner or a possessive ("the strike", "a press release",
    "Israel's blockade", "the banned movement") only its noun reading stays (a nominal entry of
    the same word still fires; a gerund, "the killing of", keeps its verbal entry), and a
    participle glued by a hyphen to the word before is an adjective ("Israeli-occupied",
    "UN-brokered", "US-backed")."""
    start = v.m.start
    if start > 0 and text[start - 1] == "-":
        head = text[:start - 1].rsplit(None, 1)[-1] if text[:start - 1].strip() else ""
        if head not in EN_VERB_PREFIXES:
            return True
    i = sent.token_before(start)
    prev = fold(_prev_token(text, sent, start))
    if "-" in prev.strip("-") and i > 0 and all(
            val[2].get("tense") == "present" for val in v.m.values):
        # "an open-ended strike", "a 24-hour strike" (not "the vice-president declined")
        prev = fold(_prev_token(text, sent, sent.starts[i]))
    if prev in EN_DETERMINERS or prev.isdigit() or (
            prev.endswith(("'s", "’s")) and prev not in EN_CONTRACTIONS):
        return not all(val[2].get("tense") == "progressive" for val in v.m.values)
    return False


def _en_readiness(why: list[str], scopes: list[Scope], text: str, sent: Sentence,
                  first: int) -> bool:
    """The future modality comes only from readiness cues (``EN_READY``) and the trigger is
    the act one is ready for, right after the cue ("ready to meet", not "ready to counter an
    airstrike"); "prepared to" counts as the adjective ("is prepared to"), not the verb ("the
    army prepared to resume shelling")."""
    cues = [w.split(":", 1)[1] for w in why if w.startswith("future:")]
    if not cues or any(c not in EN_READY for c in cues):
        return False
    near = [sc for sc in scopes if sc.cue.cue in cues and 0 <= first - sc.tok_end - 1 <= 1]
    return bool(near) and all(fold(_prev_token(text, sent, sc.start)) in EN_BE
                              for sc in near if sc.cue.cue == "prepared to")


def _en_name_part(raw: str, start: int, end: int, lo: int, hi: int) -> bool:
    """English: a trigger word written with a capital inside a sentence is part of a name
    ("Amnesty International", "the Canadian Press", "the Ceasefire Violations Committee",
    "in March") -- at the start of a sentence or quotation only when the next word is
    capitalised too; never in a headline (every longer word capitalised)."""
    if not raw[start:end][:1].isupper():
        return False
    if not any(w[:1].islower() and len(w) > 4 for w in raw[lo:hi].split()):
        return False  # a headline: only short function words in lower case
    before = raw[lo:start].rstrip()
    if not any(ch.isalnum() for ch in before) or before[-1:] in EN_OPENERS:
        # first word: a name only when the next word is capitalised too ("Amnesty
        # International said")
        after = raw[end:hi].split(None, 1)
        return bool(after) and after[0][:1].isupper() and (
            after[0].strip(",.;:").lower() not in EN_CALENDAR)
    return True


def triggers_in_text(doc: Document, lo: int, hi: int, lang: str) -> list[Trigger]:
    """Triggers in the *normalised* span ``doc.norm.text[lo:hi]`` (raw offsets in the result)."""
    norm = doc.norm
    text = norm.text
    lex = lexicon(lang)
    cands, mode_hits, sent = _find(text, lo, hi, lang)
    if lang == "en":
        raw_lo, raw_hi = norm.to_raw(lo, hi)
        cands = [c for c in cands
                 if not _en_name_part(doc.text, *norm.to_raw(c.start, c.end), raw_lo, raw_hi)]
    if not cands:
        return []
    scopes = cues_in(text, lo, hi, lang, sent)
    topic_scopes = [s for s in scopes if s.cue.kind == "topic"]
    scopes = [s for s in scopes if s.cue.kind != "topic"]
    out: list[Trigger] = []
    for c in cands:
        e = lex.entries[c.entry]
        feats = c.feats
        verbal = c.pos != "noun"
        modality, reported, why = decide(scopes, c.start, c.end, sent,
                                         pos="verb" if verbal else "noun", features=feats)
        type_, mode = e["type"], e.get("mode")
        retyped = _retype(e, text, sent, c.start, c.end, lang)
        if retyped:
            type_, _, re_mode = retyped.partition(":")  # "COERCE:deport" also sets the mode
            mode = re_mode or (mode if type_ == e["type"] else None)  # no mode of another type
            why.append(f"object_retype:{retyped}")
        weak = bool(e.get("weak"))
        if weak and e.get("object_strong") and _retype(
                {"object_retype": {"strong": e["object_strong"]}}, text, sent, c.start, c.end,
                lang, max(MAX_GAP.values()) + 1):
            weak = False  # «از ورود ... جلوگیری کرد»: the phrase names the act
            why.append("object_strong")
        if modality == "negated" and e.get("neg_type"):
            type_ = e["neg_type"]
            why.append(f"neg_type:{e['type']}")
            modality = "asserted"
        elif modality == "future" and e.get("intent_is_act"):
            why.append("intent_is_act")  # the announced intention is the offer or refusal
            modality = "asserted"
        elif lang == "en" and modality == "future" and _en_readiness(
                why, scopes, text, sent, sent.token_at(c.start)):
            if type_ in OFFER_TYPES:
                type_, mode, modality = "AGREE", None, "asserted"
                why.append("readiness:offer")
            elif type_ in THREAT_MODE:
                mode = THREAT_MODE.get((type_, mode or ""), THREAT_MODE[type_])
                type_, modality = "THREATEN", "asserted"
                why.append("readiness:threat")
        person = feats.get("person") or c.lv_person
        number, gender = _person_hints(lang, person)
        passive = c.passive
        prev = fold(_prev_token(text, sent, c.start))
        if lang == "en" and verbal and feats.get("tense") in ("past", "participle"):
            passive = passive or prev in _EN_PASSIVE_AUX
        if lang == "ar" and not verbal and prev in _AR_PASSIVE_AUX:
            passive = True  # «تم اعتقال ...»: a verbal noun used as a passive verb
        if (lang == "ar" and verbal and not passive and c.verb_core is not None
                and feats.get("tense") == "past"):
            # «قُتل», «اختُطف»: a sound verb's passive differs only by the damma the text writes
            v0, v1 = norm.to_raw(c.verb_core, c.verb[1] if c.verb else c.end)
            passive = morph.ar_marked_passive(doc.text[v0:v1])
        raw_start, raw_end = norm.to_raw(c.start, c.end)
        t = Trigger(
            start=raw_start, end=raw_end, text=doc.text[raw_start:raw_end], type=type_,
            mode=mode, contexts=list(e.get("contexts") or ()), entry=e["id"],
            pos=c.pos, modality=modality, person=person, number=number, gender=gender,
            passive=passive, tense=feats.get("tense"), lv_head=c.lv_head,
            noun_span=norm.to_raw(*c.noun) if c.noun else None,
            verb_span=norm.to_raw(*c.verb) if c.verb else None,
            reported=reported, weak=weak, cues=why,
        )
        t_first, t_last = sent.token_at(c.start), sent.token_at(max(c.end - 1, c.start))
        # mode cues (تلفنی, هاتفيا, by phone) next to a trigger of their type
        for h in mode_hits:
            for _, i, _ in h.of("mode"):
                cue = lex.entries[i]
                if cue["type"] != type_:
                    continue
                dist = h.first - t_last - 1 if h.first > t_last else t_first - h.last - 1
                if 0 <= dist <= MODE_CUE_WINDOW and not (
                        sent.clause_break_between(min(h.last, t_last), max(h.first, t_first))):
                    t.mode = cue["mode"]
        if not verbal:
            for s in topic_scopes:
                gap = t_first - s.tok_end - 1
                if (0 <= gap <= s.cue.window or (0 <= gap <= TOPIC_REACH and not any(
                        v.pos != "noun" and s.tok_end < sent.token_at(v.start) < t_first
                        for v in cands) and not sent.clause_break_between(s.tok_end, t_first)
                        and _talked_about(cands, lex, sent, s.tok_end, t_first))
                        or (lang == "fa" and gap >= 0 and _fa_topic_list(
                            cands, lex, text, sent, s.tok_end, t_first))) \
                        and not _completed(text, c.end, hi, lang):
                    # «درباره اوضاع قره باغ ازجمله امکان تبادل اسرا ... تبادل نظر کرد»: every
                    # act noun of a talk's topic phrase up to the next verb is what was talked
                    # about, not an event of its own
                    t.topic = True
        out.append(t)
    _govern(out, cands, sent, lang, lex)
    _ultimatum(out, cands, text, lo, hi, sent, lang)
    return out


@cache
def _completion(lang: str) -> re.Pattern[str]:
    from khabar.lang import resource_json
    from khabar.text.normalize import fold

    words = sorted({fold(w) for w in resource_json(lang, "completion.json")["completed"]},
                   key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def _completed(text: str, end: int, hi: int, lang: str) -> bool:
    """Within ten words after the noun, in its clause, a word saying the act took place
    («توافق‌های ... بدست آمده در ۹ نوامبر», «الاتفاق المبرم», "the deal reached in May"): a
    past event named in a topic phrase, not only what was talked about."""
    m = _completion(lang).search(text, end, hi)
    if m is None:
        return False
    between = text[end:m.start()]
    # the noun's own phrase (its possessors, a list of them with commas) but no other clause
    return len(between.split()) <= 10 and not re.search(r"[.:;؛!?؟]", between)


def _fa_topic_list(cands: list[_Cand], lex: Any, text: str, sent: Any, cue_tok: int,
                   noun_tok: int) -> bool:
    """Persian puts the verb last: «در مورد کاهش تنش ها ...، بازگشایی راه ها ... و نیز ایجاد
    شرایط برای همکاری ها تبادل نظر کردند» -- a topic listing its items with commas runs, however
    long, up to the CONSULT verb that closes it, when no other verb stands in between and no
    stronger mark (. : ; !) cuts it."""
    for v in cands:
        if v.pos == "noun" or lex.entries[v.entry]["type"] != "CONSULT":
            continue
        v_tok = sent.token_at(v.start)
        if v_tok <= noun_tok:
            continue
        if any(u.pos != "noun" and cue_tok < sent.token_at(u.start) < v_tok
               for u in cands if u is not v):
            return False
        between = text[sent.starts[cue_tok]:v.start]
        return not re.search(r"[.:;؛!?؟]", between)
    return False


def _talked_about(cands: list[_Cand], lex: Any, sent: Any, cue_tok: int, noun_tok: int) -> bool:
    """A verbal CONSULT trigger («گفت و گو کردند», «بحث», "discussed") in the clause of a topic
    phrase running from token ``cue_tok`` to the noun at ``noun_tok``."""
    for v in cands:
        if v.pos == "noun" or lex.entries[v.entry]["type"] != "CONSULT":
            continue
        tok = sent.token_at(v.start)
        lo, hi = min(tok, cue_tok), max(tok, noun_tok)
        if not sent.clause_break_between(lo, hi):
            return True
    return False


def _ultimatum(triggers: list[Trigger], cands: list[_Cand], text: str, lo: int, hi: int,
               sent: Sentence, lang: str) -> None:
    """"They will attack unless the prisoners are freed": the forceful act announced for
    later, with a condition word (``ULTIMATUM``) after it, or before it in a clause of its
    own ("Unless ..., we will strike"), is a THREATEN made now. Not when the sentence already
    reports the threat by its own verb («warned that unless ...»)."""
    words = ULTIMATUM.get(lang)
    if not words or any(t.type == "THREATEN" and t.modality == "asserted" for t in triggers):
        return
    at_toks: list[int] = []
    for w in words:
        at = text.find(w, lo, hi)
        while at >= 0:
            end = at + len(w)
            if (at == 0 or not text[at - 1].isalnum()) and (end >= len(text)
                                                             or not text[end].isalnum()):
                at_toks.append(sent.token_at(at))
            at = text.find(w, at + 1, hi)
    if not at_toks:
        return
    for t, c in zip(triggers, cands, strict=True):
        if t.modality not in ("future", "conditional") or t.type not in THREAT_MODE:
            continue
        t_first = sent.token_at(c.start)
        for u in at_toks:
            before = t_first < u and u - t_first <= ULTIMATUM_WINDOW
            after = u < t_first and t_first - u <= ULTIMATUM_WINDOW * 2 and (
                sent.clause_break_between(u, t_first))
            if before or after:
                mode = THREAT_MODE.get((t.type, t.mode or ""), THREAT_MODE[t.type])
                t.cues.append(f"ultimatum:{t.type}")
                t.type, t.mode, t.modality = "THREATEN", mode, "asserted"
                break


def _govern(triggers: list[Trigger], cands: list[_Cand], sent: Sentence, lang: str,
            lex: Lexicon) -> None:
    """Mark the first nominal trigger in the complement of a governing verbal trigger; a
    signing verb takes the type of a cooperation document it governs, a request or refusal
    takes its mode from what it asks for or refuses."""
    toks = [(sent.token_at(c.start), sent.token_at(max(c.end - 1, c.start))) for c in cands]
    for i, t in enumerate(triggers):
        if t.pos == "noun" or t.type not in GOVERNING:
            continue
        first, last = toks[i]
        best: int | None = None
        for j, n in enumerate(triggers):
            if n.pos != "noun" or n.governor is not None:
                continue
            n_first, n_last = toks[j]
            after = n_first > last and n_first - last - 1 <= (
                FA_FORWARD_COMPLEMENT if lang == "fa" and t.type == "REQUEST"
                else COMPLEMENT_WINDOW[lang])
            before = (lang == "fa" and n_last < first
                      and first - n_last - 1 <= COMPLEMENT_WINDOW[lang])
            if not (after or before):
                continue
            a, b = (last, n_first) if after else (n_last, first)
            if sent.clause_break_between(a, b) and not (lang == "fa" and after):
                continue
            if best is None or abs(toks[j][0] - first) < abs(toks[best][0] - first):
                best = j
        if best is None:
            continue
        n = triggers[best]
        n.governor = t.entry
        if lex.by_id[t.entry].get("object_type") and n.type == "COOPERATE":
            # «سند همکاری امضا شد», "signed a cooperation accord": material cooperation
            t.type, t.mode, t.contexts = n.type, n.mode, list(n.contexts)
            t.cues.append(f"object_type:{n.entry}")
            n.modality = "hypothetical"  # the same act, told once by its verb
            n.cues.append(f"complement:{t.type}")
            continue
        if t.type in ("REQUEST", "REJECT") and t.mode is None:
            t.mode = REQUEST_MODE.get((n.type, n.mode or "")) or REQUEST_MODE.get(n.type)
        # the object of «signed the agreement» is the same act, not a further event
        if t.type in UNREAL_COMPLEMENT and n.type != t.type and n.modality == "asserted":
            n.modality = "hypothetical"
            n.cues.append(f"complement:{t.type}")


def find_triggers(doc: Document, start: int, end: int, lang: str) -> list[Trigger]:
    """Triggers of the sentence ``doc.text[start:end]`` (raw offsets) in language ``lang``.

    Matching runs on ``doc.norm``; every returned offset is raw. Triggers do not overlap and
    come in text order.
    """
    norm = doc.norm
    lo, hi = norm.from_raw(start), norm.from_raw(end)
    return triggers_in_text(doc, lo, hi, lang)

