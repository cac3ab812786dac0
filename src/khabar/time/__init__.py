"""Dates in Persian, Arabic and English text, normalised to Gregorian ISO values.

- :mod:`khabar.time.grammar`: recognition (hand-written grammar over generated lexicons)
- :mod:`khabar.time.resolve`: resolution rules (anchors, partial dates, relative words)
- :mod:`khabar.time.calendars`: thin wrappers over jdatetime and hijridate
- :mod:`khabar.time.engine`: publication date, dated entries, and the per-document run
"""

from khabar.time.engine import Analysis, analyse, apply, date_for, parse_date_text
from khabar.time.resolve import DateValue

__all__ = ["Analysis", "DateValue", "analyse", "apply", "date_for", "parse_date_text"]
