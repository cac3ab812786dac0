"""Trigger figures on the shared gold and news data (read at run time, never copied).

    python -m tests.events.trigger_eval            # all figures
    python -m tests.events.trigger_eval --news 500 # news sample size per corpus

Figures:
- seeds gold: share of gold mention sentences with at least one trigger of the gold type
  (any modality, and asserted only), per type;
- ar-gsr: the same recall per type (ASSAULT, PROTEST) on the Arabic GSR sentences;
- en-plover-gsr: type accuracy of the first trigger (older GSR labels mapped: DEMAND -> REQUEST,
  FIGHT -> ASSAULT, DISAPPROVE and INVESTIGATE -> ACCUSE), also counting a future-modality
  trigger under a gold AGREE as right (that GSR codes intentions as AGREE);
- news: triggers per 1,000 sentences (a spurious-rate hint) and sentences per second.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from khabar.document import Document
from khabar.events.triggers import Trigger, find_triggers

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GSR_MAP = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE",
           "INVESTIGATE": "ACCUSE"}
_GSR = re.compile(r'<Sentence category="([A-Z]+)".*?<Text>(.*?)</Text>', re.S)
_SENT = re.compile(r"[^.!?؟\n]+[.!?؟]?")


def triggers_of(text: str, lang: str) -> list[Trigger]:
    return find_triggers(Document("eval", text), 0, len(text), lang)


def first_of(text: str, lang: str, type_: str) -> Trigger:
    """The first trigger of ``type_`` in ``text`` (the tests' assertion that one is found)."""
    found = [t for t in triggers_of(text, lang) if t.type == type_]
    assert found, f"no {type_} trigger in {text!r}: {[(t.type, t.text) for t in triggers_of(text, lang)]}"
    return found[0]


def _rate(hit: Counter[str], total: Counter[str]) -> dict[str, tuple[int, int, float]]:
    out = {t: (hit[t], total[t], hit[t] / total[t]) for t in sorted(total)}
    n, h = sum(total.values()), sum(hit.values())
    out["ALL"] = (h, n, h / n if n else 0.0)
    return out


def seeds_recall(gold_dir: Path, asserted_only: bool = False
                 ) -> dict[str, tuple[int, int, float]]:
    """Per gold type: sentences with a trigger of that type / gold mention sentences."""
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for path in sorted(gold_dir.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            event = json.loads(line)
            for mention in event["mentions"]:
                lang = mention.get("lang")
                if lang not in ("fa", "ar", "en"):
                    continue
                total[event["type"]] += 1
                found = triggers_of(mention["text"], lang)
                if any(t.type == event["type"] and (not asserted_only or t.modality == "asserted")
                       for t in found):
                    hit[event["type"]] += 1
    return _rate(hit, total)


def ar_gsr_sentences(folder: Path) -> Iterator[tuple[str, str]]:
    # the files are not well-formed XML (one is cut short), so read the two tags by pattern
    for path in sorted(folder.glob("*.xml")):
        raw = path.read_text(encoding="utf-8")
        for m in _GSR.finditer(raw):
            text = html.unescape(m.group(2)).strip()
            if text:
                yield m.group(1), text


def ar_gsr_recall(folder: Path) -> dict[str, tuple[int, int, float]]:
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for category, text in ar_gsr_sentences(folder):
        total[category] += 1
        if any(t.type == category for t in triggers_of(text, "ar")):
            hit[category] += 1
    return _rate(hit, total)


def en_gsr_accuracy(path: Path) -> dict[str, float]:
    records = json.loads(path.read_text(encoding="utf-8"))
    n = right = right_intent = fired = 0
    per: Counter[str] = Counter()
    per_right: Counter[str] = Counter()
    for r in records:
        gold = GSR_MAP.get(r.get("event", ""), r.get("event", ""))
        text = r.get("text") or ""
        if gold == "DOCUMENT" or not text:
            continue
        n += 1
        per[gold] += 1
        found = triggers_of(text.strip("{} "), "en")
        if not found:
            continue
        fired += 1
        first = found[0]
        if first.type == gold:
            right += 1
            per_right[gold] += 1
        if first.type == gold or (gold == "AGREE" and first.modality == "future"):
            right_intent += 1
    out = {"n": float(n), "accuracy": right / n, "accuracy_intent_as_agree": right_intent / n,
           "fired": fired / n}
    for t in sorted(per):
        out[f"acc:{t}"] = per_right[t] / per[t]
    return out


def news_rate(path: Path, lang: str, limit: int) -> dict[str, float]:
    sentences = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i >= limit:
                break
            text = json.loads(line).get("text") or ""
            sentences += [m.group().strip() for m in _SENT.finditer(text) if m.group().strip()]
    types: Counter[str] = Counter()
    asserted = 0
    t0 = time.perf_counter()
    for s in sentences:
        for t in triggers_of(s, lang):
            types[t.type] += 1
            asserted += t.modality == "asserted"
    dt = time.perf_counter() - t0
    n = len(sentences)
    out = {"sentences": float(n), "per_1000": 1000 * sum(types.values()) / n,
           "asserted_per_1000": 1000 * asserted / n, "sentences_per_s": n / dt}
    for t, c in types.most_common():
        out[f"per_1000:{t}"] = 1000 * c / n
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--news", type=int, default=400, help="articles per news corpus")
    args = ap.parse_args()
    t0 = time.perf_counter()
    find_triggers(Document("warm", "x"), 0, 1, "fa")
    for lang in ("ar", "en"):
        find_triggers(Document("warm", "x"), 0, 1, lang)
    print(f"lexicon compile (3 languages): {time.perf_counter() - t0:.2f}s")
    for label, asserted in (("any modality", False), ("asserted only", True)):
        print(f"\nseeds gold, recall of the gold type in its sentence ({label}):")
        for t, (h, n, r) in seeds_recall(SHARED / "gold" / "seeds", asserted).items():
            print(f"  {t:10s} {h:4d}/{n:<4d} {r:.3f}")
    print("\nar-gsr recall per type:")
    for t, (h, n, r) in ar_gsr_recall(SHARED / "data" / "events" / "ar-gsr").items():
        print(f"  {t:10s} {h:4d}/{n:<4d} {r:.3f}")
    print("\nen-plover-gsr, type of the first trigger:")
    for k, v in en_gsr_accuracy(
            SHARED / "data" / "events" / "en-plover-gsr" / "PLOVER_GSR_CAMEO.txt").items():
        print(f"  {k:28s} {v:.3f}")
    for name, lang in (("fa-farsnews.jsonl.gz", "fa"), ("ar-ant.jsonl.gz", "ar")):
        print(f"\nnews {name} (first {args.news} articles):")
        for k, v in news_rate(SHARED / "data" / "news" / name, lang, args.news).items():
            print(f"  {k:28s} {v:.1f}")


if __name__ == "__main__":
    main()
