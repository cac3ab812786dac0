"""Phrases in the three languages resolve to the right KB entries (original example phrases)."""

from __future__ import annotations

import pytest

from khabar.kb import GROUPS, Entry, KBError, load_kb


def _resolved(text: str, lang: str) -> list[tuple[str, str, str]]:
    kb = load_kb()
    return [(e.kind, e.id, e.field) for _, entries in kb.resolve(text, lang) for e in entries]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ar", "وزير الخارجية الروسي",
     [("office", "foreign_minister", "names"), ("state", "RUS", "adjectives")]),
    ("fa", "نیروهای ارمنی", [("sector", "military", "names"), ("state", "ARM", "adjectives")]),
    ("en", "the Kremlin", [("state", "RUS", "seats")]),
    ("fa", "کاخ سفید", [("state", "USA", "seats")]),
    ("ar", "الأمم المتحدة", [("org", "UN", "names")]),
    ("ar", "الجيش السوري", [("sector", "military", "names"), ("state", "SYR", "adjectives")]),
    ("en", "Azerbaijani forces", [("state", "AZE", "adjectives"), ("sector", "military", "names")]),
    ("fa", "ارتش جمهوری آذربایجان", [("sector", "military", "names"), ("state", "AZE", "names")]),
    ("ar", "وأعلن الكرملين", [("state", "RUS", "seats")]),
    ("fa", "نخست‌وزیر ارمنستان", [("office", "prime_minister", "names"), ("state", "ARM", "names")]),
    ("ar", "رئيس الوزراء الأرميني", [("office", "prime_minister", "names"),
                                     ("state", "ARM", "adjectives")]),
    ("fa", "سخنگوی وزارت امور خارجه ایران", [("office", "mfa_spokesperson", "names"),
                                              ("state", "IRN", "names")]),
    ("ar", "والمتحدث باسم الخارجية", [("office", "mfa_spokesperson", "names")]),
    ("fa", "گروه مینسک سازمان امنیت و همکاری اروپا", [("org", "OSCE_MG", "names")]),
    ("fa", "جمهوری خودخوانده قره‌باغ", [("org", "KARABAKH_AUTH", "names")]),
    ("ar", "سلطات قره باغ الانفصالية", [("org", "KARABAKH_AUTH", "names")]),
    ("en", "the self-declared Artsakh", [("org", "KARABAKH_AUTH", "names")]),
    # The longer org entry wins over sector + people, also behind the conjunction و.
    ("ar", "والانفصاليين الأرمن", [("org", "KARABAKH_FORCES", "names")]),
    ("fa", "حوثی‌ها", [("org", "HOUTHIS", "names")]),
    ("ar", "قوات حفظ السلام الروسية", [("sector", "peacekeepers", "names"),
                                       ("state", "RUS", "adjectives")]),
    ("fa", "ارامنه", [("state", "ARM", "people")]),
    ("ar", "باكو ويريفان", [("state", "AZE", "capitals"), ("state", "ARM", "capitals")]),
    ("en", "Türkiye and Turkey", [("state", "TUR", "names"), ("state", "TUR", "names")]),
    ("ar", "نظيره الأذربيجاني", [("office", "counterpart", "names"),
                                 ("state", "AZE", "adjectives")]),
    ("fa", "شورای امنیت سازمان ملل", [("org", "UNSC", "names")]),
    ("ar", "مجلس الأمن الدولي", [("org", "UNSC", "names")]),
    ("en", "NATO and the EU", [("org", "NATO", "names"), ("org", "EU", "names")]),
])
def test_phrases_resolve(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _resolved(text, lang) == expected


@pytest.mark.parametrize(("lang", "text"), [
    # "US" is listed (the lookup is case-blind): the actors stage reads "us" as the pronoun
    # by its case (tests/actors/test_nationality_phrases.py)
    ("fa", "روز دوشنبه"),  # Dushanbe is not listed in Persian: it is "Monday"
    ("ar", "كيف حالك"),  # Kiev is not listed as كيف ("how")
    ("en", "Who is there? It is late."),  # WHO / IS are not listed
])
def test_everyday_words_are_not_actors(lang: str, text: str) -> None:
    assert _resolved(text, lang) == []


def test_lookup_and_groups() -> None:
    kb = load_kb()
    assert kb.lookup("کاخ سفید", "fa") == (Entry("state", "USA", "seats"),)
    assert kb.lookup("کاخ سفید", "fa", "names") == ()
    assert kb.lookup("Moscow", "en", "capitals") == (Entry("state", "RUS", "capitals"),)
    assert kb.matcher("fa", "orgs") is kb.matcher("fa", "orgs")  # compiled once
    assert kb.matcher("ar") is kb.matcher("ar", *GROUPS)
    with pytest.raises(KBError):
        kb.matcher("fa", "nonsense")
    with pytest.raises(KBError):
        kb.matcher("de")


def test_state_and_id_lookups() -> None:
    kb = load_kb()
    assert kb.state("az").id == "AZE" and kb.state("AZE").iso2 == "AZ"
    assert kb.get("UNSC").name == "UN Security Council"  # type: ignore[union-attr]
    assert kb.get("foreign_minister").role == "foreign minister"  # type: ignore[union-attr]
    with pytest.raises(KBError):
        kb.state("QQQ")
    with pytest.raises(KBError):
        kb.get("no-such-id")
    assert load_kb() is kb
