"""Places the actors stage finds in real news: how many, from which source, and the most frequent
names with a context, to spot everyday words read as places (add them to ``places_blocked`` in
``lang/<lang>/actor_cues.json``).

    python bench/places.py [--docs N] [--top K]

Runs ``clean, sentences, langid, time, actors`` on the first N articles of the Persian and the
Arabic news files in ../shared/data/news. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from khabar.pipeline import Pipeline
from khabar.readers import read_paths

NEWS = Path(__file__).resolve().parents[2] / "shared" / "data" / "news"
FILES = {"fa": NEWS / "fa-farsnews.jsonl.gz", "ar": NEWS / "ar-ant.jsonl.gz"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--top", type=int, default=40)
    args = ap.parse_args(argv)
    pipe = Pipeline(["clean", "sentences", "langid", "time", "actors"])
    for lang, path in FILES.items():
        if not path.exists():
            print(f"{path} is absent, skipped")
            continue
        sources: Counter[str] = Counter()
        names: Counter[str] = Counter()
        example: dict[str, str] = {}
        countries: dict[str, set[str]] = defaultdict(set)
        n = 0
        for k, doc in enumerate(read_paths([str(path)])):
            if k >= args.docs:
                break
            doc = pipe(doc)
            n += 1
            for span in doc.spans("places"):
                source = span.rule.split(":")[2] if span.rule.startswith("actors:places:") \
                    else "capital"
                sources[source] += 1
                if source == "capital":
                    continue
                word = doc.text[span.start:span.end]
                key = f"{source}:{word}"
                names[key] += 1
                countries[key].add(str(span.value.get("country")))
                if key not in example:
                    example[key] = doc.text[max(0, span.start - 40):span.end + 25].replace(
                        "\n", " ")
        print(f"{lang}: {n} documents; places by source: {dict(sources)}; "
              f"{len(names)} distinct non-capital names")
        for key, count in names.most_common(args.top):
            print(f"  {count:4} {key} {sorted(countries[key])}  …{example[key]}…")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
