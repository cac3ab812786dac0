"""Publication dates of input records, as ISO strings (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``).

:func:`parse_published` reads, after folding Persian and Arabic-Indic digits to ASCII:

- ISO 8601 dates and datetimes (``2021-11-01``, ``2021-11-01T23:56:00+03:30``, ``2021-11``,
  ``2021``); the date is the one written, not converted to UTC (a story dated 23:56 Tehran time
  belongs to that Tehran day);
- RFC 2822 (``Mon, 01 Nov 2021 20:26:00 GMT``), same rule;
- numeric dates ``Y/M/D``, ``Y-M-D``, ``Y.M.D`` and ``D/M/Y`` with an optional time after them.
  A year below 1700 is Solar Hijri (Jalali) and converted with jdatetime: ``1400/08/10`` and
  ``۱۴۰۰-۰۸-۱۰`` are 2021-11-01. ``D/M/Y`` is read only when it is unambiguous (day > 12,
  day == month, or a Jalali year: Persian never writes the month first); ``03/04/2021`` could
  be March or April and gives ``None``;
- English named-month dates as feeds write them: ``01 Nov 2021``, ``November 1, 2021``.

Anything else (Persian and Arabic named months such as ``۱۰ آبان ۱۴۰۰``, ``21 سبتمبر 2023``) goes to the
parsers registered with :func:`register_published_parser`, in order; the time stage registers
its named-month reader there, so that records and scrapes share one date grammar. With none
registered, such strings give ``None`` (the raw string is kept by the reader).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from email.utils import parsedate

import jdatetime

__all__ = ["parse_published", "register_published_parser"]

_DIGITS = str.maketrans(
    {**{chr(0x06F0 + i): str(i) for i in range(10)}, **{chr(0x0660 + i): str(i) for i in range(10)}}
)
_JALALI_BEFORE = 1700  # numeric years below this are Solar Hijri

_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?")
_YMD = re.compile(r"(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:(?:\s|[T,،\-–]).*)?")
_DMY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?:(?:\s|[T,،\-–]).*)?")

# English named-month dates as feeds write them (the C locale's month names are English)
_ENGLISH_FORMATS = ("%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y")

_PARSERS: list[Callable[[str], str | None]] = []


def register_published_parser(parser: Callable[[str], str | None]) -> None:
    """Add a fallback parser (a string in, an ISO date or ``None`` out); idempotent."""
    if parser not in _PARSERS:
        _PARSERS.append(parser)


def _ymd(year: int, month: int, day: int) -> str | None:
    """ISO date of a numeric year/month/day, Jalali when the year is below 1700."""
    try:
        if year < _JALALI_BEFORE:
            return jdatetime.date(year, month, day).togregorian().isoformat()
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _iso(m: re.Match[str]) -> str | None:
    year, month, day = m.group(1), m.group(2), m.group(3)
    y = int(year)
    if day is not None:
        return _ymd(y, int(month), int(day))
    if y < _JALALI_BEFORE:
        return None  # a Jalali year or month alone has no single Gregorian equivalent
    if month is not None:
        return f"{y:04d}-{int(month):02d}" if 1 <= int(month) <= 12 else None
    return f"{y:04d}"


def parse_published(s: str) -> str | None:
    """An ISO date for a publication date string, or ``None`` when it cannot be read."""
    text = " ".join(s.translate(_DIGITS).split())
    if not text:
        return None
    m = _ISO.fullmatch(text)
    if m:
        return _iso(m)
    parts = parsedate(text) if re.search(r"[A-Za-z]{3}", text) else None
    if parts is not None and parts[0] > 0:
        return _ymd(parts[0], parts[1], parts[2])
    for fmt in _ENGLISH_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    m = _YMD.fullmatch(text)
    if m:
        return _ymd(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DMY.fullmatch(text)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if month > 12 >= day:  # written month/day/year
            day, month = month, day
        elif day <= 12 and day != month and year >= _JALALI_BEFORE:
            return None  # ambiguous (Jalali dates are never written month first)
        return _ymd(year, month, day)
    for parser in _PARSERS:
        result = parser(s)
        if result:
            return result
    return _named_month(s)


def _named_month(s: str) -> str | None:
    """Named-month dates in any of the three calendars, read by the time stage's grammar
    ("۱۰ آبان ۱۴۰۰", "الأحد 12 سبتمبر 2021"); imported here, on first use, so reading plain
    files never loads the date lexicons. Only explicit dates count: nothing relative."""
    from khabar.time import parse_date_text

    found = parse_date_text(s)
    if found is None or found.resolution != "explicit":
        return None
    return found.value
