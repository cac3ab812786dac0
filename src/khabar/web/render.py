"""HTML for marked-up text: a document with its layers, a sentence in its context, a snippet.

Every piece of text is escaped here; offsets are the raw offsets the store keeps (into
``documents.text``), so what is marked is exactly what the pipeline read.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

from khabar.web.plover import class_of

__all__ = ["actor_label", "document_html", "highlight", "lang_dir", "mention_html"]

RTL_LANGS = frozenset({"fa", "ar", "ur", "ps", "ckb", "he"})


def lang_dir(lang: str | None) -> str:
    """``rtl`` for Persian, Arabic and the other right-to-left languages, else ``auto``."""
    return "rtl" if (lang or "") in RTL_LANGS else "auto"


def actor_label(actor: dict[str, Any]) -> str:
    name = actor.get("name")
    country = actor.get("country")
    if name and country:
        return f"{name} ({country})"
    return str(name or country or "international")


def highlight(text: str, ranges: list[list[int]], css: str = "hit") -> Markup:
    """``text`` with ``<mark>`` around each ``[start, end)`` range (sorted, not overlapping)."""
    out: list[str] = []
    pos = 0
    for start, end in ranges:
        start, end = max(start, pos), min(end, len(text))
        if start >= end:
            continue
        out.append(str(escape(text[pos:start])))
        out.append(f'<mark class="{css}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def mention_html(mention: dict[str, Any]) -> Markup:
    """The mention's sentence marked inside the sentences around it; the trigger in bold."""
    sentence = mention["text"]
    trigger = mention.get("trigger")
    if trigger:
        inner = highlight(sentence, [[trigger["start"], trigger["end"]]], "trigger")
    else:
        inner = escape(sentence)
    return Markup(
        f'<span class="ctx">{escape(mention.get("before") or "")}</span>'
        f'<mark class="sentence" data-testid="mention-sentence">{inner}</mark>'
        f'<span class="ctx">{escape(mention.get("after") or "")}</span>'
    )


def _value_title(layer: str, value: dict[str, Any]) -> str:
    if layer == "dates":
        v = value.get("value") or "no anchor"
        cal = value.get("calendar")
        return f"date: {v}" + (f" ({cal})" if cal else "")
    if layer == "actors":
        name = value.get("name")
        country = value.get("country")
        parts = [p for p in (name, value.get("role"), country) if p]
        return "actor: " + (", ".join(str(p) for p in parts) if parts else "unresolved")
    return layer


def _inline(text: str, base: int, spans: list[tuple[int, int, str, str]]) -> str:
    """``text`` (starting at raw offset ``base``) with actor/date spans as ``<mark>``s; where
    spans overlap, the overlap carries both classes and both titles."""
    if not spans:
        return str(escape(text))
    end_all = base + len(text)
    cuts = {base, end_all}
    for s, e, _, _ in spans:
        cuts.update((max(base, min(s, end_all)), max(base, min(e, end_all))))
    points = sorted(cuts)
    out: list[str] = []
    for a, b in pairwise(points):
        if a >= b:
            continue
        piece = escape(text[a - base : b - base])
        active = [(css, title) for s, e, css, title in spans if s <= a and e >= b]
        if not active:
            out.append(str(piece))
            continue
        classes = " ".join(sorted({css for css, _ in active}))
        titles = " · ".join(dict.fromkeys(t for _, t in active))
        out.append(f'<mark class="{classes}" title="{escape(titles)}">{piece}</mark>')
    return "".join(out)


def document_html(doc: dict[str, Any]) -> Markup:
    """The document text with event sentences, actors and dates marked.

    Event sentences (mentions) are the outer level: one ``<span class="ev">`` per sentence,
    anchored ``#m-START-END``, naming its events; actors and dates are ``<mark>``s inside.
    """
    text: str = doc["text"]
    inline: list[tuple[int, int, str, str]] = []
    for layer, css in (("actors", "m-actor"), ("dates", "m-date")):
        for span in doc["layers"].get(layer, []):
            value = span.get("value") or {}
            if layer == "actors" and not (value.get("name") or value.get("country")):
                css_here = css + " m-unresolved"
            else:
                css_here = css
            inline.append((span["start"], span["end"], css_here, _value_title(layer, value)))
    groups: dict[tuple[int, int], list[dict[str, Any]]] = defaultdict(list)
    for mark in doc.get("event_marks", []):
        groups[(mark["start"], mark["end"])].append(mark)
    regions: list[tuple[int, int, list[dict[str, Any]]]] = []
    last_end = 0
    for (start, end), marks in sorted(groups.items()):
        if start < last_end or end > len(text):
            continue  # overlapping sentence spans: keep the first (offsets stay exact)
        regions.append((start, end, marks))
        last_end = end
    out: list[str] = []
    pos = 0
    for start, end, marks in regions:
        out.append(_inline(text[pos:start], pos, inline))
        events = list(dict.fromkeys(m["event"] for m in marks))
        types = list(dict.fromkeys(m["type"] for m in marks))
        cls = class_of(marks[0]["type"])
        out.append(
            f'<span class="ev cls-{cls}" id="m-{start}-{end}" tabindex="0" '
            f'data-events="{escape(" ".join(events))}" '
            f'title="{escape(", ".join(types))}">'
            + _inline(text[start:end], start, inline)
            + "</span>"
        )
        pos = end
    out.append(_inline(text[pos:], pos, inline))
    return Markup("".join(out))
