"""The actors stage as a named-entity recogniser, on gold NER test sets, beside published figures.

    python bench/ner.py [--sets peyma,arman,anercorp] [--limit N] [--misses TYPE]

Not a gate: khabar finds *actors* from a knowledge base, not every name, so these figures show
where the KB is thin. Each gold sentence becomes one Document (tokens joined by single spaces,
token offsets kept) run through ``sentences, langid, time, actors``. Actor spans map to types:

- PER: a ``person`` span that writes a name (KB name, titled name, cross-script match), trimmed
  to the name itself: the parts of the span that are an office, a state, a title, a sector or a
  counterpart word are cut off («سرگئی لاوروف وزیر امور خارجه روسیه» -> «سرگئی لاوروف»). An
  office resolved to its holder writes no name and gives no PER.
- ORG: an ``org`` span (organisations, parties, ministries, media, armed groups), and a sector +
  state phrase naming an institution, its state written in the phrase, not taken from context
  (ministry, parliament, government, army, police,
  judiciary: «وزارت امور خارجه روسیه», «الجيش السوري»); a people the KB lists as a group
  («الأكراد», KURDS) is not an ORG.
- LOC: a state written by its name, capital or seat of power («ایران», «تهران»), wherever it
  occurs, inside a longer actor phrase too, and every span of the ``places`` layer (cities,
  provinces, regions); adjectives and peoples («ایرانی», «الأرمن») are not locations in these
  sets and are left out.

Scores are entity-level: exact (same token span and type, CoNLL style) and overlap (a predicted
entity of the same type overlapping a gold one counts, each gold entity once).

Published best F1 (../shared/data/README.md; all types, learned models): PEYMA ParsBERT 93.1 /
mBERT 86.6; Arman strict CoNLL 77.45 (LREC 2018); ANERcorp CAMeLBERT about 80-84.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from khabar.actors.lexicon import actor_matcher
from khabar.document import Document
from khabar.pipeline import _info
from khabar.settings import load_settings

ROOT = Path(__file__).resolve().parents[1]
NER = ROOT.parent / "shared" / "data" / "ner"
SETS = {
    "peyma": ("fa", NER / "fa-peyma" / "test.txt", "|", "PEYMA test", "ParsBERT 93.1 / mBERT 86.6"),
    "arman": ("fa", NER / "fa-arman" / "test_fold1.txt", " ", "Arman fold 1 test", "77.45"),
    "anercorp": ("ar", NER / "ar-anercorp" / "ANERCorp_CamelLab_test.txt", " ", "ANERcorp test",
                 "CAMeLBERT ~80-84"),
}
TYPES = ("PER", "ORG", "LOC")
_GOLD_TYPE = {"PER": "PER", "PERS": "PER", "ORG": "ORG", "LOC": "LOC"}
# Sectors that name an institution (an ORG in NER terms) when composed with a state.
INSTITUTIONS = {"ministry", "foreign_ministry", "defence_ministry", "interior_ministry",
                "parliament", "government", "military", "police", "judiciary", "intelligence"}
NOT_NAME = {"office", "state", "title", "sector", "counterpart", "side", "sides"}
LOC_FORMS = {"names", "capitals", "seats"}

Entity = tuple[int, int, str]  # token start, token end (exclusive), type


def sentences(path: Path, sep: str) -> Iterator[list[tuple[str, str]]]:
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            if sent:
                yield sent
            sent = []
            continue
        token, _, tag = line.rpartition(sep)
        if token:
            sent.append((token, tag.replace("_", "-")))
    if sent:
        yield sent


def gold_entities(tags: list[str]) -> set[Entity]:
    out: set[Entity] = set()
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        label = _GOLD_TYPE.get(label.upper(), "") if label else ""
        if kind and (prefix != "I" or label != kind):
            out.add((start, i, kind))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind and label):
            start, kind = i, label
    return {e for e in out if e[2] in TYPES}


def predict(doc: Document, starts: list[int], ends: list[int]) -> set[Entity]:
    """Entities from the actor spans of one sentence document (see module doc)."""
    norm = doc.norm
    lang = doc.lang or "fa"
    hits = list(actor_matcher(lang).finditer(norm.text))
    raw_hits = [(*norm.to_raw(h.start, h.end), h) for h in hits]

    def tok_range(a: int, b: int) -> tuple[int, int] | None:
        first = next((i for i, e in enumerate(ends) if e > a), None)
        last = next((i for i in range(len(starts) - 1, -1, -1) if starts[i] < b), None)
        if first is None or last is None or last < first:
            return None
        return first, last + 1

    out: set[Entity] = set()
    for span in doc.spans("places"):  # cities, provinces, regions, capitals used as places
        r = tok_range(span.start, span.end)
        if r:
            out.add((*r, "LOC"))
    for span in doc.spans("actors"):
        v: dict[str, Any] = span.value
        inside = [(a, b, h) for a, b, h in raw_hits if a >= span.start and b <= span.end]
        for a, b, h in inside:
            state = next((e for e in h.values if e.kind == "state"), None)
            if state is not None and state.form in LOC_FORMS and not any(
                e.kind in ("org", "person") for e in h.values
            ):
                r = tok_range(a, b)
                if r:
                    out.add((*r, "LOC"))
        if v.get("sides") or v.get("neighbour") or v.get("coref") or v.get("author"):
            continue
        if kind_of_org(v.get("id")) == "population":
            continue  # a people («الأكراد», "Karabakh Armenians") is no ORG in these sets
        kind = v.get("kind")
        if kind == "person" and not span.rule.endswith(":holder"):
            cut = [(a, b) for a, b, h in inside if all(e.kind in NOT_NAME for e in h.values)]
            name_toks = [i for i in range(len(starts)) if starts[i] >= span.start
                         and ends[i] <= span.end
                         and not any(a <= starts[i] and ends[i] <= b for a, b in cut)
                         and any(c.isalpha() for c in doc.text[starts[i]:ends[i]])]
            if name_toks:
                out.add((name_toks[0], name_toks[-1] + 1, "PER"))
        elif kind == "org" or (v.get("sector") in INSTITUTIONS and v.get("country")
                               and not v.get("country_from")):
            r = tok_range(span.start, span.end)
            if r:
                out.add((*r, "ORG"))
    return out


def kind_of_org(org_id: str | None) -> str | None:
    from khabar.kb import load_kb

    org = load_kb().orgs.get(org_id or "")
    return org.kind if org else None


def score(gold: list[set[Entity]], pred: list[set[Entity]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for t in (*TYPES, "ALL"):
        c: Counter[str] = Counter()
        for g, p in zip(gold, pred, strict=True):
            gt = {e for e in g if t in ("ALL", e[2])}
            pt = {e for e in p if t in ("ALL", e[2])}
            c["gold"] += len(gt)
            c["pred"] += len(pt)
            c["exact"] += len(gt & pt)
            c["ov_p"] += sum(any(q[2] == e[2] and q[0] < e[1] and e[0] < q[1] for q in gt)
                             for e in pt)
            c["ov_r"] += sum(any(q[2] == e[2] and q[0] < e[1] and e[0] < q[1] for q in pt)
                             for e in gt)

        def f(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        ep = c["exact"] / c["pred"] if c["pred"] else 0.0
        er = c["exact"] / c["gold"] if c["gold"] else 0.0
        op = c["ov_p"] / c["pred"] if c["pred"] else 0.0
        orr = c["ov_r"] / c["gold"] if c["gold"] else 0.0
        out[t] = {"gold": c["gold"], "pred": c["pred"], "P": ep, "R": er, "F1": f(ep, er),
                  "oP": op, "oR": orr, "oF1": f(op, orr)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--limit", type=int, default=0, help="first N sentences of each set")
    ap.add_argument("--misses", default="", help="print missed gold entities of this type")
    args = ap.parse_args(argv)
    # No "clean" stage (a gold sentence has no boilerplate); the stages are run directly, with an
    # empty boilerplate layer, since the Pipeline checks that some stage assigned it.
    settings = load_settings()
    stages = [_info(n).factory(settings) for n in ("sentences", "langid", "time", "actors")]

    def pipe(doc: Document) -> Document:
        doc.set_layer("boilerplate", [])
        for fn in stages:
            doc = fn(doc)
        return doc
    for name in args.sets.split(","):
        lang, path, sep, title, published = SETS[name]
        if not path.exists():
            print(f"{title}: {path} is absent, skipped")
            continue
        golds: list[set[Entity]] = []
        preds: list[set[Entity]] = []
        missed: Counter[str] = Counter()
        for n, sent in enumerate(sentences(path, sep)):
            if args.limit and n >= args.limit:
                break
            toks = [t for t, _ in sent]
            starts, pos = [], 0
            for t in toks:
                starts.append(pos)
                pos += len(t) + 1
            ends = [s + len(t) for s, t in zip(starts, toks, strict=True)]
            doc = pipe(Document(id=f"{name}-{n}", text=" ".join(toks), lang=lang))
            g = gold_entities([tag for _, tag in sent])
            p = predict(doc, starts, ends) if doc.ok else set()
            golds.append(g)
            preds.append(p)
            for e in g - p:
                if e[2] == args.misses:
                    missed[" ".join(toks[e[0]:e[1]])] += 1
        res = score(golds, preds)
        print(f"\n{title} ({len(golds)} sentences); published best F1 (all types): {published}")
        print(f"{'type':5} {'gold':>6} {'pred':>6}   exact P/R/F1          overlap P/R/F1")
        for t, r in res.items():
            print(f"{t:5} {r['gold']:6} {r['pred']:6}   {100 * r['P']:5.1f} {100 * r['R']:5.1f} "
                  f"{100 * r['F1']:5.1f}     {100 * r['oP']:5.1f} {100 * r['oR']:5.1f} "
                  f"{100 * r['oF1']:5.1f}")
        if args.misses:
            print("most missed:", ", ".join(f"{k} ({v})" for k, v in missed.most_common(60)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
