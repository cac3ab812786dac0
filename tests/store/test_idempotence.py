"""Writing the same input twice adds nothing; changed content under a known id is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar import Document, Span, open_store
from khabar.errors import StoreError


def make_doc(doc_id: str, text: str, path: str | None = None) -> Document:
    doc = Document(doc_id, text, title=f"title {doc_id}", lang="en", meta={"path": path or f"/in/{doc_id}.txt"})
    doc.add("sentences", Span(0, len(text), "sentence", {"lang": "en"}, "sentences:test"))
    return doc


def counts(db: Path) -> tuple[int, int]:
    with open_store(db, readonly=True) as store:
        stats = store.stats()
    return stats["documents"], sum(stats["layers"].values())


def test_same_input_twice_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    docs = [make_doc(f"d{i}", f"Text number {i}.") for i in range(5)]
    with open_store(db) as store:
        first = store.write(docs, batch_size=2)
        second = store.write([make_doc(f"d{i}", f"Text number {i}.") for i in range(5)])
    assert (first.added, first.unchanged, first.n_failed) == (5, 0, 0)
    assert (second.added, second.unchanged, second.n_failed) == (0, 5, 0)
    assert counts(db) == (5, 5)


def test_same_id_other_content_is_refused_and_nothing_else_lost(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with open_store(db) as store:
        store.write([make_doc("a", "First version.", "/one/a.txt")])
        report = store.write(
            [make_doc("b", "Another."), make_doc("a", "Second version.", "/two/a.txt"),
             make_doc("c", "Third.")]
        )
        assert report.added == 2
        assert report.n_failed == 1
        assert not report.ok
        [message] = report.duplicates
        assert "/one/a.txt" in message and "/two/a.txt" in message
        assert store.get("a").text == "First version."
        assert sorted(i.id for i in store.documents()) == ["a", "b", "c"]


def test_duplicate_within_one_batch(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as store:
        report = store.write([make_doc("a", "One."), make_doc("a", "Two.", "/other/a.txt")])
        assert (report.added, len(report.duplicates)) == (1, 1)
        assert store.get("a").text == "One."


def test_replace_swaps_document_and_all_its_spans(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with open_store(db) as store:
        old = make_doc("a", "Old text here.")
        old.add("dates", Span(0, 3, "date", {"value": "2020"}))
        store.write([old])
        new = make_doc("a", "New text.")
        report = store.write([new], replace=True)
        assert (report.replaced, report.added, report.n_failed) == (1, 0, 0)
        got = store.get("a")
        assert got.text == "New text."
        assert set(got.layers) == {"sentences"}
        assert got.spans("sentences")[0].end == len("New text.")
        assert store.search("old") == []
        assert [h.doc_id for h in store.search("new")] == ["a"]
    assert counts(db) == (1, 1)


def test_has_and_stored(tmp_path: Path) -> None:
    doc = make_doc("a", "Text.")
    with open_store(tmp_path / "k.db") as store:
        assert not store.has("a", doc.content_hash)
        store.write([doc])
        assert store.has("a", doc.content_hash)
        assert not store.has("a", make_doc("a", "Other.").content_hash)
        assert "a" in store and "zz" not in store
        with pytest.raises(KeyError):
            store.get("zz")


def test_readonly_store_refuses_writes_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        open_store(tmp_path / "missing.db", readonly=True)
    with open_store(tmp_path / "k.db") as store:
        store.write([make_doc("a", "Text.")])
    with open_store(tmp_path / "k.db", readonly=True) as store, pytest.raises(StoreError):
        store.write([make_doc("b", "Text.")])
