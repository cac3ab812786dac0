"""Offices of organisations and plural office words."""

from __future__ import annotations

from typing import Any

from khabar.document import Document
from khabar.pipeline import Pipeline

PIPE = Pipeline(["clean", "sentences", "langid", "time", "actors"])


def _actors(text: str, lang: str, published: str) -> list[tuple[str, dict[str, Any]]]:
    doc = PIPE(Document(id="t", text=text, lang=lang, published=published))
    assert doc.ok, doc.reason
    return [(doc.text[s.start:s.end], s.value) for s in doc.spans("actors")]


def test_arab_league_secretary_general_resolves_to_the_holder_on_the_date() -> None:
    text = "قال الأمين العام لجامعة الدول العربية إن الوضع خطير."
    (_, v), = _actors(text, "ar", "2020-01-05")
    assert (v["name"], v["country"], v["org"], v["role"]) == (
        "Ahmed Aboul Gheit", None, "ARAB_LEAGUE", "secretary-general")
    (_, v), = _actors(text, "ar", "2005-01-05")
    assert v["name"] == "Amr Moussa"


def test_un_secretary_general_in_persian_resolves_to_the_holder() -> None:
    found = _actors("دبیرکل سازمان ملل گفت که آتش بس باید رعایت شود.", "fa", "2020-10-05")
    assert [(v["name"], v["country"]) for _, v in found] == [("Antonio Guterres", None)]


def test_organisation_chief_in_english_and_arabic() -> None:
    found = _actors("NATO chief spoke on Monday.", "en", "2016-05-01")
    assert [(v["name"], v.get("org")) for _, v in found] == [("Jens Stoltenberg", "NATO")]
    found = _actors("وقال رئيس المفوضية الأوروبية إن الاتحاد سيدعم أوكرانيا.", "ar", "2022-03-01")
    assert ("Ursula von der Leyen", None, "president") in [
        (v["name"], v["country"], v.get("role")) for _, v in found]


def test_organisation_office_without_a_known_holder_stays_the_organisation() -> None:
    found = _actors("The OSCE Secretary General visited Baku.", "en", "2021-11-01")
    office = [v for _, v in found if v.get("org") == "OSCE"]
    assert office and office[0]["name"] == "OSCE" and office[0]["country"] is None


def test_plural_ministers_stand_for_the_persons_named_together() -> None:
    found = _actors("لاوروف با بایراموف و میرزویان دیدار کرد. وزیران درباره صلح گفتگو کردند.",
                    "fa", "2021-11-01")
    plural = [v["name"] for _, v in found if v.get("plural")]
    assert plural == ["Sergey Lavrov", "Jeyhun Bayramov", "Ararat Mirzoyan"]


def test_plural_ministers_reach_past_intervening_sentences_to_kb_ministers() -> None:
    # Lavrov is named without his office: the KB says he is Russia's foreign minister
    found = _actors("سرگی لاوروف و جیحون بایراموف گفتگو کردند. این پیام منتشر شد. گزارش آمد. "
                    "مرز ارمنستان و آذربایجان بررسی شد. وزیران به توافق رسیدند.",
                    "fa", "2023-09-20")
    assert [v["name"] for _, v in found if v.get("plural")] == ["Sergey Lavrov",
                                                                 "Jeyhun Bayramov"]


def test_plural_leaders_stand_for_the_states_named_together() -> None:
    found = _actors("Armenia and Azerbaijan met in Moscow. The leaders agreed to a ceasefire.",
                    "en", "2021-11-01")
    assert {v["country"] for _, v in found if v.get("plural")} == {"ARM", "AZE"}


def test_arabic_foreign_ministers_of_a_pair_resolve_to_their_holders() -> None:
    found = _actors("التقت روسيا وأذربيجان في موسكو. وبحث وزراء الخارجية الوضع.", "ar",
                    "2021-11-01")
    plural = {v["name"] for _, v in found if v.get("plural")}
    assert plural == {"Sergey Lavrov", "Jeyhun Bayramov"}


def test_plural_word_without_parties_emits_nothing() -> None:
    assert not [v for _, v in _actors("The ministers met on Monday.", "en", "2021-11-01")
                if v.get("plural")]
