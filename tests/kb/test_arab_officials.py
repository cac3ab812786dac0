"""Arab officials in the KB: offices named in Arabic and Persian resolve to the holder on the date."""

from __future__ import annotations

from datetime import date
from typing import Any

from khabar.document import Document
from khabar.kb import load_kb
from khabar.pipeline import Pipeline

PIPE = Pipeline(["clean", "sentences", "langid", "time", "actors"])


def _actors(text: str, lang: str, published: str) -> list[tuple[str, dict[str, Any]]]:
    doc = PIPE(Document(id="t", text=text, lang=lang, published=published))
    assert doc.ok, doc.reason
    return [(doc.text[s.start:s.end], s.value) for s in doc.spans("actors")]


def _names(text: str, lang: str, published: str) -> list[tuple[str | None, str | None]]:
    return [(v.get("name"), v.get("country")) for _, v in _actors(text, lang, published)]


def test_jordanian_foreign_minister_resolves_to_safadi_in_arabic_and_persian() -> None:
    assert _names("قال وزير الخارجية الأردني إن بلاده ترفض التهجير.", "ar", "2023-11-05") == [
        ("Ayman Safadi", "JOR")]
    assert ("Ayman Safadi", "JOR") in _names(
        "وزیر امور خارجه اردن در گفتگو با همتای ایرانی خود گفت.", "fa", "2023-11-05")
    # before January 2017 the office was Nasser Judeh's
    assert _names("قال وزير الخارجية الأردني إن بلاده ترفض التهجير.", "ar", "2015-03-01") == [
        ("Nasser Judeh", "JOR")]


def test_hezbollah_secretary_general_follows_the_date() -> None:
    (_, v), = _actors("دبیرکل حزب‌الله لبنان در سخنرانی گفت.", "fa", "2020-05-01")
    assert (v["name"], v["country"], v["org"]) == ("Hassan Nasrallah", "LBN", "HEZBOLLAH")
    (_, v), = _actors("وقال الأمين العام لحزب الله إن المقاومة جاهزة.", "ar", "2025-01-10")
    assert v["name"] == "Naim Qassem"


def test_hamas_political_bureau_chief_in_arabic_and_persian() -> None:
    text = "التقى رئيس المكتب السياسي لحركة حماس بأمير قطر."
    assert _names(text, "ar", "2020-01-10") == [("Ismail Haniyeh", "PSE"),
                                                 ("Tamim bin Hamad Al Thani", "QAT")]
    assert _names(text, "ar", "2010-01-10")[0] == ("Khaled Mashal", "PSE")
    found = _names("رئیس دفتر سیاسی جنبش حماس با وزیر خارجه ایران دیدار کرد.", "fa", "2023-11-05")
    assert found[0] == ("Ismail Haniyeh", "PSE")


def test_the_sultan_of_oman_is_also_its_king_and_head_of_state() -> None:
    assert _names("سلطان عمان با رئیس جمهور ایران دیدار کرد.", "fa", "2023-05-28")[0] == (
        "Haitham bin Tariq", "OMN")
    # «العاهل» (king) of Oman: no king tenure, the sultan's answers
    assert _names("وأكد العاهل العماني خلال لقائه الرئيس الإيراني.", "ar", "2015-05-28")[0] == (
        "Qaboos bin Said", "OMN")
    kb = load_kb()
    assert [p.id for p in kb.holders("head_of_state", "OMN", date(2021, 1, 1))] == [
        "haitham-bin-tariq"]


def test_lebanese_presidency_vacancy_names_nobody() -> None:
    kb = load_kb()
    assert kb.holders("president", "LBN", date(2023, 6, 1)) == []
    assert [p.id for p in kb.holders("president", "LBN", date(2025, 6, 1))] == ["joseph-aoun"]
    assert [p.id for p in kb.holders("parliament_speaker", "LBN", date(2010, 1, 1))] == [
        "nabih-berri"]
