"""Actor phrase composition on original sentences, with a small hand-made lexicon."""

from __future__ import annotations

from typing import Any

from khabar.actors.compose import compose
from khabar.actors.lexicon import Entry, cues
from khabar.actors.resolve import HolderIndex
from khabar.kb import CLITICS
from khabar.text import PhraseMatcher, normalize

PEOPLE = {
    "ali-rezai": {"id": "ali-rezai", "name": "Ali Rezai", "country": "IRN",
                  "offices": [{"office": "foreign_minister", "country": "IRN",
                               "start": "2019-01-01", "end": "2022-06-30"}]},
    "omar-haddad": {"id": "omar-haddad", "name": "Omar Haddad", "country": "JOR",
                    "offices": [{"office": "foreign_minister", "country": "JOR",
                                 "start": "2020-03", "end": None}]},
}
ENTRIES = [
    ("علی رضایی", Entry("person", "ali-rezai")), ("رضایی", Entry("person", "ali-rezai")),
    ("عمر حداد", Entry("person", "omar-haddad")),
    ("وزیر امور خارجه", Entry("office", "foreign_minister")),
    ("وزير الخارجية", Entry("office", "foreign_minister")),
    ("foreign minister", Entry("office", "foreign_minister")),
    ("همتای", Entry("counterpart", "counterpart")), ("نظيره", Entry("counterpart", "counterpart")),
    ("ایران", Entry("state", "IRN", "names")), ("ایرانی", Entry("state", "IRN", "adjectives")),
    ("اردنی", Entry("state", "JOR", "adjectives")), ("أردني", Entry("state", "JOR", "adjectives")),
    ("الأردن", Entry("state", "JOR", "names")), ("Jordanian", Entry("state", "JOR", "adjectives")),
    ("نیروهای", Entry("sector", "military")), ("الجيش", Entry("sector", "military")),
    ("آقای", Entry("title", "آقای")),
]
ROLES = {"foreign_minister": "foreign minister"}


def _run(sentence: str, lang: str, when: str | None = "2021-05-01") -> list[dict[str, Any]]:
    prefix, suffix = CLITICS[lang]
    matcher = PhraseMatcher(ENTRIES, prefix=prefix, suffix=suffix)
    text = normalize(sentence).text
    index = HolderIndex(list(PEOPLE.values()))
    out = compose(
        text, list(matcher.finditer(text)), lang=lang, cue=cues(lang),
        person_info=PEOPLE.get, org_info=lambda _id: None, office_role=ROLES.__getitem__,
        holders=lambda office, country: index.holders(office, country, when),
    )
    return [c.value for c in out]


def test_person_with_office_phrase_is_one_actor() -> None:
    found = _run("علی رضایی وزیر امور خارجه ایران با همتای اردنی خود گفت‌وگو کرد.", "fa")
    assert found[0]["name"] == "Ali Rezai" and found[0]["role"] == "foreign minister"
    assert found[1]["kind"] == "counterpart" and found[1]["country"] == "JOR"
    assert len(found) == 2


def test_office_resolves_to_holder_on_the_date() -> None:
    assert _run("وزیر امور خارجه ایران سخن گفت.", "fa")[0]["name"] == "Ali Rezai"
    later = _run("وزیر امور خارجه ایران سخن گفت.", "fa", when="2023-01-01")[0]
    assert later["name"] is None and later["country"] == "IRN" and later["kind"] == "office"
    # a year that saw the office change hands decides nothing
    assert _run("وزیر امور خارجه ایران سخن گفت.", "fa", when="2022")[0]["name"] is None


def test_arabic_office_adjective_and_sector() -> None:
    found = _run("قال وزير الخارجية الأردني عمر حداد إن الجيش الأردني انسحب.", "ar")
    assert found[0]["name"] == "Omar Haddad" and found[0]["country"] == "JOR"
    assert found[1] == {"country": "JOR", "id": "JOR", "kind": "state", "name": None,
                        "sector": "military"}


def test_english_adjective_before_office() -> None:
    found = _run("The Jordanian foreign minister arrived.", "en")
    assert found[0]["name"] == "Omar Haddad" and found[0]["role"] == "foreign minister"


def test_title_introduces_unknown_person() -> None:
    found = _run("آقای بهرام نادری وزیر امور خارجه ایران آمد.", "fa", when=None)
    assert found[0]["unknown"] and found[0]["name"] == "بهرام نادری"
    assert found[0]["country"] == "IRN" and found[0]["role"] == "foreign minister"


def test_persian_plural_suffix_on_adjective_sector() -> None:
    found = _run("نیروهای ایرانی مستقر شدند.", "fa")
    assert found == [{"country": "IRN", "id": "IRN", "kind": "state", "name": None,
                      "sector": "military"}]


def test_coordinated_states_after_a_sector_keep_their_own_id() -> None:
    found = _run("نیروهای ایران و الأردن مستقر شدند.", "fa")
    states = [(v.get("id"), v.get("country")) for v in found if v.get("sector") == "military"]
    assert states == [("IRN", "IRN"), ("JOR", "JOR")]
