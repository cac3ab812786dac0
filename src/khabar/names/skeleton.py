"""Turn a name in Persian, Arabic or Latin script into phonetic symbol strings ("skeletons").

A name is split into tokens; each token becomes a string of symbols from one small alphabet shared
by all three scripts (``symbols.tsv``): consonant classes (``B`` for b/p/ب/پ, ``K`` for
k/q/g/ک/ق/گ/غ, ``C`` for ch/sh/چ/ش ...), Latin vowels (``a e i o u``) and the Arabic-script vowel
letters (``A`` ا, ``W`` و, ``Y`` ی, ``E`` word-final ه/ة), plus ``_`` for the article ال / al-.
The letter maps are data (``arabic.tsv``, ``latin.tsv``); what depends on context is here:

- Latin: ``anyascii`` folds accents and special letters (Əliyev, Bülbüloğlu, Łódź) to ASCII;
  ``c`` before e/i/y is s; ``g`` before e/i is ambiguous (``G``, like ج); ``y`` before a vowel is
  a consonant, otherwise the vowel i (Sergey = Sergei); a word-final ``h`` after a vowel is silent
  (Ganjeh, Abdullah); ``al-``/``el-``/``as-``... and ``abdel``/``abdul`` carry the article;
  ezafe tokens ``-e``/``-ye`` are dropped.
- Arabic script: a token-initial ال is the article (unless that leaves under three letters:
  الله); a word-final ه after a letter is a vowel; the Persian ezafe (a lone ی token, or the ی of
  a non-final token ending in ای/وی) is dropped.
- Doubled symbols are collapsed (Assad / اسد, Hezbollah / حزب الله).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from anyascii import anyascii

from khabar.text.normalize import fold

__all__ = ["Token", "key_of", "keys_of", "skeleton", "tokens"]

_ARABIC_LETTER = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_SPLIT = re.compile(r"[\s\-‐‑–—_/.,'`ʿʾ’‘()\"]+")


def _read_tsv(name: str) -> list[list[str]]:
    text = resources.files("khabar.names").joinpath("data", name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _grapheme_map(name: str) -> tuple[dict[str, str], int]:
    table = {row[0]: row[1] if len(row) > 1 else "" for row in _read_tsv(name)}
    return table, max(len(k) for k in table)


_ARABIC, _ARABIC_MAX = _grapheme_map("arabic.tsv")
_NOT_ARTICLE = frozenset(
    fold(line)
    for line in resources.files("khabar.names")
    .joinpath("data", "not_article.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip() and not line.startswith("#")
)
_MAKSURA = "\ue000"  # stands for ى through fold (which would turn it into ی)
_ARABIC[_MAKSURA] = "I"
_LATIN, _LATIN_MAX = _grapheme_map("latin.tsv")
KEY_CLASS: dict[str, str] = {row[0]: row[3] for row in _read_tsv("symbols.tsv")}

_LATIN_VOWELS = set("aeiouy")
_ARTICLE_LATIN = re.compile(r"^(?:al|el|ul|il|a[dnrstz]|ash|ath|adh|az)$")
_ABD_LATIN = re.compile(r"^(abd|abu|ab)([aeiou]l)(?=[a-z]{3})")
_ABD_ALONE = re.compile(r"^(abd|abu|ab)[aeiou]l$")
_EZAFE_LATIN = {"e", "ye", "i"}
_DOUBLE = re.compile(r"([b-df-hj-np-tv-z])\1")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a name: its symbols, and whether it was written in Arabic script."""

    symbols: str
    abjad: bool
    initial: bool = False  # a Latin initial ("W." in George W. Bush)


def _collapse(symbols: list[str]) -> str:
    out: list[str] = []
    for s in symbols:
        if s and (not out or out[-1] != s):
            out.append(s)
    return "".join(out)


_ABD_ARABIC = re.compile("^(عبد|ابو)ال(?=...)")


def _arabic_token(word: str, last: bool) -> str:
    article = False
    m = _ABD_ARABIC.match(word)
    if m:  # عبدالعزیز, ابوالفضل: the article inside the compound
        return _collapse(
            [*_arabic_token(m.group(1), False), "_", *_arabic_token(word[m.end() :], last)]
        )
    if word.startswith("ال") and len(word) >= 5 and word not in _NOT_ARTICLE:
        word, article = word[2:], True
    if not last and len(word) > 2 and word[-1] == "ی" and word[-2] in "او":
        word = word[:-1]  # Persian ezafe after a long vowel: شورای امنیت
    out: list[str] = ["_"] if article else []
    i = 0
    while i < len(word):
        for size in range(min(_ARABIC_MAX, len(word) - i), 0, -1):
            piece = word[i : i + size]
            if piece in _ARABIC:
                sym = _ARABIC[piece]
                if piece == "ه" and i == len(word) - 1 and i > 0:
                    sym = "E"  # final heh / teh marbuta: a vowel
                out.append(sym)
                i += size
                break
        else:
            i += 1  # not a letter we know (digit, stray mark): ignore
    return _collapse(out)


def _latin_token(word: str) -> str:
    out: list[str] = []
    m = _ABD_LATIN.match(word)
    if m:  # Abdelaziz, Abdulmalik, Aboul: the article inside the compound
        out.extend(_latin_letters(m.group(1)))
        out.append("_")
        word = word[m.end() :]
    out.extend(_latin_letters(word))
    return _collapse(out)


def _latin_letters(word: str) -> list[str]:
    out: list[str] = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        nxt = word[i + 1] if i + 1 < n else ""
        if ch == "c" and nxt in ("e", "i", "y"):
            out.append("Ś")  # s in English/French, j in Turkish (Recep, Cemal)
            i += 1
            continue
        if ch == "g" and nxt in ("e", "i") and word[i : i + 2] != "gh":
            out.append("G")
            i += 1
            continue
        if ch == "x" and i > 0 and word[i - 1] in _LATIN_VOWELS:
            out.extend(("K", "S"))  # Nixon, Alexander; word-initial x is kh (Xankendi)
            i += 1
            continue
        if ch == "y":
            out.append("Y" if nxt in _LATIN_VOWELS and nxt != "y" else "i")
            i += 1
            continue
        if ch == "h" and i == n - 1 and i > 0 and word[i - 1] in _LATIN_VOWELS:
            out.append("h")  # Ganjeh, Abdullah: silent; Fattah: ح
            i += 1
            continue
        for size in range(min(_LATIN_MAX, n - i), 0, -1):
            piece = word[i : i + size]
            if piece in _LATIN:
                out.append(_LATIN[piece])
                i += size
                break
        else:
            i += 1  # apostrophes for ayn/hamza, digits: dropped
    return out


def _prefix_article(sym: str, article: bool) -> str:
    return "_" + sym if article and sym and not sym.startswith("_") else sym


@lru_cache(maxsize=65536)
def tokens(name: str) -> tuple[Token, ...]:
    """The tokens of ``name`` as symbol strings, article and ezafe handled, empty ones dropped."""
    # Keep alef maksura apart before fold makes it ی: final ى is a (Mustafa, Yahya), or i in
    # Egyptian spelling (السيسى), so it gets its own symbol.
    folded = fold(name.replace("ى", _MAKSURA))
    words = [w for w in _SPLIT.split(folded) if w]
    out: list[Token] = []
    pending_article = False
    for pos, raw in enumerate(words):
        last = pos == len(words) - 1
        if _ARABIC_LETTER.search(raw):
            if raw == "ی" and not last and out:
                continue  # Persian ezafe written apart: خانه ی
            if raw == "ال" and not last:
                pending_article = True
                continue
            sym = _arabic_token(raw, last)
            abjad = True
        else:
            word = anyascii(raw).lower()
            word = re.sub(r"[^a-z]", "", word)
            word = _DOUBLE.sub(r"\1", word)  # Tayyip, Condoleezza, Hezbollah
            if not word:
                continue
            if out and word in _EZAFE_LATIN and not last:
                continue  # Sepah-e Pasdaran, Shura-ye Negahban
            if _ARTICLE_LATIN.match(word) and not last:
                pending_article = True
                continue
            if _ABD_ALONE.match(word) and not last:  # Abdel Fattah, Abdul Malik, Aboul Gheit
                sym = _latin_token(word[:-2] if word.startswith("abd") else word[:-1])
                out.append(Token(_prefix_article(sym, pending_article), False))
                pending_article = True
                continue
            if len(word) == 1:
                out.append(Token(_latin_token(word), False, initial=True))
                pending_article = False
                continue
            sym = _latin_token(word)
            abjad = False
        sym = _prefix_article(sym, pending_article)
        pending_article = False
        if sym:
            out.append(Token(sym, abjad))
    return tuple(out)


def skeleton(name: str) -> str:
    """The symbols of the whole name, tokens joined by spaces (for display and debugging)."""
    return " ".join(t.symbols for t in tokens(name))


def key_of(symbols: str) -> str:
    """The coarse consonant key of a symbol string: vowels, h, y, the article left out; for an
    ambiguous symbol (و, v, w, th, dh) its first class."""
    return _collapse_key(KEY_CLASS.get(s, "").split("|")[0] for s in symbols)


_MAX_BRANCHES = 3  # ambiguous symbols that branch; later ones take their first class


def keys_of(symbols: str) -> set[str]:
    """Every coarse key of a symbol string, one per reading of its ambiguous symbols."""
    options: list[list[str]] = []
    branches = 0
    for s in symbols:
        alts = KEY_CLASS.get(s, "").split("|")
        if len(alts) > 1 and branches < _MAX_BRANCHES:
            branches += 1
            options.append(alts)
        else:
            options.append(alts[:1])
    keys = {""}
    for alts in options:
        keys = {k + a for k in keys for a in alts}
    return {_collapse_key(k) for k in keys}


def _collapse_key(classes: Iterable[str]) -> str:
    out: list[str] = []
    for k in classes:
        if k and (not out or out[-1] != k):
            out.append(k)
    return "".join(out)
