"""HTML pages: trafilatura for the article, lxml when the page is broken."""

from __future__ import annotations

from pathlib import Path

from khabar.readers import read_file

SENTENCE = "The foreign minister met his counterpart in the capital on Monday to discuss a truce. "


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def test_article_title_date_and_url(tmp_path: Path) -> None:
    head = (
        "<title>Truce talks | Example News</title>"
        '<meta property="og:title" content="Ministers discuss a truce">'
        '<meta property="article:published_time" content="2021-11-01T20:26:00+03:30">'
        '<link rel="canonical" href="https://news.example.org/truce">'
    )
    body = (
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>Ministers discuss a truce</h1><p>{SENTENCE * 3}</p>"
        f"<p>{SENTENCE}</p></article><footer>All rights reserved</footer>"
    )
    path = tmp_path / "truce.html"
    path.write_text(page(body, head), encoding="utf-8")
    [doc] = list(read_file(path))
    assert doc.ok and doc.id == "truce"
    assert doc.title == "Ministers discuss a truce"
    assert doc.published == "2021-11-01"
    assert doc.url == "https://news.example.org/truce"
    assert SENTENCE.strip() in doc.text and "All rights reserved" not in doc.text
    assert doc.text.startswith(doc.title)


def test_truncated_html_still_gives_its_text(tmp_path: Path) -> None:
    path = tmp_path / "cut.htm"
    html = page(f"<div><p>{SENTENCE * 2}</p><p>Second paragraph that stops in the mid")
    path.write_text(html[: html.index("</body>") - 10], encoding="utf-8")
    [doc] = list(read_file(path))
    assert doc.ok and SENTENCE.strip() in doc.text and "Second paragraph" in doc.text


def test_html_without_text_fails(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(page("<script>var x = 1;</script><div></div>"), encoding="utf-8")
    [doc] = list(read_file(path))
    assert not doc.ok and "no text" in (doc.reason or "")


def test_declared_legacy_charset_is_honoured(tmp_path: Path) -> None:
    arabic = "أعلنت الحكومة عن خطة جديدة لإعادة الإعمار في المدن المتضررة من الحرب. "
    html = page(f"<p>{arabic * 4}</p>", '<meta charset="windows-1256"><title>خطة</title>')
    path = tmp_path / "legacy.html"
    path.write_bytes(html.encode("cp1256"))
    [doc] = list(read_file(path))
    assert doc.ok and arabic.strip() in doc.text


def test_html_sniffed_in_a_file_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "saved-page"
    path.write_text(page(f"<p>{SENTENCE * 3}</p>"), encoding="utf-8")
    [doc] = list(read_file(path))
    assert doc.ok and "<p>" not in doc.text and SENTENCE.strip() in doc.text
