"""Time-aware lookups in the knowledge base: who held an office over a date range.

An office phrase resolves to a person only when the date of its sentence is known and exactly
one person held that office over the whole uncertainty of that date (a sentence dated only
``1993`` does not decide between the two Azerbaijani presidents of that year).
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from datetime import date
from typing import Any

__all__ = ["HolderIndex", "date_range"]

def _parse(value: str | None, *, end: bool) -> date | None:
    """An ISO date of any precision as the first (or last) day it may mean."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")[:3]]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else (12 if end else 1)
    if len(parts) > 2:
        day = parts[2]
    elif end:
        day = calendar.monthrange(year, month)[1]
    else:
        day = 1
    return date(year, month, day)


def date_range(value: str | None) -> tuple[date, date] | None:
    """The days an ISO value of any precision may mean: ``"1993"`` -> 1993-01-01..1993-12-31."""
    lo, hi = _parse(value, end=False), _parse(value, end=True)
    if lo is None or hi is None:
        return None
    return lo, hi


class HolderIndex:
    """Office holders by (office, country), for date-range queries."""

    def __init__(
        self, people: list[dict[str, Any]], offices: list[dict[str, Any]] | None = None
    ) -> None:
        # Offices that imply another ("president" implies "head_of_state"), grouped by
        # precedence, so a query for the broader office tries the narrower ones in KB order.
        implying: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
        for office in offices or []:
            for broader in office.get("implies") or []:
                implying[broader][office.get("precedence") or 0].append(office["id"])
        self._implying = {
            broader: [ranks[r] for r in sorted(ranks)] for broader, ranks in implying.items()
        }
        self._offices_of: dict[str, Counter[str]] = defaultdict(Counter)
        self._by: dict[tuple[str, str | None, str | None],
                       list[tuple[date, date, dict[str, Any]]]] = defaultdict(list)
        for person in people:
            for office in person.get("offices") or []:
                start = _parse(office.get("start"), end=False) or date(1900, 1, 1)
                stop = _parse(office.get("end"), end=True) or date(9999, 12, 31)
                key = (office["office"], office.get("country"), office.get("org"))
                self._by[key].append((start, stop, person))
                if office.get("org"):
                    self._offices_of[office["org"]][office["office"]] += 1

    def holders(self, office: str, country: str | None, when: str | None,
                org: str | None = None) -> list[dict[str, Any]]:
        """People who held ``office`` of ``country`` (or of the organisation ``org``: the UN
        secretary-general) throughout the range of ``when``.

        Returns every holder whose term covers the whole range; an empty list when the date is
        unknown or the office changed hands within the range.
        """
        span = date_range(when)
        if span is None:
            return []
        lo, hi = span
        for names in [[office], *self._implying.get(office, [])]:
            found: dict[str, dict[str, Any]] = {}
            overlapping: set[str] = set()
            for name in names:
                for start, stop, person in self._by.get((name, country, org), ()):
                    if start <= hi and lo <= stop:
                        overlapping.add(person["id"])
                        if start <= lo and hi <= stop:
                            found[person["id"]] = person
            if len(overlapping) > 1:
                return []  # the office changed hands within the range: undecided
            if overlapping:
                return list(found.values())
        return []

    def org_office(self, org: str) -> str | None:
        """The office an organisation's head holds, as the KB's holders show it (the UN's
        secretary-general, the European Commission's president): what «رئيس», "chief" or
        "head" next to its name means."""
        offices = self._offices_of.get(org)
        return offices.most_common(1)[0][0] if offices else None
