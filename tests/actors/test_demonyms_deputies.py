"""Peoples as sides (sound plurals by rule, broken plurals as data), officials and sources as a
state's government, neighbour words, deputies and acting holders: original sentences."""

from __future__ import annotations

from typing import Any

from khabar.actors.lexicon import derived_people
from khabar.document import Document
from khabar.kb import load_kb
from khabar.pipeline import Pipeline

PIPE = Pipeline(["clean", "sentences", "langid", "time", "actors"])


def _actors(text: str, lang: str, published: str = "2015-06-01") -> list[tuple[str, dict[str, Any]]]:
    doc = PIPE(Document(id="t", text=text, lang=lang, published=published))
    assert doc.ok, doc.reason
    return [(doc.text[s.start:s.end], s.value) for s in doc.spans("actors")]


def test_sound_plurals_are_derived_from_the_adjectives() -> None:
    derived = set(derived_people(load_kb()))
    assert ("يمنيين", "YEM") in derived and ("يمنيون", "YEM") in derived
    assert ("عراقی\u200cها", "IRQ") in derived and ("عراقیان", "IRQ") in derived


def test_sector_with_a_plural_demonym() -> None:
    for text, lang, code, sector in [
            ("أصيب ثلاثة جنود أتراك بانفجار لغم صباح اليوم.", "ar", "TUR", "military"),
            ("أطلق خمسة مسلحين يمنيين النار على الحاجز.", "ar", "YEM", "militia"),
            ("سربازان آمریکایی از پایگاه خارج شدند.", "fa", "USA", "military"),
            ("قال مسؤولون باكستانيون إن القافلة تعرضت لكمين.", "ar", "PAK", "government"),
            ("ذكرت مصادر أمنية عراقية أن الحاجز أغلق.", "ar", "IRQ", "government"),
            ("مقامات ارشد ایرانی از این طرح انتقاد کردند.", "fa", "IRN", "government")]:
        found = _actors(text, lang)
        assert any(v.get("country") == code and v.get("sector") == sector
                   for _, v in found), (text, found)


def test_broken_plural_people_and_the_kurds() -> None:
    found = _actors("اشتبك أتراك وأفغان قرب السوق.", "ar")
    assert [v["country"] for _, v in found] == ["TUR", "AFG"]
    kurds = _actors("تظاهر أكراد في كركوك ضد القرار.", "ar")
    assert [(v.get("id"), v["country"]) for _, v in kurds if v.get("id") == "KURDS"] == [
        ("KURDS", "IRQ")]


def test_neighbour_is_the_other_party() -> None:
    found = _actors("ارمنستان به آذربایجان حمله کرد.\n\nکشور همسایه این حمله را محکوم کرد.", "fa")
    assert {v["country"] for _, v in found if v.get("neighbour")} == {"ARM", "AZE"}
    own = _actors("أرمينيا ترفض مطالب أذربيجان. وقالت أرمينيا إن البلد الجار يهدد أمنها.", "ar")
    assert [v["country"] for _, v in own if v.get("neighbour")] == ["AZE"]
    named = _actors("Iraq said the neighbouring country Iran would help.", "en")
    assert not [v for _, v in named if v.get("neighbour")]


def test_two_countries_without_a_coordinated_pair() -> None:
    found = _actors("هاجمت أرمينيا أذربيجان فجرا. ودعت موسكو الدولتين إلى ضبط النفس.", "ar")
    assert {v["country"] for _, v in found if v.get("sides")} == {"ARM", "AZE"}


def test_deputy_and_acting_never_take_the_principal() -> None:
    vp = _actors("سافر نائب الرئيس الأمريكي إلى بغداد.", "ar")
    assert any(v.get("name") == "Joe Biden" for _, v in vp)
    for text, lang, country, role in [
            ("قائم‌مقام رییس‌جمهور آمریکا با هیئتی دیدار کرد.", "fa", "USA", "acting president"),
            ("استقبل القائم بأعمال السفير الأمريكي الوفد.", "ar", "USA", "acting ambassador"),
            ("The acting president of Iraq met the delegation.", "en", "IRQ", "acting president"),
            ("وصل وزير الدفاع الأمريكي بالوكالة إلى المنامة.", "ar", "USA",
             "acting defence minister"),
            ("The Russian deputy defence minister arrived.", "en", "RUS",
             "deputy defence minister")]:
        found = _actors(text, lang)
        offices = [v for _, v in found if v.get("role") == role]
        assert offices and offices[0]["country"] == country, (text, found)
        assert all(v.get("kind") != "person" for v in offices), (text, found)
    dpm = _actors("The deputy prime minister of Turkey visited Baku.", "en")
    assert any(v.get("office") == "deputy_prime_minister" and v["country"] == "TUR"
               for _, v in dpm)
