"""How many gold actors the actors stage finds and resolves in the sentences that mention them.

    python bench/actors_gold.py [--seeds DIR] [--gold DIR] [--misses] [--absent] [--json]
    python bench/actors_gold.py --speed 1000   # ms per document of the actors stage on real news

Runs ``Pipeline(["clean", "sentences", "langid", "time", "actors"])`` on the seed documents
(``../shared/seeds``, read with ``khabar.readers.read_paths``). For every mention of every gold
event (``../shared/gold/seeds``) and every actor on its source and target sides, the actor counts
as found when an actor span of the mention's sentence has the same country and, when the gold
names a person or organisation, a name that agrees by the event scorer's own comparison
(``../shared/tools/score_events.py``: ``actor_match`` at the ``person`` level).

Two figures:
- **all**: every gold actor of every mention;
- **present**: only actors written in the sentence. An actor is *absent* when nothing in the
  sentence can refer to it: no KB form of its person or organisation (of its country, for a
  state acting as a whole), and no pronoun,
  first-person word, title, office, counterpart, sector or "sides" word (a diary author behind a
  verb ending, a pro-dropped subject carried over from the previous sentence). This test errs
  towards "present": any referring word in the sentence counts, even one that belongs to another
  actor, so the present figure is a lower bound. Absent actors are listed for checking.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

from khabar.actors.lexicon import actor_matcher  # noqa: E402
from khabar.document import Document  # noqa: E402
from khabar.kb import load_kb  # noqa: E402
from khabar.pipeline import Pipeline  # noqa: E402
from khabar.readers import read_paths  # noqa: E402

STAGES = ["clean", "sentences", "langid", "time", "actors"]
# Hit kinds that may refer to any actor (a word standing for someone named elsewhere).
REFERRING = {"pronoun", "first_person", "title", "office", "counterpart", "sector", "sides"}


def load_scorer() -> Any:
    path = SHARED / "tools" / "score_events.py"
    spec = importlib.util.spec_from_file_location("score_events", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def locate(doc: Document, mention: dict[str, Any]) -> tuple[int, int] | None:
    """The mention's sentence in the document: its offsets when they hold its text, else the
    first occurrence of its text."""
    text = mention.get("text") or ""
    start, end = mention.get("start"), mention.get("end")
    if isinstance(start, int) and isinstance(end, int) and doc.text[start:end] == text:
        return start, end
    pos = doc.text.find(text) if text else -1
    if pos >= 0:
        return pos, pos + len(text)
    if isinstance(start, int) and isinstance(end, int):
        return start, end
    return None


def present(doc: Document, lo: int, hi: int, actor: dict[str, Any], scorer: Any) -> bool:
    """Whether anything in the raw range ``lo..hi`` may refer to ``actor`` (see module doc)."""
    kb = load_kb()
    lang = doc.lang if doc.lang in ("fa", "ar", "en") else "en"
    norm = doc.norm
    a, b = norm.from_raw(lo), norm.from_raw(hi)
    country = actor.get("country")
    spans = [s for s in doc.spans("actors") if s.start < hi and s.end > lo]
    for hit in actor_matcher(lang).finditer(norm.text, a, b):
        raw_a, raw_b = norm.to_raw(hit.start, hit.end)
        # a referring word counts unless the stage tied it to another actor
        taken = [s for s in spans if s.start < raw_b and s.end > raw_a]
        free = not taken or any(scorer.actor_match(actor, s.value, "person") for s in taken)
        for e in hit.values:
            if e.kind in REFERRING and free:
                return True
            if e.kind == "state" and e.ref == country and not actor.get("name"):
                return True
            if e.kind == "person" and e.ref in kb.people:
                p = kb.people[e.ref]
                if (p.country == country and not actor.get("name")) or (
                    actor.get("name") and scorer.names_agree(actor.get("name"), p.name)
                ):
                    return True
            if e.kind == "org" and e.ref in kb.orgs:
                o = kb.orgs[e.ref]
                if (o.country or None) == country and (
                    country or scorer.names_agree(actor.get("name"), o.name)
                ):
                    return True
    return False


def speed(n: int) -> int:
    """The actors stage's mean time per document on ``n`` real articles (the first n/2 of the
    Persian and of the Arabic news files, with their reader metadata)."""
    news = SHARED / "data" / "news"
    files = [str(news / "fa-farsnews.jsonl.gz"), str(news / "ar-ant.jsonl.gz")]
    pipe = Pipeline(STAGES)
    load_kb()
    actor_matcher("fa")
    actor_matcher("ar")
    done = 0
    for path in files:
        for k, doc in enumerate(read_paths([path])):
            if k >= n // 2:
                break
            pipe(doc)
            done += 1
    ms = 1000 * pipe.timings["actors"] / max(done, 1)
    print(f"{done} documents; actors stage {ms:.2f} ms per document; "
          + ", ".join(f"{k} {1000 * v / max(done, 1):.2f}" for k, v in pipe.timings.items()))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    ap.add_argument("--gold", type=Path, default=SHARED / "gold" / "seeds")
    ap.add_argument("--misses", action="store_true", help="list every miss")
    ap.add_argument("--absent", action="store_true", help="list actors judged absent")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--speed", type=int, default=0,
                    help="time the actors stage on N real articles (half fa-farsnews, half ar-ant)")
    args = ap.parse_args(argv)
    if args.speed:
        return speed(args.speed)
    scorer = load_scorer()
    pipe = Pipeline(STAGES)
    docs = {d.id: pipe(d) for d in read_paths([str(args.seeds)])}
    gold = [json.loads(line) for p in sorted(args.gold.glob("*.jsonl"))
            for line in p.read_text("utf-8").splitlines() if line.strip()]

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[dict[str, Any]] = []
    absent: list[dict[str, Any]] = []
    for event in gold:
        for mention in event.get("mentions", []):
            doc = docs.get(mention.get("doc"))
            if doc is None:
                continue
            where = locate(doc, mention)
            if where is None:
                continue
            lo, hi = where
            spans = [s for s in doc.spans("actors") if s.start < hi and s.end > lo]
            for side in ("source", "target"):
                for actor in event.get(side) or []:
                    found = any(scorer.actor_match(actor, s.value, "person") for s in spans)
                    here = found or present(doc, lo, hi, actor, scorer)
                    c = counts[doc.id]
                    c["all"] += 1
                    c["all_found"] += found
                    c["present"] += here
                    c["present_found"] += found and here
                    if not here:
                        absent.append({"doc": doc.id, "start": lo, "side": side, "actor": actor,
                                       "found": found})
                    elif not found:
                        misses.append({
                            "doc": doc.id, "start": lo, "type": event["type"], "side": side,
                            "actor": actor, "text": doc.text[lo:hi],
                            "spans": [(doc.text[s.start:s.end], s.value.get("name"),
                                       s.value.get("country")) for s in spans],
                        })
    total: Counter[str] = Counter()
    for c in counts.values():
        total.update(c)

    def pct(n: int, d: int) -> str:
        return f"{100 * n / d:5.1f}%" if d else "  n/a"

    if args.json:
        print(json.dumps({"per_document": counts, "total": total, "misses": misses,
                          "absent": absent}, ensure_ascii=False, indent=1, default=dict))
        return 0
    print(f"{'document':28} {'all':>16} {'present':>16}")
    for doc_id in sorted(counts):
        c = counts[doc_id]
        print(f"{doc_id:28} {c['all_found']:4}/{c['all']:<4} {pct(c['all_found'], c['all'])}"
              f" {c['present_found']:4}/{c['present']:<4} {pct(c['present_found'], c['present'])}")
    print(f"{'overall':28} {total['all_found']:4}/{total['all']:<4} "
          f"{pct(total['all_found'], total['all'])} {total['present_found']:4}/"
          f"{total['present']:<4} {pct(total['present_found'], total['present'])}")
    print(f"\n{len(misses)} misses among textually present actors; "
          f"{len(absent)} actors judged absent ({sum(a['found'] for a in absent)} found anyway)")
    if args.misses:
        for m in misses:
            a = m["actor"]
            print(f"\n{m['doc']} @{m['start']} {m['type']} {m['side']}: "
                  f"{a.get('name')} | {a.get('country')} | {a.get('role')}")
            print("  " + m["text"][:300].replace("\n", " "))
            print("  spans: " + "; ".join(f"{t}={n}|{c}" for t, n, c in m["spans"]))
    if args.absent:
        for m in absent:
            a = m["actor"]
            print(f"absent {m['doc']} @{m['start']} {m['side']}: {a.get('name')} | "
                  f"{a.get('country')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
