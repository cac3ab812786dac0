"""The labelled date expressions of tests/time/cases.jsonl, read from ../shared at test time.

Each case holds a document id (``seed:<stem>`` or ``news:<file>#<record id>``), raw offsets
and the true value, labelled by hand from the sentence; negatives are numbers that are not dates
(quantities, resolution numbers, durations, times, codes). Seeds run without metadata (their
publication date must come from the text); news records carry their ``published`` field as a
reader would set it.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import shared_path

from khabar.document import Document
from khabar.time import analyse

CASES = Path(__file__).with_name("cases.jsonl")


def load_cases() -> list[dict[str, Any]]:
    return [json.loads(line) for line in CASES.read_text("utf-8").splitlines() if line.strip()]


@lru_cache(maxsize=4)
def _news(name: str) -> dict[str, dict[str, Any]]:
    path = shared_path("data", "news", name)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f)}


def document(doc_id: str) -> Document:
    if doc_id.startswith("seed:"):
        text = shared_path("seeds", doc_id[5:] + ".txt").read_text("utf-8")
        return Document(id=doc_id, text=text)
    name, rid = doc_id[5:].split("#")
    r = _news(name)[rid]
    return Document(id=doc_id, text=r["text"], published=r["published"], lang=r["lang"])


def judge(case: dict[str, Any], found: list[Any]) -> bool:
    """Is the system's output right for this case? (see the module docstring)"""
    over = [f for f in found if f.start < case["end"] and case["start"] < f.end]
    if case.get("negative"):
        return not over
    if case["value"] is None:
        return all(f.value.value is None for f in over)
    return any(
        f.value.value == case["value"] and f.value.date_end == case.get("date_end") for f in over
    )


def evaluate() -> tuple[Counter[str], Counter[str], list[tuple[dict[str, Any], list[Any]]]]:
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    wrong = []
    by_doc: dict[str, list[Any]] = {}
    for case in load_cases():
        if case["doc"] not in by_doc:
            by_doc[case["doc"]] = analyse(document(case["doc"])).dates
        found = by_doc[case["doc"]]
        total[case["category"]] += 1
        if judge(case, found):
            right[case["category"]] += 1
        else:
            wrong.append((case, found))
    return total, right, wrong


@pytest.mark.shared
def test_labelled_set_size_and_coverage() -> None:
    cases = load_cases()
    negatives = [c for c in cases if c.get("negative")]
    assert len(cases) >= 300
    assert len(negatives) >= 40
    cats = {c["category"] for c in cases}
    for needed in ("persian_entry_heading", "gregorian_ar_pair", "islamic", "relative",
                   "weekday", "range_years", "partial_passage_year", "partial_anchor",
                   "persian_issue_line", "persian_published_line", "numeric", "ago"):
        assert any(c.startswith(needed) for c in cats), needed


@pytest.mark.shared
def test_accuracy_on_labelled_set() -> None:
    total, right, wrong = evaluate()
    n, ok = sum(total.values()), sum(right.values())
    negatives = [c for c, _ in wrong if c.get("negative")]
    assert not negatives, f"false dates on negatives: {negatives}"
    assert ok / n >= 0.97, f"{ok}/{n} right; wrong: {[c for c, _ in wrong]}"
