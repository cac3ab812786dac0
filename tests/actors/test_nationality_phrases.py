"""English actor phrases led by a nationality word: office + written name, sector nouns,
capitalised acronyms against pronouns, and demonyms derived by rule."""

from __future__ import annotations

from typing import Any

from khabar.actors.lexicon import derived_adjectives
from khabar.document import Document
from khabar.kb import load_kb
from khabar.pipeline import Pipeline

PIPE = Pipeline(["clean", "sentences", "langid", "time", "actors"])


def _actors(text: str) -> list[tuple[str, dict[str, Any]]]:
    doc = PIPE(Document(id="t", text=text, lang="en", published="1990-06-01"))
    assert doc.ok, doc.reason
    return [(doc.text[s.start:s.end], s.value) for s in doc.spans("actors")]


def test_demonym_office_and_unknown_name_is_a_person_as_written() -> None:
    found = _actors("Malawian Prime Minister Tembo Kachingwe flew home on Tuesday.")
    people = [v for _, v in found if v.get("kind") == "person"]
    assert len(people) == 1
    assert people[0]["name"] == "Tembo Kachingwe"
    assert people[0]["country"] == "MWI" and people[0]["office"] == "prime_minister"


def test_capitalised_words_that_are_no_name_stay_an_office() -> None:
    found = _actors("The Foreign Minister Thursday rejected the plan.")
    assert not [v for _, v in found if v.get("name") == "Thursday"]


def test_capital_us_is_the_state_lower_us_is_not() -> None:
    found = _actors("US troops landed near the port while they urged us to stay.")
    states = [(t, v) for t, v in found if v.get("country") == "USA"]
    assert [t for t, _ in states] == ["US troops"]
    assert states[0][1]["sector"] == "military"


def test_country_name_and_group_noun() -> None:
    found = _actors("Ivory Coast rebels seized a town in the west.")
    assert any(v.get("country") == "CIV" and v.get("sector") == "rebels" for _, v in found)


def test_adjective_before_sector_wins_over_a_state_later_in_the_clause() -> None:
    found = _actors("Iraqi troops crossed into Kuwait at dawn.")
    troops = [v for t, v in found if "troops" in t]
    assert troops and troops[0]["country"] == "IRQ"


def test_european_community_ministers_are_the_eu() -> None:
    found = _actors("European Community foreign ministers condemned the coup.")
    assert any(v.get("id") == "EU" and v.get("office") == "foreign_minister" for _, v in found)


def test_demonyms_by_rule_only_for_states_without_one() -> None:
    forms = dict(derived_adjectives(load_kb()))
    assert forms["Zimbabwean"] == "ZWE" and forms["Senegalese"] == "SEN"
    assert "Russian" not in forms and not any(f.endswith("sese") for f in forms)
