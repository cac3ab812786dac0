"""The events stage end to end on original sentences, and its floor on the seed gold."""

from __future__ import annotations

import json
from typing import Any

from conftest import shared_path
from khabar import Document, Pipeline
from khabar.evaluate import score_levels
from khabar.readers import read_paths

PIPE = Pipeline(["clean", "sentences", "langid", "time", "actors", "events"])


def _events(text: str, published: str | None = "2023-10-02") -> list[dict[str, Any]]:
    doc = PIPE(Document(id="t", text=text, published=published))
    assert doc.ok, doc.reason
    return [s.value for s in doc.spans("events")]


def _countries(side: list[dict[str, Any]]) -> list[Any]:
    return [a.get("country") for a in side]


def test_persian_phone_call_is_one_consult_with_its_date() -> None:
    found = _events("تهران - وزیر امور خارجه ایران روز دوشنبه در گفت‌وگوی تلفنی با همتای ترکیه‌ای "
                    "خود درباره تحولات منطقه تبادل نظر کرد.")
    consults = [e for e in found if e["type"] == "CONSULT"]
    assert consults and consults[0]["date"] == "2023-10-02"
    assert _countries(consults[0]["source"]) == ["IRN"]
    assert _countries(consults[0]["target"]) == ["TUR"]
    assert consults[0]["location"] == "Tehran"  # the dateline is a place, not an actor


def test_arabic_condemnation_and_negated_attack() -> None:
    found = _events("أدانت مصر الهجوم على المدنيين. ولم تهاجم القوات الأردنية أي موقع.")
    assert [e["type"] for e in found if e["type"] == "ACCUSE"] == ["ACCUSE"]
    assert not any(e["type"] == "ASSAULT" and "JOR" in _countries(e["source"]) for e in found)


def test_media_report_is_not_an_actor() -> None:
    found = _events("به گزارش خبرگزاری رویترز، ارتش اسرائیل شهر غزه را بمباران کرد.")
    assaults = [e for e in found if e["type"] == "ASSAULT"]
    assert assaults and _countries(assaults[0]["source"]) == ["ISR"]


def test_event_told_twice_in_a_document_is_one_record() -> None:
    doc = PIPE(Document(id="t", published="2023-10-02", text=(
        "وزیر امور خارجه ایران با همتای ترکیه‌ای خود گفت‌وگو کرد.\n"
        "وزیر امور خارجه ایران همچنین با همتای ترکیه‌ای خود گفت‌وگو کرد.")))
    records = {json.dumps({k: s.value[k] for k in ("type", "date", "source", "target")},
                          sort_keys=True) for s in doc.spans("events") if s.value["type"] == "CONSULT"}
    assert len(records) == 1 and len([s for s in doc.spans("events")
                                      if s.value["type"] == "CONSULT"]) == 2


def _sides(side: list[dict[str, Any]]) -> list[Any]:
    return [a.get("name") or a.get("country") for a in side]


DIARY = ("از خاطرات اکبر هاشمی رفسنجانی در سال‌های ریاست جمهوری\n"
         "دوشنبه ۲۱ بهمن ۱۳۷۰: عصر وزیر امور خارجه ترکیه آمد. خواستار گسترش همکاری اقتصادی "
         "شدند. بر ضرورت پایان جنگ تأکید کردم.\n"
         "سه‌شنبه ۲۲ بهمن ۱۳۷۰: صبح من به دفترم آمدم. با رئیس‌جمهور ارمنستان تلفنی صحبت کردم. "
         "پیشنهاد کردیم که مذاکرات در تهران برگزار شود.\n")


def test_diary_entry_tracks_the_interlocutor() -> None:
    found = _events(DIARY, published="2020-01-01")
    author, turk, armenian = "Akbar Hashemi Rafsanjani", "Hikmet Cetin", "Levon Ter-Petrosyan"
    by_trigger = {e["trigger"]["text"]: e for e in found}
    # the visitor's request with a dropped subject: visitor -> author
    request = by_trigger["خواستار گسترش همکاری اقتصادی شدند"]
    assert _sides(request["source"]) == [turk] and _sides(request["target"]) == [author]
    # the author's own weak acts («تأکید کردم», «پیشنهاد کردیم») address the entry's interlocutor
    assert _sides(by_trigger["تأکید کردم"]["target"]) == [turk]
    assert _sides(by_trigger["پیشنهاد کردیم"]["target"]) == [armenian]
    assert by_trigger["پیشنهاد کردیم"]["date"] == "1992-02-11"
    # the author's own comings and goings are no meeting
    assert "آمدم" not in by_trigger


def test_aide_report_keeps_the_foreign_interlocutor() -> None:
    # a compatriot aide's report in a foreign visitor's entry does not become the other side
    # of the author's later acts
    diary = ("از خاطرات اکبر هاشمی رفسنجانی در سال‌های ریاست جمهوری\n"
             "دوشنبه ۲۱ بهمن ۱۳۷۰: عصر وزیر امور خارجه ترکیه آمد. آقای ولایتی هم پیش‌تر "
             "گزارشی از مذاکرات داده بود. وعده کمک دادم.\n"
             "سه‌شنبه ۲۲ بهمن ۱۳۷۰: صبح من به دفترم آمدم.\n")
    found = _events(diary, published="2020-01-01")
    promise = next(e for e in found if e["trigger"]["text"] == "وعده کمک دادم")
    assert _sides(promise["target"]) == ["Hikmet Cetin"]


def test_visiting_delegation_stays_the_interlocutor_for_one_more_entry() -> None:
    # the talks go on the next day with no one named: the visitor of the last entry is still
    # the other side -- for that one entry only, and never over a party the entry names
    diary = ("از خاطرات اکبر هاشمی رفسنجانی در سال‌های ریاست جمهوری\n"
             "دوشنبه ۲۱ بهمن ۱۳۷۰: عصر وزیر امور خارجه ترکیه آمد. درباره قره‌باغ مذاکره شد.\n"
             "سه‌شنبه ۲۲ بهمن ۱۳۷۰: صبح دوباره مذاکره کردیم. با تشکیل کمیته مشترک "
             "موافقت کردیم.\n"
             "چهارشنبه ۲۳ بهمن ۱۳۷۰: عصر مذاکره کردیم. با تشکیل کمیته مشترک موافقت کردیم.\n")
    found = _events(diary, published="2020-01-01")
    agreed = {e["date"]: e for e in found if e["type"] == "AGREE"}
    assert _sides(agreed["1992-02-11"]["target"]) == ["Hikmet Cetin"]
    assert "Hikmet Cetin" not in _sides(agreed["1992-02-12"]["target"])
    named = diary.replace("صبح دوباره مذاکره کردیم", "با رئیس‌جمهور ارمنستان تلفنی صحبت کردیم")
    first = next(e for e in _events(named, published="2020-01-01")
                 if e["type"] == "CONSULT" and e["date"] == "1992-02-11")
    assert _sides(first["target"]) == ["Levon Ter-Petrosyan"]


def test_speaker_of_a_report_is_not_the_default_target() -> None:
    found = _events("مسکو - به نقل از وزارت خارجه روسیه، ایران خواستار توقف درگیری‌ها شد.")
    requests = [e for e in found if e["type"] == "REQUEST"]
    assert requests and _countries(requests[0]["source"]) == ["IRN"]
    assert "RUS" not in _countries(requests[0]["target"])


def test_sides_word_fighting_codes_both_ways() -> None:
    found = _events("ارمنستان و آذربایجان بار دیگر یکدیگر را به نقض آتش‌بس متهم کردند. "
                    "دو کشور شب گذشته در نوار مرزی درگیر شدند.")
    assaults = [e for e in found if e["type"] == "ASSAULT"]
    assert assaults and sorted(_countries(assaults[0]["source"])) == ["ARM", "AZE"]
    assert sorted(_countries(assaults[0]["target"])) == ["ARM", "AZE"]
    accusations = [e for e in found if e["type"] == "ACCUSE"]
    assert accusations and sorted(_countries(accusations[0]["target"])) == ["ARM", "AZE"]


def test_seed_gold_floor() -> None:
    """trafilatura-style gate: the figures may rise, never silently fall below these floors."""
    gold_dir = shared_path("gold", "seeds")
    seeds = shared_path("seeds")
    gold = [json.loads(line) for f in sorted(gold_dir.glob("*.jsonl")) for line in f.open()]
    pred: dict[str, dict[str, Any]] = {}  # one record per event, as the store keeps them
    for doc in PIPE.pipe(read_paths([seeds])):
        for s in doc.spans("events"):
            fields = {k: s.value.get(k) for k in ("type", "mode", "date", "source", "target")}
            pred[json.dumps([doc.id, fields], sort_keys=True)] = {
                **fields, "mentions": [{"doc": doc.id, "text": ""}]}
    country, person = score_levels(gold, list(pred.values()))
    # measured 0.587 / 0.455 when this floor was set (`khabar eval` on the seeds)
    assert country.f1 >= 0.585, country.to_dict()
    assert person.f1 >= 0.452, person.to_dict()


def test_victims_of_unknown_attackers_are_the_target() -> None:
    found = _events("وقتل أمس خمسة جنود أمريكيين في هجوم بقذائف الهاون.")
    assaults = [e for e in found if e["type"] == "ASSAULT"]
    assert assaults and all(e["source"] == [] and _countries(e["target"]) == ["USA"]
                            for e in assaults)


def test_attack_in_a_city_targets_its_state() -> None:
    found = _events("وفي كابول، هاجم مسلحون حافلة صباح اليوم.")
    assaults = [e for e in found if e["type"] == "ASSAULT"]
    assert assaults and _countries(assaults[0]["target"]) == ["AFG"]


def test_protest_with_no_addressee_targets_the_authorities_where_it_happens() -> None:
    found = _events("تظاهر مئات الطلاب في القاهرة احتجاجا على ارتفاع الأسعار.")
    protests = [e for e in found if e["type"] == "PROTEST"]
    assert protests and _countries(protests[0]["source"]) == ["EGY"]
    assert _countries(protests[0]["target"]) == ["EGY"]


def test_protest_noun_names_its_actors() -> None:
    found = _events("خرج المتظاهرون في طهران ضد زيارة الرئيس الروسي.")
    protests = [e for e in found if e["type"] == "PROTEST"]
    assert protests and _countries(protests[0]["source"]) == ["IRN"]
    assert _countries(protests[0]["target"]) == ["RUS"]


def test_persian_participle_qualifying_a_noun_is_no_event() -> None:
    talk = _events("وزیر امور خارجه روسیه با همتای ترکیه‌ای خود درباره آزادی زندانیان بازداشت شده "
                   "در سوریه گفت‌وگو کرد.")
    assert [e["type"] for e in talk] == ["CONSULT"]
    bombing = _events("نیروهای ترکیه روستاهای آزاد شده شمال سوریه را بمباران کردند.")
    assert [e["type"] for e in bombing] == ["ASSAULT"]
    # a participle whose auxiliary is elided before «و» is still a finite verb
    detained = _events("ده سرباز سوری بازداشت شده و به ترکیه منتقل شدند.")
    assert "COERCE" in [e["type"] for e in detained]


def test_verbless_heading_takes_no_sides_from_the_document() -> None:
    found = _events("عملیات نظامی\nارتش ترکیه به سوریه حمله کرد. سوریه ترکیه را محکوم کرد.")
    assert [e["trigger"]["text"] for e in found if e["type"] == "ASSAULT"] == ["حمله کرد"]


def test_today_in_quoted_speech_joins_the_dated_meeting() -> None:
    found = _events("رئیس‌جمهور روسیه روز ۵ مهر با رئیس‌جمهور ترکیه دیدار کرد.\n"
                    "رئیس‌جمهور روسیه گفت: در دیدار امروز با رئیس‌جمهور ترکیه درباره سوریه "
                    "گفت‌وگو کردیم.")
    consults = [e for e in found if e["type"] == "CONSULT"]
    assert len(consults) == 3 and {e["date"] for e in consults} == {"2023-09-27"}


def test_dates_inside_the_topic_are_not_the_talks() -> None:
    found = _events("وزیر امور خارجه ایران روز دوشنبه درباره اجرای توافق‌های ماه مه با همتای "
                    "ترکیه‌ای خود گفت‌وگو کرد.", published="2023-10-04")
    consults = [e for e in found if e["type"] == "CONSULT"]
    assert consults and consults[0]["date"] == "2023-10-02"


def test_meeting_that_is_only_a_setting_needs_its_partner() -> None:
    # the meeting with its partner written is a CONSULT; as the mere setting of a statement
    # («در جریان نشست ... گفت», «في اجتماع لمجلس الوزراء», an interview with a radio) it is none
    met = _events("وزیر امور خارجه ایران در جریان دیدار با همتای ترکیه‌ای خود گفت که تهران "
                  "از گسترش روابط استقبال می‌کند.")
    consults = [e for e in met if e["type"] == "CONSULT"]
    assert consults and _countries(consults[0]["target"]) == ["TUR"]
    for text in ("وزیر امور خارجه ایران در جریان دیدار در تهران گفت که ایران از گسترش روابط "
                 "استقبال می‌کند.",
                 "وقال رئيس الوزراء الأردني في اجتماع لمجلس الوزراء إن عمان ترحب بالمبادرة.",
                 "وزیر امور خارجه ترکیه در گفت و گو با رادیو فردا از سیاست ایران انتقاد کرد."):
        assert not [e for e in _events(text) if e["type"] == "CONSULT"], text


def test_requested_ceasefire_is_not_an_event_of_its_own() -> None:
    found = _events("رئیس جمهور فرانسه روز گذشته خواستار برقراری آتش بس فوری در منطقه شد.")
    assert [e["type"] for e in found] == ["REQUEST"]
    found = _events("وزیر خارجه فرانسه خواستار برقراری آتش بس بین ارمنستان و ترکیه شد.")
    assert "RETREAT" not in [e["type"] for e in found]
    found = _events("وزیر خارجه فرانسه از دو طرف درخواست کرد اقدامات نظامی را متوقف کرده و "
                    "مذاکره کنند.")
    assert [e["type"] for e in found] == ["REQUEST"]
    found = _events("Turkey's foreign minister called for a ceasefire in the region on Monday.")
    assert "REQUEST" in [e["type"] for e in found]
    assert "RETREAT" not in [e["type"] for e in found]


def test_counted_partitive_victims_of_an_unknown_attacker() -> None:
    # «ستة من أفراد الشرطة العراقية»: the victims, through a partitive; no attacker written
    found = _events("وقتل ستة من أفراد الشرطة العراقية في انفجار سيارة مفخخة مساء أمس.")
    assaults = [e for e in found if e["type"] == "ASSAULT"]
    assert assaults and all(e["source"] == [] and _countries(e["target"]) == ["IRQ"]
                            for e in assaults)


def test_at_the_request_of_is_a_request_to_the_actor_nearest_the_phrase() -> None:
    for text in ("عقد مجلس الأمن جلسة طارئة بطلب من فرنسا لبحث الوضع.",
                 "به درخواست فرانسه نشست شورای امنیت برگزار شد.",
                 "The Security Council met at the request of France on Thursday."):
        found = _events(text)
        requests = [e for e in found if e["type"] == "REQUEST"]
        assert len(requests) == 1, (text, found)
        assert _countries(requests[0]["source"]) == ["FRA"]
        assert [a.get("name") for a in requests[0]["target"]] == ["UN Security Council"]
        # the requester is no side of the meeting itself
        assert not any("FRA" in _countries(e["target"]) for e in found if e["type"] != "REQUEST")
    # coordinated requesters; the request noun inside the phrase is no event of its own
    found = _events("Iran released two prisoners at the request of Turkey and Qatar.")
    assert [(_countries(e["source"]), _countries(e["target"])) for e in found
            if e["type"] == "REQUEST"] == [(["TUR", "QAT"], ["IRN"])]
    # a request phrase with no actor after it asks nothing
    assert not [e for e in _events("The meeting was held at the request of the families, "
                                   "Iran said.") if e["type"] == "REQUEST"]


def test_persian_meeting_noun_takes_its_possessor_and_a_citys_state_is_no_actor() -> None:
    found = _events("در 21 سپتامبر، در شهر یولاخ آذربایجان، نشست نمایندگان ارامنه قره باغ با "
                    "هیئت آذربایجانی برگزار شد.")
    consults = [e for e in found if e["type"] == "CONSULT"]
    assert consults and [a.get("name") for a in consults[0]["source"]] == ["Karabakh Armenians"]
    assert _countries(consults[0]["target"]) == ["AZE"]
    # a one-sided noun's possessor may be its patient: not taken as the source
    found = _events("تحریم ایران توسط آمریکا ادامه دارد.")
    assert [(_countries(e["source"]), _countries(e["target"])) for e in found
            if e["type"] == "SANCTION"] == [(["USA"], ["IRN"])]


def test_reporting_sources_are_no_side_of_what_they_report() -> None:
    for text in ("منابع ارمنی گفته اند که ارتش آذربایجان به عقب نشینی وادار شده است.",
                 "وقالت مصادر أرمينية إن الجيش الأذربيجاني انسحب من مواقعه."):
        found = [e for e in _events(text) if e["type"] == "RETREAT"]
        assert found and _countries(found[0]["source"]) == ["AZE"], (text, found)


def test_split_compound_keeps_the_actors_between_its_parts_as_arguments() -> None:
    found = _events("توصلت أذربيجان وأرمينيا إلى اتفاق لوقف إطلاق النار بوساطة روسية.")
    agree = [e for e in found if e["type"] == "AGREE"]
    assert agree and _countries(agree[0]["source"]) == ["AZE"]
    assert _countries(agree[0]["target"]) == ["ARM"]
    assert any(e["type"] == "CONSULT" and _countries(e["source"]) == ["RUS"] for e in found)


def test_persian_agreement_noun_in_a_topic_takes_its_possessors_and_date() -> None:
    found = _events("وزیران خارجه روسیه و ارمنستان درباره اجرای توافق های سران روسیه، ارمنستان و "
                    "جمهوری آذربایجان بدست آمده در روز ۹ نوامبر ۲۰۲۰ گفت و گو کردند.",
                    "2021-11-01")
    agree = [e for e in found if e["type"] == "AGREE"]
    assert agree and agree[0]["date"] == "2020-11-09"
    assert set(_countries(agree[0]["source"] + agree[0]["target"])) == {"RUS", "ARM", "AZE"}


def test_a_statement_of_a_state_inside_its_officials_words_is_the_officials() -> None:
    found = _events("نیکول پاشینیان نخست وزیر ارمنستان اعلام کرد که ایروان آماده به رسمیت شناختن "
                    "تمامیت ارضی آذربایجان است.")
    concede = [e for e in found if e["type"] == "CONCEDE"]
    assert concede and [a.get("name") for a in concede[0]["source"]] == ["Nikol Pashinyan"]
    # a material act of the state stays the state's
    found = _events("قال علييف إن أذربيجان أطلقت عملية عسكرية في قره باغ.")
    assert all(not a.get("name") for e in found if e["type"] == "ASSAULT" for a in e["source"])


def test_gunmen_attacking_at_home_hit_the_state_of_the_place() -> None:
    for text in ("هاجم مسلحون نقطة تفتيش للشرطة في بغداد.",
                 "قالت الشرطة العراقية ان مسلحين هاجموا نقطة تفتيش في بغداد."):
        found = [e for e in _events(text) if e["type"] == "ASSAULT"]
        assert found and _countries(found[0]["target"]) == ["IRQ"], (text, found)


def test_police_of_the_passage_place_coerce_its_people() -> None:
    found = _events("به باکو رفتیم و از بیمارستان دیدن کردیم. پلیس به بهانه امنیت، مانع ورود مردم "
                    "شده بود.", "1993-10-26")
    coerce = [e for e in found if e["type"] == "COERCE"]
    assert coerce and _countries(coerce[0]["source"]) == ["AZE"]
    assert _countries(coerce[0]["target"]) == ["AZE"]


def test_a_protest_is_no_pro_dropped_persons() -> None:
    found = _events("سرگی لاوروف به باکو رفت. در سال 1988 جنبش الحاق به ارمنستان در قره باغ "
                    "کوهستانی آغاز شد.")
    protests = [e for e in found if e["type"] == "PROTEST"]
    assert protests and all(not a.get("name") for a in protests[0]["source"])
    assert _countries(protests[0]["source"]) == ["AZE"]


def test_each_of_the_sides_acts_on_the_other_and_a_list_is_no_pair() -> None:
    found = _events("در زمان فروپاشی شوروی، استونی، لتونی و لیتوانی مستقل شدند. جنگ میان ارمنستان "
                    "و آذربایجان آغاز شد. هر کدام از طرفین سعی در پاکسازی قومی کردند.",
                    "1993-10-26")
    coerce = [e for e in found if e["type"] == "COERCE"]
    assert coerce and set(_countries(coerce[0]["source"])) == {"ARM", "AZE"}
    assert set(_countries(coerce[0]["target"])) == {"ARM", "AZE"}


def test_unattributed_fighting_takes_the_sides_of_the_documents_fighting() -> None:
    # a diarist's country and a mediator are named more often than the belligerents, but the
    # fighting reported so far is between Armenia and Azerbaijan
    text = ("ایران و روسیه درباره قره باغ گفتگو کردند. ایران و روسیه بیانیه دادند. "
            "ایران از روسیه تشکر کرد. ارمنستان به آذربایجان حمله کرد. "
            "ایران و روسیه دیدار کردند. در زنگلان تیراندازی شروع شد.")
    found = [e for e in _events(text, "1993-10-28") if e["type"] == "ASSAULT"]
    assert len(found) == 2, found
    assert set(_countries(found[1]["source"])) == {"ARM", "AZE"}
    # each side on the other, not the state the place name belongs to
    assert set(_countries(found[1]["target"])) == {"ARM", "AZE"}


def test_a_ceasefire_agreed_with_no_party_written_is_between_the_belligerents() -> None:
    text = ("در 19 سپتامبر، آذربایجان عملیات نظامی را علیه ارمنستان آغاز کرد. ارمنستان به "
            "آذربایجان حمله کرد. یک روز بعد، با میانجیگری نیروهای حافظ صلح روسیه، توافقی در مورد "
            "آتش بس حاصل شد.")
    agree = [e for e in _events(text) if e["type"] == "AGREE"]
    assert agree and set(_countries(agree[0]["source"] + agree[0]["target"])) == {"AZE", "ARM"}
    # a diplomatic agreement with no party and no fighting around it stays unattributed
    assert not [e for e in _events("توافقی حاصل شد.") if e["type"] == "AGREE"]


def test_the_subject_of_undergoing_an_attack_is_its_target() -> None:
    for text, country in (("أفاد بيان بأن القوات الاميركية تعرضت لهجوم في الرمادي.", "USA"),
                          ("US forces came under attack in Ramadi.", "USA")):
        found = [e for e in _events(text) if e["type"] == "ASSAULT"]
        assert found and country in _countries(found[0]["target"]), (text, found)
        assert country not in _countries(found[0]["source"])


def test_the_subject_of_a_passive_is_its_target() -> None:
    found = [e for e in _events("نیروهای آمریکایی در رمادی مورد حمله قرار گرفتند.")
             if e["type"] == "ASSAULT"]
    assert found and _countries(found[0]["target"]) == ["USA"] and not found[0]["source"]
    found = [e for e in _events("خبرنگار فرانسوی در کابل توسط طالبان ربوده شد.")
             if e["type"] == "ASSAULT"]
    assert found and [a.get("name") for a in found[0]["source"]] == ["Taliban"]
    assert _countries(found[0]["target"]) == ["FRA"]


def test_a_refusal_answers_the_request_of_its_sentence() -> None:
    found = _events("گفت امریکا از ارمنستان خواسته که در جلسه‌ای در بلژیک برای مذاکرات صلح شرکت "
                    "کنند و ارمنستان رد کرده است.", "1992-03-12")
    reject = [e for e in found if e["type"] == "REJECT"]
    assert reject and _countries(reject[0]["source"]) == ["ARM"]
    assert _countries(reject[0]["target"]) == ["USA"]


def test_a_coordinated_clause_has_its_own_subject() -> None:
    found = _events("Russia asked Armenia to withdraw its troops and Armenia refused.")
    reject = [e for e in found if e["type"] == "REJECT"]
    assert reject and _countries(reject[0]["source"]) == ["ARM"]
    assert _countries(reject[0]["target"]) == ["RUS"]
    # an Arabic verb with «و» after a sector word is no part of the sector phrase
    found = _events("طلبت روسيا من أرمينيا سحب قواتها ورفضت أرمينيا ذلك.")
    reject = [e for e in found if e["type"] == "REJECT"]
    assert reject and _countries(reject[0]["source"]) == ["ARM"], found
    assert _countries(reject[0]["target"]) == ["RUS"]


def test_repeated_calls_are_a_pattern_not_an_event() -> None:
    found = _events("پوتین با اشاره به تماس های تلفنی مکرر دو طرف گفت که دیدار حضوری پرثمرتر است.")
    assert not [e for e in found if e["type"] == "CONSULT" and e["trigger"]["text"] != "دیدار"]
    found = _events("The two leaders held frequent phone calls.")
    assert not [e for e in found if e["type"] == "CONSULT"]


def test_one_state_body_asking_another_is_a_request_within_the_state() -> None:
    found = _events("نمایندگان پارلمان اسپانیا از دولت این کشور خواستند کشور فلسطین را به رسمیت "
                    "بشناسد.", "2014-11-18")
    requests = [e for e in found if e["type"] == "REQUEST"]
    assert requests and _countries(requests[0]["target"]) == ["ESP"]


def test_a_meeting_phrase_holding_an_actor_names_its_partner() -> None:
    found = _events("ألقى وزير الخارجية الأذربيجاني كلمة خلال جلسة بمجلس الأمن الدولي أمس.")
    consults = [e for e in found if e["type"] == "CONSULT"]
    assert consults and [a.get("name") for a in consults[0]["target"]] == ["UN Security Council"]
    assert _countries(consults[0]["source"]) == ["AZE"]


def test_a_complement_of_the_last_noun_is_no_protests_target() -> None:
    found = _events("در سال 1988 جنبش الحاق به ارمنستان در قره باغ کوهستانی آغاز شد.")
    protests = [e for e in found if e["type"] == "PROTEST"]
    assert protests and _countries(protests[0]["target"]) == ["AZE"]


def test_students_protesting_in_a_city_are_its_people() -> None:
    found = [e for e in _events("تظاهر الطلاب في القاهرة احتجاجا على رفع الأسعار.")
             if e["type"] == "PROTEST"]
    assert found and _countries(found[0]["source"]) == ["EGY"]


def test_saying_something_by_phone_is_a_call() -> None:
    found = _events("أبلغ وزير الخارجية الروسي نظيره الأرميني هاتفيا بموقف موسكو.", "2021-11-01")
    calls = [e for e in found if e["type"] == "CONSULT" and e["mode"] == "phone"]
    assert calls and [a.get("name") for a in calls[0]["source"]] == ["Sergey Lavrov"]
    assert [a.get("name") for a in calls[0]["target"]] == ["Ararat Mirzoyan"]
    # a call already told is not told twice; a state after the word is a topic, not a partner
    found = _events("لاوروف در گفت و گوی تلفنی با میرزویان تبادل نظر کرد.", "2021-11-01")
    assert not [e for e in found if e["trigger"]["entry"] == "by_phone"]
    assert not _events("لاوروف تلفنی از حملات آذربایجان انتقاد کرد.", "2021-11-01") or all(
        e["type"] != "CONSULT" for e in _events("لاوروف تلفنی از حملات آذربایجان انتقاد کرد.",
                                                "2021-11-01"))


def test_killings_during_fighting_already_told_are_that_fighting() -> None:
    # the clashes are told first; "these clashes" refers back, the deaths are part of them
    for text in ("نیروهای ارمنستان به مواضع ارتش جمهوری آذربایجان حمله کردند. در جریان این "
                 "درگیری ها یک افسر و سه سرباز کشته شدند.",
                 "هاجمت القوات الأرمينية مواقع الجيش الأذربيجاني. وقتل خمسة جنود في هذه الاشتباكات.",
                 "Armenian forces attacked Azerbaijani army positions. Five soldiers were killed "
                 "in these clashes."):
        assaults = [e for e in _events(text) if e["type"] == "ASSAULT"]
        assert len(assaults) == 1, text
        assert _countries(assaults[0]["source"]) == ["ARM"]
    # with no demonstrative the killing is an event of its own
    assert [e["type"] for e in _events("Armenian forces killed five Azerbaijani soldiers in "
                                       "clashes.") if e["type"] == "ASSAULT"]


def test_readiness_for_talks_is_no_talk_yet() -> None:
    found = _events("وأكد الوزير أن أذربيجان مستعدة لحوار ومفاوضات حقيقية مع أرمينيا.")
    assert not [e for e in found if e["type"] == "CONSULT"]


def test_liberating_occupied_land_is_an_assault_not_a_release() -> None:
    found = _events("جمهوری آذربایجان در جنگ سال گذشته سرزمین های اشغالی خود در قره باغ را آزاد "
                    "کرد.")
    assert [e["type"] for e in found] == ["ASSAULT"]


def test_including_names_a_new_act_not_an_earlier_one() -> None:
    # «بما في ذلك» holds a demonstrative, but the strike after it is new
    found = _events("قال حلف شمال الأطلسي إنه قتل عددا من زعماء طالبان في أفغانستان في هجمات بما "
                    "في ذلك ضربة جوية.")
    assert [e for e in found if e["type"] == "ASSAULT"]
    # these operations, with nothing told before: still an event
    assert [e for e in _events("وأوضح البيان أن احد عناصر القوات العراقية قتل في إطار هذه "
                               "العمليات العسكرية.") if e["type"] == "ASSAULT"]


def test_counted_soldiers_killed_are_the_victims() -> None:
    # a dual, a singular indefinite, a count in quotes: the victims, whatever the word order
    for text, victims in (
            ("وقال متحدث باسم الجيش الاسباني ان جنديين اسبانيين قتلا في هجوم انتحاري امس.",
             "ESP"),
            ("وأوضح البيان أن «ثلاثة جنود أميركيين قتلوا بانفجار عبوة ناسفة في شرق بغداد».", "USA"),
            ("كما قتل جنديان اميركيان في هجوم انتحاري بسيارة مفخخة في الموصل.", "USA")):
        assaults = [e for e in _events(text) if e["type"] == "ASSAULT"]
        assert assaults and all(victims in _countries(e["target"]) for e in assaults), text
        assert all(victims not in _countries(e["source"]) for e in assaults), text


def test_who_tells_of_its_own_dead_is_not_their_attacker() -> None:
    found = _events("أعلن الجيش الأميركي أمس أن جنديا أميركيا قتل في هجوم انتحاري.")
    assaults = [e for e in found if e["type"] == "ASSAULT"]
    assert assaults and all("USA" not in _countries(e["source"]) for e in assaults)


def test_killed_in_an_attack_is_one_event() -> None:
    for text in ("قتل جنديان اميركيان في هجوم انتحاري بسيارة مفخخة في الموصل.",
                 "دو سرباز آمریکایی در حمله انتحاری در موصل کشته شدند.",
                 "Two American soldiers were killed in a suicide attack in Mosul."):
        assert len([e for e in _events(text) if e["type"] == "ASSAULT"]) == 1, text
    # an attack noun that names its own attacker stays: it says who did it
    found = _events("وقتل 4 جنود إثيوبيين في هجوم شنه مسلحون صوماليون على ثكنة في مقديشو.")
    assert any("SOM" in _countries(e["source"]) for e in found if e["type"] == "ASSAULT")


def test_agreements_reached_on_two_days_are_two_events() -> None:
    found = _events("وزیران خارجه دو کشور درباره اجرای توافق های سران ایران و ترکیه بدست آمده در "
                    "روز ۹ ماه نوامبر سال ۲۰۲۰ و ۱۱ ماه ژانویه سال ۲۰۲۱ گفت و گو کردند.")
    assert sorted(e["date"] for e in found if e["type"] == "AGREE") == ["2020-11-09",
                                                                         "2021-01-11"]


def test_a_persian_topic_list_runs_to_the_verb_that_closes_it() -> None:
    # a long topic with commas, closed by the talk's verb: its act nouns are what was discussed
    found = _events("وزیران خارجه ایران و ترکیه در مورد کاهش تنش ها در مرز دو کشور، بازگشایی همه "
                    "راه های حمل و نقل و برقراری روابط اقتصادی و نیز ایجاد شرایط مساعد برای "
                    "همکاری های منطقه ای تبادل نظر کردند.")
    assert [e["type"] for e in found] == ["CONSULT"]


def test_talks_said_to_bring_no_result_are_no_event() -> None:
    # a statement about what a process yields, not a talk that took place
    for text in ("وزیر گفت: مذاکرات با ارمنستان هیچ نتیجه ای نمی دهد.",
                 "وقال الوزير إن المحادثات مع أرمينيا لم تسفر عن أي نتيجة.",
                 "The minister said talks with Armenia have yielded no result."):
        assert not [e for e in _events(text) if e["type"] == "CONSULT"], text
    assert [e for e in _events("وزیر امور خارجه ایران با همتای ترکیه ای خود مذاکره کرد.")
            if e["type"] == "CONSULT"]
