"""The time stage on the seeds: publication dates from the text, diary entries, date_for."""

from __future__ import annotations

import pytest
from tests.conftest import shared_path

from khabar.document import Document, Span
from khabar.pipeline import Pipeline, register
from khabar.time import apply, date_for


def _seed(stem: str) -> Document:
    return Document(id=stem, text=shared_path("seeds", stem + ".txt").read_text("utf-8"))


@pytest.mark.shared
@pytest.mark.parametrize(
    ("stem", "published", "source"),
    [
        ("000_ac455f0bbaee83d5", "2020-10-03", "text:issue_line"),
        ("004_840ad37251b4b345", "2021-11-01", "text:label"),
    ],
)
def test_publication_date_from_text(stem: str, published: str, source: str) -> None:
    doc = apply(_seed(stem))
    assert doc.published == published
    assert doc.meta["published_source"] == source


@pytest.mark.shared
def test_banner_is_not_the_publication_date() -> None:
    doc = _seed("000_ac455f0bbaee83d5")
    # mark the banner line as (non-meta) boilerplate, as the clean stage does
    end = doc.text.index("\n")
    doc.add("boilerplate", Span(0, end, "boilerplate", {"kind": "nav"}))
    apply(doc)
    assert doc.published == "2020-10-03"
    assert not any(s.start < end for s in doc.spans("dates"))


@pytest.mark.shared
def test_diary_entries_date_their_sentences() -> None:
    doc = apply(_seed("000_ac455f0bbaee83d5"))
    entries = doc.spans("entries")
    assert len(entries) == 33
    text = doc.text
    pos = text.index("توضيحات زيادي درباره وضع ارمنستان")
    assert date_for(doc, pos, pos + 10) == {"value": "1992-02-10", "source": "entry"}
    pos = text.index("ساعت هشت و ربع، دو هيات رسيدند")
    assert date_for(doc, pos, pos + 10) == {"value": "1992-05-08", "source": "entry"}
    # the closing commentary after the last entry is dated by publication, not by the diary
    pos = text.index("آنچه در لا به لاي خاطرات")
    assert date_for(doc, pos, pos + 10) == {"value": "2020-10-03", "source": "published"}
    # the lead paragraph before the first heading too
    pos = text.index("علت اين جنگ را به قضاوت")
    assert date_for(doc, pos, pos + 10)["source"] == "published"
    # relative words inside an entry resolve against it
    yesterday = [s for s in doc.spans("dates") if text[s.start : s.end] == "ديشب"]
    assert yesterday[0].value["value"] == "1992-05-07"
    assert yesterday[0].value["anchor"] == "entry:1992-05-08"


@pytest.mark.shared
def test_metadata_publication_date_wins() -> None:
    doc = _seed("004_840ad37251b4b345")
    doc.published = "2021-11-02"
    apply(doc)
    assert doc.published == "2021-11-02"
    monday = [s for s in doc.spans("dates") if doc.text[s.start : s.end] == "دوشنبه"]
    assert monday[0].value["value"] == "2021-11-01"
    assert monday[0].value["anchor"] == "published:2021-11-02"


def test_stage_registers_and_runs_after_sentences() -> None:
    @register("_fake_sentences", assigns=("sentences",))
    def _fake(settings: object) -> object:
        return lambda doc: doc

    pipe = Pipeline(["_fake_sentences", "time"])
    doc = pipe(Document(id="x", text="تاریخ انتشار: ۱۰ آبان ۱۴۰۰ - ۲۳:۵۶\nدیروز جلسه برگزار شد."))
    assert doc.ok, doc.reason
    assert doc.published == "2021-11-01"
    values = [s.value["value"] for s in doc.spans("dates")]
    assert values == ["2021-11-01", "2021-10-31"]
    assert doc.spans("entries") == []


@pytest.mark.parametrize("text", [
    "در 19 سپتامبر 2023، آذربایجان عملیات نظامی را آغاز کرد. یک روز بعد، توافقی حاصل شد.",
    "في 19 سبتمبر 2023 بدأت العملية. وفي اليوم التالي تم التوصل إلى اتفاق.",
    "On 19 September 2023 the operation began. The next day a ceasefire was agreed.",
])
def test_the_next_day_counts_from_the_last_date_written(text: str) -> None:
    doc = apply(Document(id="t", text=text, published="2023-09-22"))
    assert [s.value["value"] for s in doc.spans("dates")] == ["2023-09-19", "2023-09-20"]


def test_the_next_day_with_no_date_before_it_is_no_date() -> None:
    doc = apply(Document(id="t", text="روز بعد توافقی حاصل شد.", published="2023-09-22"))
    assert all(s.value.get("value") is None for s in doc.spans("dates"))


@pytest.mark.parametrize(("text", "later"), [
    ("في 27 سبتمبر 2020 أطلق الجيش عملية، وبعد معارك ضارية استمرت 44 يوماً توصل الطرفان إلى اتفاق.",
     "2020-11-10"),
    ("جنگ در ۲۷ سپتامبر ۲۰۲۰ آغاز شد و پس از ۴۴ روز جنگ آتش بس برقرار شد.", "2020-11-10"),
    ("The war began on 27 September 2020. Three days later the troops left.", "2020-09-30"),
])
def test_after_n_days_counts_from_the_last_date_written(text: str, later: str) -> None:
    doc = apply(Document(id="t", text=text, published="2023-09-22"))
    assert [s.value["value"] for s in doc.spans("dates")][-1] == later


def test_a_duration_alone_is_no_date() -> None:
    doc = apply(Document(id="t", text="جنگ ۴۴ روزه سال ۲۰۲۰ پایان یافت.", published="2023-09-22"))
    assert [s.value["value"] for s in doc.spans("dates")] == ["2020"]


def test_a_day_with_no_year_keeps_its_day_and_the_next_day_follows_it() -> None:
    # an undated article: «۱۹ سپتامبر» fixes no year, so no date; but the day is kept (partial)
    # and «یک روز بعد» counts from it, not from the last full date written before it
    doc = apply(Document(id="t", text=(
        "جنگ در ۹ نوامبر ۲۰۲۰ پایان یافت.\n\nدر 19 سپتامبر، آذربایجان عملیات نظامی را آغاز "
        "کرد. یک روز بعد، توافقی حاصل شد."), published=None))
    values = [(s.value.get("value"), s.value.get("partial")) for s in doc.spans("dates")]
    assert values == [("2020-11-09", None), (None, "--09-19"), (None, "--09-20")]
