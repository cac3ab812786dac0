"""Every state, organisation and force named as a side in the seed gold events has a KB entry.

Persons are skipped (people.jsonl has its own owner and tests). The test reads only the actor
fields of ../shared/gold/seeds (names and codes, no text) and skips when ../shared is absent.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from tests.conftest import shared_path

from khabar.kb import load_kb
from khabar.text import fold

# A named side that is a body, a force or a population rather than a person.
_COLLECTIVE = re.compile(
    r"\b(forces|authorities|armenians|azerbaijanis|government|group|council|union|front|party|"
    r"ministry|academy|republic|army|assembly|organi[sz]ation|agency)\b", re.IGNORECASE)


def _gold_actors() -> list[dict[str, Any]]:
    actors: list[dict[str, Any]] = []
    for path in sorted(shared_path("gold", "seeds").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                event = json.loads(line)
                for side in ("source", "target"):
                    actors.extend(event.get(side) or [])
    return actors


@pytest.mark.shared
def test_every_gold_country_is_a_kb_state() -> None:
    kb = load_kb()
    countries = {a["country"] for a in _gold_actors() if a.get("country")}
    assert countries, "no gold actors read"
    assert sorted(c for c in countries if c not in kb.states) == []


@pytest.mark.shared
def test_every_gold_org_or_force_is_a_kb_org() -> None:
    kb = load_kb()
    by_name: dict[str, list[Any]] = {}
    for org in kb.orgs.values():
        for form in {org.name, *org.names["en"]}:
            by_name.setdefault(fold(form), []).append(org)
    missing = set()
    named = 0
    for actor in _gold_actors():
        name: str | None = actor.get("name")
        if not name or not (actor.get("country") is None or _COLLECTIVE.search(name)):
            continue  # a state acting as a whole, or a person
        named += 1
        orgs = by_name.get(fold(name), [])
        if not any(o.country == actor.get("country") for o in orgs):
            missing.add((name, actor.get("country")))
    assert named >= 5
    assert sorted(missing, key=str) == []
