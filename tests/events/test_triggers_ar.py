"""Arabic trigger lexicon coverage: verbs and verbal nouns mined from the UniversalPetrarch Arabic
CAMEO verb dictionary (mapped to PLOVER with CAMEO2PLOVER), and their object constraints.

The example sentences are original (written for these tests).
"""

from __future__ import annotations

import pytest
from tests.events.trigger_eval import first_of, triggers_of

from khabar.events.triggers import Trigger


def triggers(text: str) -> list[Trigger]:
    return triggers_of(text, "ar")


def one(text: str, type_: str) -> Trigger:
    return first_of(text, "ar", type_)


def types(text: str) -> set[str]:
    return {t.type for t in triggers(text)}


@pytest.mark.parametrize(("text", "type_", "mode"), [
    ("امتدحت الحكومة قرار المحكمة الدولية.", "SUPPORT", None),
    ("تحادث الرئيسان هاتفيا مساء أمس.", "CONSULT", "phone"),
    ("عقدت جلسة طارئة لمجلس الأمن لبحث الأزمة.", "CONSULT", "multilateral"),
    ("أصدر الوزيران بيانا مشتركا في ختام المحادثات.", "AGREE", None),
    ("وبخ الوزير السفير بسبب تصريحاته.", "ACCUSE", "disapprove"),
    ("استدعت الخارجية القائم بالأعمال الإيراني.", "ACCUSE", "disapprove"),
    ("أمهل القائد المسلحين يومين لمغادرة المدينة.", "THREATEN", None),
    ("خففت الحكومة القيود على حركة السكان.", "CONCEDE", None),
    ("أخلت النيابة سبيل الصحفي بعد التحقيق معه.", "RETREAT", "release"),
    ("استسلم عشرات المسلحين للجيش.", "RETREAT", "disarm"),
    ("فرضت السلطات الإقامة الجبرية على زعيم المعارضة.", "COERCE", "arrest"),
    ("أغلقت السلطات معبر الحدود أمام الشاحنات.", "COERCE", "restrict"),
    ("قمعت قوات الأمن المحتجين في الساحة.", "COERCE", "restrict"),
    ("رفع الجيش حالة التأهب على الحدود الشمالية.", "MOBILIZE", "troops"),
    ("نشرت فرنسا خمسين جنديا في المدينة.", "MOBILIZE", "troops"),
    ("بدأت مناورات عسكرية في المنطقة الشرقية.", "MOBILIZE", "troops"),
    ("توغلت القوات داخل أراضي الإقليم.", "ASSAULT", None),
    ("نصب المسلحون كمينا لدورية الجيش.", "ASSAULT", None),
    ("قذائف هاون سقطت على حي سكني.", "ASSAULT", "heavy-weapons"),
    ("أعدمت السلطات ثلاثة سجناء فجر اليوم.", "ASSAULT", None),
    ("غزت القوات البلاد في ذلك العام.", "ASSAULT", None),
    ("نفذت عملية انتحارية قرب مقر الشرطة.", "ASSAULT", "explosives"),
    ("تجمعت الحشود أمام مقر الحكومة.", "PROTEST", "demo"),
    ("اتسعت الحركة الاحتجاجية في المدن.", "PROTEST", "demo"),
])
def test_mined_verbs_and_nouns(text: str, type_: str, mode: str | None) -> None:
    assert one(text, type_).mode == mode


def test_praise_with_ala_but_not_the_numeral() -> None:
    # أثنى folds like the numeral اثني: only «أثنى على» praises, never «اثني عشر»
    praise = one("أثنى الرئيس على جهود الوساطة.", "SUPPORT")
    assert praise.pos == "compound_verb" and not praise.weak
    assert "SUPPORT" not in types("قتل اثني عشر جنديا على الحدود.")


def test_expressed_stance_is_a_full_event() -> None:
    # «أعرب/عبر عن + موقف»: the stance noun alone is weak, with the verb it is the act
    welcome = one("أعربت الحكومة عن ترحيبها بالاتفاق.", "SUPPORT")
    assert (welcome.pos, welcome.weak) == ("compound_verb", False)
    refusal = one("عبرت الوزارة عن رفضها للقرار.", "REJECT")
    assert (refusal.pos, refusal.weak) == ("compound_verb", False)
    anger = one("أعرب الوزير عن استيائه من التصريحات.", "ACCUSE")
    assert anger.mode == "disapprove"
    # the preposition «عبر» (via) is no verb
    assert not [t for t in triggers("وصلت الأموال عبر دعم المنظمات.")
                if t.pos == "compound_verb"]


def test_opening_an_investigation_is_a_full_accusation() -> None:
    probe = one("فتحت النيابة تحقيقا في الحادث.", "ACCUSE")
    assert (probe.pos, probe.mode, probe.weak) == ("compound_verb", "investigate", False)


def test_denial_is_a_weak_rejection() -> None:
    denial = one("أنكر المتحدث أي صلة بالهجوم.", "REJECT")
    assert denial.weak


def test_cancelled_visit_is_rejected_meeting() -> None:
    # PLOVER: cancelling a meeting is REJECT, not the visit that did not happen
    found = triggers("ألغى الوزير زيارته إلى أنقرة.")
    assert [(t.type, t.mode) for t in found] == [("REJECT", "meet")]


def test_withdrawing_from_an_agreement_is_a_sanction() -> None:
    deal = one("أعلنت واشنطن انسحابها من الاتفاق النووي.", "SANCTION")
    assert deal.mode == "withdraw" and "RETREAT" not in types(
        "أعلنت واشنطن انسحابها من الاتفاق النووي.")
    troops = one("انسحبت القوات من المدينة.", "RETREAT")
    assert troops.mode == "withdraw"


def test_intercepting_a_missile_is_no_objection() -> None:
    text = "اعترضت الدفاعات الجوية صاروخا باليستيا فوق المدينة."
    assert "ASSAULT" in types(text) and "ACCUSE" not in types(text)
    assert one("اعترض النائب على مشروع القانون.", "ACCUSE").mode == "disapprove"


@pytest.mark.parametrize(("text", "mode"), [
    ("أغلقت الحكومة سفارتها في العاصمة.", "withdraw"),
    ("أدرجت الخزانة الشركة على قائمة العقوبات.", None),
    ("جمدت الحكومة أصول الشركة.", "discontinue"),
    ("أوقفت واشنطن المساعدات العسكرية للجيش.", "discontinue"),
    ("فرضت واشنطن رسوما جمركية على الصلب.", "discontinue"),
])
def test_reducing_relations_is_a_sanction(text: str, mode: str | None) -> None:
    sanction = one(text, "SANCTION")
    assert (sanction.pos, sanction.mode, sanction.weak) == ("compound_verb", mode, False)


def test_hosting_refugees_is_aid_not_a_visit() -> None:
    found = triggers("استقبل الأردن لاجئين من سوريا.")
    assert [t.type for t in found] == ["AID"]


def test_allowing_aid_in_is_access() -> None:
    access = one("سمحت السلطات بإدخال المساعدات إلى المدينة.", "RETREAT")
    assert access.mode == "access"


def test_killing_noun_is_a_weak_assault() -> None:
    death = one("أفادت الشرطة بمقتل ثلاثة أشخاص في المدينة.", "ASSAULT")
    assert death.weak


def test_understanding_and_its_idioms() -> None:
    assert one("أعلن الجانبان وجود تفاهم بشأن الحدود.", "AGREE").weak
    assert "AGREE" not in types("حدث سوء تفاهم بين الوزيرين.")
    assert "AID" not in types("تحدث ممثل هيئة المعونة الأمريكية عن المشروع.")


def test_invasion_noun_and_party_names_stay_out() -> None:
    # the verbal noun «غزو» is mostly a past reference, left to its verb; «تجمع» alone is
    # mostly the noun (a grouping, a party name)
    assert "ASSAULT" not in types("عاد إلى بلاده بعد غزو العراق.")
    assert "PROTEST" not in types("قال تجمع المهنيين إنه سيشارك في الانتخابات.")
    assert "COERCE" not in types("حضر الحفل أصدقاء جورج سيدهم.")
    assert one("تجمعوا أمام البرلمان للمطالبة بالإصلاح.", "PROTEST").weak
