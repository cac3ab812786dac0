"""Search runs over folded text: Arabic yeh/kaf and Persian yeh/kaf find each other."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from khabar import Document, Span, open_store
from khabar.store import Store

# Persian typed with Arabic yeh and kaf, and the same words typed with Persian letters.
ARABIC_LETTERS = "گروهي از كارگران در برابر استانداري تجمع كردند."
PERSIAN_LETTERS = "وزیر امور خارجه با همتای ترک خود گفت‌وگو کرد."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "k.db")
    docs = [
        Document("arabic-letters", ARABIC_LETTERS, lang="fa"),
        Document("persian-letters", PERSIAN_LETTERS, lang="fa"),
        Document("spaced", "آنها گفت وگو کردند و رفتند.", lang="fa"),
        Document("joined", "آنها گفتوگو کردند.", lang="fa"),
        Document("arabic", "أجرى وزير الخارجية اتصالا هاتفيا مع نظيره.", lang="ar"),
        Document("english", "The Foreign Minister phoned his counterpart.", lang="en"),
    ]
    boiler = Document("boiler", "Menu Share Tags\nPeace talks resumed.", lang="en")
    boiler.add("boilerplate", Span(0, 15, "boilerplate"))
    s.write([*docs, boiler])
    yield s
    s.close()


def ids(store: Store, query: str, **kw: str) -> list[str]:
    return sorted(h.doc_id for h in store.search(query, **kw))


def test_persian_query_finds_text_typed_with_arabic_letters(store: Store) -> None:
    assert ids(store, "کارگران") == ["arabic-letters"]  # Persian kaf in the query
    assert ids(store, "استانداری") == ["arabic-letters"]  # Persian yeh in the query


def test_arabic_letter_query_finds_persian_text(store: Store) -> None:
    assert ids(store, "وزير") == ["arabic", "persian-letters"]
    assert ids(store, "همتاي ترك") == ["persian-letters"]


def test_non_joiner_matches_spaced_and_joined_forms(store: Store) -> None:
    # ZWNJ folds to a space: the query "گفت‌وگو" finds the ZWNJ, spaced and joined spellings
    assert ids(store, "گفت‌وگو") == ["joined", "persian-letters", "spaced"]


def test_substring_match_reaches_under_the_arabic_article(store: Store) -> None:
    assert ids(store, "خارجية") == ["arabic"]  # in الخارجية


def test_words_are_anded_and_phrases_kept(store: Store) -> None:
    assert ids(store, "minister counterpart") == ["english"]
    assert ids(store, '"minister phoned"') == ["english"]
    assert ids(store, '"phoned minister"') == []


def test_short_words_language_filter_and_boilerplate(store: Store) -> None:
    assert ids(store, "از", lang="fa") == ["arabic-letters"]
    assert ids(store, "وزير", lang="ar") == ["arabic"]
    assert ids(store, "peace") == ["boiler"]
    assert ids(store, "menu") == []  # boilerplate is not indexed
    assert store.search("   ") == []


def test_hit_carries_the_raw_sentence(store: Store) -> None:
    [hit] = store.search("كارگران")
    assert hit.snippet == ARABIC_LETTERS[hit.start : hit.end]
    assert "كارگران" in hit.snippet
