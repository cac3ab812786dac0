"""Language identification (stage ``langid``): documents and sentences, fa / ar / en / other."""

from __future__ import annotations

import gzip
import json
from itertools import islice

import pytest

from khabar import Document, Pipeline, Span, register
from khabar.settings import Settings
from khabar.stages.langid import id_view, identify, lingua_raw
from khabar.stages.sentences import split


@register("test_langid_no_boilerplate", assigns=("boilerplate",))
def _no_boilerplate(settings: Settings):  # type: ignore[no-untyped-def]
    def run(doc: Document) -> Document:
        doc.set_layer("boilerplate", [Span(a, b, "boilerplate") for a, b in doc.meta.get("bp", [])])
        return doc

    return run


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(["test_langid_no_boilerplate", "sentences", "langid"])


# Original sentences, one language each (besides the shared SAMPLES in conftest).
SENTENCES = {
    "fa": [
        "سخنگوی وزارت خارجه گفت که ایران از هر طرح صلحی در منطقه حمایت می‌کند.",
        # Persian typed with Arabic yeh and kaf
        "سخنگوي وزارت خارجه گفت كه ايران از هر طرح صلحي در منطقه حمايت ميكند.",
        "روز چهارشنبه",
        "مذاکرات هسته‌ای در وین ادامه دارد",
        # Persian with Arabic honorifics and Arabic-style letters: lingua alone (2.1) reads it as
        # Arabic (0.64); the Persian cue words (اين، در، كرد) decide it
        "آيةاللّه العظمى در اين ديدار بر وحدت امت اسلامى تاكيد كرد.",
    ],
    "ar": [
        "قال المتحدث باسم وزارة الخارجية إن بلاده تدعم أي مبادرة للسلام في المنطقة.",
        "الخميس 21 سبتمبر",
        "وأكد الرئيس على ضرورة الحوار بين الطرفين",
        "ومن المتوقع أن تستأنف المفاوضات الأسبوع المقبل",
    ],
    "en": [
        "The spokesman said the government supports any peace plan in the region.",
        "Talks resume in Vienna next week",
    ],
    "other": [
        "Le porte-parole a déclaré que le gouvernement soutenait le plan de paix.",
        "Пресс-секретарь заявил, что правительство поддерживает мирный план.",
        "Sözcü, hükümetin bölgedeki barış planını desteklediğini söyledi.",
        "ترجمان نے کہا کہ حکومت خطے میں امن منصوبے کی حمایت کرتی ہے۔",  # Urdu
    ],
}


@pytest.mark.parametrize(
    ("lang", "text"),
    [pytest.param(lang, t, id=f"{lang}-{i}") for lang, ts in SENTENCES.items()
     for i, t in enumerate(ts)],
)
def test_identify_sentence(lang: str, text: str) -> None:
    assert identify(text).lang == lang


def test_conftest_samples(lang_samples: tuple[str, list[str]]) -> None:
    lang, texts = lang_samples
    for text in texts:
        assert identify(text).lang == lang


def test_presentation_forms_are_folded_for_identification() -> None:
    word = "ﻓﺮﻣﺎﻧﺪه"  # فرمانده in presentation forms: read as Urdu without the view
    assert id_view(word) == "فرمانده"
    sentence = "ﻓﺮﻣﺎﻧﺪه ﺳﭙﺎه ﮔﻔﺖ ﮐﻪ ﻧﯿﺮوﻫﺎ آﻣﺎده ﻫﺴﺘﻨﺪ"  # Persian, all presentation forms
    assert identify(sentence).lang == "fa"


def test_view_keeps_the_letters_that_separate_arabic_from_persian() -> None:
    view = id_view("كَتَبَ عليٌّ في الـمدينة")
    assert "ك" in view and "ي" in view and "\u064e" not in view and "\u0640" not in view
    assert view == "كتب علي في المدينة"


def test_document_and_sentences(pipe: Pipeline) -> None:
    text = (
        "قره باغ\n"
        "وزیر امور خارجه روز دوشنبه گفت که مذاکرات با باکو و ایروان ادامه خواهد داشت.\n"
        "او در پایان این آیه را خواند: «إن الله على كل شيء قدير وهو الذي يهدي من يشاء»\n"
        "Sputnik International news agency reported the talks.\n"
        "۱۴۰۲/۰۷/۱۲"
    )
    doc = pipe(Document("mixed", text))
    assert doc.ok, doc.reason
    assert doc.lang == "fa"
    got = [(doc.span_text(s)[:12], s.value["lang"]) for s in doc.spans("sentences")]
    assert [lang for _, lang in got] == ["fa", "fa", "fa", "en", "fa"], got


def test_quoted_arabic_paragraph_in_persian_document(pipe: Pipeline) -> None:
    text = (
        "رئیس‌جمهور در این سفر با مقامات عراقی دیدار کرد و درباره همکاری‌ها گفت‌وگو شد.\n"
        "وقال الرئيس العراقي في المؤتمر الصحفي إن العلاقات بين البلدين تشهد تطورا كبيرا في "
        "مختلف المجالات.\n"
        "این سفر دو روز طول می‌کشد."
    )
    doc = pipe(Document("quote", text))
    assert doc.lang == "fa"
    assert [s.value["lang"] for s in doc.spans("sentences")] == ["fa", "ar", "fa"]


def test_short_arabic_script_sentence_takes_the_document_language(pipe: Pipeline) -> None:
    ar_doc = pipe(Document("a", "أعلنت الحكومة عن خطة جديدة لدعم الاقتصاد في البلاد.\nقره باغ"))
    assert ar_doc.lang == "ar"
    assert [s.value["lang"] for s in ar_doc.spans("sentences")] == ["ar", "ar"]
    fa_doc = pipe(Document("f", "دولت از طرح تازه‌ای برای حمایت از اقتصاد خبر داد.\nقره باغ"))
    assert [s.value["lang"] for s in fa_doc.spans("sentences")] == ["fa", "fa"]


def test_language_from_metadata_is_kept(pipe: Pipeline) -> None:
    doc = pipe(Document("m", "The minister arrived in Baku.", lang="ar"))
    assert doc.lang == "ar"
    # the sentence is still labelled, by its own (Latin-script) evidence
    assert [s.value["lang"] for s in doc.spans("sentences")] == ["en"]


def test_boilerplate_is_not_used_for_the_document_language(pipe: Pipeline) -> None:
    menu = "Home | News | Sports | Weather | Contact us | About us | Privacy policy | Terms of use"
    text = menu + "\nوزیر گفت."
    doc = pipe(Document("b", text, meta={"bp": [(0, len(menu))]}))
    assert doc.lang == "fa"
    without = pipe(Document("b2", text))
    assert without.lang == "en"


def test_all_boilerplate_document_is_identified_from_its_whole_text(pipe: Pipeline) -> None:
    text = "جميع الحقوق محفوظة لموقع الأخبار"
    doc = pipe(Document("c", text, meta={"bp": [(0, len(text))]}))
    assert doc.spans("sentences") == []
    assert doc.lang == "ar"


def test_other_and_empty_documents(pipe: Pipeline) -> None:
    assert pipe(Document("r", "Министр прибыл в Баку. Переговоры продолжатся.")).lang == "other"
    empty = pipe(Document("e", "12345 ... 678"))
    assert empty.ok and empty.lang == "other"


GOLD_DOC_LANG = {"000": "fa", "001": "fa", "002": "fa", "003": "ar", "004": "fa"}


def test_seed_documents_and_gold_mention_languages(seeds_dir, gold_dir, pipe) -> None:  # type: ignore[no-untyped-def]
    """Every seed document's language, and every gold mention sentence's language."""
    checked = 0
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = pipe(Document(path.stem, text))
        assert doc.lang == GOLD_DOC_LANG[path.stem[:3]], path.stem
        by_span = {(s.start, s.end): s.value["lang"] for s in doc.spans("sentences")}
        gold = gold_dir / f"{path.stem}.jsonl"
        for line in gold.read_text(encoding="utf-8").splitlines():
            for m in json.loads(line)["mentions"]:
                if m.get("start") is None:
                    continue
                assert by_span.get((m["start"], m["end"])) == m["lang"], (path.stem, m["start"])
                checked += 1
        # each sentence alone (no document prior) is identified as the document's language
        for s in split(Document(path.stem, text)):
            if identify(text[s.start : s.end]).letters >= 15:
                assert identify(text[s.start : s.end]).lang == doc.lang, text[s.start : s.start + 40]
    assert checked > 250


@pytest.mark.shared
def test_news_sample_accuracy(news_dir, pipe) -> None:  # type: ignore[no-untyped-def]
    """The first 300 articles of each corpus, as bare text: at least 99.5% fa/ar accuracy."""
    total = correct = raw_correct = 0
    for gold, name in (("fa", "fa-farsnews.jsonl.gz"), ("ar", "ar-ant.jsonl.gz")):
        with gzip.open(news_dir / name, "rt", encoding="utf-8") as fh:
            for line in islice(fh, 300):
                row = json.loads(line)
                doc = pipe(Document(row["id"], row["text"]))
                total += 1
                correct += doc.lang == gold
                raw_correct += lingua_raw(row["text"]) == gold
    assert total == 600
    assert correct / total >= 0.995
    assert correct >= raw_correct
