"""Whole-pipeline event coding on the public gold-standard sentences in ../shared/data/events.

- ar-gsr (UniversalPetrarch Arabic ASSAULT and PROTEST sentences): the share of sentences for
  which khabar exports an event of the gold type (recall), and among those, agreement of the
  source and target countries with the gold CAMEO actor codes (first three letters; ``None``
  codes and codes that are not countries are left out of the agreement count);
- en-plover-gsr (322 English PLOVER records): event-type accuracy of the first exported event,
  and the share of records with an event of the gold type anywhere in the sentence.

Each sentence is given to the pipeline as a bare document (no publication date). Prints figures;
asserts nothing.

    python bench/events_gsr.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

from khabar import Document, Pipeline

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "events"
STAGES = ["clean", "sentences", "langid", "time", "actors", "events"]
GSR_MAP = {"DEMAND": "REQUEST", "FIGHT": "ASSAULT", "DISAPPROVE": "ACCUSE",
           "INVESTIGATE": "ACCUSE"}
_SENTENCE = re.compile(
    r'<Sentence category="([A-Z]+)".*?<EventCoding[^>]*?sourcecode="([^"]*)"[^>]*?'
    r'targetcode="([^"]*)".*?<Text>(.*?)</Text>', re.S)


def _country(code: str) -> str | None:
    head = code.split()[0] if code.strip() else ""
    return head if re.fullmatch(r"[A-Z]{3}", head) and head not in {"NON", "IGO", "NGO"} else None


def _events(pipe: Pipeline, text: str, lang: str, i: int) -> list[dict]:
    doc = pipe(Document(id=f"s{i}", text=text, lang=lang))
    return [s.value for s in doc.spans("events")]


def ar_gsr(pipe: Pipeline, limit: int | None) -> None:
    total: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    src_ok: Counter[str] = Counter()
    src_n: Counter[str] = Counter()
    tgt_ok: Counter[str] = Counter()
    tgt_n: Counter[str] = Counter()
    n = 0
    for path in sorted((SHARED / "ar-gsr").glob("*.xml")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        for m in _SENTENCE.finditer(raw):
            if limit and n >= limit:
                break
            category, scode, tcode, text = m.group(1), m.group(2), m.group(3), m.group(4).strip()
            n += 1
            total[category] += 1
            found = [e for e in _events(pipe, text, "ar", n) if e["type"] == category]
            if not found:
                continue
            hit[category] += 1
            gs, gt = _country(scode), _country(tcode)
            if gs:
                src_n[category] += 1
                src_ok[category] += any(gs in {a.get("country") for a in e["source"]} for e in found)
            if gt:
                tgt_n[category] += 1
                tgt_ok[category] += any(gt in {a.get("country") for a in e["target"]} for e in found)
    print("ar-gsr (Arabic, whole pipeline)")
    for cat in sorted(total):
        print(f"  {cat:<8} recall {hit[cat]}/{total[cat]} = {hit[cat] / total[cat]:.3f}; "
              f"source country agrees {src_ok[cat]}/{src_n[cat]}"
              f" = {src_ok[cat] / max(1, src_n[cat]):.3f}; target country agrees "
              f"{tgt_ok[cat]}/{tgt_n[cat]} = {tgt_ok[cat] / max(1, tgt_n[cat]):.3f}")


def en_gsr(pipe: Pipeline, limit: int | None) -> None:
    records = json.loads((SHARED / "en-plover-gsr" / "PLOVER_GSR_CAMEO.txt").read_text("utf-8"))
    first_ok = anywhere = total = 0
    per: Counter[str] = Counter()
    per_ok: Counter[str] = Counter()
    for i, r in enumerate(records):
        if r.get("event") == "DOCUMENT" or not r.get("text"):
            continue
        if limit and total >= limit:
            break
        gold = GSR_MAP.get(r["event"], r["event"])
        events = _events(pipe, r["text"], "en", i)
        total += 1
        per[gold] += 1
        if events and events[0]["type"] == gold:
            first_ok += 1
            per_ok[gold] += 1
        anywhere += any(e["type"] == gold for e in events)
    print(f"en-plover-gsr: type accuracy of the first event {first_ok}/{total} = "
          f"{first_ok / total:.3f}; gold type anywhere {anywhere}/{total} = {anywhere / total:.3f}")
    print("  per type: " + ", ".join(f"{t} {per_ok[t]}/{per[t]}" for t in sorted(per)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="sentences per set")
    args = ap.parse_args()
    pipe = Pipeline(STAGES)
    t0 = time.perf_counter()
    ar_gsr(pipe, args.limit)
    en_gsr(pipe, args.limit)
    print(f"{time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
