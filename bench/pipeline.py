"""Whole-pipeline throughput, per-stage time and peak memory on the real news corpora.

Reads articles from ../shared/data/news (Persian Fars and Arabic ANT, interleaved), gives each one
to the default pipeline as a document (title, blank line, body; publication date from the
record), and prints documents/s, MB/s, each stage's share of the time and the peak resident set
size. With ``--workers N`` the documents go through ``Pipeline.pipe(workers=N)``.

    python bench/pipeline.py [--docs 1000] [--workers 1]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time
from collections.abc import Iterator
from contextlib import ExitStack
from itertools import islice
from pathlib import Path

from khabar import Document, Pipeline

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"


def articles(limit: int) -> Iterator[Document]:
    """Fars and ANT articles, alternating, as documents; at most ``limit``."""
    with ExitStack() as stack:
        files = [stack.enter_context(gzip.open(NEWS / name, "rt", encoding="utf-8"))
                 for name in ("fa-farsnews.jsonl.gz", "ar-ant.jsonl.gz")]
        n = 0
        while n < limit and files:
            for fh in list(files):
                line = fh.readline()
                if not line:
                    files.remove(fh)
                    continue
                r = json.loads(line)
                text = f"{r['title']}\n\n{r['text']}" if r.get("title") else r["text"]
                yield Document(id=str(r["id"]), text=text, title=r.get("title"),
                               published=r.get("published"))
                n += 1
                if n >= limit:
                    break


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()
    pipe = Pipeline()
    warm = list(islice(articles(3), 3))
    for d in warm:  # load models and compile lexicons outside the timing
        pipe(d)
    pipe.timings = dict.fromkeys(pipe.names, 0.0)
    chars = docs = failed = 0
    t0 = time.perf_counter()
    for doc in pipe.pipe(articles(args.docs), workers=args.workers):
        docs += 1
        chars += len(doc.text)
        failed += not doc.ok
    elapsed = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{docs} documents, {chars / 1e6:.1f} M characters, {failed} failed, "
          f"workers={args.workers}")
    print(f"{docs / elapsed:.1f} documents/s, {chars * 2 / 1e6 / elapsed:.2f} MB/s (UTF-8 ~2 "
          f"bytes/char), {elapsed:.1f} s")
    if args.workers == 1:
        total = sum(pipe.timings.values()) or 1.0
        for name, t in pipe.timings.items():
            print(f"  {name:<10} {t:7.2f} s  {t / total:6.1%}  {t / docs * 1000:6.2f} ms/doc")
    print(f"peak RSS {peak:.0f} MB (main), {children:.0f} MB (largest worker)")


if __name__ == "__main__":
    main()
