"""Run the grammar and the resolution rules over a document: anchors, entries, date spans.

Order of work for one document:
1. recognise every candidate in the normalised text (:func:`find_candidates`);
2. find the publication date: ``doc.published`` from a reader, else a boilerplate ``meta`` line,
   else a labelled line of the text (تاریخ انتشار:, نشر في, Published:), else a newspaper
   issue line (شماره 4758 - ۱۳۹۹ شنبه ۱۲ مهر). A date with no such cue (a site's banner with
   today's date) is never taken for the publication date;
3. find dated entries: two or more lines that begin with a full explicit date followed by ":"
   or a dash (a diary, a chronology, a live blog); each dates the text up to the next heading;
4. resolve each candidate against its anchor (its entry, else the publication date).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from khabar.document import Document, Span
from khabar.text.normalize import normalize
from khabar.time.calendars import GREGORIAN
from khabar.time.grammar import Candidate, find_candidates
from khabar.time.resolve import Anchor, DateValue, resolve

__all__ = ["Analysis", "analyse", "date_for", "detect_langs", "parse_date_text"]

_PERSIAN_LETTERS = re.compile("[پچژگ]")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff]")
_PUB_LABEL = re.compile(
    r"(?:تاریخ انتشار|زمان انتشار|تاریخ خبر|تاریخ|منتشر شده در|انتشار|نشر فی|نشر بتاریخ|تاریخ النشر"
    r"|تاریخ الخبر|published(?: on)?|posted(?: on)?|date)\s*[:：]?\s*$"
)
_ISSUE_LINE = re.compile(r"شماره\s*[0-9]+\s*[-–]?[\s•\-*]*$")
_HEADING_PREFIX = re.compile(r"(?:^|\n)[ \t\u200f\u200e•*\-]*$")
_HEADING_AFTER = re.compile(r"\s*[:：\-–]")


@dataclass(slots=True)
class Found:
    start: int  # raw offsets
    end: int
    value: DateValue
    rule: str


@dataclass(slots=True)
class Analysis:
    dates: list[Found] = field(default_factory=list)
    entries: list[tuple[int, int, str]] = field(default_factory=list)  # raw start, end, ISO
    published: str | None = None
    published_source: str | None = None


def detect_langs(doc: Document) -> frozenset[str]:
    """Languages whose lexicons apply: the document's, else a guess from its letters."""
    if doc.lang in ("fa", "ar"):
        return frozenset({doc.lang})
    if doc.lang == "en":
        return frozenset({"en"})
    text = doc.norm.text
    if _PERSIAN_LETTERS.search(text):
        return frozenset({"fa"})
    if _ARABIC_SCRIPT.search(text):
        return frozenset({"ar"}) if len(text) > 400 else frozenset({"fa", "ar"})
    return frozenset({"en"})


def _iso_day(value: str | None) -> date | None:
    if value and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _is_full(c: Candidate) -> bool:
    return c.kind == "date" and c.year is not None and c.until is None


def _raw_span(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Raw offsets of a normalised span, taking in characters the folding deleted at its end
    (the hamza of الأربعاء, a final diacritic)."""
    rs, re_ = doc.norm.to_raw(start, end)
    text = doc.text
    while re_ < len(text) and text[re_] in _DELETED_AT_END:
        re_ += 1
    return rs, re_


_DELETED_AT_END = frozenset(
    [chr(c) for c in range(0x064B, 0x0660)] + ["\u0621", "\u0670", "\u0640"]
)


def _find_published(
    doc: Document, text: str, cands: list[Candidate], meta_ranges: list[tuple[int, int]]
) -> tuple[str | None, str | None]:
    for c in cands:
        if _is_full(c) and any(a <= c.start and c.end <= b for a, b in meta_ranges):
            v = resolve(c, None, None)
            if v and v.value:
                return v.value, "boilerplate:meta"
    for c in cands:
        if not _is_full(c):
            continue
        line_start = text.rfind("\n", 0, c.start) + 1
        if _PUB_LABEL.search(text[max(line_start, c.start - 40) : c.start]):
            v = resolve(c, None, None)
            if v and v.value:
                return v.value, "text:label"
    for c in cands:
        if _is_full(c) and _ISSUE_LINE.search(text[max(0, c.start - 40) : c.start]):
            v = resolve(c, None, None)
            if v and v.value:
                return v.value, "text:issue_line"
    # "اليوم الجمعة" (today, Friday) with a dated Friday in the text ("الجمعة 22 سبتمبر"):
    # the latest such date is the day the piece was written
    today_weekdays = {
        c.weekday for c in cands if c.kind == "rel" and c.unit == "day" and c.offset == 0
        and c.weekday is not None
    }
    if today_weekdays:
        days = []
        for c in cands:
            if c.kind == "date" and c.until is None:
                v = resolve(c, None, None)
                if v and v.value and date.fromisoformat(v.value).weekday() in today_weekdays:
                    days.append(v.value)
        if days:
            return max(days), "text:today_weekday"
    return None, None


def _paragraph_ends(text: str) -> list[int]:
    return [m.start() for m in _NEWLINE.finditer(text)]


_NEWLINE = re.compile("\n")


def _gregorian_year(c: Candidate) -> int | None:
    v = resolve(c, None, None)
    return int(v.value[:4]) if v is not None and v.value else None


def _find_entries(
    text: str, cands: list[Candidate], cut_points: list[int]
) -> list[tuple[int, int, Candidate, date]]:
    heads: list[tuple[Candidate, date]] = []
    for c in cands:
        if not _is_full(c):
            continue
        if not _HEADING_PREFIX.search(text[max(0, c.start - 12) : c.start]) and c.start != 0:
            continue
        if not _HEADING_AFTER.match(text, c.end):
            continue
        v = resolve(c, None, None)
        if v and v.value:
            heads.append((c, date.fromisoformat(v.value)))
    if len(heads) < 2:
        return []
    out = []
    for i, (c, d) in enumerate(heads):
        if i + 1 < len(heads):
            end = heads[i + 1][0].start
        else:
            # the last entry runs on over paragraphs until one that is about another time
            # (it holds an explicit date of another year): the closing text of the piece
            end = text.find("\n", c.end)
            end = len(text) if end < 0 else end
            while end < len(text):
                nxt = text.find("\n", end + 1)
                nxt = len(text) if nxt < 0 else nxt
                other = [
                    k for k in cands if end <= k.start < nxt and k.year is not None
                    and k.kind in ("date", "month", "year")
                ]
                if any(y is not None and y != d.year for y in map(_gregorian_year, other)):
                    break
                end = nxt
        for cut in cut_points:
            if c.end <= cut < end:
                end = cut
        while end > c.start and text[end - 1] in " \n\t":
            end -= 1
        out.append((c.start, end, c, d))
    return out


def analyse(doc: Document, today: date | None = None) -> Analysis:
    """Dates, entries and publication date of ``doc`` (nothing is written to it)."""
    norm = doc.norm
    text = norm.text
    langs = detect_langs(doc)
    cands = find_candidates(text, langs)

    meta_ranges: list[tuple[int, int]] = []
    skip_ranges: list[tuple[int, int]] = []
    for s in doc.spans("boilerplate"):
        rng = (norm.from_raw(s.start), norm.from_raw(s.end))
        (meta_ranges if s.value.get("kind") == "meta" else skip_ranges).append(rng)

    out = Analysis()
    published = doc.published
    if published:
        out.published, out.published_source = published, doc.meta.get("published_source",
                                                                       "metadata")
    else:
        out.published, out.published_source = _find_published(doc, text, cands, meta_ranges)
    pub_day = _iso_day(out.published)
    pub_anchor = Anchor(pub_day, f"published:{out.published}") if pub_day else None

    entries = _find_entries(text, cands, sorted(a for a, _ in skip_ranges))
    entry_starts = [e[0] for e in entries]
    for e_start, e_end, _c, e_day in entries:
        rs, re_ = _raw_span(doc, e_start, e_end)
        out.entries.append((rs, re_, e_day.isoformat()))

    newlines = _paragraph_ends(text)
    last_year: dict[tuple[int, str], int] = {}
    heading_ids = {id(c) for _s, _e, c, _d in entries}
    last_day: date | None = None  # the last full date written, for «یک روز بعد»
    last_partial: date | None = None  # or a day of no known year written after it (year 2000)
    for c in cands:
        if any(a <= c.start and c.end <= b for a, b in skip_ranges):
            continue
        para = bisect_right(newlines, c.start)
        anchor = pub_anchor
        if entries and id(c) not in heading_ids:
            k = bisect_right(entry_starts, c.start) - 1
            if k >= 0 and c.start < entries[k][1]:
                anchor = Anchor(entries[k][3], f"entry:{entries[k][3].isoformat()}")
        if c.unit == "later_day":
            # «یک روز بعد», "the next day": after the last day written before it; after a day
            # of no known year («۱۹ سپتامبر ... یک روز بعد»), a day of no known year too
            anchor = Anchor(last_day, f"after:{last_day.isoformat()}") if last_day else None
            if last_partial is not None:
                later = last_partial + timedelta(days=c.offset)
                rs, re_ = _raw_span(doc, c.start, c.end)
                out.dates.append(Found(rs, re_, DateValue(
                    None, GREGORIAN, "unresolved", partial=later.strftime("--%m-%d")), c.rule))
                last_partial = later
                continue
        v = resolve(c, anchor, last_year.get((para, c.calendar)), today)
        if v is None:
            continue
        if (v.value is None and c.kind == "date" and c.calendar == GREGORIAN
                and c.month and c.day and c.year is None):
            try:
                last_partial = date(2000, c.month, c.day)  # a leap year: 29 February exists
            except ValueError:
                last_partial = None
            else:
                v = replace(v, partial=last_partial.strftime("--%m-%d"))
        day = _iso_day(v.value) if v.value and len(v.value) == 10 else None
        if day is not None and id(c) not in heading_ids:
            last_day, last_partial = day, None
        if c.year is not None and c.kind in ("date", "month", "year"):
            last_year[(para, c.calendar)] = c.year2 or c.year if c.until is None else (
                c.until.year or c.year
            )
        rs, re_ = _raw_span(doc, c.start, c.end)
        out.dates.append(Found(rs, re_, v, c.rule))
    return out


def parse_date_text(s: str, anchor: date | None = None) -> DateValue | None:
    """The date written in a short string (a reader's ``published`` field), or ``None``.

    "۱۰ آبان ۱۴۰۰" -> 2021-11-01; "الأحد 12 سبتمبر 2021" -> 2021-09-12.
    """
    norm = normalize(s)
    langs = frozenset({"fa"}) if _PERSIAN_LETTERS.search(norm.text) else frozenset({"fa", "ar"})
    cands = find_candidates(norm.text, langs)
    if not cands:
        return None
    best = max(cands, key=lambda c: (c.end - c.start, c.kind == "date"))
    a = Anchor(anchor, f"published:{anchor.isoformat()}") if anchor else None
    v = resolve(best, a, None)
    if v is None or v.value is None:
        return None
    return v


def date_for(doc: Document, start: int, end: int) -> dict[str, str] | None:
    """The date context of ``[start, end)`` (a sentence): its dated entry, else publication.

    Returns ``{"value": ISO, "source": "entry" | "published"}`` or ``None``.
    """
    for s in doc.spans("entries"):
        if s.start <= start < s.end:
            return {"value": s.value["value"], "source": "entry"}
    if doc.published:
        return {"value": doc.published, "source": "published"}
    return None


def apply(doc: Document, today: date | None = None) -> Document:
    """Write the analysis into ``doc``: layers ``dates`` and ``entries``, ``published``."""
    a = analyse(doc, today)
    doc.set_layer("dates", [Span(f.start, f.end, "date", f.value.to_dict(), f.rule)
                            for f in a.dates])
    doc.set_layer("entries", [Span(s, e, "entry", {"value": v}, "time:entry")
                              for s, e, v in a.entries])
    if not doc.published and a.published:
        doc.published = a.published
        doc.meta["published_source"] = a.published_source
    return doc
