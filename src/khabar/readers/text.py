"""Plain-text files: detected encoding, exact text, and bounded memory for very large files.

Large files are never held whole. The file is decoded as a stream and cut into *parts* of at
most ``settings.max_part_chars`` characters (default 1,000,000), preferably at a paragraph
boundary (a blank line) in the second half of the window, else at a line break, else at a
space, else exactly at the limit. A file that fits in one part is one Document with the file
name (without extension) as id. A file that does not becomes Documents ``name#1``, ``name#2``,
... with ``meta["part"]`` (1-based), ``meta["offset"]`` (character offset of the part in the
whole decoded file, so ``offset + span.start`` is a position in the file) and ``meta["last"]``
on the final part. The separator whitespace stays at the end of the part before the cut, so the
parts concatenate to exactly the decoded file. Memory stays at a few parts' worth whatever the
file size: the encoding is decided from the first MiB (see :mod:`khabar.readers.decode`).
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO

from khabar.document import Document
from khabar.readers.decode import count_replacements, sniff
from khabar.settings import Settings

__all__ = ["SNIFF_BYTES", "read_text_stream"]

SNIFF_BYTES = 1 << 20  # the head the encoding is decided from
CHUNK_BYTES = 1 << 18  # read size while streaming


def _read_full(stream: BinaryIO, n: int) -> bytes:
    """Read up to ``n`` bytes, looping over short reads (pipes return what they have)."""
    pieces: list[bytes] = []
    got = 0
    while got < n:
        piece = stream.read(n - got)
        if not piece:
            break
        pieces.append(piece)
        got += len(piece)
    return b"".join(pieces)


def _cut_point(buf: str, limit: int) -> int:
    """Where to end a part of ``buf`` (which is longer than ``limit``): after a boundary."""
    lo = limit // 2
    for sep in ("\n\n", "\n\r\n"):
        i = buf.rfind(sep, lo, limit)
        if i >= 0:
            return i + len(sep)
    i = buf.rfind("\n", lo, limit)
    if i >= 0:
        return i + 1
    i = max(buf.rfind(" ", lo, limit), buf.rfind("\t", lo, limit))
    if i >= 0:
        return i + 1
    return limit


def _failed(doc_id: str, path: str, reason: str) -> Document:
    doc = Document(id=doc_id, text="", meta={"path": path})
    doc.fail(reason)
    return doc


def read_text_stream(
    stream: BinaryIO, *, doc_id: str, path: str, settings: Settings, head: bytes = b""
) -> Iterator[Document]:
    """Documents from a binary text stream; ``head`` is bytes already read from it."""
    head += _read_full(stream, SNIFF_BYTES - len(head))
    if not head:
        yield _failed(doc_id, path, "empty file")
        return
    more = _read_full(stream, CHUNK_BYTES)
    complete = not more
    sniffed = sniff(head, complete=complete)
    if sniffed.encoding is None:
        yield _failed(doc_id, path, sniffed.reason or "not text")
        return
    # A head that was strict UTF-8 may still meet a bad byte later on: stream with replacement
    # and count, rather than fail a 20 MB file at byte 19,000,000.
    errors = sniffed.errors if complete else "replace"
    decoder = codecs.getincrementaldecoder(sniffed.encoding)(errors)
    counting = errors == "replace" and sniffed.encoding == "utf-8"

    def pieces() -> Iterator[tuple[str, int]]:
        """Decoded text and the number of bytes it replaced."""
        raw = head[sniffed.bom :]
        chunk = raw + more
        while chunk:
            text = decoder.decode(chunk)
            yield text, count_replacements(text, chunk) if counting else 0
            chunk = _read_full(stream, CHUNK_BYTES)
        tail = decoder.decode(b"", final=True)
        if tail:
            yield tail, tail.count("\ufffd") if counting else 0

    limit = max(1, settings.max_part_chars)

    def parts() -> Iterator[tuple[str, int, int]]:
        """(text, character offset, replaced sequences) of each part."""
        buf = ""
        bad = 0
        offset = 0
        for text, replaced in pieces():
            buf += text
            bad += replaced
            while len(buf) > limit:
                cut = _cut_point(buf, limit)
                part, buf = buf[:cut], buf[cut:]
                n = part.count("\ufffd") if counting else 0
                yield part, offset, min(n, bad)
                bad = max(0, bad - n)
                offset += len(part)
        if buf or offset == 0:
            yield buf, offset, bad

    base_meta: dict[str, object] = {"path": path, "encoding": sniffed.encoding}
    if sniffed.bom:
        base_meta["bom"] = True

    def make(text: str, offset: int, bad: int, part: int | None, last: bool) -> Document:
        meta = dict(base_meta)
        warnings = [w for w in sniffed.warnings if "invalid UTF-8" not in w]
        if bad:
            warnings.append(f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD")
        if warnings:
            meta["warnings"] = warnings
        if part is None:
            doc = Document(id=doc_id, text=text, meta=meta)
            if not text.strip():
                doc.fail("no text (the file holds only whitespace)")
            return doc
        meta.update({"part": part, "offset": offset})
        if last:
            meta["last"] = True
        return Document(id=f"{doc_id}#{part}", text=text, meta=meta)

    gen = parts()
    first = next(gen)
    second = next(gen, None)
    if second is None:
        yield make(*first, part=None, last=True)
        return
    yield make(*first, part=1, last=False)
    number = 2
    current = second
    for nxt in gen:
        yield make(*current, part=number, last=False)
        current = nxt
        number += 1
    yield make(*current, part=number, last=True)
