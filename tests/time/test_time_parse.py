"""Single strings (parse_date_text), calendar wrappers and the grammar's refusals."""

from __future__ import annotations

from datetime import date

import pytest

from khabar.time import parse_date_text
from khabar.time.calendars import month_value, to_gregorian, year_value


@pytest.mark.parametrize(
    ("text", "anchor", "value", "date_end"),
    [
        ("۱۰ آبان ۱۴۰۰", None, "2021-11-01", None),
        ("دوشنبه ۲۱ بهمن ۱۳۷۰", None, "1992-02-10", None),
        ("دی ۱۳۹۹", None, "2021-01", None),
        ("الأحد 12 سبتمبر 2021", None, "2021-09-12", None),
        ("21 سبتمبر/أيلول 2023", None, "2023-09-21", None),
        ("3 كانون الثاني 2020", None, "2020-01-03", None),
        ("1399/07/12", None, "2020-10-03", None),
        ("۱۴۰۰.۸.۱۰", None, "2021-11-01", None),
        ("12 ربيع الأول 1445 هـ", None, "2023-09-27", None),
        ("سال ۱۳۷۰", None, "1991", None),
        ("بین سالهای 1994-1992", None, "1992", "1994"),
        ("September 21, 2023", None, "2023-09-21", None),
        ("دیروز", date(2021, 11, 1), "2021-10-31", None),
        ("سال گذشته", date(2021, 11, 1), "2020", None),
        ("العام الماضي", date(2018, 3, 7), "2017", None),
        ("قبل يومين", date(2018, 6, 17), "2018-06-15", None),
        ("سه روز پیش", date(2018, 5, 3), "2018-04-30", None),
        ("۲۰ مهر", date(2021, 11, 1), "2021-10-12", None),
    ],
)
def test_parse_date_text(text: str, anchor: date | None, value: str, date_end: str | None) -> None:
    v = parse_date_text(text, anchor)
    assert v is not None
    assert (v.value, v.date_end) == (value, date_end)


@pytest.mark.parametrize(
    "text",
    ["قطعنامه ۵۹۸", "۴۴ روزه", "44 يوماً", "۲۳:۵۶", "2020", "۱۴۰۰", "3 - 1", "021-88888888",
     "بنتيجة 2-1", "عمره 30 عاما", "امام جمعه تهران", "یک سال بعد", "مهر و موم"],
)
def test_not_dates(text: str) -> None:
    assert parse_date_text(text, date(2021, 11, 1)) is None


def test_relative_without_anchor_is_not_a_date() -> None:
    assert parse_date_text("دیروز") is None


def test_calendar_wrappers() -> None:
    assert to_gregorian("persian", 1370, 11, 21) == date(1992, 2, 10)
    assert month_value("persian", 1366, 11) == "1988-02"
    assert year_value("persian", 1389) == "2010"
    with pytest.raises(ValueError):
        to_gregorian("persian", 1400, 12, 31)
    with pytest.raises(ValueError):
        to_gregorian("islamic", 1200, 1, 1)
