"""Sentence splitting (stage ``sentences``) on original sentences and on the seed gold mentions."""

from __future__ import annotations

import json

import pytest

from khabar import Document, Pipeline, Span, register
from khabar.settings import Settings
from khabar.stages.sentences import split


@register("test_sentences_boilerplate", assigns=("boilerplate",))
def _given_boilerplate(settings: Settings):  # type: ignore[no-untyped-def]
    """Stands in for ``clean``: the test document carries its boilerplate spans in ``meta``."""

    def run(doc: Document) -> Document:
        doc.set_layer("boilerplate", [Span(a, b, "boilerplate") for a, b in doc.meta["bp"]])
        return doc

    return run


def sentences_of(text: str) -> list[str]:
    doc = Document("t", text)
    spans = split(doc)
    return [text[s.start : s.end] for s in spans]


CASES = {
    "fa": [
        # final marks, a question, an exclamation; «؛» and «:» do not end a sentence
        ("سفیر به تهران رسید. او فردا با وزیر دیدار می‌کند؟ چه خبر خوبی! دیدار کوتاه بود؛ نتیجه‌ای نداشت.",
         ["سفیر به تهران رسید.", "او فردا با وزیر دیدار می‌کند؟", "چه خبر خوبی!",
          "دیدار کوتاه بود؛ نتیجه‌ای نداشت."]),
        # decimals and numeric dates in both digit sets
        ("نرخ تورم ۳٫۵ درصد و رشد 2.7 درصد بود. این گزارش در ۱۴۰۰.۸.۱۰ و 1399/07/12 منتشر شد.",
         ["نرخ تورم ۳٫۵ درصد و رشد 2.7 درصد بود.", "این گزارش در ۱۴۰۰.۸.۱۰ و 1399/07/12 منتشر شد."]),
        # ranges and Persian abbreviations with full stops
        ("جنگ در سال‌های 1994-1992 شدت گرفت. جلسه ساعت ۱۰ ق.ظ آغاز شد. سال ۱۳۷۰ ه.ش. سال سختی بود.",
         ["جنگ در سال‌های 1994-1992 شدت گرفت.", "جلسه ساعت ۱۰ ق.ظ آغاز شد.",
          "سال ۱۳۷۰ ه.ش. سال سختی بود."]),
        ("نماینده ج.ا.ا. در نشست حاضر شد. او گفت: «ما آماده گفت‌وگو هستیم.» سپس جلسه پایان یافت.",
         ["نماینده ج.ا.ا. در نشست حاضر شد.", "او گفت: «ما آماده گفت‌وگو هستیم.»",
          "سپس جلسه پایان یافت."]),
        # a chronology line: the date heading and its colon stay with the first sentence
        ("شنبه ۳ آذر ۱۳۷۱: صبح سفیر آمد. درباره مرز صحبت شد.\nیکشنبه ۴ آذر ۱۳۷۱: جلسه لغو شد.",
         ["شنبه ۳ آذر ۱۳۷۱: صبح سفیر آمد.", "درباره مرز صحبت شد.",
          "یکشنبه ۴ آذر ۱۳۷۱: جلسه لغو شد."]),
        # a heading line without final punctuation; a lost space after a full stop
        ("دیدار وزیران در مسکو\nوزیران دیدار کردند.سپس بیانیه منتشر شد.",
         ["دیدار وزیران در مسکو", "وزیران دیدار کردند.", "سپس بیانیه منتشر شد."]),
        # an ellipsis inside a quotation does not end the sentence
        ("او گفت: «ما صبر کردیم... اما پاسخی نیامد.» گفت‌وگو ادامه دارد.",
         ["او گفت: «ما صبر کردیم... اما پاسخی نیامد.»", "گفت‌وگو ادامه دارد."]),
    ],
    "ar": [
        ("وصل الوزير إلى بغداد. هل سيلتقي الرئيس؟ نعم! وقال: إن المحادثات مستمرة؛ لا موعد لنهايتها.",
         ["وصل الوزير إلى بغداد.", "هل سيلتقي الرئيس؟", "نعم!",
          "وقال: إن المحادثات مستمرة؛ لا موعد لنهايتها."]),
        ("ارتفع المؤشر بنسبة 1.25 في المئة. وتوفي عام 1950 م. في القاهرة.",
         ["ارتفع المؤشر بنسبة 1.25 في المئة.", "وتوفي عام 1950 م. في القاهرة."]),
        ("وقال د. أحمد إن الاجتماع \"كان مثمرا.\" وانتهى اللقاء.",
         ["وقال د. أحمد إن الاجتماع \"كان مثمرا.\"", "وانتهى اللقاء."]),
        ("الخميس 21 سبتمبر/أيلول 2023\nنقلت وكالة \"العربية.نت\" الخبر عن مصادر محلية.",
         ["الخميس 21 سبتمبر/أيلول 2023", "نقلت وكالة \"العربية.نت\" الخبر عن مصادر محلية."]),
    ],
    "en": [
        ("Mr. Smith met Dr. J. K. Lee in Washington. They spoke for 2.5 hours! Was it useful?",
         ["Mr. Smith met Dr. J. K. Lee in Washington.", "They spoke for 2.5 hours!",
          "Was it useful?"]),
        ("Sanctions, e.g. on oil, were lifted in 2020-2022. Talks resumed.",
         ["Sanctions, e.g. on oil, were lifted in 2020-2022.", "Talks resumed."]),
        ("Troops left the U.S. base at 5 p.m. on Monday. The base in the U.S. The army said so.",
         ["Troops left the U.S. base at 5 p.m. on Monday.", "The base in the U.S.",
          "The army said so."]),
        ("He said: \"We waited... and waited.\" (The talks failed.) Nobody came...",
         ["He said: \"We waited... and waited.\"", "(The talks failed.)", "Nobody came..."]),
        ("1. Ceasefire holds\n2. Talks to resume next week.",
         ["1. Ceasefire holds", "2. Talks to resume next week."]),
    ],
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [pytest.param(t, e, id=f"{lang}-{i}") for lang, cs in CASES.items() for i, (t, e) in enumerate(cs)],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected


def test_spans_are_trimmed_and_labelled() -> None:
    text = "\u00a0 وزیر آمد. \u200c\n\n  بیانیه منتشر شد.  \n"
    doc = Document("t", text)
    spans = split(doc)
    assert [(text[s.start : s.end], s.label, s.value, s.rule) for s in spans] == [
        ("وزیر آمد.", "sentence", {"lang": None}, "sentences:punct"),
        ("بیانیه منتشر شد.", "sentence", {"lang": None}, "sentences:punct"),
    ]
    # punctuation or bullets alone are not sentences
    assert sentences_of("•\n***\nخبر.") == ["خبر."]


def test_boilerplate_is_never_inside_a_sentence() -> None:
    text = "خانه | اخبار | تماس\nوزیر امروز به باکو رفت.\nبرچسب‌ها: سیاست\nاو فردا بازمی‌گردد."
    menu = (0, text.index("\n"))
    tags_start = text.index("برچسب")
    tags = (tags_start, text.index("\n", tags_start))
    doc = Document("t", text, meta={"bp": [menu, tags]})
    doc = Pipeline(["test_sentences_boilerplate", "sentences"])(doc)
    assert doc.ok, doc.reason
    got = [doc.span_text(s) for s in doc.spans("sentences")]
    assert got == ["وزیر امروز به باکو رفت.", "او فردا بازمی‌گردد."]
    for s in doc.spans("sentences"):
        assert not any(s.overlaps(a, b) for a, b in (menu, tags))
    # no boilerplate layer at all: nothing is excluded
    assert len(split(Document("t", text))) == 4


def test_gold_mentions_are_sentences(gold_dir, seeds_dir) -> None:  # type: ignore[no-untyped-def]
    """Gold mention spans of the seed events equal sentence spans (measured 293/293)."""
    total = same_span = same_text = 0
    for gold in sorted(gold_dir.glob("*.jsonl")):
        text = (seeds_dir / f"{gold.stem}.txt").read_text(encoding="utf-8")
        spans = split(Document(gold.stem, text))
        offsets = {(s.start, s.end) for s in spans}
        texts = {text[s.start : s.end] for s in spans}
        for line in gold.read_text(encoding="utf-8").splitlines():
            for m in json.loads(line)["mentions"]:
                if m.get("start") is None:
                    continue
                total += 1
                same_span += (m["start"], m["end"]) in offsets
                same_text += m["text"] in texts
    assert total > 250
    assert same_span / total >= 0.99
    assert same_text / total >= 0.99


def test_seed_sentences_do_not_split_inside_numbers(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    """No sentence of a seed ends between two digits (a decimal or a numeric date)."""
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for s in split(Document(path.stem, text)):
            assert s.end == len(text) or not (text[s.end - 1].isdigit() and text[s.end].isdigit())


def test_long_text_is_fast_enough_to_be_linear() -> None:
    """One regex pass: a 20,000-sentence text splits into exactly its sentences."""
    text = " ".join(["وزیر امروز با همتای خود در مسکو دیدار کرد."] * 20_000)
    assert len(sentences_of(text)) == 20_000
