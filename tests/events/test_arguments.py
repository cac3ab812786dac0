"""Argument attribution on original sentences, with hand-placed actor and trigger mentions."""

from __future__ import annotations

from typing import Any

from khabar.events.arguments import ActorRef, TriggerRef, attribute
from khabar.text import normalize


def _setup(
    sentence: str, actors: dict[str, dict[str, Any]], trigger: str, type_: str, **kw: Any
) -> tuple[str, list[ActorRef], TriggerRef]:
    text = normalize(sentence).text
    refs = []
    for surface, value in actors.items():
        i = text.index(normalize(surface).text)
        refs.append(ActorRef(i, i + len(normalize(surface).text), value))
    t = text.index(normalize(trigger).text)
    return text, refs, TriggerRef(t, t + len(normalize(trigger).text), type_, **kw)


IRN = {"name": None, "country": "IRN"}
TUR = {"name": None, "country": "TUR"}
EGY = {"name": None, "country": "EGY"}
JOR = {"name": None, "country": "JOR"}
UN = {"name": "United Nations", "country": None}


def _countries(side: list[dict[str, Any]]) -> list[Any]:
    return [a["country"] for a in side]


def test_persian_subject_and_with_partner() -> None:
    text, refs, trig = _setup(
        "وزیر خارجه ایران در تماس تلفنی با همتای ترک خود درباره غزه گفت‌وگو کرد.",
        {"وزیر خارجه ایران": IRN, "همتای ترک": TUR}, "گفت‌وگو کرد", "CONSULT",
    )
    args = attribute(text, (0, len(text)), refs, trig, "fa")
    assert _countries(args.source) == ["IRN"] and _countries(args.target) == ["TUR"]


def test_persian_coordinated_subject_of_symmetric_verb() -> None:
    text, refs, trig = _setup(
        "وزیران خارجه ایران و ترکیه روز دوشنبه گفت‌وگو کردند.",
        {"ایران": IRN, "ترکیه": TUR}, "گفت‌وگو کردند", "CONSULT", person="3pl",
    )
    args = attribute(text, (0, len(text)), refs, trig, "fa")
    assert _countries(args.source) == ["IRN"] and _countries(args.target) == ["TUR"]


def test_persian_request_from() -> None:
    text, refs, trig = _setup(
        "سازمان ملل از ایران و ترکیه خواست گفت‌وگو را ادامه دهند.",
        {"سازمان ملل": UN, "ایران": IRN, "ترکیه": TUR}, "خواست", "REQUEST",
    )
    args = attribute(text, (0, len(text)), refs, trig, "fa")
    assert args.source == [UN] and _countries(args.target) == ["IRN", "TUR"]


def test_arabic_verb_subject_object() -> None:
    text, refs, trig = _setup(
        "أجرى وزير الخارجية المصري اتصالا هاتفيا مع نظيره الأردني.",
        {"وزير الخارجية المصري": EGY, "نظيره الأردني": JOR}, "أجرى", "CONSULT",
    )
    args = attribute(text, (0, len(text)), refs, trig, "ar")
    assert args.how == "vso"
    assert _countries(args.source) == ["EGY"] and _countries(args.target) == ["JOR"]


def test_arabic_accuse_object() -> None:
    text, refs, trig = _setup(
        "اتهمت مصر الأردن بخرق الاتفاق.", {"مصر": EGY, "الأردن": JOR}, "اتهمت", "ACCUSE"
    )
    args = attribute(text, (0, len(text)), refs, trig, "ar")
    assert _countries(args.source) == ["EGY"] and _countries(args.target) == ["JOR"]


def test_english_mediation_is_third_party() -> None:
    text, refs, trig = _setup(
        "Iran and Turkey held talks mediated by the United Nations.",
        {"Iran": IRN, "Turkey": TUR, "the United Nations": UN}, "held talks", "CONSULT",
    )
    args = attribute(text, (0, len(text)), refs, trig, "en")
    assert args.mode == "third-party" and args.source == [UN]
    assert _countries(args.target) == ["IRN", "TUR"]


def test_memoir_first_person_and_host() -> None:
    author = {"name": "A. Author", "country": "IRN"}
    text, refs, trig = _setup(
        "عصر با سفیر ترکیه ملاقات داشتم.", {"سفیر ترکیه": TUR}, "ملاقات داشتم", "CONSULT",
        person="1sg",
    )
    args = attribute(text, (0, len(text)), refs, trig, "fa", author=author, host=author)
    assert args.source == [author] and _countries(args.target) == ["TUR"]
    text, refs, trig = _setup("عصر سفیر ترکیه آمد.", {"سفیر ترکیه": TUR}, "آمد", "CONSULT")
    args = attribute(text, (0, len(text)), refs, trig, "fa", author=author, host=author)
    assert _countries(args.source) == ["TUR"] and args.target == [author]


def test_carried_subject_when_sentence_has_none() -> None:
    text, refs, trig = _setup("وی حمله به غیرنظامیان را محکوم کرد.", {}, "محکوم کرد", "ACCUSE")
    args = attribute(text, (0, len(text)), refs, trig, "fa", carried_subject=[IRN])
    assert args.source == [IRN] and args.how == "carried"


ARM = {"name": None, "country": "ARM"}
AZE = {"name": None, "country": "AZE"}
RUS = {"name": None, "country": "RUS"}


def test_speaker_phrase_is_neither_target_nor_joined_across_its_comma() -> None:
    text, refs, trig = _setup(
        "به نقل از وزارت خارجه روسیه، ایران خواستار توقف درگیری‌ها شد.",
        {"وزارت خارجه روسیه": RUS, "ایران": IRN}, "خواستار توقف درگیری‌ها شد", "REQUEST",
    )
    args = attribute(text, (0, len(text)), refs, trig, "fa")
    assert args.source == [IRN] and args.target == [] and args.speaker == [RUS]


def test_speaker_is_the_source_when_the_sentence_names_no_subject() -> None:
    text, refs, trig = _setup(
        "According to the Egyptian ministry, a call for calm was issued to Jordan.",
        {"Egyptian ministry": EGY, "Jordan": JOR}, "call for", "REQUEST", pos="noun",
    )
    args = attribute(text, (0, len(text)), refs, trig, "en")
    assert args.how == "speaker" and args.source == [EGY] and _countries(args.target) == ["JOR"]


def test_coordinated_sides_of_fighting_are_each_others_targets() -> None:
    text, refs, trig = _setup(
        "ارمنستان و آذربایجان شب گذشته در نوار مرزی درگیر شدند.",
        {"ارمنستان": ARM, "آذربایجان": AZE}, "درگیر شدند", "ASSAULT", person="3pl",
    )
    args = attribute(text, (0, len(text)), refs, trig, "fa")
    assert args.target_how == "mutual"
    assert _countries(args.source) == ["ARM", "AZE"] and _countries(args.target) == ["AZE", "ARM"]
    # a request by two states is not addressed to each other
    text, refs, trig = _setup(
        "مصر و اردن خواستار توقف فوری عملیات شدند.",
        {"مصر": EGY, "اردن": JOR}, "خواستار توقف فوری عملیات شدند", "REQUEST", person="3pl",
    )
    assert attribute(text, (0, len(text)), refs, trig, "fa").target == []


def test_reciprocal_word_makes_an_accusation_mutual() -> None:
    text, refs, trig = _setup(
        "اتهمت مصر والأردن بعضهما بخرق الاتفاق.", {"مصر": EGY, "والأردن": JOR}, "اتهمت", "ACCUSE",
    )
    refs[1] = ActorRef(refs[1].start + 1, refs[1].end, JOR, "و")
    args = attribute(text, (0, len(text)), refs, trig, "ar")
    assert _countries(args.source) == ["EGY", "JOR"] and _countries(args.target) == ["JOR", "EGY"]


def test_memoir_interlocutor_is_the_dropped_subject_and_the_author_the_addressee() -> None:
    author = {"name": "A. Author", "country": "IRN", "author": True}
    visitor = {"name": "B. Envoy", "country": "TUR"}
    text, refs, trig = _setup(
        "با لحنی گلایه‌آمیز از بسته ماندن گذرگاه مرزی شکایت کرد.", {}, "شکایت کرد", "ACCUSE",
        person="3sg",
    )
    args = attribute(text, (0, len(text)), refs, trig, "fa", author=author, host=author,
                     partner=[visitor], carried_subject=[EGY])
    assert args.how == "interlocutor" and args.source == [visitor] and args.target == [author]
    # named in another role in the sentence, the interlocutor is not its dropped subject
    text, refs, trig = _setup(
        "از سفیر ترکیه هم انتقاد داشت.", {"سفیر ترکیه": visitor}, "انتقاد داشت", "ACCUSE",
        person="3sg",
    )
    args = attribute(text, (0, len(text)), refs, trig, "fa", author=author, host=author,
                     partner=[visitor], carried_subject=[EGY])
    assert args.source == [EGY] and args.target == [visitor]


def test_memoir_first_person_word_is_the_author_not_a_target() -> None:
    author = {"name": "A. Author", "country": "IRN"}
    me = {**author, "author": True}
    text, refs, trig = _setup("من پس از جلسه به دفترم آمدم.", {"من": me}, "آمدم", "CONSULT",
                              person="1sg")
    args = attribute(text, (0, len(text)), refs, trig, "fa", author=author, host=author)
    assert args.how == "author" and args.target == []


USA = {"name": None, "country": "USA", "sector": "military"}
GUNMEN = {"name": None, "country": "SOM", "sector": "militia"}
IRQ_CITY = {"name": None, "country": "IRQ"}


def test_arabic_counted_soldiers_are_victims_not_the_subject() -> None:
    text, refs, trig = _setup(
        "وقتل أمس خمسة جنود أمريكيين في هجوم شنه مسلحون صوماليون.",
        {"جنود أمريكيين": USA, "مسلحون صوماليون": GUNMEN}, "وقتل", "ASSAULT",
    )
    args = attribute(text, (0, len(text)), refs, trig, "ar")
    assert _countries(args.source) == ["SOM"] and _countries(args.target) == ["USA"]
    assert args.target_case == "victim"


def test_persian_counted_victims_before_a_passive_verb() -> None:
    text, refs, trig = _setup(
        "در انفجار یک بمب در جنوب کشور پنج سرباز آمریکایی کشته شدند.",
        {"آمریکایی": {"name": None, "country": "USA"}}, "کشته شدند", "ASSAULT",
    )
    args = attribute(text, (0, len(text)), refs, trig, "fa")
    assert args.source == [] and _countries(args.target) == ["USA"]


def test_counted_gunmen_stay_the_source() -> None:
    text, refs, trig = _setup(
        "هاجم ثلاثة مسلحين صوماليين قافلة إثيوبية.",
        {"مسلحين صوماليين": GUNMEN, "إثيوبية": {"name": None, "country": "ETH"}}, "هاجم",
        "ASSAULT",
    )
    args = attribute(text, (0, len(text)), refs, trig, "ar")
    assert _countries(args.source) == ["SOM"] and _countries(args.target) == ["ETH"]


def test_a_city_after_a_locative_is_where_not_who() -> None:
    text = normalize("وفي وسط بغداد، هاجم مسلحون مجهولون حافلة للركاب.").text
    i = text.index(normalize("بغداد").text)
    refs = [ActorRef(i, i + len(normalize("بغداد").text), IRQ_CITY, place="city")]
    t = text.index(normalize("هاجم").text)
    args = attribute(text, (0, len(text)), refs, TriggerRef(t, t + 4, "ASSAULT"), "ar")
    assert args.source == [] and args.target == [] and args.where == "IRQ"


def test_verbal_noun_takes_its_object_after_it() -> None:
    text, refs, trig = _setup(
        "أثار اغتيال دبلوماسي تركي غضبا واسعا.",
        {"تركي": TUR}, "اغتيال", "ASSAULT", pos="noun",
    )
    args = attribute(text, (0, len(text)), refs, trig, "ar")
    assert args.source == [] and _countries(args.target) == ["TUR"]


def test_against_the_visit_of_someone_targets_them() -> None:
    text, refs, trig = _setup(
        "تظاهر الطلاب ضد زيارة الرئيس الروسي.",
        {"الرئيس الروسي": {"name": None, "country": "RUS"}}, "تظاهر", "PROTEST",
    )
    args = attribute(text, (0, len(text)), refs, trig, "ar")
    assert _countries(args.target) == ["RUS"] and args.target_case == "against"


def test_counted_partitive_is_the_victims_not_an_origin() -> None:
    # «ستة من أفراد الجيش الأردني»: a partitive «من» after a count, not "from Jordan"
    text, refs, trig = _setup(
        "وقتل ستة من أفراد الجيش الأردني في كمين ليلة السبت.",
        {"الجيش الأردني": JOR}, "وقتل", "ASSAULT",
    )
    args = attribute(text, (0, len(text)), refs, trig, "ar")
    assert not args.source and _countries(args.target) == ["JOR"]
    assert args.target_case == "victim"


def test_subject_of_a_reporting_verb_is_neither_side() -> None:
    # «أعلنت وزارة الداخلية المصرية مقتل ...»: the ministry tells of the attack; it is not hit
    text, refs, trig = _setup(
        "أعلنت وزارة الداخلية المصرية مقتل ثلاثة أشخاص في تفجير عبوة ناسفة.",
        {"وزارة الداخلية المصرية": EGY}, "تفجير", "ASSAULT", pos="noun",
    )
    args = attribute(text, (0, len(text)), refs, trig, "ar", verbs=[(0, 5)])
    assert not args.source and not args.target


ARM = {"name": None, "country": "ARM"}
AZE = {"name": None, "country": "AZE"}
RUS = {"name": None, "country": "RUS"}
ISR = {"name": None, "country": "ISR"}


def test_criticism_targets_the_agent_of_the_criticised_act() -> None:
    # Persian: the genitive after the act noun, not the phrase after «به»
    text, refs, trig = _setup(
        "ایران از حمله ارمنستان به روستاهای آذربایجان به شدت انتقاد کرد.",
        {"ایران": IRN, "ارمنستان": ARM, "آذربایجان": AZE}, "انتقاد کرد", "ACCUSE")
    args = attribute(text, (0, len(text)), refs, trig, "fa")
    assert _countries(args.source) == ["IRN"] and _countries(args.target) == ["ARM"]
    # ... nor the one after «از» («حمایت X از Y»)
    text, refs, trig = _setup(
        "ترکیه از حمایت روسیه از ارمنستان انتقاد کرد.",
        {"ترکیه": TUR, "روسیه": RUS, "ارمنستان": ARM}, "انتقاد کرد", "ACCUSE")
    args = attribute(text, (0, len(text)), refs, trig, "fa")
    assert _countries(args.source) == ["TUR"] and _countries(args.target) == ["RUS"]
    # Arabic construct state: «هجوم X على Y»; with no subject written, X is not the critic
    text, refs, trig = _setup(
        "أدانت مصر هجوم إسرائيل على مدينة غزة.",
        {"مصر": EGY, "إسرائيل": ISR, "غزة": {"name": None, "country": "PSE"}}, "أدانت", "ACCUSE")
    args = attribute(text, (0, len(text)), refs, trig, "ar")
    assert _countries(args.source) == ["EGY"] and _countries(args.target) == ["ISR"]
    text, refs, trig = _setup(
        "وأدان البيان هجوم إسرائيل على غزة.",
        {"إسرائيل": ISR, "غزة": {"name": None, "country": "PSE"}}, "وأدان", "ACCUSE")
    args = attribute(text, (0, len(text)), refs, trig, "ar", carried_subject=[JOR])
    assert _countries(args.source) == ["JOR"] and _countries(args.target) == ["ISR"]
    # English: "the aggression of X against Y"
    text, refs, trig = _setup(
        "Iran condemned the aggression of Armenia against Azerbaijan.",
        {"Iran": IRN, "Armenia": ARM, "Azerbaijan": AZE}, "condemned", "ACCUSE")
    args = attribute(text, (0, len(text)), refs, trig, "en")
    assert _countries(args.source) == ["IRN"] and _countries(args.target) == ["ARM"]
    # an attack itself still targets the phrase after «به»
    text, refs, trig = _setup(
        "ارمنستان به روستاهای آذربایجان حمله کرد.",
        {"ارمنستان": ARM, "آذربایجان": AZE}, "حمله کرد", "ASSAULT")
    args = attribute(text, (0, len(text)), refs, trig, "fa")
    assert _countries(args.source) == ["ARM"] and _countries(args.target) == ["AZE"]


def test_written_staff_subject_takes_no_dropped_subject() -> None:
    author = {"name": "A. Author", "country": "IRN", "author": True}
    visitor = {"name": "B. Envoy", "country": "TUR"}
    text, refs, trig = _setup(
        "کارمندان کارخانه با گرمی از ما استقبال کردند.", {}, "استقبال کردند", "SUPPORT",
        person="3pl")
    args = attribute(text, (0, len(text)), refs, trig, "fa", author=author, host=author,
                     partner=[visitor], carried_subject=[EGY])
    assert args.source == [] and args.how == "staff"
    # a staff noun after a preposition is no subject: the dropped subject stays the visitor's
    text, refs, trig = _setup(
        "از کارکنان سفارت تشکر کردند و خواستار ادامه همکاری شدند.", {},
        "خواستار ادامه همکاری شدند", "REQUEST", person="3pl")
    args = attribute(text, (0, len(text)), refs, trig, "fa", author=author, host=author,
                     partner=[visitor], carried_subject=[EGY])
    assert args.source == [visitor]


def test_arabic_offer_addressee_after_ala_is_the_target_not_the_forum() -> None:
    # «قدم مقترحا على X»: the party after «على» is who the offer is made to; a forum after
    # «أمام» (or «في») is where it was made
    unsc = {"name": "UN Security Council", "country": None}
    text, refs, trig = _setup(
        "قدمت مصر أمام مجلس الأمن الدولي مقترحا جديدا على الأردن لتقاسم مياه النهر.",
        {"مصر": EGY, "مجلس الأمن الدولي": unsc, "الأردن": JOR}, "قدمت", "AGREE",
    )
    args = attribute(text, (0, len(text)), refs, trig, "ar")
    assert _countries(args.source) == ["EGY"] and _countries(args.target) == ["JOR"]
    # with no addressee written, the forum is still no side of the offer
    text, refs, trig = _setup(
        "عرضت مصر مقترحا جديدا أمام مجلس الأمن الدولي.",
        {"مصر": EGY, "مجلس الأمن الدولي": unsc}, "عرضت", "AGREE",
    )
    args = attribute(text, (0, len(text)), refs, trig, "ar")
    assert _countries(args.source) == ["EGY"] and args.target == []
