from __future__ import annotations

import pytest

from khabar.text import PhraseMatcher, fold, normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("كتاب يك", "کتاب یک"),  # Arabic kaf/yeh -> Persian
        ("مدرسة", "مدرسه"),  # teh marbuta
        ("أإآٱ", "اااا"),  # alef forms
        ("مسؤول", "مسوول"),  # waw with hamza
        ("مُطلّباف", "مطلباف"),  # diacritics
        ("كـــتاب", "کتاب"),  # tatweel
        ("۱۴۰۰ ٢٠٢١", "1400 2021"),  # digits
        ("ﻓﺮﻣﺎﻧﺪه", "فرمانده"),  # presentation forms
        ("Élysée", "elysee"),  # Latin case and accents
        ("قره\u200cباغ", "قره باغ"),  # zero-width non-joiner
    ],
)
def test_fold(raw: str, expected: str) -> None:
    assert fold(raw) == expected


def test_offsets_map_back_to_raw() -> None:
    raw = "الرئيسُ ﻓﺮﻣﺎﻧﺪه\u200f قره\u200cباغ ﻻ"
    norm = normalize(raw)
    for word in ("فرمانده", "قره باغ", "لا"):
        i = norm.text.index(word)
        s, e = norm.to_raw(i, i + len(word))
        assert fold(raw[s:e]) == word
        assert norm.from_raw(s) == i


def test_identity_fast_path_keeps_offsets() -> None:
    norm = normalize("سلام دنیا")
    assert norm.offsets is None
    assert norm.to_raw(0, 4) == (0, 4)


def test_matcher_optional_word_breaks_and_clitics() -> None:
    m = PhraseMatcher([("قره باغ", "KRB"), ("أذربيجان", "AZE")], prefix="و|ب|ال")
    text = normalize("قرهباغ و قره‌باغ وأذربيجان بأذربیجان اذربیجانی").text
    found = [(x.values[0], text[x.start : x.end]) for x in m.finditer(text)]
    assert found == [("KRB", "قرهباغ"), ("KRB", "قره باغ"), ("AZE", "واذربیجان"),
                     ("AZE", "باذربیجان")]


def test_matcher_longest_match_wins() -> None:
    m = PhraseMatcher([("وزیر", 1), ("وزیر امور خارجه", 2)])
    found = [x.values for x in m.finditer(normalize("وزیر امور خارجه ایران").text)]
    assert found == [(2,)]
