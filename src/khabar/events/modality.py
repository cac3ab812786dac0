"""Modality of a trigger: asserted, negated, future, conditional, question or hypothetical.

Cues are data (``src/khabar/lang/<lang>/modality.jsonl``), one per line::

    {"cue": "اگر", "kind": "conditional", "scope": "forward", "window": 30, "clause": false}

``kind``: ``negation``, ``future``, ``conditional``, ``question``, ``hypothetical``, ``reported``
(reported speech: recorded on the trigger, never cancels it), ``attempt`` (a reported attempt,
"tried to", حاول, تلاش کرد: see below) and ``boundary`` (a word that ends a clause, like
که / لكن / but). ``scope`` says where the trigger must be relative to the cue:

- ``forward``: the trigger starts after the cue, at most ``window`` tokens after its end;
- ``backward``: the trigger ends before the cue, at most ``window`` tokens before it;
- ``sentence``: anywhere in the sentence (question words, ``?``/``؟``).

``clause`` (default true) stops forward/backward scope at a clause boundary: punctuation
``. , ; : ! ? ، ؛ ؟`` and the language's ``boundary`` words. ``pos`` restricts a cue to verbal
(``verb``) or nominal (``noun``) triggers (عدم, بدون, «no» negate nouns; «not» and لم negate
verbs). ``tense`` restricts it to triggers whose verb form has one of the listed tenses (قد +
imperfect is "may", قد + perfect is "has already"). Scopes are counted in whitespace tokens of
the normalised sentence.

An attempt the text reports as made is an act of the attempted type ("tried to storm",
«حاولت اقتحام», «تلاش کرد ... را ترور کند»). An ``attempt`` cue in scope therefore cancels the
``hypothetical`` that only marks the complement of the attempt verb: the subjunctive verb form
(Persian subjunctive, Arabic ل- + imperfect) and the cues flagged ``"complement": true`` ("to",
أن) that stand at or after the attempt cue. It cancels nothing else: a negation, future, condition
or modal that governs the attempt itself ("did not try to", "will try to", "may have tried to")
still decides. Only forms that report the attempt as made are ``attempt`` cues (past, progressive,
the noun); present forms that read as habits or aims (يسعى, "seeks to") are not.

Besides cues, the verb form decides: Persian ن-/نمی- and خواهد forms, the Persian subjunctive
and the Arabic ل-/س- prefixes carry ``negated`` / ``future`` / ``hypothetical`` directly (see
:mod:`khabar.events.morphology`).

When several apply, the strongest wins: negated > question > conditional > hypothetical >
future > asserted.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from khabar.text.lexicon import PhraseMatcher

__all__ = ["MODALITIES", "Cue", "Scope", "cues_in", "decide", "load_cues"]

MODALITIES = ("negated", "question", "conditional", "hypothetical", "future", "asserted")
_RANK = {m: i for i, m in enumerate(MODALITIES)}
_KIND_TO_MODALITY = {
    "negation": "negated", "future": "future", "conditional": "conditional",
    "question": "question", "hypothetical": "hypothetical",
}
_PUNCT = re.compile(r"[.,;:!?،؛؟]")
_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Cue:
    cue: str
    kind: str
    scope: str = "forward"
    window: int = 3
    clause: bool = True
    pos: str | None = None
    tense: tuple[str, ...] = ()
    complement: bool = False  # marks the complement of a verb ("to", أن), not a modality of it


@dataclass(frozen=True, slots=True)
class Scope:
    """One cue found in a sentence, in normalised offsets and token indices."""

    cue: Cue
    start: int
    end: int
    tok_start: int
    tok_end: int  # index of the cue's last token


@cache
def load_cues(lang: str) -> tuple[PhraseMatcher[Cue], frozenset[str]]:
    """The compiled cue matcher of ``lang`` and its clause-boundary words (folded)."""
    path = resources.files("khabar").joinpath("lang", lang, "modality.jsonl")
    entries: list[tuple[str, Cue]] = []
    boundaries: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d: dict[str, Any] = json.loads(line)
        cue = Cue(d["cue"], d["kind"], d.get("scope", "forward"), int(d.get("window", 3)),
                  bool(d.get("clause", True)), d.get("pos"), tuple(d.get("tense", ())),
                  bool(d.get("complement", False)))
        if cue.kind == "boundary":
            boundaries.add(cue.cue)
        entries.append((cue.cue, cue))
    prefix = r"(?:[وف])" if lang == "ar" else None
    return PhraseMatcher(entries, prefix=prefix), frozenset(boundaries)


class Sentence:
    """Token and clause index of one normalised sentence ``text[lo:hi]``."""

    def __init__(self, text: str, lo: int, hi: int, boundary_words: frozenset[str]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.breaks: list[int] = []  # token indices that close a clause (the token itself)
        from khabar.text.normalize import fold

        for m in _TOKEN.finditer(text, lo, hi):
            i = len(self.starts)
            self.starts.append(m.start())
            self.ends.append(m.end())
            tok = m.group()
            if _PUNCT.search(tok) or fold(tok.strip("\"'()[]")) in boundary_words:
                self.breaks.append(i)

    def token_at(self, pos: int) -> int:
        """Index of the token containing (or first after) normalised offset ``pos``."""
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0:
            return 0
        return i if pos < self.ends[i] else min(i + 1, len(self.starts) - 1)

    def token_before(self, pos: int) -> int:
        """Index of the last token that ends at or before ``pos`` (-1 when none)."""
        return bisect.bisect_right(self.ends, pos) - 1

    def clause_break_between(self, a: int, b: int) -> bool:
        """True when a clause boundary token lies in ``[a, b)`` (token indices, a <= b).

        A punctuation mark glued to token ``a`` counts: the clause ends there."""
        if b <= a:
            return False
        i = bisect.bisect_left(self.breaks, a)
        return i < len(self.breaks) and self.breaks[i] < b


def cues_in(text: str, lo: int, hi: int, lang: str, sent: Sentence) -> list[Scope]:
    """Every cue of ``lang`` in the normalised sentence ``text[lo:hi]``."""
    matcher, _ = load_cues(lang)
    out: list[Scope] = []
    for m in matcher.finditer(text, lo, hi):
        for cue in m.values:
            out.append(Scope(cue, m.start, m.end, sent.token_at(m.start),
                             sent.token_at(max(m.end - 1, m.start))))
    # ? and ؟ anywhere make the whole sentence a question
    q = text.rfind("?", lo, hi)
    if q < 0:
        q = text.rfind("؟", lo, hi)
    if q >= 0:
        tok = sent.token_at(q)
        out.append(Scope(Cue("?", "question", "sentence", 0, False), q, q + 1, tok, tok))
    return out


def _in_scope(scope: Scope, t_first: int, t_last: int, sent: Sentence) -> bool:
    cue = scope.cue
    if cue.scope == "sentence":
        return True
    if cue.scope == "forward":
        if t_first <= scope.tok_end:
            return False
        gap = t_first - scope.tok_end - 1
        if gap > cue.window:
            return False
        return not (cue.clause and sent.clause_break_between(scope.tok_end, t_first))
    if cue.scope == "backward":
        if t_last >= scope.tok_start:
            return False
        gap = scope.tok_start - t_last - 1
        if gap > cue.window:
            return False
        return not (cue.clause and sent.clause_break_between(t_last, scope.tok_start))
    return False


def decide(
    scopes: list[Scope], start: int, end: int, sent: Sentence, *, pos: str,
    features: dict[str, Any],
) -> tuple[str, bool, list[str]]:
    """(modality, reported, cue texts) of a trigger at normalised ``[start, end)``.

    ``pos`` is ``verb`` or ``noun``; ``features`` are the morphology features of its verb form.
    """
    # (modality, why, complement marker?, cue start); a complement marker may be cancelled
    found: list[tuple[str, str, bool, int]] = []
    if features.get("negated"):
        found.append(("negated", "form:negated", False, start))
    if features.get("future"):
        found.append(("future", "form:future", False, start))
    if features.get("tense") == "subjunctive" or features.get("subjunctive"):
        found.append(("hypothetical", "form:subjunctive", True, start))
    t_first = sent.token_at(start)
    t_last = sent.token_at(max(end - 1, start))
    reported = False
    attempts: list[Scope] = []
    for sc in scopes:
        if sc.start < end and start < sc.end:  # the cue is the trigger itself
            continue
        cue = sc.cue
        if cue.kind == "boundary":
            continue
        if cue.pos and cue.pos != pos:
            continue
        if cue.tense and features.get("tense") not in cue.tense:
            continue
        if not _in_scope(sc, t_first, t_last, sent):
            continue
        if cue.kind == "reported":
            reported = True
            continue
        if cue.kind == "attempt":
            attempts.append(sc)
            continue
        modality = _KIND_TO_MODALITY.get(cue.kind)
        if modality:
            found.append((modality, f"{cue.kind}:{cue.cue}", cue.complement, sc.start))
    why: list[str] = []
    if attempts:
        first = min(a.start for a in attempts)
        # the attempt verb's own modality ("did not try to", "may have tried to") passes on
        for a in attempts:
            for sc in scopes:
                cue = sc.cue
                modality = _KIND_TO_MODALITY.get(cue.kind)
                if (modality and not cue.tense and cue.pos in (None, "verb")
                        and not (sc.start < a.end and a.start < sc.end)
                        and _in_scope(sc, a.tok_start, a.tok_end, sent)):
                    found.append((modality, f"{cue.kind}:{cue.cue}", False, sc.start))
        kept = [f for f in found
                if not (f[0] == "hypothetical" and f[2] and f[3] >= first)]
        if len(kept) < len(found):
            why.extend(f"attempt:{a.cue.cue}" for a in attempts)
        found = kept
    why[:0] = [f[1] for f in found]
    best = min((f[0] for f in found), key=_RANK.__getitem__) if found else "asserted"
    return best, reported, why
