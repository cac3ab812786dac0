"""HTML pages: main text, title, publication date and URL with trafilatura.

trafilatura finds the article body and its metadata (title, ``<meta>``/JSON-LD dates through
htmldate, canonical URL). When it finds no body (a truncated or broken page, a page too short
for its thresholds), the fallback is lxml: the text of the parsed tree without scripts, styles
and navigation, one block per line. A page with no text at all fails with a reason.

As for records, a title is put before the body (``title + "\\n\\n" + body``) unless the body
already begins with it; ``meta["body_offset"]`` says where the body starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from khabar.document import Document
from khabar.readers.decode import sniff
from khabar.readers.published import parse_published
from khabar.settings import Settings

__all__ = ["html_to_document", "read_html_file"]

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form")
_BLOCK_BREAK = re.compile(r"[ \t\r\f\v]*\n\s*")


def decode_html(data: bytes) -> tuple[str | None, str | None]:
    """The page as text (declared charset first, then the text rule), or a failure reason."""
    m = _CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"), errors="replace").lstrip("\ufeff"), None
        except LookupError:
            pass
    sniffed = sniff(data)
    if sniffed.encoding is None:
        return None, sniffed.reason
    return data[sniffed.bom :].decode(sniffed.encoding, errors="replace"), None


def _lxml_text(html: str) -> str:
    """Visible text of a (possibly broken) page, one block per line."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for bad in root.xpath("//" + " | //".join(_DROP)):
        bad.drop_tree()
    body = root.find("body")
    target = body if body is not None else root
    for el in target.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr"):
        el.tail = "\n" + (el.tail or "")
    text = target.text_content()
    return _BLOCK_BREAK.sub("\n", text).strip()


def html_to_document(html: str, *, doc_id: str, path: str) -> Document:
    """One Document for the page ``html``."""
    import trafilatura

    meta: dict[str, Any] = {"path": path}
    result = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, favor_recall=True
    )
    extracted = result.as_dict() if result is not None and not isinstance(result, dict) else result
    body = ""
    title = url = published_raw = None
    if isinstance(extracted, dict):
        body = (extracted.get("text") or "").strip()
        title = (extracted.get("title") or "").strip() or None
        url = extracted.get("url") or None
        published_raw = extracted.get("date") or None
        meta["extractor"] = "trafilatura"
    if not body:
        body = _lxml_text(html)
        meta["extractor"] = "lxml"
        if title is None:
            m = re.search(r"<title[^>]*>(.*?)</title", html, re.I | re.S)
            title = " ".join(m.group(1).split()) or None if m else None
    if not body:
        doc = Document(id=doc_id, text="", title=title, meta=meta)
        doc.fail(f"{path}: no text found in the HTML")
        return doc
    text = body
    if title and not body.startswith(title):
        text = f"{title}\n\n{body}"
        meta["body_offset"] = len(title) + 2
    published = parse_published(published_raw) if published_raw else None
    if published_raw and published_raw != published:
        meta["published_raw"] = published_raw
    return Document(id=doc_id, text=text, title=title, url=url, published=published, meta=meta)


def read_html_file(path: Path, *, doc_id: str, settings: Settings) -> Iterator[Document]:
    label = str(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(settings.max_text_bytes + 1)
    except OSError as exc:
        doc = Document(id=doc_id, text="", meta={"path": label})
        doc.fail(f"{label}: unreadable: {exc.strerror or exc}")
        yield doc
        return
    if not data.strip():
        doc = Document(id=doc_id, text="", meta={"path": label})
        doc.fail("empty file")
        yield doc
        return
    if len(data) > settings.max_text_bytes:
        doc = Document(id=doc_id, text="", meta={"path": label})
        doc.fail(f"{label}: HTML file larger than max_text_bytes ({settings.max_text_bytes})")
        yield doc
        return
    html, reason = decode_html(data)
    if html is None:
        doc = Document(id=doc_id, text="", meta={"path": label})
        doc.fail(reason or "not text")
        yield doc
        return
    yield html_to_document(html, doc_id=doc_id, path=label)
