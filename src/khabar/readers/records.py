"""JSON records: ``.json`` (one object or a list), ``.jsonl``/``.ndjson`` (one per line), and the
same gzip-compressed. Each record needs ``id`` and ``text``; ``title``, ``published``, ``url``,
``source`` and ``lang`` are optional; other fields are kept in ``meta["extra"]``.

A record with a title becomes the text ``title + "\\n\\n" + text`` (so the headline is analysed
too) with ``title`` kept and ``meta["body_offset"]`` where the body starts. ``published`` is
parsed with :func:`khabar.readers.published.parse_published`; the string as given is kept in
``meta["published_raw"]`` when it is not already an ISO date.

JSON Lines are read one line at a time (bounded memory); a broken line yields a failed Document
naming the file and line and the good lines around it are read. A ``.json`` file is parsed
whole, so it is refused above ``settings.max_text_bytes``.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from khabar.document import Document
from khabar.readers.published import parse_published
from khabar.settings import Settings

__all__ = ["JSONL_SUFFIXES", "JSON_SUFFIXES", "read_json_file", "read_jsonl_stream", "record_doc"]

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
JSON_SUFFIXES = (".json", ".json.gz")

_FIELDS = ("id", "text", "title", "published", "url", "source", "lang")


def _failed(doc_id: str, meta: dict[str, Any], reason: str) -> Document:
    doc = Document(id=doc_id, text="", meta=meta)
    doc.fail(reason)
    return doc


def _opt_str(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    return str(value).strip() or None


def record_doc(record: Any, *, fallback_id: str, meta: dict[str, Any]) -> Document:
    """One record as a Document (failed, with a reason, when it is not a usable record)."""
    where = meta["path"] + (f" line {meta['line']}" if "line" in meta else "")
    if not isinstance(record, dict):
        return _failed(fallback_id, meta, f"{where}: record is {type(record).__name__}, not an object")
    raw_id = record.get("id")
    if raw_id is None or isinstance(raw_id, dict | list) or not str(raw_id).strip():
        return _failed(fallback_id, meta, f"{where}: record has no id")
    doc_id = str(raw_id).strip()
    body = record.get("text")
    if not isinstance(body, str):
        reason = "record has no text" if body is None else "record text is not a string"
        return _failed(doc_id, meta, f"{where}: {reason}")
    if not body.strip():
        return _failed(doc_id, meta, f"{where}: record text is empty")
    title = _opt_str(record, "title")
    meta = dict(meta)
    text = body
    if title:
        text = f"{title}\n\n{body}"
        meta["body_offset"] = len(title) + 2
    published_raw = _opt_str(record, "published")
    published = parse_published(published_raw) if published_raw else None
    if published_raw and published_raw != published:
        meta["published_raw"] = published_raw
    extra = {k: v for k, v in record.items() if k not in _FIELDS}
    if extra:
        meta["extra"] = extra
    return Document(
        id=doc_id, text=text, title=title, url=_opt_str(record, "url"),
        source=_opt_str(record, "source"), published=published,
        lang=_opt_str(record, "lang"), meta=meta,
    )


def read_jsonl_stream(lines: Iterable[bytes], *, name: str, path: str) -> Iterator[Document]:
    """Documents from the byte lines of a JSON Lines file; blank lines are skipped."""
    lineno = 0
    it = iter(lines)
    while True:
        try:
            raw = next(it)
        except StopIteration:
            return
        except (OSError, EOFError, zlib.error) as exc:  # a corrupt or truncated gzip stream
            yield _failed(
                f"{name}:{lineno + 1}", {"path": path, "line": lineno + 1},
                f"{path}: unreadable after line {lineno}: {exc}",
            )
            return
        lineno += 1
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        meta: dict[str, Any] = {"path": path, "line": lineno}
        fallback = f"{name}:{lineno}"
        try:
            record = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield _failed(fallback, meta, f"{path} line {lineno}: not UTF-8 ({exc.reason})")
            continue
        except json.JSONDecodeError as exc:
            yield _failed(fallback, meta, f"{path} line {lineno}: broken JSON ({exc.msg})")
            continue
        yield record_doc(record, fallback_id=fallback, meta=meta)


def open_maybe_gzip(path: Path) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def read_json_file(path: Path, *, name: str, settings: Settings) -> Iterator[Document]:
    """Documents from a ``.json``/``.json.gz`` file: one object, or a list of objects."""
    label = str(path)
    try:
        with open_maybe_gzip(path) as fh:
            data = fh.read(settings.max_text_bytes + 1)
    except (OSError, EOFError, zlib.error) as exc:
        yield _failed(name, {"path": label}, f"{label}: unreadable: {exc}")
        return
    if len(data) > settings.max_text_bytes:
        yield _failed(
            name, {"path": label},
            f"{label}: JSON file larger than max_text_bytes ({settings.max_text_bytes}); "
            "use JSON Lines for large collections",
        )
        return
    if not data.strip():
        yield _failed(name, {"path": label}, "empty file")
        return
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        yield _failed(name, {"path": label}, f"{label}: not UTF-8 ({exc.reason})")
        return
    except json.JSONDecodeError as exc:
        yield _failed(
            name, {"path": label, "line": exc.lineno},
            f"{label} line {exc.lineno}: broken JSON ({exc.msg})",
        )
        return
    if isinstance(value, list):
        for i, record in enumerate(value):
            yield record_doc(record, fallback_id=f"{name}[{i}]", meta={"path": label, "index": i})
    else:
        yield record_doc(value, fallback_id=name, meta={"path": label})
