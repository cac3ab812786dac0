"""The build script: the shipped kb.json equals a rebuild, and validation refuses bad sources."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from khabar.kb import build
from khabar.kb.build import BUILT, SOURCES, BuildError, cldr_alpha3, cldr_names, merge, validate


def test_shipped_file_equals_a_rebuild() -> None:
    assert BUILT.read_text(encoding="utf-8") == build.build(), (
        "built/kb.json is stale: run python -m khabar.kb.build")


def test_check_flag_reports_a_stale_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert build.main(["--check"]) == 0
    stale = tmp_path / "kb.json"
    stale.write_text(BUILT.read_text(encoding="utf-8").replace('"AZE"', '"AZX"', 1), "utf-8")
    monkeypatch.setattr(build, "BUILT", stale)
    assert build.main(["--check"]) == 1
    assert "out of date" in capsys.readouterr().err


def test_build_without_people(tmp_path: Path) -> None:
    for name in ("states", "orgs", "offices", "sectors"):
        shutil.copy(SOURCES / f"{name}.jsonl", tmp_path / f"{name}.jsonl")
    data = json.loads(build.build(tmp_path))
    assert data["people"] == []
    assert len(data["states"]) > 240


def test_build_is_deterministic() -> None:
    assert build.build() == build.build()


def test_iso_list_comes_from_cldr() -> None:
    table = cldr_alpha3()
    assert len(table) == 249  # ISO 3166-1 has 249 officially assigned codes
    assert table["AZE"] == "AZ" and table["PSE"] == "PS" and table["DEU"] == "DE"
    assert "DDR" not in table and "SUN" not in table  # withdrawn / dissolved


def test_cldr_names_split_parenthetical_forms() -> None:
    names = cldr_names("MM")["en"]
    assert names[0] == "Myanmar (Burma)" and "Myanmar" in names and "Burma" in names
    assert "Bosnia and Herzegovina" in cldr_names("BA")["en"]


def _sources() -> dict[str, list[dict[str, Any]]]:
    return {name: build.read_jsonl(SOURCES / f"{name}.jsonl")
            for name in ("states", "orgs", "offices", "sectors")}


def _problems(src: dict[str, list[dict[str, Any]]], people: list[dict[str, Any]] | None = None
              ) -> list[str]:
    return validate(src["states"], src["orgs"], src["offices"], src["sectors"], people or [],
                    cldr_alpha3())


def test_shipped_sources_validate() -> None:
    assert _problems(_sources()) == []


def _person(**office: Any) -> dict[str, Any]:
    tenure = {"office": "foreign_minister", "country": "RUS", "start": "2004-03-09", "end": None}
    tenure.update(office)
    return {"id": "test-person", "name": "Test Person", "country": "RUS",
            "names": {"en": ["Test Person"]}, "offices": [tenure]}


@pytest.mark.parametrize(("mutate", "expect"), [
    (lambda s: s["orgs"].append({**s["orgs"][0]}), "id already used"),
    (lambda s: s["orgs"][0].update(country="XYZ"), "unknown country"),
    (lambda s: s["orgs"][0]["names"].pop("fa"), ".fa: missing"),
    (lambda s: s["orgs"][0]["names"]["ar"].append("فرنسا"), None),  # valid: control case
    (lambda s: s["orgs"][0]["names"]["en"].append(s["orgs"][0]["names"]["en"][0].upper()),
     "fold to the same form"),
    (lambda s: s["orgs"][0]["names"]["ar"].append("Latin"), "Latin letters"),
    (lambda s: s["orgs"][0]["names"]["ar"].append("پاریس"), "Persian-only letter"),
    (lambda s: s["states"].pop(0), "has no line"),
    (lambda s: next(r for r in s["states"] if r["id"] == "AZE").update(iso2="AM"), "CLDR maps AZE"),
    (lambda s: next(r for r in s["states"] if r["id"] == "IRN").pop("adjectives"), "adjectives"),
    (lambda s: s["offices"][0].update(implies=["no_such_office"]), "implies unknown office"),
    (lambda s: s["sectors"][0].update(combines="sometimes"), "combines must be"),
    (lambda s: s["states"].reverse(), "not sorted"),
])
def test_validation_refuses(mutate: Any, expect: str | None) -> None:
    src = _sources()
    mutate(src)
    problems = _problems(src)
    if expect is None:
        assert problems == []
    else:
        assert any(expect in p for p in problems), problems


@pytest.mark.parametrize(("person", "expect"), [
    (_person(), None),
    (_person(start="2004"), None),
    (_person(office="grand_vizier"), "unknown office"),
    (_person(country="XXX"), "unknown country"),
    (_person(start="09/03/2004"), "ISO date"),
    (_person(start="2004-13"), "ISO date"),
    (_person(start="2010-01-01", end="2004-03"), "before it starts"),
    (_person(office="ambassador", to="NOWHERE"), "'to' must be"),
    (_person(office="ambassador", to="UN"), None),
    ({**_person(), "id": "Test Person"}, "slug"),
])
def test_people_schema(person: dict[str, Any], expect: str | None) -> None:
    problems = _problems(_sources(), [person])
    if expect is None:
        assert problems == []
    else:
        assert any(expect in p for p in problems), problems


def test_read_jsonl_reports_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "people.jsonl"
    assert build.read_jsonl(path) == []
    path.write_text('{"id": "a"}\n{"id": \n', encoding="utf-8")
    with pytest.raises(BuildError, match=r"people\.jsonl:2"):
        build.read_jsonl(path, settle=True)


def test_merge_adds_cldr_names_and_dedupes() -> None:
    src = _sources()
    kb = merge(src["states"], src["orgs"], src["offices"], src["sectors"], [])
    states = {s["id"]: s for s in kb["states"]}
    # Curated forms first, CLDR's added, folded duplicates dropped.
    assert states["AZE"]["names"]["fa"][0] == "جمهوری آذربایجان"
    assert states["AND"]["names"]["ar"] == ["أندورا"]  # an uncurated state: CLDR only
    assert states["TUR"]["name"] == "Türkiye"
    keys = [build.key(n) for n in states["USA"]["names"]["fa"]]
    assert len(keys) == len(set(keys))
