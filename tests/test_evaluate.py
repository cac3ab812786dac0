"""khabar's scorer follows docs/EVENTS.md section 7, and agrees with the reference scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

from conftest import shared_path
from khabar.evaluate import event_match, names_agree, score_levels


def _event(type_: str, date: str | None, src: list[Any], tgt: list[Any], doc: str = "d") -> dict:
    def side(xs: list[Any]) -> list[dict[str, Any]]:
        return [{"name": n, "country": c} for n, c in xs]

    return {"type": type_, "date": date, "source": side(src), "target": side(tgt),
            "mentions": [{"doc": doc, "text": "..."}]}


def test_names_agree_on_surname_and_given_name_variants() -> None:
    assert names_agree("Sergey Lavrov", "Sergei Lavrov")
    assert names_agree("Mohammad Javad Zarif", "Javad Zarif")
    assert names_agree("Ilham Aliyev", "Aliyev")
    assert not names_agree("Heydar Aliyev", "Ilham Aliyev")


def test_date_precision_type_and_symmetric_sides() -> None:
    gold = _event("CONSULT", "1992-02", [(None, "IRN")], [(None, "ARM")])
    assert event_match(gold, _event("CONSULT", "1992-02-10", [(None, "ARM")], [(None, "IRN")]),
                       "country")  # symmetric type: sides may swap
    assert not event_match(gold, _event("CONSULT", "1992", [(None, "IRN")], [(None, "ARM")]),
                           "country")  # coarser than gold
    assert not event_match(gold, _event("AGREE", "1992-02", [(None, "IRN")], [(None, "ARM")]),
                           "country")
    accuse = _event("ACCUSE", None, [(None, "IRN")], [(None, "ARM")])
    assert not event_match(accuse, _event("ACCUSE", "2001", [(None, "ARM")], [(None, "IRN")]),
                           "country")


def test_one_to_one_matching_counts_each_gold_once() -> None:
    gold = [_event("CONSULT", None, [(None, "IRN")], [])]
    pred = [_event("CONSULT", None, [(None, "IRN")], []), _event("CONSULT", None, [(None, "IRN")], [])]
    country, person = score_levels(gold, pred)
    assert (country.tp, country.pred, country.gold) == (1, 2, 1)
    assert round(country.f1, 3) == 0.667 and person.tp == 1


def test_agrees_with_the_reference_scorer(tmp_path: Path) -> None:
    tool = shared_path("tools", "score_events.py")
    gold_dir = shared_path("gold", "seeds")
    spec = importlib.util.spec_from_file_location("score_events", tool)
    assert spec and spec.loader
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)
    gold = [json.loads(line) for f in sorted(gold_dir.glob("*.jsonl")) for line in f.open()]
    # predictions: the gold itself, perturbed (every third event loses its target country)
    pred = json.loads(json.dumps(gold))
    for i, e in enumerate(pred):
        if i % 3 == 0 and e["target"]:
            e["target"] = [{"name": None, "country": "XXX"}]
    docs = set().union(*({m["doc"] for m in g["mentions"]} for g in gold))
    ref_gold = [g for g in ref.per_document(gold) if ref.docs_of(g) & docs]
    ref_pred = [p for p in ref.per_document(pred) if ref.docs_of(p) & docs]
    for mine, level in zip(score_levels(gold, pred), ("country", "person"), strict=True):
        theirs = ref.score(ref_gold, ref_pred, level)
        assert (mine.tp, mine.pred, mine.gold) == (theirs["tp"], theirs["pred"], theirs["gold"])
