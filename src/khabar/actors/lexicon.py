"""One compiled actor lexicon per language, built from the knowledge base.

Every name form of every KB entry (person, state name/adjective/people/capital/seat,
organisation, office title, sector word) and the cue words of ``lang/<lang>/actor_cues.json``
(titles, pronouns, first-person words) go into a single :class:`PhraseMatcher`, so a document is
scanned once. Entries from all three languages go into each matcher (a Persian article quotes
Arabic names, an Arabic one Latin acronyms); what differs per language are the clitics: Arabic
glues و ف ب ل ك and the article ال to a name, Persian adds plural and ezafe endings.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from khabar.text.lexicon import PhraseMatcher

__all__ = ["Cues", "Entry", "actor_matcher", "cues"]

# Clitic patterns come from the knowledge base (khabar.kb.CLITICS), one per language.


@dataclass(frozen=True, slots=True)
class Entry:
    """What a lexicon hit refers to."""

    kind: str  # person, state, org, office, sector, title, pronoun, first_person, counterpart
    ref: str  # KB id, ISO alpha-3 code, office id, sector id, or the cue word
    form: str = ""  # for states: name, adjective, people, capital, seat


@dataclass(frozen=True)
class Cues:
    titles: frozenset[str]
    stop_words: frozenset[str]
    author_intro: tuple[str, ...]
    ambassador_to: tuple[str, ...]
    counterpart_self: tuple[str, ...]


def _cue_data(lang: str) -> dict[str, Any]:
    name = lang if lang in ("fa", "ar", "en") else "en"
    text = resources.files("khabar").joinpath(f"lang/{name}/actor_cues.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@lru_cache(maxsize=8)
def cues(lang: str) -> Cues:
    from khabar.text.normalize import fold

    data = _cue_data(lang)
    return Cues(
        titles=frozenset(fold(w) for w in data["titles"]),
        stop_words=frozenset(fold(w) for w in data["stop_words"]),
        author_intro=tuple(fold(w) for w in data["author_intro"]),
        ambassador_to=tuple(fold(w) for w in data["ambassador_to"]),
        counterpart_self=tuple(fold(w) for w in data["counterpart_self"]),
    )


_KINDS = {"state": "state", "org": "org", "office": "office", "sector": "sector",
          "person": "person"}


def _entries(kb: Any, lang: str) -> Iterator[tuple[str, Entry]]:
    from khabar.kb import GROUPS

    # Every language's forms go into every matcher: a Persian article may quote an Arabic
    # spelling, an Arabic one a Latin acronym.
    for group in GROUPS:
        for name_lang in ("fa", "ar", "en"):
            for phrase, e in kb.entries(group, name_lang):
                kind = _KINDS[e.kind]
                if kind == "office" and e.id == "counterpart":
                    kind = "counterpart"
                yield phrase, Entry(kind, e.id, getattr(e, "field", "") or "")
    data = _cue_data(lang)
    for word in data["titles"]:
        yield word, Entry("title", word)
    for word in data["pronouns"]:
        yield word, Entry("pronoun", word)
    for word in data["first_person"] + data["first_person_plural"]:
        yield word, Entry("first_person", word)


@lru_cache(maxsize=8)
def actor_matcher(lang: str) -> PhraseMatcher[Entry]:
    """The compiled actor lexicon for documents in ``lang``."""
    from khabar.kb import CLITICS, load_kb

    prefix, suffix = CLITICS.get(lang, (None, None))
    return PhraseMatcher(_entries(load_kb(), lang), prefix=prefix, suffix=suffix)
