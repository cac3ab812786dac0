"""Who held an office on a date, on a small KB built in the test (independent of people.jsonl)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from khabar.kb import KB, KBError, Tenure


def _office(oid: str, implies: list[str] | None = None, precedence: int | None = None
            ) -> dict[str, Any]:
    return {"id": oid, "role": oid.replace("_", " "), "implies": implies or [],
            "precedence": precedence, "names": {"en": [oid], "fa": [], "ar": []}}


def _person(pid: str, country: str, *tenures: tuple[Any, ...]) -> dict[str, Any]:
    return {"id": pid, "name": pid.title(), "country": country,
            "names": {"en": [pid], "fa": [], "ar": []},
            "offices": [{"office": o, "country": c, "start": s, "end": e, "to": to, "org": None}
                        for o, c, s, e, to in tenures]}


@pytest.fixture
def kb() -> KB:
    return KB({
        "states": [], "orgs": [], "sectors": [],
        "offices": [_office("head_of_state"), _office("president", ["head_of_state"], 3),
                    _office("supreme_leader", ["head_of_state"], 1), _office("foreign_minister"),
                    _office("ambassador")],
        "people": [
            _person("old-fm", "RUS", ("foreign_minister", "RUS", "1990-12", "1996-01", None)),
            _person("new-fm", "RUS", ("foreign_minister", "RUS", "2004-03-09", None, None),
                    ("ambassador", "RUS", "1994-04-12", "2004-03-09", "UN")),
            _person("leader", "IRN", ("supreme_leader", "IRN", "1989-06-04", None, None)),
            _person("pres", "IRN", ("president", "IRN", "1989-08-03", "1997-08-03", None)),
            _person("acting", "AZE", ("head_of_state", "AZE", "1992-03-06", "1992-05-14", None)),
            _person("elected", "AZE", ("president", "AZE", "1992-06-16", "1993-06-24", None)),
        ],
    })


def _ids(people: list[Any]) -> list[str]:
    return [p.id for p in people]


def test_holder_on_a_date(kb: KB) -> None:
    assert _ids(kb.holders("foreign_minister", "RUS", date(2021, 11, 1))) == ["new-fm"]
    assert _ids(kb.holders("foreign_minister", "RUS", date(1993, 5, 1))) == ["old-fm"]
    assert _ids(kb.holders("foreign_minister", "RUS", date(2000, 1, 1))) == []
    assert _ids(kb.holders("foreign_minister", "ARM", date(2021, 11, 1))) == []


def test_any_time_most_recent_first(kb: KB) -> None:
    assert _ids(kb.holders("foreign_minister", "RUS")) == ["new-fm", "old-fm"]


def test_coarse_dates_cover_their_month(kb: KB) -> None:
    assert _ids(kb.holders("foreign_minister", "RUS", date(1990, 12, 1))) == ["old-fm"]
    assert _ids(kb.holders("foreign_minister", "RUS", date(1996, 1, 31))) == ["old-fm"]
    assert _ids(kb.holders("foreign_minister", "RUS", date(1996, 2, 1))) == []


def test_implied_offices_by_precedence(kb: KB) -> None:
    # Both the supreme leader and the president imply head_of_state; the leader ranks first.
    assert _ids(kb.holders("head_of_state", "IRN", date(1993, 1, 1))) == ["leader"]
    assert _ids(kb.holders("head_of_state", "IRN", date(1993, 1, 1), implied=False)) == []
    # An explicit head_of_state tenure answers before any implied one ...
    assert _ids(kb.holders("head_of_state", "AZE", date(1992, 4, 1))) == ["acting"]
    # ... and where there is none, the president does.
    assert _ids(kb.holders("head_of_state", "AZE", date(1993, 1, 1))) == ["elected"]


def test_ambassador_to(kb: KB) -> None:
    assert _ids(kb.holders("ambassador", "RUS", date(2000, 1, 1), to="UN")) == ["new-fm"]
    assert _ids(kb.holders("ambassador", "RUS", date(2000, 1, 1), to="USA")) == []


def test_unknown_office(kb: KB) -> None:
    with pytest.raises(KBError):
        kb.holders("grand_vizier", "IRN")


def test_tenure_covers() -> None:
    t = Tenure("president", "ARM", None, None, "1991", "1998-02-03")
    assert t.covers(date(1991, 1, 1)) and t.covers(date(1998, 2, 3))
    assert not t.covers(date(1990, 12, 31)) and not t.covers(date(1998, 2, 4))


def test_malformed_kb() -> None:
    with pytest.raises(KBError):
        KB({"states": [{"id": "AZE"}], "orgs": [], "offices": [], "sectors": [], "people": []})
