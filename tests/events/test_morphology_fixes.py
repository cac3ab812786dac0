"""Trigger matching fixes reported by the lexicon engineers: one test per bug.

1. Persian second-person-singular forms that are also -ی nouns (شکل گیری, کشتی) are no verbs.
2. Persian verbs with a preverb (فراخواندن, بازداشتن, درآوردن) take ن-/می-/ب- after it.
3. Persian passive light verbs («مورد حمله قرار گرفت», «هدف قرار گرفت», «آزاد شدند»).
4. ``object_retype`` phrases end at a word boundary («روستای» is not «روستاییان»).
5. Arabic passives: hollow verbs (اغتيل, أصيب) and a written damma (قُتل) set ``passive``.
6. A longer nominal entry lends its head noun to a compound verb («کمک‌های نظامی را قطع کرد»).

The example sentences are invented for these tests.
"""

from __future__ import annotations

from tests.events.trigger_eval import first_of, triggers_of

from khabar.events import morphology as morph

_triggers = triggers_of
_one = first_of


def _types(text: str, lang: str) -> list[str]:
    return [t.type for t in _triggers(text, lang)]


# -- 1. ambiguous second person singular ------------------------------------------------------


def test_persian_2sg_bare_forms_are_not_generated() -> None:
    light = {f for f, _ in morph.fa_verb_forms("گرفت", "گیر", compound=True)}
    assert "گیری" not in light and "گرفتی" not in light and "گرفته ای" not in light
    assert {"گیرند", "می گیری", "خواهی گرفت"} <= light  # other persons and unambiguous 2sg
    kill = {f for f, _ in morph.fa_verb_forms("کشت", "کش")}
    assert "کشتی" not in kill and "کشتند" in kill  # کشتی is "ship"


def test_persian_light_verb_noun_no_longer_blocks_pairing() -> None:
    assert _one("آنها خواستار شکل‌گیری دولت جدید شدند.", "fa", "REQUEST").pos == "compound_verb"
    assert "REQUEST" in _types("ایران خواستار تصمیم‌گیری سریع شورای امنیت شد.", "fa")
    # the -ی noun right before the light verb is the verb's own noun: no trip was made
    assert _types("سفر بسیار خوب برنامه‌ریزی شد.", "fa") == []


# -- 2. preverbs ------------------------------------------------------------------------------


def test_persian_preverb_takes_the_prefixes_after_it() -> None:
    recall = {f: ft for f, ft in morph.fa_verb_forms("فراخواند", "فراخوان")}
    assert recall["فرا نخواند"]["negated"] is True and "نفراخواند" not in recall
    assert recall["فرا می خوانند"]["tense"] == "present" and "می فراخوانند" not in recall
    assert "فرا بخواند" in recall and recall["خواهد فراخواند"]["future"] is True
    hold = {f for f, _ in morph.fa_verb_forms("بازداشت", "بازدار")}
    assert {"باز نداشت", "باز می دارد"} <= hold and "نبازداشت" not in hold
    bring = {f for f, _ in morph.fa_verb_forms("درآورد", "درآور")}
    assert {"در نیاورد", "در می اورد", "در بیاورد"} <= bring and "ندراورد" not in bring
    # بردن / بر is no preverb
    assert "نبرد" in {f for f, _ in morph.fa_verb_forms("برد", "بر")}


def test_persian_preverb_verb_is_found() -> None:
    t = _one("رژیم صهیونیستی سفیر خود را از این کشور فرابخواند.", "fa", "REQUEST")
    assert t.entry == "fa:فراخواندن"


# -- 3. Persian passive light verbs -----------------------------------------------------------


def test_persian_mored_gharar_gereftan_is_a_passive() -> None:
    t = _one("پایگاه آمریکا مورد حمله قرار گرفت.", "fa", "ASSAULT")
    assert t.pos == "compound_verb" and t.passive and t.entry == "fa:حمله کردن"
    t = _one("این طرح در نشست مورد انتقاد قرار گرفته است.", "fa", "ACCUSE")
    assert t.passive
    active = _one("ارتش روستا را مورد حمله قرار داد.", "fa", "ASSAULT")
    assert active.pos == "compound_verb" and not active.passive


def test_persian_hadaf_gharar_gereftan_is_a_passive() -> None:
    t = _one("سرباز ارمنی هدف قرار گرفت.", "fa", "ASSAULT")
    assert t.passive and t.entry == "fa:هدف قرار دادن"
    assert not _one("ارتش مواضع دشمن را هدف قرار داد.", "fa", "ASSAULT").passive


def test_persian_passive_shodan_entries() -> None:
    assert _one("دو زندانی سیاسی آزاد شدند.", "fa", "RETREAT").passive
    assert _one("خبرنگار فرانسوی در تهران بازداشت شد.", "fa", "COERCE").passive
    assert not _one("نیروها از منطقه خارج شدند.", "fa", "RETREAT").passive  # they withdrew


# -- 4. object_retype boundaries --------------------------------------------------------------


def test_object_retype_phrase_ends_a_word() -> None:
    # «روستای» (a village of) is not «روستاییان» (villagers): a release, no capture
    assert _types("نیروهای امنیتی روستاییان را آزاد کردند.", "fa") == ["RETREAT"]
    # the plural written joined still counts
    assert "ASSAULT" in _types("ارتش شهرکها را آزاد کرد.", "fa")
    # "air" is not "airport"
    assert _one("Workers at the airport went on strike.", "en", "PROTEST").mode == "strike"
    assert _one("An air strike hit the town.", "en", "ASSAULT")


# -- 5. Arabic passives -----------------------------------------------------------------------


def test_arabic_hollow_passive_forms() -> None:
    hit = {f: ft for f, ft in morph.ar_verb_forms("أصاب", "يصيب", passive=True)}
    assert hit["اصیب"] == {"tense": "past", "person": "3ms", "passive": True}
    assert hit["یصاب"]["passive"] is True and hit["اصیبوا"]["person"] == "3mp"
    assert "passive" not in hit["اصاب"]  # the active perfect stays active
    assert "نصاب" not in hit  # "quorum": no first person passive
    assert "اغتیل" in {f for f, _ in morph.ar_verb_forms("اغتال", "يغتال", passive=True)}
    assert morph.ar_passive_stems("قتل", "يقتل") == (None, None)


def test_arabic_passive_triggers() -> None:
    t = _one("اغتيل السفير الروسي في أنقرة.", "ar", "ASSAULT")
    assert t.passive and t.entry == "ar:اغتال"
    t = _one("أصيب ثلاثة جنود في انفجار.", "ar", "ASSAULT")
    assert t.passive and t.person == "3ms"
    # a sound verb: only the damma the text writes tells the passive
    assert _one("قُتل خمسة جنود في هجوم.", "ar", "ASSAULT").passive
    assert _one("واختُطف صحفي فرنسي في بغداد.", "ar", "ASSAULT").passive
    assert not _one("قتل الجيش خمسة مسلحين.", "ar", "ASSAULT").passive
    assert not _one("قتلُوا خمسة جنود.", "ar", "ASSAULT").passive  # the damma of the ending


# -- 6. a nominal entry lends its head to a compound verb ---------------------------------------


def test_noun_entry_lends_its_head_noun() -> None:
    t = _one("ارتش آمریکا کمک‌های نظامی را قطع کرد.", "fa", "SANCTION")
    assert t.mode == "discontinue" and t.pos == "compound_verb"
    assert "AID" not in _types("ارتش آمریکا کمک‌های نظامی را قطع کرد.", "fa")
    assert "REQUEST" in _types("اوکراین کمک نظامی خواست.", "fa")
    # same type: the nominal entry says more; an empty light verb: the phrase is the act
    aid = _one("آلمان کمک‌های نظامی فرستاد.", "fa", "AID")
    assert aid.contexts == ["military"]
    assert _one("رفع محاصره از شهر اعلام شد.", "fa", "RETREAT").mode == "withdraw"
