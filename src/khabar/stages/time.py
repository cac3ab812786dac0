"""The ``time`` stage: date expressions, dated entries and the publication date.

The engine lives in :mod:`khabar.time`; this module only registers it. Layers written:
``dates`` (value: value, calendar, anchor, resolution, date_end for ranges) and ``entries``
(a dated heading and the text it dates; value: {"value": ISO}); ``doc.published`` is filled in
when the text states it, with ``meta["published_source"]``.
"""

from __future__ import annotations

from khabar.document import Document
from khabar.pipeline import StageFn, register
from khabar.settings import Settings
from khabar.time import apply

__all__ = ["make_time"]


@register("time", requires=("sentences",), assigns=("dates", "entries", "published"))
def make_time(settings: Settings) -> StageFn:
    def run(doc: Document) -> Document:
        return apply(doc)

    return run
