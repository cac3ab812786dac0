"""Export throughput and memory, Parquet vs JSON Lines, and story building time per document.

Builds (or reuses) a database from N real news articles of ../shared/data/news, read as
bench/pipeline.py reads them (Persian Fars and Arabic ANT, interleaved), then runs each export
in a fresh process (which imports only the store) and prints rows per second, the size of the
output and how fast it is written, and the process's peak resident set size; finally builds stories and prints the time per document.

    python bench/exports.py [--docs 1000] [--db FILE] [--no-stories]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from khabar.store import open_store
from khabar.store.exports import export_rows, write_parquet

RUNS = [("events", "jsonl"), ("events", "parquet"), ("mentions", "jsonl"),
        ("mentions", "parquet"), ("dyadic", "jsonl"), ("dyadic", "parquet")]


def peak_mb() -> float:
    """Peak resident set size of this process (VmHWM: unlike ru_maxrss, not inherited from a
    large parent across fork and exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(db: str, what: str, fmt: str, out: str) -> None:
    """One export in this process; prints a JSON line of figures."""
    base = peak_mb()  # after the imports
    t0 = time.perf_counter()
    with open_store(db, readonly=True) as store:
        rows = export_rows(store, what)
        if fmt == "parquet":
            n = write_parquet(rows, what, out)
        else:
            n = 0
            with open(out, "w", encoding="utf-8") as fh:
                for row in rows:
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
                    n += 1
    seconds = time.perf_counter() - t0
    print(json.dumps({"rows": n, "seconds": seconds, "bytes": Path(out).stat().st_size,
                      "base_mb": base,
                      "rss_mb": peak_mb()}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--db", help="database to build or reuse (default: a temporary file)")
    ap.add_argument("--no-stories", action="store_true")
    ap.add_argument("--run", nargs=4, metavar=("DB", "WHAT", "FORMAT", "OUT"),
                    help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:
        run_one(*args.run)
        return
    from khabar import Pipeline
    from khabar.store import ingest
    from pipeline import NEWS, articles  # bench/pipeline.py's reader (imports the pipeline)

    if not NEWS.is_dir():
        sys.exit(f"{NEWS} is absent")
    tmp = tempfile.TemporaryDirectory()
    db = Path(args.db or Path(tmp.name) / "bench.db")
    with open_store(db) as store:
        if len(store) < args.docs:
            t0 = time.perf_counter()
            ingest(store, articles(args.docs), Pipeline())
            print(f"ingested {len(store)} documents in {time.perf_counter() - t0:.0f} s")
        stats = store.stats()
    print(f"{db}: {stats['documents']} documents, {stats['events']} event readings, "
          f"{stats['mentions']} mentions, {db.stat().st_size / 1e6:.1f} MB")
    print("MB/s: JSON Lines megabytes of the same rows per second (Parquet writes fewer); RSS: "
          "peak resident MB of the export process, and before the export (imports only)")
    print(f"{'export':<10}{'format':<9}{'rows':>8}{'rows/s':>9}{'file MB':>9}{'MB/s':>7}"
          f"{'peak RSS':>10}{'before':>8}")
    json_bytes: dict[str, int] = {}
    for what, fmt in RUNS:
        out = Path(tmp.name) / f"{what}.{fmt}"
        done = subprocess.run(
            [sys.executable, __file__, "--run", str(db), what, fmt, str(out)],
            check=True, capture_output=True, text=True,
        )
        r = json.loads(done.stdout.strip().splitlines()[-1])
        size = json_bytes.setdefault(what, r["bytes"])  # the jsonl run comes first
        print(f"{what:<10}{fmt:<9}{r['rows']:>8}{r['rows'] / r['seconds']:>9.0f}"
              f"{r['bytes'] / 1e6:>9.2f}{size / 1e6 / r['seconds']:>7.1f}"
              f"{r['rss_mb']:>10.0f}{r['base_mb']:>8.0f}")
    if not args.no_stories:
        from khabar.stories import build_stories

        with open_store(db) as store:
            report = build_stories(store)
        per_doc = report.seconds / max(report.documents, 1) * 1000
        print(f"stories: {report.summary()}; {per_doc:.0f} ms per document "
              f"(embedding {report.embedded} documents included)")
    tmp.cleanup()


if __name__ == "__main__":
    main()
