"""Resolution rules: turn a recognised :class:`Candidate` into a Gregorian ISO value.

Rules (hand-written; they are the project's annotation policy, see ../shared/docs/EVENTS.md §4):
- explicit day, month and year: converted from its calendar (jdatetime, hijridate);
- a month and year: the Gregorian month holding most of it (بهمن ۱۳۶۶ -> 1988-02); a year: the
  Gregorian year holding most of it (۱۳۸۹ -> 2010); ranges keep their end in ``date_end``;
- a day and month without a year ("partial"): the year of the nearest preceding explicit year of
  the same calendar in the same paragraph, else the latest such day on or before the anchor
  (the next one when its sentence is in the future tense: ستقام يوم 26 مايو, or says المقبل,
  or when the next one is at most two weeks after the anchor);
  with a weekday (الثلاثاء 19 سبتمبر) the latest year, not after the anchor (or today), in which
  that day falls on that weekday;
- relative words (امروز, أمس, last year, سه روز پیش) and lone weekdays (the latest such day on or
  before the anchor, unless "last"/"next" says otherwise) count from the anchor: the dated entry
  the expression sits in, else the publication date; with no anchor the value is ``None``;
- Persian month and year offsets (ماه گذشته, سال گذشته) count Solar Hijri months and years.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from khabar.time.calendars import (
    GREGORIAN,
    ISLAMIC,
    PERSIAN,
    from_gregorian,
    month_span,
    month_value,
    to_gregorian,
    year_span,
    year_value,
)
from khabar.time.grammar import Candidate

__all__ = ["Anchor", "DateValue", "resolve"]


@dataclass(frozen=True, slots=True)
class DateValue:
    """A resolved date: ISO value with its precision in its length."""

    value: str | None
    calendar: str
    resolution: str  # explicit | partial | relative | unresolved
    anchor: str | None = None
    date_end: str | None = None
    # a Gregorian day whose year nothing fixes («۱۹ سپتامبر» in an undated article): ISO 8601
    # "--MM-DD"; ``value`` stays None (EVENTS.md: no year, no date) but merging can compare it
    partial: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "value": self.value, "calendar": self.calendar, "anchor": self.anchor,
            "resolution": self.resolution,
        }
        if self.date_end is not None:
            out["date_end"] = self.date_end
        if self.partial is not None:
            out["partial"] = self.partial
        return out


@dataclass(frozen=True, slots=True)
class Anchor:
    day: date
    label: str  # "published:2021-11-01", "entry:1992-02-10"


def _iso(d: date) -> str:
    return d.isoformat()


def _month_iso(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _unresolved(c: Candidate) -> DateValue:
    return DateValue(None, c.calendar, "unresolved")


def _lunar_year_in_solar(solar_year: int, month: int) -> int:
    """The lunar Hijri year whose ``month`` first begins inside Solar Hijri ``solar_year``."""
    first, last = year_span(PERSIAN, solar_year)
    for hy in range(solar_year + 40, solar_year + 45):
        start = month_span(ISLAMIC, hy, month)[0]
        if first <= start <= last:
            return hy
    raise ValueError(f"no lunar month {month} in solar year {solar_year}")


def _explicit(c: Candidate, passage_year: int | None) -> DateValue | None:
    """Value of a candidate that carries its own year (or inherits the passage year)."""
    cal = c.calendar
    y = c.year
    res, anchor = "explicit", None
    if y is None:
        if passage_year is None:
            return None
        y, res, anchor = passage_year, "partial", f"year:{year_value(cal, passage_year)}"
    try:
        if c.solar_year and c.month is not None:
            y = _lunar_year_in_solar(y, c.month)
        if c.kind == "date":
            assert c.month is not None and c.day is not None
            d = to_gregorian(cal, y, c.month, c.day)
            return DateValue(_iso(d), cal, res, anchor)
        if c.kind == "month":
            assert c.month is not None
            end = None
            if c.month2 is not None:
                end = month_value(cal, c.year2 or y, c.month2)
            return DateValue(month_value(cal, y, c.month), cal, res, anchor, end)
        if c.kind == "year":
            end = year_value(cal, c.year2) if c.year2 is not None else None
            return DateValue(year_value(cal, y), cal, res, anchor, end)
    except ValueError:
        return None
    return None


# A day and month without a year that falls within this many days after the anchor is the coming
# one: news announces next week's events far more often than it recalls the same day last year.
_SOON_DAYS = 14


def _partial_day(c: Candidate, anchor: Anchor | None, passage_year: int | None,
                 today: date) -> DateValue | None:
    cal = c.calendar
    assert c.month is not None and c.day is not None
    if c.weekday is not None and c.rel_year is None:
        if anchor is not None:
            # جمعه ۱۵ دی‌ماه: in news, first the anchor's own year, before or after it
            try:
                y = from_gregorian(cal, anchor.day)[0]
                d = to_gregorian(cal, y, c.month, c.day)
                if d.weekday() == c.weekday:
                    return DateValue(_iso(d), cal, "partial", anchor.label)
            except ValueError:
                pass
        if passage_year is not None:
            try:
                d = to_gregorian(cal, passage_year, c.month, c.day)
                if d.weekday() == c.weekday:
                    return DateValue(_iso(d), cal, "partial", f"year:{year_value(cal, passage_year)}")
            except ValueError:
                pass
        ceiling = anchor.day if anchor else today
        y0 = from_gregorian(cal, ceiling)[0]
        for y in range(y0, y0 - 40, -1):
            try:
                d = to_gregorian(cal, y, c.month, c.day)
            except ValueError:
                continue
            if d <= ceiling and d.weekday() == c.weekday:
                return DateValue(_iso(d), cal, "partial", anchor.label if anchor else "weekday")
        return None
    if c.rel_year is None and passage_year is not None:
        return _explicit(c, passage_year)
    if c.rel_year is not None:
        if anchor is None:
            return _unresolved(c)
        y = from_gregorian(cal, anchor.day)[0] + c.rel_year
        try:
            return DateValue(_iso(to_gregorian(cal, y, c.month, c.day)), cal, "relative",
                             anchor.label)
        except ValueError:
            return None
    if anchor is None:
        return _unresolved(c)
    ay, am, ad = from_gregorian(cal, anchor.day)
    y_next = ay if (c.month, c.day) >= (am, ad) else ay + 1
    try:
        soon = (to_gregorian(cal, y_next, c.month, c.day) - anchor.day).days <= _SOON_DAYS
    except ValueError:
        soon = False
    if c.direction > 0 or c.future or (soon and c.direction == 0):
        # "ستقام يوم 26 مايو", or a day in the next two weeks: the next such day
        y = y_next
    elif c.direction < 0:
        y = ay if (c.month, c.day) < (am, ad) else ay - 1
    else:
        y = ay if (c.month, c.day) <= (am, ad) else ay - 1
    try:
        return DateValue(_iso(to_gregorian(cal, y, c.month, c.day)), cal, "partial", anchor.label)
    except ValueError:
        return None


def _partial_month(c: Candidate, anchor: Anchor | None, passage_year: int | None) -> DateValue | None:
    cal = c.calendar
    assert c.month is not None
    if passage_year is not None and c.rel_year is None and not c.direction:
        return _explicit(c, passage_year)
    if anchor is None:
        return _unresolved(c)
    ay, am, _ = from_gregorian(cal, anchor.day)
    if c.rel_year is not None:
        y = ay + c.rel_year
        res = "relative"
    elif c.direction < 0:
        y = ay if c.month < am else ay - 1
        res = "relative"
    elif c.direction > 0:
        y = ay if c.month > am else ay + 1
        res = "relative"
    elif c.future:
        y = ay if c.month >= am else ay + 1
        res = "partial"
    else:
        y = ay if c.month <= am else ay - 1
        res = "partial"
    try:
        return DateValue(month_value(cal, y, c.month), cal, res, anchor.label)
    except ValueError:
        return None


def _relative(c: Candidate, anchor: Anchor | None) -> DateValue | None:
    if anchor is None:
        return DateValue(None, c.calendar, "unresolved")
    a = anchor.day
    unit, k = c.unit, c.offset
    cal = c.calendar
    if c.kind == "weekday":
        assert c.weekday is not None
        if c.direction > 0 or (c.future and c.direction == 0):  # ... برگزار می‌شود: next one
            delta = (c.weekday - a.weekday()) % 7 if c.future else (c.weekday - a.weekday()) % 7 or 7
            d = a + timedelta(days=delta)
        else:
            delta = (a.weekday() - c.weekday) % 7
            if c.direction < 0 and delta == 0:
                delta = 7
            d = a - timedelta(days=delta)
        return DateValue(_iso(d), GREGORIAN, "relative", anchor.label)
    if unit in ("day", "later_day"):
        return DateValue(_iso(a + timedelta(days=k)), GREGORIAN, "relative", anchor.label)
    if unit == "week":
        if c.kind == "ago":
            d = a + timedelta(days=7 * k)
            return DateValue(_month_iso(d.year, d.month), GREGORIAN, "relative", anchor.label)
        first_day = 5 if cal == PERSIAN else 0  # the Persian week starts on Saturday
        monday = a - timedelta(days=(a.weekday() - first_day) % 7) + timedelta(days=7 * k)
        sunday = monday + timedelta(days=6)
        end = None if (monday.year, monday.month) == (sunday.year, sunday.month) else \
            _month_iso(sunday.year, sunday.month)
        return DateValue(_month_iso(monday.year, monday.month), GREGORIAN, "relative",
                         anchor.label, end)
    if unit == "month":
        if cal == PERSIAN:
            jy, jm, _ = from_gregorian(PERSIAN, a)
            y, m = _shift_month(jy, jm, k)
            return DateValue(month_value(PERSIAN, y, m), PERSIAN, "relative", anchor.label)
        y, m = _shift_month(a.year, a.month, k)
        return DateValue(_month_iso(y, m), GREGORIAN, "relative", anchor.label)
    if unit == "year":
        if cal == PERSIAN:
            jy = from_gregorian(PERSIAN, a)[0]
            return DateValue(year_value(PERSIAN, jy + k), PERSIAN, "relative", anchor.label)
        return DateValue(f"{a.year + k:04d}", GREGORIAN, "relative", anchor.label)
    return None


def resolve(c: Candidate, anchor: Anchor | None, passage_year: int | None,
            today: date | None = None) -> DateValue | None:
    """The value of one candidate, or ``None`` if it names a day that does not exist."""
    today = today or date.today()
    if c.kind in ("rel", "ago", "weekday"):
        return _relative(c, anchor)
    if c.year is not None:
        v = _explicit(c, None)
    elif c.kind == "date":
        v = _partial_day(c, anchor, passage_year, today)
    elif c.kind == "month":
        v = _partial_month(c, anchor, passage_year)
    else:
        v = None
    if v is not None and v.value is not None and c.until is not None:
        until_year = None
        if c.until.year is None and len(v.value) == 10:
            # از ۲۸ بهمن تا ۶ اسفند: the end takes the start's year (or the next one)
            until_year = from_gregorian(c.calendar, date.fromisoformat(v.value))[0]
            probe = _explicit(c.until, until_year)
            if probe is not None and probe.value is not None and probe.value < v.value:
                until_year += 1
        end = resolve(c.until, anchor, until_year, today) if until_year is None else _explicit(
            c.until, until_year)
        if end is not None and end.value is not None:
            lo, hi = sorted((v.value, end.value))
            v = DateValue(lo, v.calendar, v.resolution, v.anchor, hi)
    return v
