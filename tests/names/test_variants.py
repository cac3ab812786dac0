"""The real-data variant list: enough pairs, all from named sources, matched at THRESHOLD."""

from __future__ import annotations

import importlib.util
import itertools
import sys
from pathlib import Path

import pytest

from khabar.names import THRESHOLD, same_name, similarity

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SOURCES = {
    "fa-farsnews",
    "ar-ant",
    "fa-peyma",
    "fa-arman",
    "ar-anercorp",
    "seeds",
    "ar-upetrarch",
    "en-phoenix",
    "en-events-gold",
}


def _rows(name: str) -> list[list[str]]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]


def _groups() -> dict[str, tuple[str, list[str]]]:
    groups: dict[str, tuple[str, list[str]]] = {}
    for label, kind, name, _src in _rows("variants.tsv"):
        groups.setdefault(label, (kind, []))[1].append(name)
    return groups


def test_variant_list_is_large_and_sourced() -> None:
    rows = _rows("variants.tsv")
    assert all(len(r) == 4 and r[3] in SOURCES and r[1] in {"person", "place", "org"} for r in rows)
    pairs = sum(len(n) * (len(n) - 1) // 2 for _k, n in _groups().values())
    assert pairs >= 200
    scripts = {("ar" if any("\u0600" <= c <= "\u06ff" for c in r[2]) else "la") for r in rows}
    assert scripts == {"ar", "la"}


def test_at_least_95_percent_of_variants_match() -> None:
    total = matched = 0
    misses = []
    for label, (kind, names) in _groups().items():
        for a, b in itertools.combinations(names, 2):
            total += 1
            if same_name(a, b, partial=kind == "person"):
                matched += 1
            else:
                misses.append((label, a, b, round(similarity(a, b, partial=kind == "person"), 3)))
    assert matched / total >= 0.95, misses


def test_no_hard_negative_merges() -> None:
    merged = [
        (a, b, round(similarity(a, b, partial=kind == "person"), 3))
        for a, b, kind, _note in _rows("negatives.tsv")
        if same_name(a, b, partial=kind == "person")
    ]
    assert len(_rows("negatives.tsv")) >= 50
    assert merged == []


def test_threshold_is_the_one_the_bench_chooses() -> None:
    bench = ROOT / "bench" / "names.py"
    if not bench.exists():
        pytest.skip("bench/names.py not present")
    spec = importlib.util.spec_from_file_location("bench_names", bench)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_names"] = module
    spec.loader.exec_module(module)
    data = module.pairs()
    dev_pos, dev_neg = module.scores(data["dev"][0]), module.scores(data["dev"][1])
    assert module.choose(dev_pos, dev_neg)[0] == THRESHOLD
