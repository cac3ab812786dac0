"""Persian trigger lexicon coverage: the standard news expressions of each PLOVER type and mode,
the readings a longer expression must override, and fixed expressions that are no event.

The example sentences are invented for these tests (short news-style sentences).
"""

from __future__ import annotations

import pytest
from tests.events.trigger_eval import first_of, triggers_of

from khabar.events.triggers import Trigger


def _triggers(text: str) -> list[Trigger]:
    return triggers_of(text, "fa")


def _one(text: str, type_: str) -> Trigger:
    return first_of(text, "fa", type_)


# -- one standard expression per type and mode ----------------------------------------------

@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        # AGREE: reaching a ceasefire is an agreement, not the ceasefire itself
        ("حصول آتش‌بس در منطقه مهم‌ترین نتیجه این سفر بود.", "AGREE", None),
        # CONSULT
        ("رئیس‌جمهور وزیر خارجه عمان را به حضور پذیرفت.", "CONSULT", "visit"),
        ("مراسم استقبال رسمی از رئیس‌جمهور ترکیه برگزار شد.", "CONSULT", "visit"),
        ("قطر میان دو گروه فلسطینی پادرمیانی کرد.", "CONSULT", "third-party"),
        # SUPPORT
        ("ایران از تصمیم شورای امنیت ابراز خرسندی کرد.", "SUPPORT", None),
        ("دو کشور روابط دیپلماتیک خود را دوباره برقرار کردند.", "SUPPORT", None),
        ("از سرگیری روابط دو کشور در مسقط اعلام شد.", "SUPPORT", None),
        # CONCEDE
        ("ایران در مذاکرات نرمش نشان داد.", "CONCEDE", None),
        # COOPERATE: an extradition is judicial cooperation, not an accusation
        ("ترکیه دو متهم را به ایران استرداد کرد.", "COOPERATE", None),
        # AID
        ("آلمان به دو روزنامه‌نگار پناهندگی داد.", "AID", None),
        ("بانک جهانی به مراکش وام اعطا کرد.", "AID", None),
        ("کاروان امدادی سازمان ملل وارد حلب شد.", "AID", None),
        ("ژاپن کمک‌های پزشکی به زلزله‌زدگان فرستاد.", "AID", None),
        # RETREAT
        ("مبادله زندانیان میان دو طرف انجام شد.", "RETREAT", "release"),
        ("ارتش نیروهای خود را از مرز عقب کشید.", "RETREAT", "withdraw"),
        ("شورشیان سلاح‌های خود را زمین گذاشتند.", "RETREAT", "disarm"),
        ("دو کشور سرانجام به جنگ پایان دادند.", "RETREAT", "ceasefire"),
        # REQUEST
        ("در دیدار خصوصی تقاضای سلاح کردند.", "REQUEST", "assist"),
        ("از وزیر خارجه روسیه برای سفر به تهران دعوت به عمل آمد.", "REQUEST", "meet"),
        # ACCUSE
        ("وزارت خارجه سفیر انگلیس را احضار کرد.", "ACCUSE", "disapprove"),
        ("دولت از این جنایت ابراز انزجار کرد.", "ACCUSE", "disapprove"),
        # REJECT
        ("تهران این طرح را مردود دانست.", "REJECT", None),
        ("دولت پیشنهاد آنها را غیرقابل قبول خواند.", "REJECT", None),
        ("دولت به خواسته‌های معترضان پاسخ منفی داد.", "REJECT", None),
        # THREATEN
        ("فرمانده دشمن رجزخوانی کرد.", "THREATEN", None),
        # PROTEST
        ("کارگران دست به اعتراض زدند.", "PROTEST", "demo"),
        ("جنبش الحاق به روسیه در شبه‌جزیره آغاز شد.", "PROTEST", "demo"),
        # SANCTION
        ("دو کشور سطح روابط خود را کاهش دادند.", "SANCTION", "discontinue"),
        ("دو کشور روابط خود را قطع کردند.", "SANCTION", "discontinue"),
        ("بحرین کاردار ایران را عنصر نامطلوب اعلام کرد.", "SANCTION", "expel"),
        # MOBILIZE
        ("روسیه نیروهای بیشتری به مرز فرستاد.", "MOBILIZE", "troops"),
        ("مانور نظامی ارتش در مرز برگزار شد.", "MOBILIZE", "troops"),
        # COERCE
        ("دولت در پایتخت وضعیت اضطراری اعلام کرد.", "COERCE", "restrict"),
        ("ایران تنگه هرمز را بست.", "COERCE", "restrict"),
        ("نیروهای امنیتی معترضان را سرکوب کردند.", "COERCE", "restrict"),
        ("شبه‌نظامیان ده‌ها روستایی را به اسارت گرفتند.", "COERCE", "seize"),
        ("او به دادگاه احضار شد.", "COERCE", "arrest"),
        # ASSAULT
        ("پهپادها سه تانک را منهدم کردند.", "ASSAULT", None),
        ("شبه‌نظامیان به کاروان نظامی کمین کردند.", "ASSAULT", None),
        ("تبادل آتش میان دو طرف ادامه یافت.", "ASSAULT", "firearms"),
        ("حمله راکتی به پایگاه نظامی انجام شد.", "ASSAULT", "heavy-weapons"),
        ("زد و خورد میان دو گروه ادامه داشت.", "ASSAULT", None),
    ],
)
def test_standard_news_expression(text: str, type_: str, mode: str | None) -> None:
    t = _one(text, type_)
    assert (t.mode, t.modality) == (mode, "asserted"), (t.text, t.mode, t.modality)
    assert text[t.start:t.end] == t.text


# -- a longer expression overrides the reading of the word inside it ------------------------

@pytest.mark.parametrize(
    ("text", "type_", "mode", "not_type"),
    [
        # violating a ceasefire is an attack (CAMEO 196), no ceasefire is observed
        ("ارتش آتش‌بس را نقض کرد.", "ASSAULT", None, "RETREAT"),
        ("آذربایجان ارمنستان را به نقض آتش‌بس متهم کرد.", "ASSAULT", None, "RETREAT"),
        # breaking an agreement refuses it
        ("اسرائیل توافق را نقض کرد.", "REJECT", "yield", "AGREE"),
        # lifting sanctions, ending a strike: concessions, not the sanction or the strike
        ("لغو تحریم‌ها از سوی اتحادیه اروپا اعلام شد.", "CONCEDE", None, "SANCTION"),
        ("کارگران به اعتصاب خود پایان دادند.", "CONCEDE", None, "PROTEST"),
        ("رفع محاصره از شهر اعلام شد.", "RETREAT", "withdraw", "SANCTION"),
        # cutting aid sanctions; leaving the table halts the talks
        ("آمریکا کمک‌های خود به پاکستان را قطع کرد.", "SANCTION", "discontinue", "AID"),
        ("هیئت فلسطینی میز مذاکره را ترک کرد.", "SANCTION", "withdraw", "CONSULT"),
        # the object decides the act: diplomats expelled, a prison term, an election boycotted,
        # a town taken
        ("دولت دیپلمات‌های روس را اخراج کرد.", "SANCTION", "expel", "COERCE"),
        ("دادگاه او را به پنج سال زندان محکوم کرد.", "SANCTION", "convict", "ACCUSE"),
        ("مخالفان انتخابات ریاست‌جمهوری را تحریم کردند.", "PROTEST", "boycott", "SANCTION"),
        ("نیروها شهر را آزاد کردند.", "ASSAULT", None, "RETREAT"),
        # an invitation is made, nobody came
        ("از سفیر برای شرکت در جلسه دعوت به عمل آمد.", "REQUEST", "meet", "CONSULT"),
        # a ruler receiving a visitor concedes nothing
        ("نخست‌وزیر سفیر ژاپن را به حضور پذیرفت.", "CONSULT", "visit", "CONCEDE"),
    ],
)
def test_longer_expression_overrides_its_word(text: str, type_: str, mode: str | None,
                                               not_type: str) -> None:
    found = _triggers(text)
    assert (type_, mode) in [(t.type, t.mode) for t in found], [(t.type, t.text) for t in found]
    assert not_type not in [t.type for t in found], [(t.type, t.text) for t in found]


def test_compound_takes_its_object_noun_over_a_nearer_trigger() -> None:
    # «در مذاکرات ... تقاضای سلاح کردند»: the request is the compound, the talks its setting
    req = _one("در مذاکرات خصوصی تقاضای سلاح کردند.", "REQUEST")
    assert req.pos == "compound_verb" and req.text.startswith("تقاضای سلاح")
    # the object noun before را still pairs with a two-word light verb
    claim = _one("روسیه این اتهامات را علیه اوکراین مطرح کرد.", "ACCUSE")
    assert (claim.pos, claim.mode) == ("compound_verb", "allege")
    strike = _one("رانندگان کامیون دست به اعتصاب زدند.", "PROTEST")
    assert (strike.pos, strike.mode, strike.person) == ("compound_verb", "strike", "3pl")
    signed = [t for t in _triggers("قرارداد گازی دو کشور در تهران منعقد شد.")
              if t.pos == "compound_verb"]
    assert [(t.type, t.passive) for t in signed] == [("AGREE", True)]


def test_preverb_light_verbs_are_conjugated_with_the_preverb_first() -> None:
    # در + بیاورد / نیاورد, not بدرآورد / ندرآورد
    took = _one("ارتش تلاش کرد منطقه را تحت کنترل خود در بیاورد.", "ASSAULT")
    assert took.pos == "compound_verb" and took.tense == "subjunctive"
    refused = _one("شورشیان شهر را به تصرف خود درنیاوردند.", "ASSAULT")
    assert refused.modality == "negated"


def test_act_named_by_its_object_is_no_weak_trigger() -> None:
    # «اجازه ورود», «از ورود ... ممانعت»: the permission or the restriction is of movement
    assert not _one("دولت به بازرسان اجازه ورود داد.", "RETREAT").weak
    assert not _one("پلیس از ورود خبرنگاران ممانعت کرد.", "COERCE").weak
    # a joint press conference is a meeting, a press conference alone is not
    joint = _one("رهبران دو کشور در کنفرانس خبری مشترک حاضر شدند.", "CONSULT")
    assert (joint.mode, joint.weak) == (None, False)


@pytest.mark.parametrize(
    ("text", "not_type"),
    [
        ("سخنگوی دولت در نشست خبری هفتگی به پرسش‌ها پاسخ داد.", "CONSULT"),
        ("وزیر در کنفرانس مطبوعاتی از برنامه‌های وزارتخانه گفت.", "CONSULT"),
        # کشتی (ship, wrestling) and کشت (cultivation) are no forms of کشتن, nor is the
        # present stem of کشیدن (طول می کشد)
        ("کشتی ایرانی در بندر پهلو گرفت.", "ASSAULT"),
        ("کشاورزان کشت گندم را آغاز کردند.", "ASSAULT"),
        ("این کار خیلی طول می‌کشد.", "ASSAULT"),
        # occupied territories, foreign goods: adjectives, no act
        ("نتانیاهو به سرزمین‌های اشغالی بازگشت.", "ASSAULT"),
        ("تجار کالاهای خارجی را به بازار عرضه کردند.", "RETREAT"),
    ],
)
def test_fixed_expression_is_no_event(text: str, not_type: str) -> None:
    assert not_type not in [t.type for t in _triggers(text)], [
        (t.type, t.text) for t in _triggers(text)]
