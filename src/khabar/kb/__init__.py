"""The actor knowledge base: states, organisations, offices, sectors and people (docs/KB.md).

Sources live in ``sources/*.jsonl``; ``python -m khabar.kb.build`` merges them with CLDR names into
``built/kb.json``, which :func:`load_kb` reads.
"""

from khabar.kb.loader import (
    CLITICS,
    GROUPS,
    KB,
    Entry,
    KBError,
    Office,
    Org,
    Person,
    Sector,
    State,
    Tenure,
    load_kb,
)

__all__ = [
    "CLITICS",
    "GROUPS",
    "KB",
    "Entry",
    "KBError",
    "Office",
    "Org",
    "Person",
    "Sector",
    "State",
    "Tenure",
    "load_kb",
]
