"""Compare two names across Persian, Arabic and Latin script.

Written by hand because no maintained library does this offline. Checked on PyPI (2025): jellyfish,
pyphonetics and abydos implement Soundex/Metaphone/NYSIIS for English (Latin letters only, and
they drop the distinctions Arabic transliteration needs); rapidfuzz and python-Levenshtein give
plain or uniformly weighted edit distances, not a per-symbol cost table; unidecode (GPL) and
anyascii turn Arabic script into letter-by-letter Latin (لاوروف -> "lwrwf") that no Latin spelling
resembles. We do use anyascii for what it does well: folding accented Latin (Əliyev, Bülbüloğlu).

How two names compare:

1. Each name becomes tokens of phonetic symbols (:mod:`khabar.names.skeleton`).
2. Two token groups compare by a weighted edit distance (:func:`symbol_similarity`): the costs
   come from ``data/costs.tsv`` and ``data/symbols.tsv``. Vowels are cheap to insert or delete
   when the other name is in Arabic script (it leaves short vowels out), dearer between two Latin
   spellings; close sounds (و/v/f, ج/g/j, ث/th/s) substitute cheaply. The similarity is
   ``1 - distance / weight`` where the weight is the larger cost of deleting either string.
3. The tokens of the two names are aligned in order (:func:`_align`); one token may match two or
   three tokens of the other (علی اف / Aliyev, Ter-Petrosyan / ترپتروسیان, حیدرعلیاف / Heydar
   Aliyev). The name similarity is the *lowest* similarity of the aligned groups, so full names
   with different given names do not merge (Heydar Aliyev / Ilham Aliyev) however alike the
   surnames.
4. With ``partial=True`` (person names) a shorter name may match the *last* tokens of the longer
   one: a surname alone (Aliyev, لاوروف) matches any full name with that surname, and a name
   without a leading given name (Javad Zarif) matches the longer form. A leading token alone
   never matches (Abbas is not Abbas Araghchi). Places and organisations use ``partial=False``
   (Sudan is not South Sudan).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from khabar.names.skeleton import Token, tokens

__all__ = ["THRESHOLD", "same_name", "similarity", "symbol_similarity"]

# Chosen on the development half of tests/names/variants.tsv + negatives.tsv by
# `python bench/names.py` (the highest F1 on the dev half; ties -> the midpoint of the best run).
THRESHOLD = 0.77


def _load() -> tuple[dict[str, float], dict[str, float], dict[tuple[str, str], float]]:
    base = resources.files("khabar.names").joinpath("data")
    indel: dict[str, float] = {}
    indel_abjad: dict[str, float] = {}
    for line in base.joinpath("symbols.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sym, same, vs_abjad = line.split("\t")[:3]
        indel[sym] = float(same)
        indel_abjad[sym] = float(vs_abjad)
    sub: dict[tuple[str, str], float] = {}
    for line in base.joinpath("costs.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        a, b, cost = line.split("\t")[:3]
        sub[(a, b)] = sub[(b, a)] = float(cost)
    return indel, indel_abjad, sub


_INDEL, _INDEL_VS_ABJAD, _SUB = _load()


def _sub(a: str, b: str) -> float:
    if a == b:
        return 0.0
    return _SUB.get((a, b), 1.0)


@lru_cache(maxsize=262144)
def symbol_similarity(a: str, b: str, a_abjad: bool, b_abjad: bool) -> float:
    """Similarity in [0, 1] of two symbol strings (weighted, vowel-tolerant edit distance)."""
    if a == b:
        return 1.0 if a else 0.0
    # Deleting a symbol of `a` is cheap for a Latin vowel when `b` is in Arabic script, and so on.
    del_a = _indels(a, b_abjad)
    ins_b = _indels(b, a_abjad)
    weight = max(sum(del_a), sum(ins_b))
    if weight <= 0:
        return 0.0
    same_script = a_abjad == b_abjad
    if same_script:
        # Two spellings in one script keep their consonants and their final vowel; a full-cost
        # edit there is strong evidence of another name (Iceland / Ireland, اربیل / اردبیل).
        del_a = [
            _same_script_indel(s, c, k == len(a) - 1, a_abjad)
            for k, (s, c) in enumerate(zip(a, del_a, strict=True))
        ]
        ins_b = [
            _same_script_indel(s, c, k == len(b) - 1, b_abjad)
            for k, (s, c) in enumerate(zip(b, ins_b, strict=True))
        ]
    prev = [0.0]
    for cost in ins_b:
        prev.append(prev[-1] + cost)
    for i, sa in enumerate(a):
        cur = [prev[0] + del_a[i]]
        for j, sb in enumerate(b):
            sub = _sub(sa, sb)
            if same_script:
                if i == 0 and j == 0 and sa in _LATIN_VOWELS:
                    sub *= 1.5  # a different first vowel: Arak / Iraq, Oman / Amman
                elif sub >= 1.0:
                    sub = 2.0
            cur.append(min(prev[j] + sub, prev[j + 1] + del_a[i], cur[j] + ins_b[j]))
        prev = cur
    return max(0.0, 1.0 - prev[-1] / weight)


_LATIN_VOWELS = frozenset("aeiou")
_CARRIERS = frozenset("aeiouAQ")  # a word-initial vowel is always written (ا/ع in Arabic script)
_NISBA = frozenset("iY")


def _indels(symbols: str, other_abjad: bool) -> list[float]:
    table = _INDEL_VS_ABJAD if other_abjad else _INDEL
    costs = [table.get(s, 1.0) for s in symbols]
    start = 1 if symbols[:1] == "_" else 0
    # Dropping a word-initial vowel costs a consonant (Ansar Allah / Nasrallah), except an
    # Arabic-script alef/ayn against a Latin spelling that starts with y (ایروان / Yerevan).
    if (
        len(symbols) > start
        and symbols[start] in _CARRIERS
        and (symbols[start] in _LATIN_VOWELS or other_abjad)
    ):
        costs[start] = 1.0
    if len(symbols) > 2 and symbols[-1] in _NISBA:
        costs[-1] = 1.0  # the nisba -i: Saleh / Salehi, Taliban / Talabani
    return costs


def _same_script_indel(symbol: str, cost: float, final: bool, abjad: bool) -> float:
    if cost >= 1.0:
        return 2.0
    if final and not abjad and symbol in _LATIN_VOWELS:
        return 1.0  # Niger / Nigeria, Aden / Adana
    return cost


def _join(group: tuple[Token, ...]) -> str:
    out: list[str] = []
    for tok in group:
        syms = tok.symbols
        if out and syms and out[-1][-1:] == syms[0]:
            syms = syms[1:]  # a doubled letter across the join: عبد الله / Abdullah
        out.append(syms)
    return "".join(out)


def _first_consonant(symbols: str) -> str:
    for s in symbols:
        if _INDEL.get(s, 1.0) >= 1.0:
            return s
    return symbols[:1]


def _group_similarity(ga: tuple[Token, ...], gb: tuple[Token, ...]) -> float:
    ia = any(t.initial for t in ga)
    ib = any(t.initial for t in gb)
    if ia or ib:
        if len(ga) != 1 or len(gb) != 1:
            return 0.0  # an initial never merges into a compound
        ca, cb = _first_consonant(ga[0].symbols), _first_consonant(gb[0].symbols)
        return 1.0 if _sub(ca, cb) <= 0.3 else 0.0
    return symbol_similarity(
        _join(ga), _join(gb), any(t.abjad for t in ga), any(t.abjad for t in gb)
    )


_STEPS = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1))


def _align(a: tuple[Token, ...], b: tuple[Token, ...]) -> float:
    """Best in-order alignment of all tokens of ``a`` with all tokens of ``b`` (max-min)."""
    n, m = len(a), len(b)
    if not n or not m:
        return 0.0
    best = [[-1.0] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 1.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here < 0:
                continue
            for k, step in _STEPS:
                if i + k > n or j + step > m:
                    continue
                score = min(here, _group_similarity(a[i : i + k], b[j : j + step]))
                if score > best[i + k][j + step]:
                    best[i + k][j + step] = score
    return max(best[n][m], 0.0)


@lru_cache(maxsize=65536)
def _similarity(a: str, b: str, partial: bool) -> float:
    ta, tb = tokens(a), tokens(b)
    score = _align(ta, tb)
    if partial:
        for k in range(1, len(tb)):
            score = max(score, _align(ta, tb[k:]))
        for k in range(1, len(ta)):
            score = max(score, _align(ta[k:], tb))
    return score


def similarity(a: str, b: str, *, partial: bool = False) -> float:
    """How alike two names sound, in [0, 1], across Persian, Arabic and Latin script.

    ``partial=True`` lets a shorter name match the last tokens of a longer one (a surname
    alone, or a name without its first given name); use it for people, not places.
    """
    return _similarity(a, b, partial)


def same_name(a: str, b: str, threshold: float = THRESHOLD, *, partial: bool = False) -> bool:
    """Whether ``a`` and ``b`` are spellings of the same name (see :func:`similarity`)."""
    return _similarity(a, b, partial) >= threshold
