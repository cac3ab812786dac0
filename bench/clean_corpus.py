"""Boilerplate marking on the real corpora (../shared/data/news) and the seeds: prints figures.

    python bench/clean_corpus.py [--every N]

The corpora hold extracted article bodies, so nearly every line is article text: what the clean
stage marks there is either genuine leftover chrome (credits, "read also" links, app promos,
separators) or a false mark. The script prints, per rule, how many lines it marked and a few
examples to read; the seeds' precision and recall come from the hand labels in
tests/stages/test_clean.py.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import itertools
import sys
import time
from pathlib import Path

from khabar.pipeline import Pipeline
from khabar.readers import read_file, read_paths

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def corpus(path: Path, every: int, pipeline: Pipeline) -> None:
    rules: collections.Counter[str] = collections.Counter()
    examples: dict[str, list[str]] = collections.defaultdict(list)
    docs = lines = 0
    t0 = time.perf_counter()
    for doc in itertools.islice(read_paths([path]), 0, None, every):
        doc = pipeline(doc)
        docs += 1
        lines += sum(1 for line in doc.text.split("\n") if line.strip())
        for span in doc.spans("boilerplate"):
            rules[span.rule] += 1
            if len(examples[span.rule]) < 3:
                examples[span.rule].append(doc.text[span.start : span.end][:70])
    took = time.perf_counter() - t0
    marked = sum(rules.values())
    print(f"{path.name}: {docs} docs, {lines} lines, {marked} marked ({marked / lines:.2%}), "
          f"{took:.1f} s")
    for rule, n in rules.most_common():
        print(f"  {n:6d}  {rule}  {examples[rule]}")


def seeds(pipeline: Pipeline) -> None:
    spec = importlib.util.spec_from_file_location("t", ROOT / "tests/stages/test_clean.py")
    assert spec and spec.loader
    sys.path.insert(0, str(ROOT / "tests"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    tp = fp = fn = 0
    for seed_id, gold in mod.GOLD.items():
        [doc] = list(read_file(SHARED / "seeds" / f"{seed_id}.txt"))
        doc = pipeline(doc)
        marked = {mod._line_of(doc, s.start) for s in doc.spans("boilerplate")}
        marked -= mod.AMBIGUOUS.get(seed_id, set())
        tp, fp, fn = tp + len(marked & gold), fp + len(marked - gold), fn + len(gold - marked)
        print(f"  {seed_id}: title {doc.title!r}")
    print(f"seeds: precision {tp}/{tp + fp}, recall {tp}/{tp + fn}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--every", type=int, default=1, help="read every Nth article")
    args = parser.parse_args()
    pipeline = Pipeline(["clean"])
    seeds(pipeline)
    for name in ("fa-farsnews.jsonl.gz", "ar-ant.jsonl.gz"):
        corpus(SHARED / "data" / "news" / name, args.every, pipeline)


if __name__ == "__main__":
    main()
