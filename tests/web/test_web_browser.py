"""The pages in a real browser (Debian's chromium through Playwright): they load without script
errors, the timeline and the network draw, right-to-left text renders right to left, a story
page lists its documents and events.

Screenshots go to tests/web/screenshots/ (ignored by git; KHABAR_SCREENSHOTS moves them); the
path is printed at the start of the session (pytest -s shows it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 950})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.errors = errors
    yield pg
    context.close()


def visit(page: Any, url: str, shot: Path) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    page.wait_for_load_state("load")
    page.screenshot(path=str(shot), full_page=True)
    assert not page.errors, page.errors
    assert page.locator("header.top").is_visible()


def rtl_event(client: Any) -> dict[str, Any]:
    for e in client.get("/api/events", params={"limit": 500}).json()["events"]:
        if e["first_mention"] and e["first_mention"]["lang"] in ("fa", "ar"):
            return dict(e)
    raise AssertionError("no event told in Persian or Arabic")


def test_timeline_draws_bars_per_class(page: Any, live_server: str, client: Any,
                                       screenshots: Path) -> None:
    visit(page, f"{live_server}/timeline?zoom=year", screenshots / "timeline.png")
    tl = client.get("/api/timeline", params={"zoom": "year"}).json()
    segments = sum(len([n for n in b["by_class"].values() if n]) for b in tl["buckets"])
    bars = page.locator("#timeline svg rect.bar")
    assert bars.count() == segments > 0
    colours = set(page.eval_on_selector_all(
        "#timeline svg rect.bar", "els => els.map(e => e.getAttribute('fill'))"))
    assert len(colours) >= 2, "bars are coloured by class"
    # zooming in: a click on a bar narrows to its year, by month
    first = bars.first
    key = first.get_attribute("data-key")
    first.click()
    page.wait_for_url("**/timeline?*zoom=month*")
    assert f"since={key}" in page.url
    assert page.locator("#timeline svg rect.bar").count() > 0
    page.screenshot(path=str(screenshots / "timeline-zoomed.png"), full_page=True)


def test_network_draws_nodes_and_edges(page: Any, live_server: str, client: Any,
                                       screenshots: Path) -> None:
    visit(page, f"{live_server}/network", screenshots / "network.png")
    net = client.get("/api/network").json()
    assert page.locator("#network svg g.node").count() == len(net["nodes"]) > 0
    assert page.locator("#network svg path.edge").count() == len(net["edges"]) > 0
    box = page.locator("#network svg").bounding_box()
    assert box and box["width"] > 500 and box["height"] > 400
    # every node is placed inside the drawing
    inside = page.eval_on_selector_all(
        "#network svg g.node", "els => els.every(e => { const b = e.getBoundingClientRect(); "
        "const s = e.ownerSVGElement.getBoundingClientRect(); return b.left >= s.left - 2 && "
        "b.top >= s.top - 2 && b.bottom <= s.bottom + 2; })")
    assert inside


def test_event_page_renders_rtl_mentions(page: Any, live_server: str, client: Any,
                                         screenshots: Path) -> None:
    e = rtl_event(client)
    visit(page, f"{live_server}/events/{e['id']}", screenshots / "event.png")
    sentence = page.locator("[data-testid=mention-sentence]").first
    assert sentence.is_visible()
    assert sentence.evaluate("el => getComputedStyle(el).direction") == "rtl"
    quote_el = page.locator("[data-testid=mention-text]").first
    assert quote_el.get_attribute("lang") in ("fa", "ar")
    assert quote_el.evaluate("el => getComputedStyle(el).textAlign") in ("start", "right")
    assert e["first_mention"]["text"][:20] in sentence.inner_text() or page.locator(
        "[data-testid=mention-sentence]").count() > 1
    # the text starts at the right: its first letter sits at the right edge of the quote
    box = quote_el.bounding_box()
    first = quote_el.evaluate(FIRST_LETTER)
    assert box and (box["x"] + box["width"]) - first[1] < 40 < first[0] - box["x"], (box, first)


FIRST_LETTER = """el => {
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  let node = walk.nextNode();
  while (node && !node.textContent.trim()) node = walk.nextNode();
  const i = node.textContent.search(/\\S/);
  const range = document.createRange();
  range.setStart(node, i); range.setEnd(node, i + 1);
  const r = range.getBoundingClientRect();
  return [r.left, r.right];
}"""


def test_document_page_marks_layers(page: Any, live_server: str, client: Any,
                                    screenshots: Path) -> None:
    doc = rtl_event(client)["first_mention"]["doc"]
    visit(page, f"{live_server}/documents/{quote(doc, safe='')}", screenshots / "document.png")
    text = page.locator("[data-testid=document-text]")
    assert text.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert page.locator("#doc-text .ev").count() > 0
    assert page.locator("#doc-text mark.m-actor").count() > 0
    sentence = page.locator("#doc-text .ev").first
    assert sentence.evaluate("el => getComputedStyle(el).direction") == "rtl"
    # the actors layer can be switched off
    actor = page.locator("#doc-text mark.m-actor").first
    on = actor.evaluate("el => getComputedStyle(el).color")
    page.locator("input[data-layer=actor]").uncheck()
    assert actor.evaluate("el => getComputedStyle(el).color") != on
    # a click on an event sentence picks out its events in the side list
    sentence.click()
    assert page.locator(".doc-events li.focus").count() >= 1


def test_search_page_finds_across_scripts(page: Any, live_server: str, web_db: Any,
                                          screenshots: Path) -> None:
    query, name = ("لاوروف", "Sergey Lavrov") if web_db.kind == "seeds" else ("فیدان",
                                                                                  "Hakan Fidan")
    visit(page, f"{live_server}/search?q={quote(query)}", screenshots / "search.png")
    assert name in page.locator("[data-testid=resolution]").inner_text()
    rows = page.locator("[data-testid=events-table] tbody tr")
    assert rows.count() > 0
    assert name in rows.first.inner_text()
    quote_el = rows.first.locator(".quote")
    assert quote_el.evaluate("el => getComputedStyle(el).direction") == "rtl"
    # documents: the words found are marked in their sentence (the sample names Fidan only
    # through his office, so search its text for a word it has)
    if web_db.kind != "seeds":
        visit(page, f"{live_server}/search?q={quote('قفقاز')}", screenshots / "search-text.png")
    hits = page.locator("[data-testid=document-hits] li")
    assert hits.count() > 0
    assert hits.first.locator("mark.hit").count() > 0
    assert hits.first.locator(".snippet").evaluate(
        "el => getComputedStyle(el).direction") == "rtl"


def test_documents_page_and_error_page(page: Any, live_server: str, screenshots: Path) -> None:
    visit(page, f"{live_server}/documents", screenshots / "documents.png")
    assert page.locator("[data-testid=documents-table] tbody tr").count() > 0
    response = page.goto(f"{live_server}/events/does-not-exist")
    assert response is not None and response.status == 404
    assert "no event" in page.locator("[data-testid=error]").inner_text()


def test_story_page_lists_documents_and_events_rtl(page: Any, stories_server: str,
                                                  stories_client: Any, stories_db: Any,
                                                  screenshots: Path) -> None:
    stories = stories_client.get("/api/stories", params={"min_size": 1, "limit": 500}).json()
    rtl = [st for st in stories["stories"] if {"fa", "ar"} & set(st["langs"])]
    assert rtl, "a story with Persian or Arabic documents"
    st = max(rtl, key=lambda s: (s["size"], s["event_count"]))  # the seeds: 001 and 003
    visit(page, f"{stories_server}/stories?min_size=1", screenshots / "stories.png")
    assert page.locator("[data-testid=stories-table] tbody tr").count() == len(
        stories["stories"])
    visit(page, f"{stories_server}/stories/{st['id']}", screenshots / "story.png")
    detail = stories_client.get(f"/api/stories/{st['id']}").json()
    titles = page.locator("[data-testid=story-doc-title]")
    assert titles.count() == len(detail["documents"]) == st["size"]
    for i, d in enumerate(detail["documents"]):
        link = titles.nth(i)
        assert link.inner_text().strip() == (d["title"] or d["id"]).strip()
        if d["lang"] in ("fa", "ar"):  # right-to-left text renders right to left
            assert link.get_attribute("lang") == d["lang"]
            assert link.evaluate("el => getComputedStyle(el).direction") == "rtl"
    if stories_db.kind == "seeds":
        assert {d["lang"] for d in detail["documents"]} == {"fa", "ar"}
    events = page.locator("[data-testid=story-events] li[data-event]")
    assert events.count() == len(detail["events"]) > 0
    if any(e["date"] for e in detail["events"]):
        assert page.locator("[data-testid=story-timeline] rect").count() == sum(
            1 for e in detail["events"] if e["date"])
    quote_el = page.locator("[data-testid=story-event-quote]:is([lang=fa], [lang=ar])").first
    assert quote_el.evaluate("el => getComputedStyle(el).direction") == "rtl"
    box = quote_el.bounding_box()
    first = quote_el.evaluate(FIRST_LETTER)
    assert box and (box["x"] + box["width"]) - first[1] < 40 < first[0] - box["x"], (box, first)
    # from a document of the story back to its story
    titles.first.click()
    page.wait_for_url("**/documents/**")
    story_link = page.locator("[data-testid=story-of] a")
    assert story_link.get_attribute("href") == f"/stories/{st['id']}"
