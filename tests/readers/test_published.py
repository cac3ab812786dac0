"""parse_published: ISO, RFC 2822, numeric Gregorian and Solar Hijri, and the fallback hook."""

from __future__ import annotations

import pytest

from khabar.readers import published
from khabar.readers.published import parse_published, register_published_parser


@pytest.mark.parametrize(
    ("given", "iso"),
    [
        ("2021-11-01", "2021-11-01"),
        ("2021-11-01T23:56:00+03:30", "2021-11-01"),  # the written day, not UTC
        ("2021-11-01 23:56", "2021-11-01"),
        ("2021-11", "2021-11"),
        ("2021", "2021"),
        ("Mon, 01 Nov 2021 20:26:00 GMT", "2021-11-01"),
        ("01 Nov 2021", "2021-11-01"),
        ("November 1, 2021", "2021-11-01"),
        ("2021/11/01 12:00", "2021-11-01"),
        ("25/12/2021", "2021-12-25"),
        ("12/25/2021", "2021-12-25"),
        ("1400/08/10", "2021-11-01"),
        ("۱۴۰۰-۰۸-۱۰", "2021-11-01"),
        ("١٤٠٠/٠٨/١٠", "2021-11-01"),
        ("۱۴۰۰/۰۸/۱۰ - ۲۳:۵۶", "2021-11-01"),
        ("10/08/1400", "2021-11-01"),
        ("1399/12/30", "2021-03-20"),  # last day of a leap Jalali year
        ("03/04/2021", None),  # March or April?
        ("2021-13-01", None),
        ("1400/12/30", None),  # 1400 is not a leap year
        ("1400", None),
        ("", None),
        ("yesterday", None),
    ],
)
def test_parse_published(given: str, iso: str | None) -> None:
    assert parse_published(given) == iso


def test_registered_parsers_come_before_the_time_grammar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(published, "_PARSERS", [])
    monkeypatch.setattr(published, "_named_month", lambda s: None)
    assert parse_published("۱۰ آبان ۱۴۰۰") is None
    seen: list[str] = []

    def fake(s: str) -> str | None:
        seen.append(s)
        return "2021-11-01" if "آبان" in s else None

    register_published_parser(fake)
    register_published_parser(fake)  # idempotent
    assert parse_published("۱۰ آبان ۱۴۰۰") == "2021-11-01"
    assert parse_published("2021-11-02") == "2021-11-02" and seen == ["۱۰ آبان ۱۴۰۰"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("۱۰ آبان ۱۴۰۰", "2021-11-01"), ("الأحد 12 سبتمبر 2021", "2021-09-12"),
     ("12 September 2021", "2021-09-12"), ("دیروز", None)],
)
def test_named_month_dates_use_the_time_grammar(raw: str, expected: str | None) -> None:
    assert parse_published(raw) == expected
