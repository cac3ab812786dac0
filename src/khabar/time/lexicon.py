"""Load the date lexicons (data files in ``khabar/time/data``) and compile them once per language.

``months.tsv`` and ``weekdays.tsv`` are generated from Babel/CLDR, jdatetime and hijridate by
:mod:`khabar.time.gen_lexicon`; ``relative.tsv`` is hand-written.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from khabar.text.lexicon import PhraseMatcher

__all__ = ["Lexicons", "MonthEntry", "RelEntry", "lexicons"]

# Arabic proclitics (و "and", ف "so", ب "in") glued to a weekday or relative word: والأربعاء
_AR_PREFIX = r"(?:و|ف|ب)"


@dataclass(frozen=True, slots=True)
class MonthEntry:
    calendar: str
    month: int
    strict: bool
    latin: bool


@dataclass(frozen=True, slots=True)
class RelEntry:
    unit: str  # day | week | month | year | none
    offset: int
    calendar: str


def _rows(name: str) -> list[list[str]]:
    text = resources.files("khabar.time").joinpath(f"data/{name}").read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@dataclass(frozen=True, slots=True)
class Lexicons:
    months: PhraseMatcher[MonthEntry]
    weekdays: PhraseMatcher[int]
    relative: PhraseMatcher[RelEntry]


def _wanted(langs: str, want: frozenset[str]) -> bool:
    return bool(set(langs.split(",")) & want)


@lru_cache(maxsize=8)
def lexicons(langs: frozenset[str]) -> Lexicons:
    """Compiled matchers for documents in ``langs`` (English entries are always included)."""
    want = langs | {"en"}
    months = [
        (phrase, MonthEntry(cal, int(num), strict == "1", phrase.isascii()))
        for phrase, cal, num, lg, strict, _src in _rows("months.tsv")
        if _wanted(lg, want)
    ]
    days = [(phrase, int(num)) for phrase, num, lg, _src in _rows("weekdays.tsv") if _wanted(lg, want)]
    rel = [
        (phrase, RelEntry(unit, int(off), cal))
        for phrase, unit, off, lg, cal in _rows("relative.tsv")
        if _wanted(lg, want)
    ]
    prefix = _AR_PREFIX if "ar" in langs else None
    # تیرماه, مهر ماه: Persian glues or spaces "ماه" (month) onto the name
    suffix = r" ?ماه" if "fa" in langs else None
    return Lexicons(
        months=PhraseMatcher(months, suffix=suffix),
        weekdays=PhraseMatcher(days, prefix=prefix),
        relative=PhraseMatcher(rel, prefix=prefix),
    )
