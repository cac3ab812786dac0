"""JSON, JSON Lines and gzip records: good records read, bad ones reported with their place."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from khabar.readers import read_file, read_paths
from khabar.settings import load_settings

BODY = "أعلنت وزارة الخارجية أن الوزير سيزور العاصمة الأسبوع المقبل لبحث الأزمة."


def rec(i: int, **extra: object) -> str:
    return json.dumps({"id": f"r{i}", "text": f"{BODY} ({i})", **extra}, ensure_ascii=False)


def test_jsonl_with_a_broken_line_between_good_ones(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([rec(1), rec(2), '{"id": "r3", "text": "cut', rec(4)]) + "\n")
    docs = list(read_file(path))
    assert [d.id for d in docs if d.ok] == ["r1", "r2", "r4"]
    [bad] = [d for d in docs if not d.ok]
    assert bad.meta["line"] == 3 and bad.meta["path"] == str(path)
    assert str(path) in (bad.reason or "") and "line 3" in (bad.reason or "")
    assert [d.meta["line"] for d in docs] == [1, 2, 3, 4]


def test_record_with_title_puts_it_before_the_body(tmp_path: Path) -> None:
    path = tmp_path / "titled.jsonl"
    path.write_text(rec(1, title="زيارة مرتقبة", published="2021-11-01T10:00:00Z") + "\n")
    [doc] = list(read_file(path))
    assert doc.title == "زيارة مرتقبة"
    assert doc.text == "زيارة مرتقبة\n\n" + f"{BODY} (1)"
    assert doc.text[doc.meta["body_offset"] :] == f"{BODY} (1)"
    assert doc.published == "2021-11-01"


def test_records_missing_id_or_text_fail_with_reason(tmp_path: Path) -> None:
    path = tmp_path / "partial.jsonl"
    lines = [
        json.dumps({"text": BODY}),
        json.dumps({"id": "x2"}),
        json.dumps({"id": "x3", "text": "   "}),
        json.dumps(["not", "an", "object"]),
        rec(5),
    ]
    path.write_text("\n".join(lines) + "\n")
    docs = list(read_file(path))
    reasons = [d.reason or "" for d in docs]
    assert "record has no id" in reasons[0] and docs[0].id == "partial:1"
    assert "record has no text" in reasons[1] and docs[1].id == "x2"
    assert "record text is empty" in reasons[2]
    assert "not an object" in reasons[3]
    assert docs[4].ok and [d.ok for d in docs].count(True) == 1


def test_optional_fields_jalali_published_and_extra(tmp_path: Path) -> None:
    path = tmp_path / "fa.jsonl"
    path.write_text(
        rec(1, published="۱۴۰۰/۰۸/۱۰", url="https://example.org/a", source="irna", lang="fa",
            category="politics") + "\n"
    )
    [doc] = list(read_file(path))
    assert doc.published == "2021-11-01" and doc.meta["published_raw"] == "۱۴۰۰/۰۸/۱۰"
    assert (doc.url, doc.source, doc.lang) == ("https://example.org/a", "irna", "fa")
    assert doc.meta["extra"] == {"category": "politics"}


def test_jsonl_gz_and_ndjson(tmp_path: Path) -> None:
    gz = tmp_path / "pack.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as fh:
        fh.write(rec(1) + "\n\n" + rec(2) + "\n")
    nd = tmp_path / "more.ndjson"
    nd.write_text(rec(3) + "\n")
    docs = list(read_paths([gz, nd]))
    assert [d.id for d in docs] == ["r1", "r2", "r3"] and all(d.ok for d in docs)
    assert docs[1].meta["line"] == 3  # the blank line is counted, then skipped


def test_truncated_gzip_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    gz = tmp_path / "cut.jsonl.gz"
    data = gzip.compress(("\n".join(rec(i) for i in range(200)) + "\n").encode("utf-8"))
    gz.write_bytes(data[: len(data) // 2])
    docs = list(read_file(gz))
    assert docs[0].ok and docs[0].id == "r0"
    assert not docs[-1].ok and "unreadable after line" in (docs[-1].reason or "")


def test_json_object_and_list(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(rec(1))
    many = tmp_path / "many.json.gz"
    many.write_bytes(gzip.compress(f"[{rec(2)}, {rec(3)}, 7]".encode()))
    docs = list(read_paths([one, many]))
    assert [d.id for d in docs[:3]] == ["r1", "r2", "r3"]
    assert not docs[3].ok and docs[3].id == "many[2]"


def test_broken_json_file_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[\n{"id": "a", "text": "x"},\n{"id": \n')
    [doc] = list(read_file(path))
    assert not doc.ok and "broken JSON" in (doc.reason or "") and doc.meta["line"] >= 3


def test_json_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text(rec(1))
    [doc] = list(read_file(path, settings=load_settings(max_text_bytes=10)))
    assert not doc.ok and "max_text_bytes" in (doc.reason or "")


def test_jsonl_line_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(rec(1).encode() + b"\n" + '{"id": "b", "text": "ولد"}'.encode("cp1256") + b"\n")
    docs = list(read_file(path))
    assert docs[0].ok and not docs[1].ok and "not UTF-8" in (docs[1].reason or "")
