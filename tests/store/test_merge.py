"""Merging readings of one event across sentences, documents and languages (khabar.store.merge)."""

from __future__ import annotations

import json
import sys
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import shared_path
from khabar import Document, Pipeline, open_store
from khabar.cli import app
from khabar.readers import read_paths
from khabar.store.merge import compare, dates_agree

PIPE = Pipeline(["clean", "sentences", "langid", "time", "actors", "events"])


def _state(code: str) -> dict[str, Any]:
    return {"name": None, "country": code}


def _person(name: str, code: str) -> dict[str, Any]:
    return {"name": name, "country": code}


def _event(type_: str, date: str | None, source: list[dict[str, Any]],
           target: list[dict[str, Any]], **more: Any) -> dict[str, Any]:
    return {"type": type_, "mode": None, "date": date, "source": source, "target": target,
            **more}


# -- the rules -----------------------------------------------------------------------------------

def test_dates_agree_at_their_precisions() -> None:
    assert dates_agree("2020-11-09", None, "2020-11-09", None, False)
    assert dates_agree("2020-11", None, "2020-11-09", None, False)  # a month holds its days
    assert dates_agree("2020-11-10", None, "2020-11-09", None, False)  # a day apart, two reports
    assert dates_agree(None, "--09-19", "2023-09-19", None, False)  # a day with no year written
    assert not dates_agree("1992", None, "1992-03-12", None, False)  # a year is not a day
    assert not dates_agree("2020-11-11", None, "2020-11-09", None, False)
    assert not dates_agree(None, "--09-19", "2023-09-20", None, False)
    assert not dates_agree(None, None, None, None, False)  # undated in two documents
    assert dates_agree(None, None, None, None, True)  # undated, in one document
    # in one document, only equal dates: a diary's meetings on consecutive days are two
    assert not dates_agree("1993-10-26", None, "1993-10-27", None, True)
    assert not dates_agree("1993-10", None, "1993-10-27", None, True)


def test_compare_needs_type_mode_sides_and_people_to_agree() -> None:
    lavrov, mirzoyan = _person("Sergey Lavrov", "RUS"), _person("Ararat Mirzoyan", "ARM")
    call = _event("CONSULT", "2021-11-01", [lavrov], [mirzoyan], mode="phone")
    assert compare(call, _event("CONSULT", "2021-11-01", [_person("Sergei Lavrov", "RUS")],
                                [_state("ARM")]))
    swapped = compare(call, _event("CONSULT", "2021-11-01", [mirzoyan], [lavrov]))
    assert swapped and swapped["sides"] == "source and target swapped"
    assert not compare(call, _event("CONSULT", "2021-11-01", [lavrov],
                                    [_person("Jeyhun Bayramov", "AZE")]))
    assert not compare(call, _event("CONSULT", "2021-11-01", [lavrov],
                                    [_person("Nikol Pashinyan", "ARM")]))  # another Armenian
    assert not compare(call, {**call, "mode": "visit"})
    assert not compare(call, {**call, "type": "AGREE"})
    # an attack is directed: who attacked whom is no matter of telling
    attack = _event("ASSAULT", "2020", [_state("AZE")], [_state("ARM")])
    assert compare(attack, attack)
    assert not compare(attack, _event("ASSAULT", "2020", [_state("ARM")], [_state("AZE")]))
    # a group named more or less fully is one group
    assert compare(_event("CONSULT", None, [_person("Karabakh Armenians", "AZE")], [_state("AZE")],
                          date_partial="--09-21"),
                   _event("CONSULT", "2023-09-21", [_state("AZE")],
                          [_person("Karabakh Armenian authorities", "AZE")]))


# -- in the store ------------------------------------------------------------------------------------

CALL_FA = ("سرگئی لاوروف وزیر امور خارجه روسیه روز دوشنبه در گفت‌وگوی تلفنی با آرارات میرزویان "
           "همتای ارمنی خود درباره اوضاع قره باغ تبادل نظر کرد.")
CALL_AR = ("أجرى وزير الخارجية الروسي سيرغي لافروف، يوم الاثنين 1 نوفمبر 2021، اتصالا هاتفيا مع "
           "نظيره الأرميني أرارات ميرزويان بحثا خلاله الوضع في قره باغ.")
CALL_EN_LATER = ("Russian Foreign Minister Sergei Lavrov held a phone call with his Armenian "
                 "counterpart Ararat Mirzoyan on Friday.")


def _docs() -> list[Document]:
    return [PIPE(Document(id="fa1", text=CALL_FA, published="2021-11-01")),
            PIPE(Document(id="ar1", text=CALL_AR, published="2021-11-02")),
            PIPE(Document(id="en1", text=CALL_EN_LATER, published="2021-11-05"))]


def _calls(db: Path) -> list[dict[str, Any]]:
    with open_store(db, readonly=True) as store:
        return [e for e in store.merged_events() if e["type"] == "CONSULT"]


def test_one_call_told_in_persian_and_arabic_is_one_event(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with open_store(db) as store:
        store.write(_docs())
    calls = _calls(db)
    both = [e for e in calls if {m["lang"] for m in e["mentions"]} == {"fa", "ar"}]
    assert len(both) == 1 and both[0]["sources"] == 2 and both[0]["date"] == "2021-11-01"
    assert both[0]["confidence"] > 0.5
    # the call of another day (Friday 5 November) is another event
    assert len(calls) == 2
    assert [m["doc"] for e in calls if e is not both[0] for m in e["mentions"]] == ["en1"]


def test_merging_does_not_depend_on_the_order_documents_arrive(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with open_store(db) as store:
        for doc in reversed(_docs()):
            store.write([doc])
    assert sorted(e["sources"] for e in _calls(db)) == [1, 2]


def test_rerun_and_replace_keep_one_event(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with open_store(db) as store:
        store.write(_docs())
        store.write(_docs())  # the same input again: nothing new
        before = _calls(db)
        # the Persian report replaced by a new version: the merged event loses and regains it
        store.write([PIPE(Document(id="fa1", text=CALL_FA + " ", published="2021-11-01"))],
                    replace=True)
    after = _calls(db)
    assert sorted(e["sources"] for e in before) == sorted(e["sources"] for e in after) == [1, 2]
    with open_store(db) as store:
        store.write([PIPE(Document(id="fa1", text="خبری نیست.", published="2021-11-01"))],
                    replace=True)
    assert sorted(e["sources"] for e in _calls(db)) == [1, 1]


CALL_AR_MONTH = ("خلال شهر نوفمبر 2021 أجرى وزير الخارجية الروسي سيرغي لافروف اتصالا هاتفيا مع "
                 "نظيره الأرميني أرارات ميرزويان.")


def test_why_shows_the_readings_and_the_evidence(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    with open_store(db) as store:
        store.write([_docs()[0], PIPE(Document(id="ar2", text=CALL_AR_MONTH,
                                               published="2021-12-20"))])
    merged = next(e for e in _calls(db) if e["sources"] == 2)
    assert merged["date"] == "2021-11-01"  # the finest date a report gives
    result = CliRunner().invoke(app, ["why", merged["id"], "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["id"] == merged["id"] and len(found["readings"]) == 2
    joined = [r for r in found["readings"] if r["evidence"]]
    assert len(joined) == 1 and joined[0]["matched"] == found["readings"][0]["id"]
    assert joined[0]["evidence"]["date"] == "day 2021-11-01 in month 2021-11"
    text = CliRunner().invoke(app, ["why", merged["id"], "--db", str(db)])
    assert "joined" in text.output and "ar2" in text.output and "fa1" in text.output
    missing = CliRunner().invoke(app, ["why", "nope", "--db", str(db)])
    assert missing.exit_code == 2 and "no event" in missing.output


# -- the seeds: the test ----------------------------------------------------------------

def _gold() -> list[dict[str, Any]]:
    lines = []
    for path in sorted(shared_path("gold", "seeds").glob("*.jsonl")):
        lines += [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    return lines


def _scorer() -> Any:
    sys.path.insert(0, str(shared_path("tools")))
    import score_events

    return score_events


@pytest.fixture(scope="module")
def seeds_export(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    db = tmp_path_factory.mktemp("seeds") / "s.db"
    with open_store(db) as store:
        store.write(PIPE(d) for d in read_paths([shared_path("seeds")]))
        return list(store.merged_events())


def _doc(e: dict[str, Any]) -> str:
    return str(e["mentions"][0]["doc"])


def _found_in(export: list[dict[str, Any]], g: dict[str, Any], s: Any) -> list[dict[str, Any]]:
    """The exported events that match gold event ``g`` in its document (scorer's rules)."""
    doc = _doc(g)
    return [e for e in export if s.event_match(
        g, {**e, "mentions": [m for m in e["mentions"] if m["doc"] == doc]}, "country")]


@pytest.mark.shared
def test_seed_events_told_in_two_documents_are_one_event(
        seeds_export: list[dict[str, Any]]) -> None:
    """Every pair of gold events of two documents that are one event (the same type, both dated,
    dates agreeing at their precisions, the same parties on each side) is one exported event
    wherever khabar read the two reports alike: when the events found for them agree by the
    merging rules, they are the same event, with mentions in both documents. (Where khabar read
    a side differently in one report -- who attacked whom -- no rule may merge them.)"""
    s = _scorer()
    merged_pairs = 0
    for g, h in combinations(_gold(), 2):
        if _doc(g) == _doc(h) or not (g.get("date") and h.get("date")) or not compare(g, h):
            continue
        in_g, in_h = _found_in(seeds_export, g, s), _found_in(seeds_export, h, s)
        same = {e["id"] for e in in_g} & {e["id"] for e in in_h}
        if same:
            merged_pairs += 1
            continue
        assert not any(compare(a, b) for a in in_g for b in in_h), (g, h)
    assert merged_pairs >= 3  # at least the 1992 and 2020 wars and the November 2020 statement


@pytest.mark.shared
def test_no_two_distinct_seed_events_are_merged(seeds_export: list[dict[str, Any]]) -> None:
    """An event merged from several documents stands, in each two of them, for gold events that
    are one event: some gold event it matches in one document and some in the other match each
    other by the scorer's rules."""
    s = _scorer()
    gold = _gold()
    merged = [e for e in seeds_export if e["sources"] > 1]
    assert merged
    for e in merged:
        by_doc: dict[str, list[dict[str, Any]]] = {}
        for doc in {m["doc"] for m in e["mentions"]}:
            here = {**e, "mentions": [m for m in e["mentions"] if m["doc"] == doc]}
            by_doc[doc] = [g for g in gold if _doc(g) == doc and s.event_match(g, here, "country")]
        for a, b in combinations([v for v in by_doc.values() if v], 2):
            assert any(s.event_match(g, {**h, "mentions": g["mentions"]}, "country")
                       or s.event_match(h, {**g, "mentions": h["mentions"]}, "country")
                       for g in a for h in b), (e["id"], a, b)
