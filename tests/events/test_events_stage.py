"""The events stage end to end on original sentences, and its floor on the seed gold."""

from __future__ import annotations

import json
from typing import Any

from conftest import shared_path
from khabar import Document, Pipeline
from khabar.evaluate import score_levels
from khabar.readers import read_paths

PIPE = Pipeline(["clean", "sentences", "langid", "time", "actors", "events"])


def _events(text: str, published: str | None = "2023-10-02") -> list[dict[str, Any]]:
    doc = PIPE(Document(id="t", text=text, published=published))
    assert doc.ok, doc.reason
    return [s.value for s in doc.spans("events")]


def _countries(side: list[dict[str, Any]]) -> list[Any]:
    return [a.get("country") for a in side]


def test_persian_phone_call_is_one_consult_with_its_date() -> None:
    found = _events("تهران - وزیر امور خارجه ایران روز دوشنبه در گفت‌وگوی تلفنی با همتای ترکیه‌ای "
                    "خود درباره تحولات منطقه تبادل نظر کرد.")
    consults = [e for e in found if e["type"] == "CONSULT"]
    assert consults and consults[0]["date"] == "2023-10-02"
    assert _countries(consults[0]["source"]) == ["IRN"]
    assert _countries(consults[0]["target"]) == ["TUR"]
    assert consults[0]["location"] == "Tehran"  # the dateline is a place, not an actor


def test_arabic_condemnation_and_negated_attack() -> None:
    found = _events("أدانت مصر الهجوم على المدنيين. ولم تهاجم القوات الأردنية أي موقع.")
    assert [e["type"] for e in found if e["type"] == "ACCUSE"] == ["ACCUSE"]
    assert not any(e["type"] == "ASSAULT" and "JOR" in _countries(e["source"]) for e in found)


def test_media_report_is_not_an_actor() -> None:
    found = _events("به گزارش خبرگزاری رویترز، ارتش اسرائیل شهر غزه را بمباران کرد.")
    assaults = [e for e in found if e["type"] == "ASSAULT"]
    assert assaults and _countries(assaults[0]["source"]) == ["ISR"]


def test_event_told_twice_in_a_document_is_one_record() -> None:
    doc = PIPE(Document(id="t", published="2023-10-02", text=(
        "وزیر امور خارجه ایران با همتای ترکیه‌ای خود گفت‌وگو کرد.\n"
        "وزیر امور خارجه ایران همچنین با همتای ترکیه‌ای خود گفت‌وگو کرد.")))
    records = {json.dumps({k: s.value[k] for k in ("type", "date", "source", "target")},
                          sort_keys=True) for s in doc.spans("events") if s.value["type"] == "CONSULT"}
    assert len(records) == 1 and len([s for s in doc.spans("events")
                                      if s.value["type"] == "CONSULT"]) == 2


def test_seed_gold_floor() -> None:
    """trafilatura-style gate: the figures may rise, never silently fall below these floors."""
    gold_dir = shared_path("gold", "seeds")
    seeds = shared_path("seeds")
    gold = [json.loads(line) for f in sorted(gold_dir.glob("*.jsonl")) for line in f.open()]
    pred: dict[str, dict[str, Any]] = {}  # one record per event, as the store keeps them
    for doc in PIPE.pipe(read_paths([seeds])):
        for s in doc.spans("events"):
            fields = {k: s.value.get(k) for k in ("type", "mode", "date", "source", "target")}
            pred[json.dumps([doc.id, fields], sort_keys=True)] = {
                **fields, "mentions": [{"doc": doc.id, "text": ""}]}
    country, person = score_levels(gold, list(pred.values()))
    # measured 0.485 / 0.375 when this floor was set (`khabar eval` on the seeds)
    assert country.f1 >= 0.45, country.to_dict()
    assert person.f1 >= 0.34, person.to_dict()
