"""Input readers: files, directories, glob patterns and stdin into Documents.

    read_paths(["news/", "extra/*.jsonl.gz", "-"])  ->  Iterator[Document]

- a directory is walked recursively in sorted order (hidden files and folders skipped);
- a pattern with ``*``, ``?`` or ``[`` is expanded with :mod:`glob` (``**`` recursive), sorted;
- ``-`` reads stdin: JSON Lines when its first non-blank line is a JSON object, else text.

Formats by name: ``.html``/``.htm``/``.xhtml`` (:mod:`.html`); ``.json``, ``.json.gz``,
``.jsonl``, ``.ndjson``, ``.jsonl.gz``, ``.ndjson.gz`` (:mod:`.records`); anything else is read
as text (:mod:`.text`, :mod:`.decode`), except a file that starts like an HTML page. An input
that cannot be read never raises: it becomes a failed Document (``doc.ok`` is False,
``doc.reason`` says why) and the batch goes on. Every Document has ``meta["path"]``.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from khabar.document import Document
from khabar.readers.html import html_to_document, read_html_file
from khabar.readers.published import parse_published, register_published_parser
from khabar.readers.records import (
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    open_maybe_gzip,
    read_json_file,
    read_jsonl_stream,
)
from khabar.readers.text import read_text_stream
from khabar.settings import Settings, load_settings

__all__ = [
    "html_to_document",
    "parse_published",
    "read_file",
    "read_paths",
    "read_stream",
    "register_published_parser",
]

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_GLOB_CHARS = frozenset("*?[")
_HTML_START = (b"<!doctype html", b"<html")


def _suffix_of(name: str, suffixes: Iterable[str]) -> str | None:
    low = name.lower()
    for suffix in sorted(suffixes, key=len, reverse=True):
        if low.endswith(suffix):
            return suffix
    return None


def doc_id_for(path: Path) -> str:
    """The file name without its extension (both parts of ``.jsonl.gz`` and the like)."""
    suffix = _suffix_of(path.name, (*JSONL_SUFFIXES, *JSON_SUFFIXES, *HTML_SUFFIXES))
    if suffix:
        return path.name[: -len(suffix)] or path.name
    return path.stem or path.name


def _failed(doc_id: str, path: str, reason: str) -> Document:
    doc = Document(id=doc_id, text="", meta={"path": path})
    doc.fail(reason)
    return doc


def read_file(path: str | Path, *, settings: Settings | None = None) -> Iterator[Document]:
    """Documents from one file (one, or several for record files and very large texts)."""
    settings = settings or load_settings()
    path = Path(path)
    label = str(path)
    doc_id = doc_id_for(path)
    if not path.is_file():
        reason = "no such file" if not path.exists() else "not a regular file"
        yield _failed(doc_id, label, f"{label}: {reason}")
        return
    name = path.name
    try:
        if _suffix_of(name, JSONL_SUFFIXES):
            with open_maybe_gzip(path) as fh:
                yield from read_jsonl_stream(fh, name=doc_id, path=label)
        elif _suffix_of(name, JSON_SUFFIXES):
            yield from read_json_file(path, name=doc_id, settings=settings)
        elif _suffix_of(name, HTML_SUFFIXES):
            yield from read_html_file(path, doc_id=doc_id, settings=settings)
        elif name.lower().endswith(".gz"):
            yield _failed(doc_id, label, f"{label}: unsupported compressed file (not .jsonl.gz/.json.gz)")
        else:
            with path.open("rb") as fh:
                head = fh.read(512)
                if head.lstrip().lower().startswith(_HTML_START):
                    yield from read_html_file(path, doc_id=doc_id, settings=settings)
                else:
                    yield from read_text_stream(
                        fh, doc_id=doc_id, path=label, settings=settings, head=head
                    )
    except OSError as exc:  # permission denied, vanished file, I/O error mid-read
        yield _failed(doc_id, label, f"{label}: unreadable: {exc.strerror or exc}")


def read_stream(
    stream: BinaryIO, *, name: str = "stdin", path: str = "-", settings: Settings | None = None
) -> Iterator[Document]:
    """Documents from a binary stream: JSON Lines if its first non-blank line is an object."""
    settings = settings or load_settings()
    first = b""
    while not first.strip():
        line = stream.readline()
        if not line:
            break
        first += line
    if first.lstrip().lstrip(b"\xef\xbb\xbf").startswith(b"{") and first.rstrip().endswith(b"}"):
        lines = _prepend(first.splitlines(keepends=True), stream)
        yield from read_jsonl_stream(lines, name=name, path=path)
    else:
        yield from read_text_stream(stream, doc_id=name, path=path, settings=settings, head=first)


def _prepend(first: list[bytes], rest: BinaryIO) -> Iterator[bytes]:
    yield from first
    yield from rest


def _walk(directory: Path) -> Iterator[Path | str]:
    """Files under ``directory`` in path order (depth first, names sorted), hidden ones skipped;
    a string is the reason a folder could not be listed."""
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        yield f"{directory}: unreadable directory: {exc.strerror or exc}"
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(Path(entry.path))
        else:
            yield Path(entry.path)


def _expand(item: str | Path) -> Iterator[Path | str]:
    """Paths for one argument; a string result is a failure reason."""
    path = Path(item)
    if path.is_dir():
        yield from _walk(path)
    elif path.exists() or not (_GLOB_CHARS & set(str(item))):
        yield path
    else:
        matches = sorted(glob.glob(str(item), recursive=True))
        if not matches:
            yield f"{item}: no file matches the pattern"
        for match in matches:
            p = Path(match)
            if p.is_dir():
                yield from _walk(p)
            else:
                yield p


def read_paths(
    paths: Iterable[str | Path], *, settings: Settings | None = None
) -> Iterator[Document]:
    """Documents from files, directories, glob patterns and ``-`` (stdin), in order."""
    settings = settings or load_settings()
    for item in paths:
        if str(item) == "-":
            yield from read_stream(sys.stdin.buffer, settings=settings)
            continue
        for found in _expand(item):
            if isinstance(found, str):
                yield _failed(str(item), str(item), found)
            else:
                yield from read_file(found, settings=settings)
