"""Calibrate the story thresholds on real news: precision and recall of the pair decision.

Uses the Arabic ANT articles of ../shared/data/news (SkyNews Arabia, AlArabiya, France24, BBC and
CNN Arabic, mostly 2018), ingested with the default pipeline into a temporary database, and
builds stories on them with khabar.stories:

- *recall*: silver same-story pairs from all of 2018: two articles published at most
  ``story_window_days`` apart whose folded title words (longer than 2 letters, stop words out)
  overlap with a Jaccard of at least 0.5 and at least 3 words in common (e.g. «اعتقال زعيم
  كتالونيا السابق في ألمانيا» / «احتجاجات واسعة إثر اعتقال زعيم كتالونيا السابق في ألمانيا»).
  Titles are part of the embedded text, so this recall is optimistic for reports whose titles
  differ;
- *precision*: every pair of articles of a window of days (2018-04-01..05, 847 articles, the
  real mix a new document meets) at or above a threshold. Pairs with overlapping titles
  (Jaccard >= 0.2) count as the same story; pairs whose titles share almost nothing are
  weighted by the hand labels of ``bench/data/stories_pairs.tsv`` (84 pairs sampled by cosine
  band and judged same story or not), band by band.

It prints both for a grid of thresholds of the text rule (``story_join_cosine``) and of the
event rule (``story_event_cosine``, pairs sharing a merged event), then the pair precision and
recall of the stories actually built (single link: a document joins the story of its best
match) and the time per document.

    python bench/stories_calibrate.py [--start 2018-04-01] [--days 5] [--positives 300]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

from khabar import Document, Pipeline
from khabar.store import ingest, open_store
from khabar.stories import StoryConfig, _shared_events, build_stories
from khabar.text.normalize import fold

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"
STOP = {"في", "من", "على", "إلى", "الى", "عن", "مع", "ان", "بعد", "قبل", "بين", "هذا", "هذه",
        "التي", "الذي", "ما", "لا", "او", "حول", "خلال"}
LABELS = Path(__file__).resolve().parent / "data" / "stories_pairs.tsv"
BANDS = (0.88, 0.90, 0.92, 0.93, 0.95)  # cosine bands of the hand labels (lower bounds)


def ant(first: str, last: str) -> Iterator[dict[str, Any]]:
    """ANT records published in ``[first, last)``."""
    with gzip.open(NEWS / "ar-ant.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if first <= (r.get("published") or "") < last:
                yield r


def fars(limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` Persian Fars articles of August 2023 on (no Arabic from then)."""
    out = []
    with gzip.open(NEWS / "fa-farsnews.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if (r.get("published") or "") >= "2023-08" and len(out) < limit:
                out.append(r)
    return out


def as_document(r: dict[str, Any]) -> Document:
    """An ANT record as bench/pipeline.py reads it: title, blank line, body."""
    text = f"{r['title']}\n\n{r['text']}" if r.get("title") else r["text"]
    return Document(id=str(r["id"]), text=text, title=r.get("title"), published=r["published"],
                    source=r.get("source"))


def title_words(title: str | None) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(title or "")) if len(w) > 2 and w not in STOP}


def jaccard(a: set[str], b: set[str]) -> tuple[float, int]:
    common = len(a & b)
    return (common / len(a | b) if a and b else 0.0), common


def silver_positives(window: int, limit: int) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Same-story pairs of 2018 by title overlap (a seeded sample of ``limit``)."""
    by_day: dict[int, list[tuple[dict[str, Any], set[str]]]] = {}
    for r in ant("2018-01-01", "2019-01-01"):
        by_day.setdefault(date.fromisoformat(r["published"]).toordinal(), []).append(
            (r, title_words(r.get("title")))
        )
    pairs = []
    for day, items in by_day.items():
        others = [x for d in range(day, day + window + 1) for x in by_day.get(d, [])]
        for a, wa in items:
            for b, wb in others:
                if b["id"] <= a["id"] and b["published"] == a["published"]:
                    continue
                j, common = jaccard(wa, wb)
                if j >= 0.5 and common >= 3:
                    pairs.append((a, b))
    random.Random(6).shuffle(pairs)
    return pairs[:limit]


def hand_labels() -> dict[float, tuple[int, int]]:
    """Hand labels by cosine band: lower bound -> (same, judged)."""
    out: dict[float, tuple[int, int]] = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.startswith(("#", "doc_a")) or not line.strip():
            continue
        _a, _b, cos, same = line.split("\t")
        lo = max(b for b in BANDS if b <= float(cos))
        s, n = out.get(lo, (0, 0))
        out[lo] = (s + int(same), n + 1)
    return out


def precision_at(t: float, scores: np.ndarray, overlap: np.ndarray,
                 bands: dict[float, tuple[int, int]]) -> tuple[float, int]:
    """Estimated precision of the pairs scoring >= t, and how many there are."""
    flagged = scores >= t
    same = float(np.sum(flagged & overlap))
    for lo, (s, n) in bands.items():
        hi = min([b for b in BANDS if b > lo] + [9.0])
        in_band = flagged & ~overlap & (scores >= lo) & (scores < hi)
        same += float(np.sum(in_band)) * s / n
    total = int(flagged.sum())  # pairs below the lowest labelled band count as different
    return (same / total if total else float("nan")), total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--start", default="2018-04-01")
    ap.add_argument("--days", type=int, default=5)
    ap.add_argument("--positives", type=int, default=300)
    ap.add_argument("--persian", type=int, default=200, help="Fars articles for cross-language")
    ap.add_argument("--db", type=Path, help="build this database (kept) instead of a temporary one")
    args = ap.parse_args()
    if not NEWS.is_dir():
        sys.exit(f"{NEWS} is absent")
    config = StoryConfig.from_settings()
    start = date.fromisoformat(args.start)
    window = list(ant(args.start, (start + timedelta(days=args.days)).isoformat()))
    positives = silver_positives(config.window_days, args.positives)
    records = {r["id"]: r for r in window}
    for a, b in positives:
        records.setdefault(a["id"], a)
        records.setdefault(b["id"], b)
    persian = fars(args.persian)
    for r in persian:
        records[r["id"]] = r
    print(f"{len(window)} ANT articles {args.start} + {args.days} days, {len(positives)} silver "
          f"same-story pairs, {len(records)} articles in all; {config}")
    with tempfile.TemporaryDirectory() as tmp, open_store(args.db or Path(tmp) / "cal.db") as store:
        t0 = time.perf_counter()
        ingest(store, (as_document(r) for r in sorted(records.values(), key=lambda r: r["id"])),
               Pipeline())
        t1 = time.perf_counter()
        report = build_stories(store, config=config)
        print(f"ingest {t1 - t0:.0f} s; stories: {report.summary()}; "
              f"{report.seconds / max(report.documents, 1) * 1000:.0f} ms per document "
              f"(embedding included); rules {report.rules}")
        rows = {
            r[0]: (np.frombuffer(r[1], dtype="<f4"), r[2])
            for r in store._conn.execute(
                "SELECT v.doc_id, v.vector, s.story_id FROM doc_embeddings v "
                "JOIN story_documents s ON s.doc_id = v.doc_id"
            )
        }
        shared = {doc_id: _shared_events(store, doc_id) for doc_id in rows}
        # the same documents grouped again with other event bars (vectors are kept)
        variants = {f"event bar {config.event_cosine:.2f} (chosen)":
                    {d: story for d, (_v, story) in rows.items()}}
        for bar in (0.90, 0.91, 2.0):
            store._conn.execute("DELETE FROM story_documents")
            store._conn.execute("DELETE FROM stories")
            build_stories(store, config=replace(config, event_cosine=bar,
                                                cross_event_cosine=min(bar, 2.0)))
            name = f"event bar {bar:.2f}" if bar < 2 else "no event rule"
            variants[name] = dict(store._conn.execute(
                "SELECT doc_id, story_id FROM story_documents"
            ).fetchall())

    # recall: silver positives
    pos = np.array([float(rows[a["id"]][0] @ rows[b["id"]][0]) for a, b in positives])
    pos_events = np.array([b["id"] in shared[a["id"]] for a, b in positives])
    # precision: all pairs of the window
    ids = sorted(records[r["id"]]["id"] for r in window)
    words = {i: title_words(records[i].get("title")) for i in ids}
    days = {i: date.fromisoformat(records[i]["published"]).toordinal() for i in ids}
    matrix = np.stack([rows[i][0] for i in ids])
    sims = matrix @ matrix.T
    scores, overlap, events, pairs = [], [], [], []
    for x, y in combinations(range(len(ids)), 2):
        a, b = ids[x], ids[y]
        if abs(days[a] - days[b]) > config.window_days or sims[x, y] < BANDS[0]:
            continue
        scores.append(sims[x, y])
        overlap.append(jaccard(words[a], words[b])[0] >= 0.2)
        events.append(b in shared[a])
        pairs.append((a, b))
    s, o, e = np.array(scores), np.array(overlap), np.array(events)
    bands = hand_labels()
    print("hand labels by band: " + ", ".join(
        f"[{lo:.2f}: {k}/{n} same]" for lo, (k, n) in sorted(bands.items())))
    for name, mask, pmask, chosen, grid in (
        ("text rule: cosine of title + lead alone", np.ones_like(o), np.ones_like(pos_events),
         config.join_cosine, (0.88, 0.90, 0.91, 0.92, 0.93, 0.94, 0.95)),
        ("event rule: pairs sharing a merged event", e, pos_events, config.event_cosine,
         (0.88, 0.90, 0.91, 0.92, 0.93)),
    ):
        print(f"\n{name} ({int(mask.sum())} window pairs >= {BANDS[0]}, "
              f"{int(pmask.sum())} silver positives)")
        print("  threshold  precision  pairs flagged  recall")
        for t in sorted({*grid, chosen}):
            p, n = precision_at(t, s[mask], o[mask], bands)
            r = float(np.mean(pos[pmask] >= t)) if pmask.any() else float("nan")
            mark = "  <- chosen" if t == chosen else ""
            print(f"  {t:9.2f}  {p:9.3f}  {n:13d}  {r:6.3f}{mark}")
    # across languages: Persian 2023 vs Arabic 2018, all unrelated
    fa = np.stack([rows[r["id"]][0] for r in persian])
    cross = fa @ matrix.T
    print(f"\nacross languages, {len(persian)} Persian (Fars 2023) x {len(ids)} Arabic (ANT "
          "2018) articles, all unrelated: cosine "
          + " / ".join(f"{q}th pct {np.percentile(cross, q):.3f}" for q in (50, 99, 99.9))
          + f", max {cross.max():.3f}; best Arabic match of a Persian article: median "
          f"{np.median(cross.max(axis=1)):.3f}, 90th {np.percentile(cross.max(axis=1), 90):.3f}")
    print("\nstories built (single link with a centroid check; pairs of the window with cosine "
          f">= {BANDS[0]}, estimated precision; recall of the silver pairs)")
    for name, story in variants.items():
        tg = np.array([story[a] == story[b] for a, b in pairs])
        p, n = precision_at(-1.0, s[tg], o[tg], bands)
        recall = float(np.mean([story[a["id"]] == story[b["id"]] for a, b in positives]))
        print(f"  {name:<28} {n:5d} pairs grouped, precision {p:.3f}, recall {recall:.3f}")

if __name__ == "__main__":
    main()
