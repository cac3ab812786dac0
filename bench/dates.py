"""khabar's date stage against dateparser.search_dates: speed on real articles, accuracy on the
labelled set (tests/time/cases.jsonl).

    python bench/dates.py [--docs 1000] [--skip-dateparser-speed]

Speed: the same N real articles (half Persian from fa-farsnews, half Arabic from ar-ant, the first
N/2 of each file), each with its reader metadata (``published``, ``lang``); khabar times
normalisation plus the whole date analysis, dateparser times ``search_dates`` with the article's
language and the publication date as ``RELATIVE_BASE``.

Accuracy: every labelled case is judged as in tests/time/test_time_cases.py (a positive needs an
overlapping output with the exact value and range end; a negative needs no output over it).
dateparser's results are located in the text by their matched substring.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.time.test_time_cases import document, judge, load_cases  # noqa: E402

from khabar.document import Document  # noqa: E402
from khabar.time import analyse  # noqa: E402

NEWS = ROOT.parent / "shared" / "data" / "news"


@dataclass
class Out:
    start: int
    end: int
    value: Any


@dataclass
class Val:
    value: str | None
    date_end: str | None = None


def _articles(n: int) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for name in ("fa-farsnews.jsonl.gz", "ar-ant.jsonl.gz"):
        with gzip.open(NEWS / name, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i >= n // 2:
                    break
                rows.append(json.loads(line))
    return rows


def _dateparser_outputs(doc: Document, lang: str) -> list[Out]:
    from dateparser.search import search_dates

    settings: dict[str, Any] = {}
    if doc.published:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(doc.published)
    found = search_dates(doc.text, languages=[lang], settings=settings) or []
    outs = []
    pos = 0
    for sub, dt in found:
        i = doc.text.find(sub, pos)
        if i < 0:
            i = doc.text.find(sub)
        if i < 0:
            continue
        pos = i + len(sub)
        outs.append(Out(i, i + len(sub), Val(dt.date().isoformat())))
    return outs


def _lang_of(doc_id: str, doc: Document) -> str:
    if doc.lang:
        return doc.lang
    return "ar" if doc_id.startswith("seed:003") else "fa"


def accuracy() -> tuple[dict[str, Counter[str]], int]:
    cases = load_cases()
    right: dict[str, Counter[str]] = {"khabar": Counter(), "dateparser": Counter()}
    total: Counter[str] = Counter()
    cache: dict[str, tuple[list[Any], list[Out]]] = {}
    for case in cases:
        if case["doc"] not in cache:
            doc = document(case["doc"])
            k = analyse(doc).dates
            d = _dateparser_outputs(document(case["doc"]), _lang_of(case["doc"], doc))
            cache[case["doc"]] = (k, d)
        k, d = cache[case["doc"]]
        kind = "negative" if case.get("negative") else "positive"
        total[kind] += 1
        right["khabar"][kind] += judge(case, k)
        right["dateparser"][kind] += judge(case, d)
    for name in right:
        right[name]["_total"] = total["positive"] + total["negative"]
        right[name]["_npos"] = total["positive"]
        right[name]["_nneg"] = total["negative"]
    return right, len(cases)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--skip-dateparser-speed", action="store_true")
    args = ap.parse_args()

    rows = _articles(args.docs)
    chars = sum(len(r["text"]) for r in rows)
    print(f"{len(rows)} articles ({chars / len(rows):.0f} characters on average)")

    docs = [Document(id=r["id"], text=r["text"], published=r["published"], lang=r["lang"])
            for r in rows]
    analyse(docs[0])  # compile lexicons once, outside the timing
    t0 = time.perf_counter()
    n_dates = sum(len(analyse(d).dates) for d in docs)
    k_time = time.perf_counter() - t0
    print(f"khabar      {k_time / len(docs) * 1000:8.2f} ms/article   {n_dates} dates")

    if not args.skip_dateparser_speed:
        from dateparser.search import search_dates

        search_dates("۱۰ آبان ۱۴۰۰", languages=["fa"])  # load its data outside the timing
        search_dates("12 سبتمبر 2021", languages=["ar"])
        t0 = time.perf_counter()
        n_dp = 0
        for r in rows:
            base = {"RELATIVE_BASE": datetime.combine(date.fromisoformat(r["published"]),
                                                      datetime.min.time())}
            n_dp += len(search_dates(r["text"], languages=[r["lang"]], settings=base) or [])
        d_time = time.perf_counter() - t0
        print(f"dateparser  {d_time / len(rows) * 1000:8.2f} ms/article   {n_dp} dates")
        print(f"speed-up    {d_time / k_time:8.1f}x")

    right, _n = accuracy()
    for name, c in right.items():
        ok = c["positive"] + c["negative"]
        print(
            f"{name:11s} {ok}/{c['_total']} = {ok / c['_total']:.1%} value-exact on the labelled "
            f"set; positives {c['positive']}/{c['_npos']}, negatives without a false date "
            f"{c['negative']}/{c['_nneg']}"
        )


if __name__ == "__main__":
    main()
