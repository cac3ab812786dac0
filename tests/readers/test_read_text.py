"""Plain-text files: encodings, bad bytes, empty and binary files. Each bad input is a test."""

from __future__ import annotations

from pathlib import Path

from khabar.readers import read_file, read_paths

AR = "دعت الأمم المتحدة إلى وقف إطلاق النار في المنطقة وحماية المدنيين."
FA = "نیروهای ارتش در منطقه مرزی مستقر شدند و گفت‌وگوها ادامه دارد."


def one(path: Path):
    docs = list(read_file(path))
    assert len(docs) == 1
    return docs[0]


def test_utf8_text_kept_exactly_with_crlf(tmp_path: Path) -> None:
    text = FA + "\r\n\r\n" + AR + "\r\n"
    path = tmp_path / "story-1.txt"
    path.write_bytes(text.encode("utf-8"))
    doc = one(path)
    assert doc.ok and doc.id == "story-1"
    assert doc.text == text  # no newline translation: offsets are exact
    assert doc.meta["path"] == str(path) and doc.meta["encoding"] == "utf-8"


def test_empty_file_fails(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    doc = one(path)
    assert not doc.ok and doc.reason == "empty file" and doc.meta["path"] == str(path)


def test_whitespace_only_file_fails(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\n\t\n")
    doc = one(path)
    assert not doc.ok and "only whitespace" in (doc.reason or "")


def test_binary_file_named_txt_fails(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    doc = one(path)
    assert not doc.ok and (doc.reason or "").startswith("binary file, not text")


def test_control_characters_without_nul_fail_as_binary(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 50 + b"abc")
    doc = one(path)
    assert not doc.ok and (doc.reason or "").startswith("binary file, not text")


def test_few_invalid_utf8_bytes_are_replaced_with_a_warning(tmp_path: Path) -> None:
    good = (FA + "\n") * 20
    data = good.encode("utf-8") + b"\xff\xfe broken tail\n"
    path = tmp_path / "damaged.txt"
    path.write_bytes(data)
    doc = one(path)
    assert doc.ok and doc.meta["encoding"] == "utf-8"
    assert doc.text.startswith(good) and "\ufffd" in doc.text
    assert any("2 invalid UTF-8" in w for w in doc.meta["warnings"])


def test_windows_1256_arabic_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes((AR + "\r\n" + AR).encode("cp1256"))
    doc = one(path)
    assert doc.ok and doc.meta["encoding"] == "cp1256"
    assert doc.text == AR + "\r\n" + AR


def test_windows_1256_persian_with_arabic_yeh_is_detected(tmp_path: Path) -> None:
    # windows-1256 has no Persian yeh or kaf: legacy Persian files use the Arabic letters
    persian = "نيروهاي ارتش در منطقه مرزي مستقر شدند و گفتگوها ادامه دارد."
    path = tmp_path / "legacy-fa.txt"
    path.write_bytes(persian.encode("cp1256"))
    doc = one(path)
    assert doc.ok and doc.meta["encoding"] == "cp1256" and doc.text == persian


def test_utf16_with_bom(tmp_path: Path) -> None:
    for codec in ("utf-16", "utf-16-be"):
        path = tmp_path / f"{codec}.txt"
        data = (b"\xfe\xff" + AR.encode(codec)) if codec == "utf-16-be" else AR.encode(codec)
        path.write_bytes(data)
        doc = one(path)
        assert doc.ok and doc.text == AR, codec


def test_utf8_bom_is_dropped_so_offsets_refer_to_the_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + FA.encode("utf-8"))
    doc = one(path)
    assert doc.ok and doc.text == FA and doc.meta.get("bom") is True
    assert doc.text[0] == FA[0]  # offset 0 is the first letter, not U+FEFF


def test_mostly_ascii_latin1_text_is_read_as_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("The caf\u00e9 near the ministry reopened on Monday.\n".encode("cp1252"))
    doc = one(path)
    assert doc.ok and "café" in doc.text and doc.meta["encoding"] == "cp1252"


def test_unknown_encoding_fails(tmp_path: Path) -> None:
    # Cyrillic in KOI8-R: not UTF-8, not Arabic script, far from ASCII
    path = tmp_path / "koi8.txt"
    path.write_bytes("Министр иностранных дел встретился с коллегой".encode("koi8-r"))
    doc = one(path)
    assert not doc.ok and "unknown text encoding" in (doc.reason or "")


def test_unknown_extension_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.story"
    path.write_text(AR, encoding="utf-8")
    [doc] = list(read_paths([path]))
    assert doc.ok and doc.id == "notes" and doc.text == AR


def test_unsupported_compressed_file_fails(tmp_path: Path) -> None:
    path = tmp_path / "x.txt.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00")
    doc = one(path)
    assert not doc.ok and "unsupported compressed" in (doc.reason or "")
