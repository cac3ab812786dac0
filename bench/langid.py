"""Persian-vs-Arabic language identification on real news articles (prints figures).

Each article body becomes a bare text ``Document`` (no metadata, no language) and goes through
the ``clean -> sentences -> langid`` pipeline. While the ``clean`` stage does not exist yet, a
stand-in that marks nothing as boilerplate takes its place, so the code path is otherwise the same.

    python bench/langid.py                 # all 33,266 articles (a few minutes)
    python bench/langid.py --limit 300     # the first 300 of each corpus
    python bench/langid.py --no-raw        # skip the raw-lingua comparison

Prints document accuracy (fa vs ar) with a confusion table and the misclassified ids, the share of
sentences whose label agrees with their document's, documents per second, peak RSS, and the same
accuracy for raw lingua (``detect_language_of`` on the body as written, no view and no rule),
for documents and for each sentence (against its corpus label).
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from khabar.document import Document
from khabar.errors import UnknownStageError
from khabar.pipeline import Pipeline, StageFn, available_stages, register
from khabar.settings import Settings
from khabar.stages.langid import lingua_raw

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"
CORPORA = (("fa", "fa-farsnews.jsonl.gz"), ("ar", "ar-ant.jsonl.gz"))
LABELS = ("fa", "ar", "en", "other", None)


@register("bench-no-clean", assigns=("boilerplate",))
def _no_clean(settings: Settings) -> StageFn:
    """Stand-in for ``clean`` while it does not exist: nothing is boilerplate."""

    def run(doc: Document) -> Document:
        doc.set_layer("boilerplate", [])
        return doc

    return run


def build_pipeline() -> Pipeline:
    try:
        if "clean" in available_stages():
            return Pipeline(["clean", "sentences", "langid"])
    except UnknownStageError:
        pass
    print("note: stage 'clean' is not available; using a stand-in that removes nothing")
    return Pipeline(["bench-no-clean", "sentences", "langid"])


def read(limit: int | None) -> Iterator[tuple[str, str, str]]:
    for gold, name in CORPORA:
        with gzip.open(NEWS / name, "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if limit is not None and i >= limit:
                    break
                row = json.loads(line)
                yield gold, str(row["id"]), str(row["text"])


def table(confusion: Counter[tuple[str, str | None]]) -> str:
    lines = ["gold \\ khabar " + " ".join(f"{c!s:>7}" for c in LABELS)]
    for gold, _ in CORPORA:
        lines.append(f"{gold:<14}" + " ".join(f"{confusion[gold, c]:>7}" for c in LABELS))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="articles per corpus")
    ap.add_argument("--no-raw", action="store_true", help="skip raw lingua")
    ap.add_argument("--show", type=int, default=50, help="misclassified ids to print")
    args = ap.parse_args(argv)
    if not NEWS.exists():
        print(f"{NEWS} is absent", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    pipe = build_pipeline()
    build_s = time.perf_counter() - t0
    confusion: Counter[tuple[str, str | None]] = Counter()
    wrong: list[tuple[str, str, str | None]] = []
    failed: list[str] = []
    sent_total = Counter[str]()
    sent_agree = Counter[str]()
    raw_conf: Counter[tuple[str, str | None]] = Counter()
    raw_sent_agree = Counter[str]()
    raw_s = 0.0
    n = 0
    chars = 0
    t0 = time.perf_counter()
    for gold, doc_id, text in read(args.limit):
        doc = pipe(Document(doc_id, text))
        n += 1
        chars += len(text)
        if not doc.ok:
            failed.append(f"{doc_id}: {doc.reason}")
        confusion[gold, doc.lang] += 1
        if doc.lang != gold:
            wrong.append((doc_id, gold, doc.lang))
        for span in doc.spans("sentences"):
            sent_total[gold] += 1
            sent_agree[gold] += span.value.get("lang") == doc.lang
        if not args.no_raw:
            r0 = time.perf_counter()
            raw_conf[gold, lingua_raw(text)] += 1
            for span in doc.spans("sentences"):
                raw_sent_agree[gold] += lingua_raw(doc.span_text(span)) == gold
            raw_s += time.perf_counter() - r0
    elapsed = time.perf_counter() - t0 - raw_s
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    correct = n - len(wrong)
    print(f"pipeline: {pipe!r} (built in {build_s:.2f} s)")
    print(f"documents: {n}  chars: {chars:,}  failed: {len(failed)}")
    print(f"document accuracy (fa vs ar): {correct}/{n} = {correct / max(n, 1):.5f}")
    print(table(confusion))
    print(f"misclassified ({len(wrong)}):")
    for doc_id, gold, got in wrong[: args.show]:
        print(f"  {doc_id}: gold {gold}, khabar {got}")
    for line in failed[:10]:
        print(f"  FAILED {line}")
    for gold, _ in CORPORA:
        tot = sent_total[gold]
        print(f"sentences agreeing with their document ({gold}): "
              f"{sent_agree[gold]}/{tot} = {sent_agree[gold] / max(tot, 1):.5f}")
    print(f"speed: {n / elapsed:.1f} documents/s, {chars / elapsed / 1e6:.2f} M chars/s "
          f"({elapsed:.1f} s)")
    print("stage seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in pipe.timings.items()))
    print(f"peak RSS: {peak_mb:.0f} MB")

    if not args.no_raw:
        raw_ok = sum(raw_conf[g, g] for g, _ in CORPORA)
        print(f"\nraw lingua (same languages, text as written, no view, no rule, no document "
              f"prior; {raw_s:.1f} s): documents {raw_ok}/{n} = {raw_ok / max(n, 1):.5f}")
        print(table(raw_conf))
        for gold, _ in CORPORA:
            tot = sent_total[gold]
            print(f"raw lingua sentences labelled as their corpus ({gold}): "
                  f"{raw_sent_agree[gold]}/{tot} = {raw_sent_agree[gold] / max(tot, 1):.5f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
