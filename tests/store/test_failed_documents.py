"""Failed documents are stored with status and reason, listed, and retried on the next run."""

from __future__ import annotations

from pathlib import Path

from khabar import Document, Span, open_store


def failed_doc(doc_id: str, reason: str) -> Document:
    doc = Document(doc_id, "", meta={"path": f"/in/{doc_id}.txt"})
    doc.fail(reason)
    return doc


def test_failed_documents_are_stored_with_reasons(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as store:
        report = store.write(
            [
                Document("ok1", "Fine."),
                failed_doc("bin", "/in/bin.txt: binary file, not text (NUL bytes)"),
                failed_doc("bin2", "/in/bin2.txt: binary file, not text (NUL bytes)"),
                failed_doc("enc", "/in/enc.txt: unknown encoding"),
            ]
        )
        assert report.added == 1
        assert report.failed == {"binary file, not text (NUL bytes)": 2, "unknown encoding": 1}
        failed = store.documents(failed=True)
        assert [(d.id, d.status) for d in failed] == [
            ("bin", "failed"), ("bin2", "failed"), ("enc", "failed"),
        ]
        assert failed[2].reason == "/in/enc.txt: unknown encoding"
        assert failed[0].path == "/in/bin.txt"
        assert store.stats()["failures"] == {
            "binary file, not text (NUL bytes)": 2, "unknown encoding": 1,
        }


def test_stage_failure_reason_is_grouped_by_stage_and_error(tmp_path: Path) -> None:
    doc = Document("x", "Some text.")
    doc.add("sentences", Span(0, 10, "sentence"))
    doc.fail("stage 'time' failed on 'x': ValueError: month 13")
    with open_store(tmp_path / "k.db") as store:
        report = store.write([doc])
        assert report.failed == {"stage 'time': ValueError": 1}
        stored = store.get("x")
        assert stored.status == "failed" and stored.reason and "month 13" in stored.reason
        assert stored.layers == {}  # a partial annotation never reaches the exports


def test_failed_document_is_retried_and_not_counted_unchanged(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as store:
        bad = Document("x", "Some text.")
        bad.fail("stage 'time' failed on 'x': ValueError: boom")
        store.write([bad])
        assert not store.has("x", bad.content_hash)
        report = store.write([Document("x", "Some text.")])
        assert (report.added, report.unchanged, report.n_failed) == (1, 0, 0)
        assert store.get("x").ok


def test_unstorable_document_fails_alone(tmp_path: Path) -> None:
    bad = Document("bad", "short")
    bad.add("sentences", Span(0, 99, "sentence"))  # outside the text
    with open_store(tmp_path / "k.db") as store:
        report = store.write([Document("a", "Fine."), bad, Document("b", "Also fine.")])
        assert report.added == 2 and report.n_failed == 1
        got = store.get("bad")
        assert got.status == "failed" and "outside the text" in (got.reason or "")
        assert store.get("b").ok


def test_good_copy_is_not_overwritten_by_a_failed_read(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as store:
        store.write([Document("a", "Fine.", meta={"path": "/in/a.txt"})])
        report = store.write([failed_doc("a", "/in/a.txt: unreadable: permission denied")])
        assert report.failed == {"unreadable: permission denied": 1}
        assert store.get("a").text == "Fine."
