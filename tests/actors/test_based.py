"""Unnamed actors placed by the text (khabar.actors.based): gunmen, protesters, people counted,
foreign workers -- the country of their adjective, origin, clause, sentence or document.

All sentences are invented for these tests."""

from __future__ import annotations

from typing import Any

from khabar.actors.based import place_unnamed, unnamed_cues
from khabar.document import Document
from khabar.pipeline import Pipeline
from khabar.text.normalize import fold

PIPE = Pipeline(["clean", "sentences", "langid", "time", "actors"])
EVENTS = Pipeline(["clean", "sentences", "langid", "time", "actors", "events"])


def _run(text: str, lang: str, pipe: Pipeline = PIPE) -> Document:
    doc = pipe(Document(id="t", text=text, lang=lang, published="2008-03-01"))
    assert doc.ok, doc.reason
    return doc


def _actors(doc: Document) -> dict[str, dict[str, Any]]:
    return {doc.text[s.start:s.end]: {**s.value, "rule": s.rule} for s in doc.spans("actors")}


# -- new nouns, placed by their clause ----------------------------------------------------------

def test_unnamed_attackers_take_the_country_of_the_place_in_their_clause() -> None:
    found = _actors(_run("هاجم ملثمون حاجزا للجيش في مدينة الموصل أمس.", "ar"))
    assert found["ملثمون"]["country"] == "IRQ"
    assert found["ملثمون"]["sector"] == "militia"
    assert found["ملثمون"]["country_from"] == "place"
    assert found["ملثمون"]["kind"] == "group"  # people of a state, not the state acting


def test_unnamed_attackers_in_persian_and_english() -> None:
    fa = _actors(_run("مهاجمان در کابل به یک کاروان حمله کردند.", "fa"))
    assert fa["مهاجمان"]["country"] == "AFG"
    en = _actors(_run("Militants attacked a checkpoint in Kirkuk on Monday.", "en"))
    assert en["Militants"]["country"] == "IRQ"


def test_people_counted_are_actors_only_after_a_number() -> None:
    counted = _actors(_run("قتل 7 أشخاص في انفجار وسط بغداد.", "ar"))
    assert counted["أشخاص"]["country"] == "IRQ"
    assert counted["أشخاص"]["sector"] == "civilians"
    bare = _actors(_run("تحدث أشخاص في بغداد عن الأسعار.", "ar"))
    assert "أشخاص" not in bare
    fa = _actors(_run("۱۲ نفر در انفجار بمب در بغداد کشته شدند.", "fa"))
    assert fa["نفر"]["country"] == "IRQ"
    en = _actors(_run("A bomb killed 12 people in Baghdad.", "en"))
    assert en["people"]["country"] == "IRQ"
    assert "people" not in _actors(_run("The people of the region want peace.", "en"))


def test_people_counted_are_sides_only_of_attacks_arrests_and_protests() -> None:
    assert "شخص" not in _actors(_run("زار 5 آلاف شخص معرض الكتاب في القاهرة.", "ar"))
    assert "people" not in _actors(_run("About 5,000 people visited the fair in Cairo.", "en"))


# -- adjective and origin -----------------------------------------------------------------------

def test_a_nationality_adjective_gives_the_country_and_is_absorbed() -> None:
    found = _actors(_run("خطف مسلحون مهندسا هنديا في كابول.", "ar"))
    assert found["مهندسا هنديا"]["country"] == "IND"  # the indefinite accusative, too
    assert found["مهندسا هنديا"]["country_from"] == "adjective"
    fa = _actors(_run("یک خبرنگار فرانسوی در کابل ربوده شد.", "fa"))
    assert fa["خبرنگار فرانسوی"]["country"] == "FRA"
    assert "فرانسوی" not in fa  # one actor, not the noun and a state beside it
    en = _actors(_run("Gunmen kidnapped an Indian engineer in Kabul.", "en"))
    assert en["Indian engineer"]["country"] == "IND"


def test_workers_and_soldiers_take_no_country_from_the_place_alone() -> None:
    # foreign workers and soldiers are often abroad: only an adjective or an origin places them
    found = _actors(_run("خطف مسلحون مهندسا في كابول.", "ar"))
    assert "مهندسا" not in found
    assert found["مسلحون"]["country"] == "AFG"


def test_an_origin_phrase_wins_over_the_place_where_they_are() -> None:
    ar = _actors(_run("تظاهر محتجون من سوريا في برلين.", "ar"))
    assert ar["محتجون"]["country"] == "SYR"
    assert ar["محتجون"]["country_from"] == "origin"
    # a sector word of the knowledge base: the country it took from the place yields
    en = _actors(_run("Protesters from Syria rallied in Berlin.", "en"))
    assert en["Protesters"]["country"] == "SYR"
    assert en["Protesters"]["rule"].endswith(":based_from_origin")


def test_a_state_named_right_after_a_group_is_no_origin() -> None:
    found = _actors(_run("اتهم محتجون إسرائيل بالاعتداء عليهم في عمان.", "ar"))
    assert found.get("محتجون", {}).get("country") != "ISR"


def test_arabic_accusative_nationality_is_the_state() -> None:
    found = _actors(_run("خطف مسلحون أميركيا في البصرة.", "ar"))
    assert found["أميركيا"]["country"] == "USA"
    counted = _actors(_run("قتل 13 عراقيا في انفجار.", "ar"))
    assert counted["عراقيا"]["country"] == "IRQ"


# -- what does not place a group ----------------------------------------------------------------

def test_a_place_of_another_clause_gives_no_country() -> None:
    doc = _run("Militants attacked a convoy, and later in Kirkuk a bomb exploded.", "en")
    assert "Militants" not in _actors(doc)


def test_a_place_after_an_apposition_comma_still_does() -> None:
    found = _actors(_run("تجمع محتجون أمام المبنى، ثم انفجرت قنبلة في البصرة.", "ar"))
    assert "محتجون" not in found  # «، ثم»: a new clause
    found = _actors(_run("أصيب 5 أشخاص، بينهم طفلان، في انفجار في البصرة.", "ar"))
    assert found["أشخاص"]["country"] == "IRQ"  # across the apposition «، بينهم طفلان،»


def test_armed_groups_are_placed_by_their_own_clause_only() -> None:
    # the events stage reads «كابول» as what was hit; gunmen of that state would hide it
    found = _actors(_run("وفي كابول، هاجم ملثمون حافلة صباح اليوم.", "ar"))
    assert "ملثمون" not in found


def test_a_destination_is_not_where_a_group_is() -> None:
    found = _actors(_run("تجمع محتجون قبل التوجه إلى سوريا.", "ar"))
    assert "محتجون" not in found


def test_the_document_places_a_sentence_that_names_no_place() -> None:
    doc = _run("A car bomb exploded in Kirkuk on Monday. Police said militants planted it.", "en")
    found = _actors(doc)
    assert found["militants"]["country"] == "IRQ"
    assert found["militants"]["country_from"] == "document"


def test_an_adjective_of_a_thing_is_no_attacker() -> None:
    assert "مسلح" not in _actors(_run("وقع هجوم مسلح في بغداد.", "ar"))
    found = _actors(_run("قتل مسلح شرطيا في بغداد.", "ar"))
    assert found["مسلح"]["country"] == "IRQ"  # after a verb: the subject


def test_a_persian_adjective_in_yeh_is_no_group() -> None:
    found = _actors(_run("عملیات ضد تروریستی در کابل آغاز شد.", "fa"))
    assert not [t for t, v in found.items() if v.get("sector") == "militia"]


def test_words_of_a_trigger_phrase_are_never_unnamed_actors() -> None:
    nouns = unnamed_cues("ar").matcher
    assert not list(nouns.finditer(fold("رهائن")))  # «احتجز رهائن» is a trigger
    assert list(nouns.finditer(fold("أشخاص")))


def test_no_new_actor_inside_a_trigger_hides_its_event() -> None:
    # «احتجز ... رهينة» is one trigger around the group: the event stays
    doc = _run("احتجزت جماعة مسلحة 20 رهينة في بغداد.", "ar", EVENTS)
    assert any(e.value["type"] == "ASSAULT" for e in doc.spans("events"))


# -- into events ----------------------------------------------------------------------------------

def test_victims_counted_in_an_attack_are_its_target() -> None:
    # the gunmen and their victims are of one state: the victims are still the target
    doc = _run("هاجم مسلحون سوقا في بغداد وقتلوا 12 شخصا.", "ar", EVENTS)
    assaults = [e.value for e in doc.spans("events") if e.value["type"] == "ASSAULT"]
    assert assaults
    assert all("IRQ" in {a["country"] for a in e["target"]} for e in assaults)


def test_other_languages_are_left_alone() -> None:
    doc = Document(id="t", text="Gunmen attacked in Kirkuk.", lang="de")
    assert place_unnamed(doc, [], [], "de") == []
