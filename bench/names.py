"""Choose and check the name-matching threshold on real spellings.

    python bench/names.py            # sweep on the dev half, report on the test half
    python bench/names.py --errors   # also list the misses and false merges at the threshold

Positives: every pair of spellings within a group of tests/names/variants.tsv (spellings of one
person, place or organisation found in the Fars, ANT, PEYMA, Arman, ANERcorp, seed, Phoenix and
UniversalPetrarch data). Negatives: tests/names/negatives.tsv (hard negatives chosen by hand),
plus every cross-group pair that NameIndex brings up as a candidate (groups whose labels share no
word: Lavrov and Sergey Lavrov are one person; Iran and Iraq are not). Groups and negatives are
split in two halves by a stable hash: the threshold is the one with the best F1 on the dev half
(the middle of the best run of thresholds), and the figures reported are those of the test half.
"""

from __future__ import annotations

import argparse
import itertools
import time
import zlib
from pathlib import Path

from khabar.names import THRESHOLD, NameIndex, similarity
from khabar.text import fold

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "names"


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln.strip() and not ln.startswith("#")]


def load_groups() -> dict[str, tuple[str, list[str]]]:
    groups: dict[str, tuple[str, list[str]]] = {}
    for label, kind, name, _source in _rows(DATA / "variants.tsv"):
        groups.setdefault(label, (kind, []))[1].append(name)
    return groups


def half(key: str) -> str:
    return "dev" if zlib.crc32(key.encode()) % 2 == 0 else "test"


Pair = tuple[str, str, bool, str]  # a, b, partial, label/note


def pairs() -> dict[str, tuple[list[Pair], list[Pair]]]:
    """Positive and negative pairs per half."""
    groups = load_groups()
    out: dict[str, tuple[list[Pair], list[Pair]]] = {"dev": ([], []), "test": ([], [])}
    for label, (kind, names) in groups.items():
        for a, b in itertools.combinations(names, 2):
            out[half(label)][0].append((a, b, kind == "person", label))
    for i, (a, b, kind, note) in enumerate(_rows(DATA / "negatives.tsv")):
        out["dev" if i % 2 == 0 else "test"][1].append((a, b, kind == "person", note))
    # Cross-group candidates from the index (low threshold, so near misses are counted too).
    entries = [(name, label) for label, (_k, names) in groups.items() for name in names]
    index: NameIndex[str] = NameIndex(entries, threshold=0.0, partial=True)
    words = {label: set(label.split("-")) for label in groups}
    seen: set[tuple[str, str]] = set()
    for name, label in entries:
        for idx in index.candidates(name):
            other_name, other = index._names[idx], index._values[idx]
            if other == label or words[label] & words[other] or fold(name) == fold(other_name):
                continue
            key = (min(name, other_name), max(name, other_name))
            if key in seen:
                continue
            seen.add(key)
            partial = groups[label][0] == "person" and groups[other][0] == "person"
            h = half(min(label, other))
            out[h][1].append((name, other_name, partial, f"cross:{label}/{other}"))
    return out


def scores(items: list[Pair]) -> list[float]:
    return [similarity(a, b, partial=p) for a, b, p, _ in items]


def prf(pos: list[float], neg: list[float], t: float) -> tuple[float, float, float, int, int]:
    tp = sum(s >= t for s in pos)
    fp = sum(s >= t for s in neg)
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / len(pos) if pos else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, fp


def choose(
    dev_pos: list[float], dev_neg: list[float]
) -> tuple[float, list[tuple[float, float, float, float, int, int]]]:
    """The threshold with the best dev F1 (the middle of the best run), and the sweep table."""
    grid = [round(0.50 + 0.01 * i, 2) for i in range(46)]
    table = [(t, *prf(dev_pos, dev_neg, t)) for t in grid]
    best_f = max(row[3] for row in table)
    best = [row[0] for row in table if row[3] == best_f]
    return best[len(best) // 2], table


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list misses and false merges")
    args = ap.parse_args()
    t0 = time.perf_counter()
    data = pairs()
    sc = {h: (scores(data[h][0]), scores(data[h][1])) for h in data}
    elapsed = time.perf_counter() - t0
    dev_pos, dev_neg = sc["dev"]
    chosen, table = choose(dev_pos, dev_neg)
    best_f = max(row[3] for row in table)
    best = [row[0] for row in table if row[3] == best_f]
    print(
        f"pairs: dev {len(dev_pos)} pos / {len(dev_neg)} neg; "
        f"test {len(sc['test'][0])} pos / {len(sc['test'][1])} neg  ({elapsed:.1f}s)"
    )
    print(" thr    P      R      F1   (dev)")
    for t, p, r, f, _tp, _fp in table:
        if 0.6 <= t <= 0.9:
            mark = " <- best" if t == chosen else ""
            print(f"{t:.2f}  {p:.3f}  {r:.3f}  {f:.3f}{mark}")
    print(
        f"best dev F1 {best_f:.3f} at {best[0]:.2f}..{best[-1]:.2f}: chosen {chosen:.2f}"
        f" (code has THRESHOLD = {THRESHOLD})"
    )
    for h in ("dev", "test"):
        pos, neg = sc[h]
        p, r, f, tp, fp = prf(pos, neg, THRESHOLD)
        hard = [
            s for s, item in zip(neg, data[h][1], strict=True) if not item[3].startswith("cross:")
        ]
        hard_fp = sum(s >= THRESHOLD for s in hard)
        print(
            f"{h:4s} at THRESHOLD {THRESHOLD}: P {p:.3f} R {r:.3f} F1 {f:.3f}  "
            f"({tp}/{len(pos)} variants matched, {fp} false merges of {len(neg)} negatives; "
            f"{hard_fp} of {len(hard)} hard negatives)"
        )
    all_pos = sc["dev"][0] + sc["test"][0]
    all_neg = sc["dev"][1] + sc["test"][1]
    p, r, f, tp, fp = prf(all_pos, all_neg, THRESHOLD)
    print(
        f"all  at THRESHOLD {THRESHOLD}: P {p:.3f} R {r:.3f} F1 {f:.3f}  ({tp}/{len(all_pos)}, "
        f"{fp} false merges of {len(all_neg)})"
    )
    if args.errors:
        for h in ("dev", "test"):
            for (a, b, _p, note), s in zip(data[h][0], sc[h][0], strict=True):
                if s < THRESHOLD:
                    print(f"MISS  {h} {s:.3f}  {a} | {b}  [{note}]")
            for (a, b, _p, note), s in zip(data[h][1], sc[h][1], strict=True):
                if s >= THRESHOLD:
                    print(f"MERGE {h} {s:.3f}  {a} | {b}  [{note}]")


if __name__ == "__main__":
    main()
