"""The shipped KB has what the actors stage relies on (docs/KB.md)."""

from __future__ import annotations

import re
from pathlib import Path

from khabar.kb import load_kb
from khabar.kb.build import CORE_STATES, LANGS

KB_MD = Path(__file__).resolve().parents[2] / "docs" / "KB.md"


def _listed_ids(heading: str) -> set[str]:
    """The ids KB.md lists after ``heading`` ("Ids: `a`, `b`, ...")."""
    text = KB_MD.read_text(encoding="utf-8")
    section = text[text.index(heading):]
    start = section.index("Ids:")
    end = section.find("\n\n", start)
    ids_line = section[start:end if end >= 0 else len(section)]
    return set(re.findall(r"`([a-z_]+)`", ids_line))


def test_every_documented_office_and_sector_exists() -> None:
    kb = load_kb()
    offices = _listed_ids("## `offices.jsonl`")
    sectors = _listed_ids("## `sectors.jsonl`")
    assert len(offices) >= 21 and len(sectors) >= 16
    assert offices | {"counterpart"} <= set(kb.offices)
    assert sectors <= set(kb.sectors)


def test_core_states_are_curated_in_three_languages() -> None:
    kb = load_kb()
    assert len(CORE_STATES) >= 60
    for code in CORE_STATES:
        state = kb.states[code]
        assert state.curated, code
        for lang in LANGS:
            assert state.names[lang] and state.adjectives[lang], (code, lang)


def test_every_iso_state_has_cldr_names() -> None:
    kb = load_kb()
    iso = [s for s in kb.states.values() if s.status is None]
    assert len(iso) == 249
    for state in iso:
        for lang in LANGS:
            assert state.names[lang], (state.id, lang)


def test_orgs_and_sectors() -> None:
    kb = load_kb()
    for org in kb.orgs.values():
        assert org.country is None or org.country in kb.states, org.id
        assert org.parent is None or org.parent in kb.orgs, org.id
        assert all(org.names[lang] for lang in LANGS), org.id
    international = {"UN", "UNSC", "UNGA", "OSCE", "OSCE_MG", "EU", "NATO", "CSTO", "CIS", "ICRC"}
    assert all(kb.orgs[o].country is None for o in international)
    assert kb.orgs["KARABAKH_AUTH"].country == "AZE"
    assert kb.orgs["HEZBOLLAH"].country == "LBN" and kb.orgs["HOUTHIS"].country == "YEM"
    assert kb.orgs["ISIS"].bases[0] == kb.orgs["ISIS"].country
    for sector in kb.sectors.values():
        assert sector.combines in (None, "state", "base"), sector.id
    assert kb.sectors["military"].combines == "state"
    assert kb.sectors["separatists"].combines == "base"


def test_people_reference_known_offices_and_states() -> None:
    kb = load_kb()
    for person in kb.people.values():
        for tenure in person.offices:
            assert tenure.office in kb.offices, person.id
            assert tenure.country is None or tenure.country in kb.states, person.id
