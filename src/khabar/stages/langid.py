"""Stage ``langid``: the document's language and each sentence's, as ``fa``, ``ar``, ``en`` or
``other``.

Sets ``doc.lang`` from the text outside boilerplate (from the whole text when nothing outside
boilerplate has letters; ``other`` when no letters at all), unless a reader already set it from
metadata (then it is kept, and still used as the prior for sentences), and ``value["lang"]`` on
every span of layer ``sentences``.

Identification view. Identification runs on a light view of the text, not on ``doc.norm``:
``doc.norm`` folds ي→ی and ك→ک, which erases the very letters that separate Arabic from Persian.
The view only expands Arabic presentation forms (ﻓﺮﻣﺎﻧﺪه reads as Urdu to every identifier
otherwise) and removes diacritics and tatweel; it keeps ي/ك/ی/ک as written.

Decision rule (:func:`identify`), on the view of a text:
1. Script. Count letters by script. No letters: no decision. Latin majority: lingua decides
   among the Latin-script languages it knows; English is ``en``, anything else ``other``. Any
   other non-Arabic script (Cyrillic, Armenian, Hebrew, CJK, ...) is ``other``.
2. Arabic script, other languages. When letters that Persian and Arabic do not use (Urdu ٹ ڈ ڑ
   ں ے ھ, Pashto ټ ډ ړ ښ, Kurdish ێ ۆ ڵ ڕ) make up 2% or more of the Arabic-script letters, lingua
   (with Urdu among its languages) decides; a result other than Persian or Arabic is ``other``.
3. Arabic script, Persian or Arabic: cheap evidence first. Persian cues are words from
   ``lang/fa/langid_cues.txt`` (است، را، که، این، ...; matched with ي/ك folded so that Persian
   typed with Arabic yeh/kaf counts) and words with a Persian-only letter پ چ ژ گ; Arabic cues
   are words from ``lang/ar/langid_cues.txt`` (في، على، التي، ...) and words ending in ة. When
   there are at least 2 cues and one side has at least 3 times the other's, that side wins, with
   confidence ``winner / (fa + ar)``.
4. Otherwise lingua on the view, restricted to Persian against Arabic: the higher of the two
   wins, with confidence ``p / (p_fa + p_ar)``.

Sentences (:func:`label_sentences`): each sentence is identified on its own. When its script
agrees with the document language's script, it keeps the document's language unless its own
evidence is positive: it has at least 15 letters, and it was decided by cues (rule 3) or foreign
letters (rule 2), or by lingua (rule 4, or Latin script) with confidence at least
``settings.langid_min_confidence`` and, for Arabic script, more cues for lingua's language than
for the document's. So "قره باغ" in a Persian document is Persian, and a cue-less line of names
or numbers never flips to Arabic; a quoted Arabic paragraph in a Persian article is Arabic. A
sentence in another script keeps its own label; one with no letters takes the document's.

Why lingua (see ../shared/docs/LIBRARIES.md): its models ship inside the wheel (nothing is
downloaded), it is accurate on short strings, and restricted to a handful of languages it is fast
and small. Models load lazily, so a Persian/Arabic corpus only ever loads the Arabic-script ones.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from khabar.document import Document
from khabar.pipeline import StageFn, register
from khabar.settings import Settings

__all__ = ["Guess", "id_view", "identify", "label_sentences", "make_langid"]

OTHER = "other"
SHORT_LETTERS = 15  # a sentence with fewer letters is "short"
MIN_CUES = 2  # cue words needed before cues alone decide
CUE_RATIO = 3  # ... and how many times the other side's count the winner needs
FOREIGN_SHARE = 0.02  # share of Urdu/Pashto/Kurdish letters that sends text to lingua
LINGUA_MAX_CHARS = 4000  # a document is identified from its first characters (lingua is linear)


# -- the identification view ---------------------------------------------------------------

def _build_view_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    marks = (
        list(range(0x064B, 0x0660)) + list(range(0x0610, 0x061B)) + list(range(0x06D6, 0x06EE))
        + [0x0670, 0x0640]
    )
    for cp in marks:
        table[cp] = None
    for lo, hi in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF)):
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            expanded = unicodedata.normalize("NFKC", ch)
            if expanded != ch:
                table[cp] = "".join(c for c in expanded if ord(c) not in table) or None
    return table


_VIEW_TABLE = _build_view_table()


def id_view(text: str) -> str:
    """The identification view: presentation forms expanded, diacritics and tatweel removed."""
    return text.translate(_VIEW_TABLE)


# -- evidence --------------------------------------------------------------------------------

_AL = "\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06d5\u06fa-\u06fc"  # Arabic-script letters
_ARABIC_LETTER = re.compile(f"[{_AL}]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ANY_LETTER = re.compile(r"[^\W\d_]")
_FOREIGN = re.compile("[\u0679\u0688\u0691\u06ba\u06d2\u06d3\u06c1\u06be\u067c\u0689\u0693"
                      "\u069a\u0696\u0681\u0685\u06d0\u06ce\u06c6\u06b5\u0695\u06d5]")
_FA_LETTER_WORD = re.compile(f"[{_AL}]*[\u067e\u0686\u0698\u06af][{_AL}]*")
_TEH_MARBUTA_WORD = re.compile(f"[{_AL}]+\u0629(?![{_AL}])")
_YEH_KAF = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})


def _read_words(lang: str) -> list[str]:
    path = resources.files("khabar").joinpath("lang", lang, "langid_cues.txt")
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line)
    return words


def _word_regex(words: list[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(f"(?<![{_AL}])(?:{alts})(?![{_AL}])")


@lru_cache(maxsize=1)
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    fa = _word_regex([w.translate(_YEH_KAF) for w in _read_words("fa")])
    ar = _word_regex(_read_words("ar"))
    return fa, ar


def cue_counts(view: str) -> tuple[int, int]:
    """(Persian cues, Arabic cues) in an identification view (rule 3 of the module docstring)."""
    fa_words, ar_words = _cue_patterns()
    fa = len(fa_words.findall(view.translate(_YEH_KAF))) + len(_FA_LETTER_WORD.findall(view))
    ar = len(ar_words.findall(view)) + len(_TEH_MARBUTA_WORD.findall(view))
    return fa, ar


# -- lingua ----------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    # Persian and Arabic, Urdu (what presentation forms and Persian-looking letters get confused
    # with), English, and a few Latin-script languages so that a Latin text that is not English
    # can come out as "other". Other scripts never reach lingua (rule 1). Models load lazily:
    # about 110 MB for the Arabic-script ones, 130 MB more once Latin-script text appears.
    langs = [
        Language.PERSIAN, Language.ARABIC, Language.URDU, Language.ENGLISH, Language.FRENCH,
        Language.GERMAN, Language.SPANISH, Language.TURKISH,
    ]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def _code(name: str) -> str:
    """khabar's code for a lingua language name."""
    return {"PERSIAN": "fa", "ARABIC": "ar", "ENGLISH": "en"}.get(name, OTHER)


def _lingua_values(view: str) -> dict[str, float]:
    """lingua's confidence per language name (PERSIAN, ARABIC, ...)."""
    values = _detector().compute_language_confidence_values(view[:LINGUA_MAX_CHARS])
    return {v.language.name: v.value for v in values}


def lingua_raw(text: str) -> str | None:
    """lingua alone on the text as written (no view, no rule): for benchmarks."""
    lang = _detector().detect_language_of(text[:LINGUA_MAX_CHARS])
    return None if lang is None else _code(lang.name)


# -- the rule --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Guess:
    lang: str | None  # fa, ar, en, other; None when the text has no letters
    confidence: float
    script: str | None  # "arabic", "latin", "other"; None without letters
    letters: int
    how: str  # which rule decided: "cues", "lingua", "foreign", "script", "none"
    fa_cues: int = 0
    ar_cues: int = 0


def identify(text: str, *, is_view: bool = False) -> Guess:
    """Identify the language of one text by the decision rule in the module docstring."""
    view = text if is_view else id_view(text)
    arabic = len(_ARABIC_LETTER.findall(view))
    latin = len(_LATIN_LETTER.findall(view))
    letters = len(_ANY_LETTER.findall(view))
    if letters == 0:
        return Guess(None, 0.0, None, 0, "none")
    if latin > arabic and latin * 2 >= letters:
        values = _lingua_values(view)
        best = max(values, key=values.__getitem__)
        lang = "en" if best == "ENGLISH" else OTHER
        return Guess(lang, values[best], "latin", letters, "lingua")
    if arabic * 2 < letters:
        return Guess(OTHER, 1.0, "other", letters, "script")
    foreign = len(_FOREIGN.findall(view))
    if foreign >= 2 and foreign >= FOREIGN_SHARE * arabic:
        values = _lingua_values(view)
        best = max(values, key=values.__getitem__)
        code = _code(best)
        return Guess(code if code in ("fa", "ar") else OTHER, values[best], "arabic", letters,
                     "foreign")
    fa, ar = cue_counts(view)
    if fa + ar >= MIN_CUES and (fa >= CUE_RATIO * ar or ar >= CUE_RATIO * fa):
        lang = "fa" if fa > ar else "ar"
        return Guess(lang, max(fa, ar) / (fa + ar), "arabic", letters, "cues", fa, ar)
    values = _lingua_values(view)
    p_fa, p_ar = values.get("PERSIAN", 0.0), values.get("ARABIC", 0.0)
    total = p_fa + p_ar
    if total <= 0.0:  # lingua put everything on Urdu: fall back on the cues, Persian on a tie
        lang = "ar" if ar > fa else "fa"
        return Guess(lang, 0.0, "arabic", letters, "lingua", fa, ar)
    lang = "fa" if p_fa >= p_ar else "ar"
    return Guess(lang, max(p_fa, p_ar) / total, "arabic", letters, "lingua", fa, ar)


_SCRIPT_OF = {"fa": "arabic", "ar": "arabic", "en": "latin"}


def _content(doc: Document) -> str:
    """The document's text outside boilerplate spans."""
    bp = sorted(doc.spans("boilerplate"), key=lambda s: (s.start, s.end))
    if not bp:
        return doc.text
    parts = []
    pos = 0
    for span in bp:
        if span.start > pos:
            parts.append(doc.text[pos : span.start])
        pos = max(pos, span.end)
    parts.append(doc.text[pos:])
    return "\n".join(parts)


def document_language(doc: Document) -> Guess:
    """The language of the text outside boilerplate; when that has no letters (a page that is
    all disclaimer or menu), of the whole text, since a site's chrome is in its language."""
    content = _content(doc)
    guess = identify(content)
    if guess.lang is None and len(content) != len(doc.text):
        guess = identify(doc.text)
    return guess


def label_sentences(doc: Document, doc_lang: str | None, min_confidence: float) -> None:
    """Set ``value["lang"]`` on every sentence span (the sentence rule of the module docstring)."""
    doc_script = _SCRIPT_OF.get(doc_lang or "")
    for span in doc.spans("sentences"):
        guess = identify(doc.text[span.start : span.end])
        lang = guess.lang
        if lang is None or (
            lang != doc_lang
            and doc_script is not None
            and guess.script == doc_script
            and not _own_evidence(guess, doc_lang, min_confidence)
        ):
            lang = doc_lang
        span.value["lang"] = lang


def _own_evidence(guess: Guess, doc_lang: str | None, min_confidence: float) -> bool:
    """Whether a sentence's own guess is strong enough to differ from its document's language."""
    if guess.letters < SHORT_LETTERS:
        return False
    if guess.how in ("cues", "foreign"):
        return True
    if guess.confidence < min_confidence:
        return False
    if guess.script == "arabic":
        mine = guess.fa_cues if guess.lang == "fa" else guess.ar_cues
        theirs = guess.fa_cues if doc_lang == "fa" else guess.ar_cues
        return mine > theirs
    return True


@register("langid", requires=("sentences",), assigns=("lang",))
def make_langid(settings: Settings) -> StageFn:
    _cue_patterns()
    _detector()
    min_confidence = settings.langid_min_confidence
    known = set(settings.languages)

    def langid(doc: Document) -> Document:
        if doc.lang is None:
            guess = document_language(doc)
            lang = guess.lang or OTHER
            doc.lang = lang if lang in known else OTHER
        label_sentences(doc, doc.lang, min_confidence)
        for span in doc.spans("sentences"):
            if span.value.get("lang") not in known and span.value.get("lang") is not None:
                span.value["lang"] = OTHER
        return doc

    return langid
