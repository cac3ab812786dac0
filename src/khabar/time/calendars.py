"""Thin wrappers over jdatetime (Solar Hijri) and hijridate (Umm al-Qura lunar Hijri).

Every function takes and returns plain ``datetime.date`` values or calendar triples and raises
``ValueError`` for a day that does not exist in its calendar (or lies outside the Umm al-Qura
tables, 1343-1500 AH), so the grammar can drop an impossible reading instead of guessing.
"""

from __future__ import annotations

from datetime import date, timedelta

import jdatetime
from hijridate import Gregorian, Hijri

__all__ = [
    "GREGORIAN",
    "ISLAMIC",
    "PERSIAN",
    "from_gregorian",
    "month_span",
    "month_value",
    "to_gregorian",
    "year_span",
    "year_value",
]

PERSIAN, GREGORIAN, ISLAMIC = "persian", "gregorian", "islamic"


def to_gregorian(calendar: str, year: int, month: int, day: int) -> date:
    """The Gregorian date of a day written in ``calendar``."""
    if calendar == GREGORIAN:
        return date(year, month, day)
    if calendar == PERSIAN:
        return jdatetime.date(year, month, day).togregorian()
    if calendar == ISLAMIC:
        try:
            return Hijri(year, month, day, validate=True).to_gregorian()
        except OverflowError as exc:  # outside the Umm al-Qura tables
            raise ValueError(str(exc)) from exc
    raise ValueError(f"unknown calendar {calendar!r}")


def from_gregorian(calendar: str, day: date) -> tuple[int, int, int]:
    """``(year, month, day)`` of a Gregorian date in ``calendar``."""
    if calendar == GREGORIAN:
        return day.year, day.month, day.day
    if calendar == PERSIAN:
        j = jdatetime.date.fromgregorian(date=day)
        return j.year, j.month, j.day
    if calendar == ISLAMIC:
        try:
            h = Gregorian(day.year, day.month, day.day).to_hijri()
        except OverflowError as exc:
            raise ValueError(str(exc)) from exc
        return h.year, h.month, h.day
    raise ValueError(f"unknown calendar {calendar!r}")


def _month_length(calendar: str, year: int, month: int) -> int:
    for last in (31, 30, 29, 28):
        try:
            to_gregorian(calendar, year, month, last)
            return last
        except ValueError:
            continue
    raise ValueError(f"no month {year}-{month} in {calendar}")


def month_span(calendar: str, year: int, month: int) -> tuple[date, date]:
    """First and last Gregorian day of a month of ``calendar``."""
    first = to_gregorian(calendar, year, month, 1)
    return first, first + timedelta(days=_month_length(calendar, year, month) - 1)


def year_span(calendar: str, year: int) -> tuple[date, date]:
    first = to_gregorian(calendar, year, 1, 1)
    return first, month_span(calendar, year, 12)[1]


def month_value(calendar: str, year: int, month: int) -> str:
    """``YYYY-MM`` of a month: the Gregorian month holding most of it (its middle day).

    A Solar Hijri month runs from about the 21st of one Gregorian month to the 20th of the
    next, so بهمن ۱۳۶۶ (21 Jan - 19 Feb 1988) is ``1988-02``.
    """
    first, last = month_span(calendar, year, month)
    mid = first + (last - first) / 2
    return f"{mid.year:04d}-{mid.month:02d}"


def year_value(calendar: str, year: int) -> str:
    """``YYYY`` of a year: the Gregorian year holding most of it (۱۳۷۰ -> 1991)."""
    if calendar == GREGORIAN:
        return f"{year:04d}"
    first, last = year_span(calendar, year)
    mid = first + (last - first) / 2
    return f"{mid.year:04d}"
