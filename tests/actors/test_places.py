"""Places (GeoNames cities and curated regions) and the country sector phrases take from them."""

from __future__ import annotations

from typing import Any

from khabar.actors.places import gazetteer
from khabar.document import Document
from khabar.pipeline import Pipeline

PIPE = Pipeline(["clean", "sentences", "langid", "time", "actors"])


def _run(text: str, lang: str, published: str = "2021-11-01") -> Document:
    doc = PIPE(Document(id="t", text=text, lang=lang, published=published))
    assert doc.ok, doc.reason
    return doc


def _places(doc: Document) -> list[tuple[str, dict[str, Any]]]:
    return [(doc.text[s.start:s.end], s.value) for s in doc.spans("places")]


def _actors(doc: Document) -> list[tuple[str, dict[str, Any], str]]:
    return [(doc.text[s.start:s.end], s.value, s.rule) for s in doc.spans("actors")]


def test_gazetteer_holds_arabic_script_names_of_large_cities() -> None:
    keys = gazetteer("ar")
    assert any(p.country == "IRQ" for p in keys["موصل"] + keys.get("الموصل", ()))
    assert keys["قرهباغ"][0].country == "AZE"  # curated, spaces removed


def test_city_after_a_locative_is_a_place_with_its_country() -> None:
    doc = _run("اشتبك مسلحون مع الشرطة في الموصل أمس.", "ar")
    assert ("الموصل", "IRQ") in [(t, v["country"]) for t, v in _places(doc)]


def test_capital_after_arabic_preposition_is_a_place_not_an_actor() -> None:
    doc = _run("قتل 18 شخصا في انفجار في بغداد امس.", "ar")
    assert [v["country"] for _, v in _places(doc)] == ["IRQ"]
    assert not [a for a in _actors(doc) if a[1].get("kind") == "state"]


def test_common_word_is_no_place() -> None:
    doc = _run("وقال إن الوضع كان صعبا في المدينة.", "ar")
    assert _places(doc) == []
    doc = _run("او گفت این خبر در میدان شهر پخش شد.", "fa")
    assert _places(doc) == []


def test_english_city_needs_a_capital_letter() -> None:
    assert [v["country"] for _, v in _places(_run("Gunmen attacked a convoy in Kirkuk.", "en"))] \
        == ["IRQ"]
    assert _places(_run("Most of them said the split would reading well.", "en")) == []


def test_curated_region_in_persian() -> None:
    doc = _run("درگیری ها در قره باغ ادامه دارد.", "fa")
    assert [(t, v["country"]) for t, v in _places(doc)] == [("قره باغ", "AZE")]


def test_sector_takes_the_country_of_a_place_in_its_clause() -> None:
    doc = _run("وأطلقت الشرطة النار على المتظاهرين في البصرة.", "ar")
    found = {v["sector"]: (v["country"], v.get("country_from")) for _, v, _ in _actors(doc)}
    assert found["protesters"] == ("IRQ", "place")
    assert found["police"] == ("IRQ", "place")


def test_place_across_a_clause_break_does_not_give_its_country() -> None:
    doc = _run("Gunmen fired on the convoy, and later in Kirkuk a bomb exploded.", "en")
    gunmen = [v for t, v, _ in _actors(doc) if v.get("sector") == "militia"]
    # militia is no domestic sector: no place in its clause, no country
    assert gunmen and gunmen[0]["country"] is None


def test_domestic_sector_takes_the_dominant_country_of_the_document() -> None:
    doc = _run("أعلنت الحكومة العراقية خطة جديدة. وقال رئيس الوزراء العراقي إن العراق مستعد.\n\n"
               "وتجمع المتظاهرون أمام المبنى.", "ar", "2021-11-01")
    protesters = [v for _, v, _ in _actors(doc) if v.get("sector") == "protesters"]
    assert protesters and protesters[0]["country"] == "IRQ"
    assert protesters[0]["country_from"] == "document"


def test_no_dominant_country_leaves_a_domestic_sector_without_one() -> None:
    doc = _run("التقى وزير الخارجية الروسي نظيره الأوكراني. وتجمع المتظاهرون أمام المبنى.", "ar")
    protesters = [v for _, v, _ in _actors(doc) if v.get("sector") == "protesters"]
    # RUS once, UKR once: none dominates, the actor stays without a country
    assert protesters and protesters[0]["country"] is None


def test_persian_security_forces_take_the_place_country() -> None:
    doc = _run("نیروهای امنیتی در تهران معترضان را متفرق کردند.", "fa")
    found = {v.get("sector"): v["country"] for _, v, _ in _actors(doc)}
    assert found.get("police") == "IRN"
    assert found.get("protesters") == "IRN"


def test_irans_azerbaijan_provinces_are_iran_not_the_republic() -> None:
    # a state's name inside a curated province's name gives way to the province
    for text, lang in (("پلیس استان آذربایجان شرقی ۳۷ نفر را دستگیر کرد.", "fa"),
                       ("استاندار آذربایجان غربی با وزیر کشور دیدار کرد.", "fa"),
                       ("وصل الرئيس الإيراني إلى تبريز عاصمة محافظة أذربيجان الشرقية.", "ar")):
        doc = _run(text, lang)
        assert "AZE" not in {s.value.get("country") for s in doc.spans("actors")}, text
        assert "IRN" in {s.value.get("country") for s in doc.spans("places")}, text
    doc = _run("رئیس‌جمهور آذربایجان با همتای ایرانی خود دیدار کرد.", "fa")
    assert "AZE" in {s.value.get("country") for s in doc.spans("actors")}
