"""Score predicted events against gold events, by the rules of docs/EVENTS.md section 7.

A predicted event matches a gold event when, for a mention of the same document, the type is
equal, the date agrees at the gold's precision (gold ``null`` matches any date; a prediction
coarser than the gold does not match), some gold source actor matches some predicted source
actor and likewise for the target when the gold has one (CONSULT, AGREE and COOPERATE may swap
sides). Actors match when their countries are equal (or both ``null``) and, where the gold
names a person or organisation, the names agree (case-, accent- and hyphen-insensitive;
surname or fuzzy match). Each gold event matches at most one prediction (a maximum one-to-one
matching); an event merged across documents is scored once in each document it mentions.
Figures are given at two levels: ``country`` (names ignored) and ``person`` (names required).

This is the same arithmetic as the project's reference scorer, written here so that
``khabar eval`` works wherever khabar is installed.
"""

from __future__ import annotations

import difflib
import json
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Score", "read_events", "score", "score_levels"]

SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
LEVELS = ("country", "person")


def _fold(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().replace("-", " ").replace("'", "").split())


def _close(a: str, b: str) -> bool:
    return a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def names_agree(gold: str | None, pred: str | None) -> bool:
    """Same person or body: equal, or the same surname with compatible given names."""
    g, p = _fold(gold), _fold(pred)
    if not g:
        return True
    if not p:
        return False
    if g == p:
        return True
    gt, pt = g.split(), p.split()
    if _close(gt[-1], pt[-1]):
        given_g, given_p = gt[:-1], pt[:-1]
        if not given_g or not given_p:
            return True
        return any(_close(a, b) or (a[0] == b[0] and min(len(a), len(b)) == 1)
                   for a in given_g for b in given_p)
    return difflib.SequenceMatcher(None, g, p).ratio() >= 0.85


def _actor_match(gold: dict[str, Any], pred: dict[str, Any], level: str) -> bool:
    if (gold.get("country") or None) != (pred.get("country") or None):
        return False
    if gold.get("country") is None:  # organisations are told apart by name at both levels
        return names_agree(gold.get("name"), pred.get("name"))
    if level == "person":
        return names_agree(gold.get("name"), pred.get("name"))
    return True


def _side_match(gold: list[dict[str, Any]], pred: list[dict[str, Any]], level: str) -> bool:
    if not gold:
        return True
    return any(_actor_match(g, p, level) for g in gold for p in pred or [])


def _date_match(gold: str | None, pred: str | None) -> bool:
    if not gold:
        return True
    if not pred:
        return False
    return len(pred) >= len(gold) and pred.startswith(gold)


def _docs(event: dict[str, Any]) -> set[str]:
    return {m.get("doc") for m in event.get("mentions", []) if m.get("doc")}


def event_match(gold: dict[str, Any], pred: dict[str, Any], level: str) -> bool:
    if gold.get("type") != pred.get("type") or not (_docs(gold) & _docs(pred)):
        return False
    if not _date_match(gold.get("date"), pred.get("date")):
        return False
    gs, gt = gold.get("source") or [], gold.get("target") or []
    ps, pt = pred.get("source") or [], pred.get("target") or []
    if _side_match(gs, ps, level) and _side_match(gt, pt, level):
        return True
    return gold["type"] in SYMMETRIC and _side_match(gs, pt, level) and _side_match(gt, ps, level)


def _per_document(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for e in events:
        for doc in sorted(_docs(e)):
            out.append({**e, "mentions": [m for m in e.get("mentions", []) if m.get("doc") == doc]})
    return out


@dataclass
class Score:
    level: str
    gold: int
    pred: int
    tp: int
    per_type: dict[str, Counter[str]] = field(default_factory=dict)
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if self.tp else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "gold": self.gold, "pred": self.pred, "tp": self.tp,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4),
                "per_type": {t: dict(c) for t, c in sorted(self.per_type.items())}}


def score(gold: list[dict[str, Any]], pred: list[dict[str, Any]], level: str) -> Score:
    """Maximum one-to-one matching of gold to predicted events (augmenting paths)."""
    edges = [[i for i, p in enumerate(pred) if event_match(g, p, level)] for g in gold]
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in edges[gi]:
            if pi not in seen:
                seen.add(pi)
                if pi not in owner or augment(owner[pi], seen):
                    owner[pi] = gi
                    return True
        return False

    for gi in range(len(gold)):
        augment(gi, set())
    hit = set(owner.values())
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    for g in gold:
        per_type[g["type"]]["gold"] += 1
    for p in pred:
        per_type[p.get("type", "?")]["pred"] += 1
    for gi in owner.values():
        per_type[gold[gi]["type"]]["tp"] += 1
    return Score(
        level, len(gold), len(pred), len(owner), dict(per_type),
        missed=[g for gi, g in enumerate(gold) if gi not in hit],
        spurious=[p for i, p in enumerate(pred) if i not in owner],
    )


def score_levels(
    gold: Iterable[dict[str, Any]], pred: Iterable[dict[str, Any]], docs: set[str] | None = None
) -> list[Score]:
    """Scores at the country and person levels, over the documents of the gold (or ``docs``)."""
    gold_events = list(gold)
    if docs is None:
        docs = set().union(*(_docs(g) for g in gold_events)) if gold_events else set()
    g = [e for e in _per_document(gold_events) if _docs(e) & docs]
    p = [e for e in _per_document(pred) if _docs(e) & docs]
    return [score(g, p, level) for level in LEVELS]


def read_events(path: str | Path) -> list[dict[str, Any]]:
    """Events from a JSON Lines file (blank lines skipped)."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
