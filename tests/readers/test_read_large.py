"""A 20 MB text file is read in bounded memory, as parts with exact offsets."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from khabar.readers import read_paths
from khabar.settings import load_settings

PARAGRAPH = (
    "وزیر امور خارجه روز دوشنبه با همتای خود درباره آتش بس و تبادل اسیران گفت‌وگو کرد و "
    "دو طرف بر ادامه مذاکرات تاکید کردند.\n\n"
)


def test_twenty_megabyte_file_in_parts(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    size = 0
    count = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        while size < 20_000_000:
            line = f"{count} {PARAGRAPH}"
            fh.write(line)
            size += len(line.encode("utf-8"))
            count += 1
    expected_chars = path.read_text(encoding="utf-8").__len__()  # outside the measured region

    settings = load_settings()
    limit = settings.max_part_chars
    tracemalloc.start()
    try:
        ids: list[str] = []
        offset = 0
        last_seen = False
        for doc in read_paths([path], settings=settings):
            assert doc.ok, doc.reason
            ids.append(doc.id)
            assert doc.meta["offset"] == offset
            assert doc.meta["part"] == len(ids)
            assert len(doc.text) <= limit
            # every part ends at a paragraph boundary, and the next one starts a paragraph
            assert doc.text.endswith("\n\n") or doc.meta.get("last")
            assert doc.text.split(" ", 1)[0].isdigit()
            last_seen = bool(doc.meta.get("last"))
            offset += len(doc.text)
            del doc
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert last_seen
    assert offset == expected_chars  # the parts concatenate to the whole file
    assert len(ids) >= 10 and ids[0] == "huge#1" and ids[1] == "huge#2"
    assert len(set(ids)) == len(ids)
    # The whole decoded text alone would take 2 bytes a character (over 20 MB here); the reader
    # holds the encoding sniff (1 MiB), its buffer and a one-part lookahead: a few parts of at
    # most 1,000,000 characters, whatever the file size.
    whole = 2 * expected_chars
    assert whole > 20_000_000
    assert peak < 16_000_000, f"peak {peak / 1e6:.1f} MB"


def test_small_part_limit_splits_at_lines_and_keeps_text(tmp_path: Path) -> None:
    text = "".join(f"line {i} of the report\n" for i in range(200))  # no blank lines at all
    path = tmp_path / "lines.txt"
    path.write_text(text, encoding="utf-8")
    docs = list(read_paths([path], settings=load_settings(max_part_chars=500)))
    assert len(docs) > 5
    assert "".join(d.text for d in docs) == text
    assert all(d.text.endswith("\n") for d in docs)
    assert [d.meta["offset"] for d in docs] == [
        sum(len(x.text) for x in docs[:i]) for i in range(len(docs))
    ]
    assert docs[-1].meta["last"] is True and "last" not in docs[0].meta


def test_file_within_the_limit_is_one_document_without_part(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text(PARAGRAPH * 3, encoding="utf-8")
    [doc] = list(read_paths([path], settings=load_settings(max_part_chars=len(PARAGRAPH) * 3)))
    assert doc.id == "short" and "part" not in doc.meta
