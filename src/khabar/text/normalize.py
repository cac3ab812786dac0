"""A matching view of Arabic-script and Latin text, with an offset map back to the raw text.

The normalised text is for matching only (lexicons, dates, actors, search); nothing is ever
displayed or exported from it. Every character of the normalised text knows the index of the raw
character it came from, so a match in the normalised view maps back to exact raw offsets.

What is folded, and why it is owned here rather than taken from a library (see
../shared/docs/LIBRARIES.md): hazm's normaliser turns Arabic في into فی and pins numpy 1.24;
pyarabic is GPL and mangles Persian at the zero-width non-joiner; camel-tools needs torch. The
character maps are small and stable, so we own them and keep them in one table:

- Arabic yeh ي, alef maksura ى, yeh with hamza ئ  -> Persian yeh ی
- Arabic kaf ك -> Persian kaf ک;  teh marbuta ة, heh with yeh ۀ, heh goal ہ -> ه
- alef forms أ إ آ ٱ -> ا;  waw with hamza ؤ -> و;  lone hamza ء removed
- diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks) and tatweel removed
- zero-width non-joiner, and the Persian/Arabic word-internal joiners, -> one space; other
  invisible format characters (ZWJ, LRM, RLM, BOM, soft hyphen) removed
- Persian ۰-۹ and Arabic-Indic ٠-٩ digits -> ASCII digits; Arabic decimal/thousands separators
- Arabic presentation forms (U+FB50-FDFF, U+FE70-FEFF) -> their base letters (NFKC, per char)
- Latin letters lower-cased, accents kept off (NFKD without combining marks)

Because ZWNJ becomes a space, "قره‌باغ" and "قره باغ" read the same; "قرهباغ" (non-joiner lost)
is one token, which lexicon matching handles by allowing an optional space at every word break
of an entry (see :mod:`khabar.text.lexicon`).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["NormText", "fold", "normalize"]

_ONE_TO_ONE = {
    "ي": "ی", "ى": "ی", "ئ": "ی", "ې": "ی", "ێ": "ی", "ۍ": "ی", "ے": "ی",
    "ك": "ک", "ڪ": "ک", "ګ": "گ",
    "ة": "ه", "ۀ": "ه", "ہ": "ه", "ھ": "ه", "ە": "ه", "ۂ": "ه", "ۃ": "ه",
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "و", "ٶ": "و",
    "\u200c": " ", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
    "\t": " ",
    "٫": ".", "٬": ",", "،": "،",
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
}
for _i in range(10):
    _ONE_TO_ONE[chr(0x06F0 + _i)] = str(_i)  # Persian digits
    _ONE_TO_ONE[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits

_DELETE = set(
    [chr(c) for c in range(0x064B, 0x0660)]  # harakat, tanwin, shadda, sukun, madda/hamza marks
    + [chr(c) for c in range(0x0610, 0x061B)]  # Quranic annotation signs
    + [chr(c) for c in range(0x06D6, 0x06EE)]  # small high letters and marks
    + ["\u0670", "\u0640", "\u0621",  # superscript alef, tatweel, lone hamza
       "\u200b", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d",
       "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\ufeff", "\u00ad", "\u061c"]
)

_BASE_TABLE = dict(_ONE_TO_ONE)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """Fold one character that is not in the one-to-one table (may return '' or 2+ chars)."""
    if ch in _DELETE:
        return ""
    code = ord(ch)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
        expanded = unicodedata.normalize("NFKC", ch)
        return "".join(_BASE_TABLE.get(c, c) for c in expanded if c not in _DELETE)
    if ch.isupper() or 0x00C0 <= code <= 0x024F or ch.lower() != ch:
        decomposed = unicodedata.normalize("NFKD", ch.lower())
        return "".join(c for c in decomposed if not unicodedata.combining(c))
    return _BASE_TABLE.get(ch, ch)


def _build_tables() -> tuple[dict[int, str], dict[str, str]]:
    """One-to-one folds go into a ``str.translate`` table (done in C); characters that fold to
    nothing or to several characters are *special* and handled one by one, with offsets."""
    table = {ord(k): v for k, v in _BASE_TABLE.items()}
    special: dict[str, str] = {c: "" for c in _DELETE}
    ranges = [range(0x41, 0x5B), range(0xC0, 0x250), range(0x370, 0x530),
              range(0xFB50, 0xFE00), range(0xFE70, 0xFF00)]
    for r in ranges:
        for code in r:
            ch = chr(code)
            folded = _fold_char(ch)
            if folded == ch:
                continue
            if len(folded) == 1:
                table[code] = folded
            else:
                special[ch] = folded
    return table, special


_TABLE, _SPECIAL = _build_tables()
_SLOW = re.compile("[" + "".join(re.escape(c) for c in sorted(_SPECIAL)) + "]")


@dataclass(frozen=True, slots=True)
class NormText:
    """Normalised text plus, for each of its characters, the raw index it came from.

    ``offsets`` is ``None`` when the normalisation was one-to-one (identity map), which is the
    common case and costs no memory.
    """

    text: str
    offsets: array | None  # array('i'), len(text) + 1 entries; last one is len(raw)
    raw_length: int

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of the normalised text to raw offsets."""
        if self.offsets is None:
            return start, end
        if end <= start:
            pos = self.offsets[start]
            return pos, pos
        raw_start = self.offsets[start]
        raw_end = self.offsets[end - 1] + 1
        # A ligature expands one raw char into several normalised ones: keep whole raw chars.
        return raw_start, max(raw_end, raw_start + 1)

    def from_raw(self, raw_pos: int) -> int:
        """The first normalised index whose raw index is ``>= raw_pos``."""
        if self.offsets is None:
            return raw_pos
        lo, hi = 0, len(self.text)
        offsets = self.offsets
        while lo < hi:
            mid = (lo + hi) // 2
            if offsets[mid] < raw_pos:
                lo = mid + 1
            else:
                hi = mid
        return lo


def normalize(raw: str) -> NormText:
    """Normalise ``raw`` for matching; see the module docstring for what is folded.

    One-to-one folds run through ``str.translate``; only the characters that are deleted or
    expanded (diacritics, invisible marks, ligatures) are handled in Python, with the stretches
    between them copied whole, so the cost stays close to one C pass over the text.
    """
    specials = list(_SLOW.finditer(raw))
    if not specials:
        return NormText(raw.translate(_TABLE), None, len(raw))
    out: list[str] = []
    offsets = array("i")
    pos = 0
    for m in specials:
        i = m.start()
        if i > pos:
            out.append(raw[pos:i])
            offsets.extend(range(pos, i))
        rep = _SPECIAL[raw[i]]
        if rep:
            out.append(rep)
            offsets.extend([i] * len(rep))
        pos = i + 1
    if pos < len(raw):
        out.append(raw[pos:])
        offsets.extend(range(pos, len(raw)))
    offsets.append(len(raw))
    return NormText("".join(out).translate(_TABLE), offsets, len(raw))


def fold(raw: str) -> str:
    """Normalised text alone, with runs of spaces collapsed: the key for lexicon entries."""
    return " ".join(normalize(raw).text.split())
