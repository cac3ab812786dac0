"""Recognition grammar: find date expressions in normalised text, without resolving them.

Written by hand because no library recognises Persian and Arabic date expressions well:
dateparser.search_dates never reads Solar Hijri dates in running text, reads the Persian verb
prefix می as May and bare numbers as years (see ../shared/docs/LIBRARIES.md). Names come from the
generated lexicons (:mod:`khabar.time.lexicon`), found with one compiled :class:`PhraseMatcher`
pass each; the grammar then reads digits and cue words around each name with small anchored
regular expressions. Offsets are into the normalised text (ASCII digits, folded letters).

The guiding rule is that a false date is worse than a missing one: a number becomes a year only
with a cue (سال, عام, "in", a calendar suffix, a month name, a range of two plausible years), and
a month name that is also an ordinary word (مهر, می, صفر, رجب ...) only with a number attached
or right after ماه/شهر.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from khabar.text.lexicon import Match
from khabar.time.calendars import GREGORIAN, ISLAMIC, PERSIAN
from khabar.time.lexicon import Lexicons, MonthEntry, RelEntry, lexicons

__all__ = ["Candidate", "find_candidates"]


@dataclass(slots=True)
class Candidate:
    """One recognised expression; fields it does not fix are ``None``."""

    start: int
    end: int
    kind: str  # date | year | month | weekday | rel | ago
    rule: str
    calendar: str = GREGORIAN
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    # ranges: the end of a span of years or months
    year2: int | None = None
    month2: int | None = None
    calendar2: str | None = None
    # relative expressions: unit and offset; weekday direction (-1 before, 0 on/before, 1 after)
    unit: str | None = None
    offset: int = 0
    direction: int = 0
    rel_year: int | None = None  # month/day with امسال, الماضي: offset in years, or None
    until: Candidate | None = None  # "from DATE to DATE": the second date
    solar_year: bool = False  # محرم ۱۴۰۱ in Persian: the Muharram of the Solar Hijri year 1401
    future: bool = False  # its sentence speaks of the future (a year-less date then lies ahead)


_D = "[0-9]"
_NOT_NUM_BEFORE = r"(?<![0-9.,/:\-])"
_NOT_NUM_AFTER = r"(?![0-9]|[.,/:\-][0-9])"
_SUFFIX = (
    r"(?P<suf>\s*(?:میلادی|هجری شمسی|هجری قمری|هجری خورشیدی|خورشیدی|شمسی|قمری|ه\s?\.?\s?ش"
    r"|ه\s?\.?\s?ق|ه|ق|ش|م|ad|ce|bc)(?!\w))?"
)
_REL_YEAR = (
    r"(?P<ry>\s*(?:امسال|سال جاری|سال گذشته|پارسال|سال آینده|سال اینده|من العام الجاری"
    r"|من العام الحالی|من هذا العام|من العام الماضی|من العام المقبل|العام الماضی|العام الجاری"
    r"|العام الحالی|العام المقبل|هذا العام|الماضی|المنصرم|الفائت"
    r"|المقبل|القادم|الجاری|الحالی|جاری|this year|last year|next year|last|next)(?!\w))?"
)
_REL_YEAR_OFFSET = {
    "امسال": 0, "سال جاری": 0, "سال گذشته": -1, "پارسال": -1, "سال آینده": 1, "سال اینده": 1,
    "من العام الجاری": 0, "من العام الحالی": 0, "من هذا العام": 0, "من العام الماضی": -1,
    "من العام المقبل": 1, "العام الماضی": -1, "العام الجاری": 0, "العام الحالی": 0,
    "العام المقبل": 1, "هذا العام": 0, "الجاری": 0, "الحالی": 0, "جاری": 0, "this year": 0, "last year": -1, "next year": 1,
}
# month-name direction words: سبتمبر الماضي = the latest September before the anchor
_REL_MONTH_DIR = {"الماضی": -1, "المنصرم": -1, "الفائت": -1, "last": -1,
                  "المقبل": 1, "القادم": 1, "next": 1}

# after a month name: optional ماه, an English day, then a year with an optional cue and suffix
_AFTER_TAIL = (
    r"(?:(?P<ysep>\s*[,،]?\s*(?:سال|عام|العام|سنه|من عام|من العام|of)?\s*)"
    r"(?P<y>[0-9]{4}|[0-9]{2})" + _NOT_NUM_AFTER + _SUFFIX + ")?" + _REL_YEAR
)
_AFTER_MONTH = re.compile(r"(?:\s*ماه)?(?P<d2>(?!))?" + _AFTER_TAIL)
# English also writes the day after the month: September 21, 2023
_AFTER_MONTH_LATIN = re.compile(r"(?P<d2>\s+[0-9]{1,2}(?:st|nd|rd|th)?(?![0-9]))?" + _AFTER_TAIL)
# before a month name: the day (۲۱ بهمن, 9 ماه نوامبر, 3 من شهر مايو, 21st of May)
_BEFORE_MONTH_DAY = re.compile(
    r"(?<![0-9.,/:\-])(?P<d>[0-9]{1,2})(?:\s*(?:ام|th|st|nd|rd))?"
    r"\s*(?:ماه\s*|من\s*(?:شهر\s*)?|شهر\s*|of\s*)?$"
)
# Arabic ordinal days: التاسع من مارس, الحادي والعشرين من يونيو, الأول من يونيو (hamza folded)
_AR_ORD = {
    "الاول": 1, "الثانی": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7,
    "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادی عشر": 11, "الثانی عشر": 12,
    "الثالث عشر": 13, "الرابع عشر": 14, "الخامس عشر": 15, "السادس عشر": 16, "السابع عشر": 17,
    "الثامن عشر": 18, "التاسع عشر": 19, "العشرین": 20, "الحادی والعشرین": 21,
    "الثانی والعشرین": 22, "الثالث والعشرین": 23, "الرابع والعشرین": 24,
    "الخامس والعشرین": 25, "السادس والعشرین": 26, "السابع والعشرین": 27,
    "الثامن والعشرین": 28, "التاسع والعشرین": 29, "الثلاثین": 30, "الحادی والثلاثین": 31,
}
_FA_UNITS = ["", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه"]
_FA_ORD = {"یکم": 1, "اول": 1, "دوم": 2, "سوم": 3, "چهارم": 4, "پنجم": 5, "ششم": 6, "هفتم": 7,
           "هشتم": 8, "نهم": 9, "دهم": 10, "یازدهم": 11, "دوازدهم": 12, "سیزدهم": 13,
           "چهاردهم": 14, "پانزدهم": 15, "شانزدهم": 16, "هفدهم": 17, "هجدهم": 18, "هیجدهم": 18,
           "نوزدهم": 19, "بیستم": 20, "سی ام": 30, "سیم": 30}
for _t, _w in ((20, "بیست"), (30, "سی")):
    for _u in range(1, 10 if _t == 20 else 2):
        _FA_ORD[f"{_w} و {_FA_UNITS[_u]}م" if _u != 3 else f"{_w} و سوم"] = _t + _u
        if _u == 1:
            _FA_ORD[f"{_w} و یکم"] = _t + 1
# Persian ordinal days: دوم شهریور, بیست و یکم بهمن, بیستم آگوست
_BEFORE_MONTH_FA_ORD = re.compile(
    "(?<!\\w)(?<!دهه )(?P<d>" + "|".join(sorted(_FA_ORD, key=len, reverse=True))
    + r")\s*(?:ماه\s*)?$"
)
_BEFORE_MONTH_ORD = re.compile(
    "(?<!\\w)(?P<d>" + "|".join(sorted(_AR_ORD, key=len, reverse=True)) + r")\s+من\s+(?:شهر\s+)?$"
)
_MONTH_CUE_STRONG = re.compile(r"(?:ماه|شهر|month of)\s*$")
_MONTH_CUE_WEAK = re.compile(
    r"(?:^|\s)(?:اوایل|اواسط|اواخر|ابتدای|اول|نیمه|پایان|انتهای|اوائل|مطلع|منتصف|نهایه|بدایه"
    r"|اواخر|اواسط|خلال|فی|در|طی|از|تا|منذ|حتی|in|during|early|late|mid|since|until|by)\s*$"
)
_DAY_RANGE_HEAD = re.compile(
    r"(?<![0-9.,/:\-])(?P<d1>[0-9]{1,2})\s*(?:و|تا|الی|الى|إلى|-|to|and)\s*$"
)
_YEAR_FIRST = re.compile(r"(?<![0-9.,/:\-])(?P<y>1[34][0-9]{2})\s*[-،,]?\s*$")
_PAIR_GAP = re.compile(r"\s*(?:/|\(|-|و)\s*$|\s*$")
_GAP_WEEKDAY = re.compile(r"^[\s,،]*$")
_DAY_CUES = re.compile(
    r"(?:روز|شب|صبح|عصر|ظهر|بعدازظهر|بامداد|يوم|یوم|مساء|صباح|لیله|ظهر|فجر|on)\s*$"
)
_WEEKDAY_DIR = re.compile(
    r"\s*(?:(?P<back>گذشته|قبل|پیش|الماضی|الفائت|المنصرم|الماضیه)|(?P<fwd>آینده|اینده|بعد|المقبل"
    r"|القادم|المقبله|القادمه))(?!\w)"
)
_WEEKDAY_DIR_BEFORE = re.compile(r"(?:(?P<back>last)|(?P<fwd>next|this coming))\s+$")
# a Friday that is a prayer, not a day: امام جمعه, نماز جمعه, صلاة الجمعة, خطبة الجمعة
_NOT_WEEKDAY_BEFORE = re.compile(r"(?:امام|ائمه|نماز|خطبه|خطبه های|صلاه|خطیب|خطباء|الواحد)\s*$")
_NOT_WEEKDAY_AFTER = re.compile(r"^\s*(?:ها|های)(?!\w)")

_NUMERIC_YMD = re.compile(
    _NOT_NUM_BEFORE + r"(?P<y>[0-9]{4})(?P<s>[/.\-])(?P<m>[0-9]{1,2})(?P=s)(?P<d>[0-9]{1,2})"
    + _NOT_NUM_AFTER
)
_NUMERIC_DMY = re.compile(
    _NOT_NUM_BEFORE + r"(?P<d>[0-9]{1,2})(?P<s>[/.\-])(?P<m>[0-9]{1,2})(?P=s)(?P<y>[0-9]{4})"
    + _NOT_NUM_AFTER
)
_YEAR_CUE = re.compile(
    r"(?<!\w)(?P<cue>سال ?های|سال ?ها|سال|(?:ال)?عام(?:ی)?|(?:ال)?سنه|سنتی|بین|بین سال ?های"
    r"|نیمه اول|نیمه دوم|نیمه نخست|اوایل|اواسط|اواخر|ابتدای|پایان|اوائل|مطلع|منتصف|نهایه|بدایه"
    r"|in|since|year|during|early|late|mid|until|between)\s+"
    r"(?P<y>[0-9]{4})" + _NOT_NUM_AFTER +
    r"(?:(?P<conj>\s*(?:-|/|تا|الی|الی|و|to|and|حتی|الى)\s*)(?P<y2>[0-9]{4})" + _NOT_NUM_AFTER + ")?"
    + _SUFFIX
)
_YEAR_SUFFIX = re.compile(
    _NOT_NUM_BEFORE + r"(?P<y>[0-9]{4})(?:(?P<sp>\s*)(?P<suf>میلادی|هجری شمسی|هجری قمری|شمسی|قمری"
    r"|هجری خورشیدی|خورشیدی|ه\s?\.?\s?ش|ه\s?\.?\s?ق|ه|م)(?!\w))"
)
# سال ۹۶, سال 87: Persian writes Solar Hijri years with two digits after سال
_YEAR_FA_SHORT = re.compile(r"(?<!\w)سال\s+(?P<y>[0-9]{2})(?![0-9]|[.,/:\-][0-9]|\s*(?:سال|ماه|روز|هفته|درصد|نفر))")
_YEAR_RANGE = re.compile(
    _NOT_NUM_BEFORE + r"(?P<y>(?:19|20)[0-9]{2})\s*-\s*(?P<y2>(?:19|20)[0-9]{2})" + _NOT_NUM_AFTER
)
_JALALI_PAREN = re.compile(
    _NOT_NUM_BEFORE + r"(?P<y>1[34][0-9]{2})\s*\(\s*(?:19|20)[0-9]{2}(?:\s*میلادی)?\s*\)"
)
_NUMWORDS = {
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "نه": 9,
    "ده": 10, "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7, "ثمانیه": 8, "تسعه": 9,
    "عشره": 10, "ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثمانی": 8, "تسع": 9,
    "عشر": 10, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
_NUMWORD_RE = "|".join(sorted(_NUMWORDS, key=len, reverse=True))
_AGO_FA = re.compile(
    rf"(?<!\w)(?P<n>[0-9]{{1,3}}|{_NUMWORD_RE})\s*(?P<u>روز|هفته|ماه|سال)\s*(?:پیش|قبل)(?!\w)"
    r"(?!\s*(?:از|تر))"
)
_AGO_FA_PAST = re.compile(
    rf"(?<!طی )(?<!طي )(?<!طول )(?<!ظرف )(?<!در )(?<!این )(?<!\w)(?P<n>[0-9]{{1,3}}|{_NUMWORD_RE})"
    r"\s*(?P<u>روز|هفته|ماه|سال)\s*گذشته(?!\w)(?!\s*(?:از|تا))"
)
_AGO_AR = re.compile(
    rf"(?<!\w)(?:و|ف)?(?:قبل|منذ)\s+(?:(?P<n>[0-9]{{1,3}}|{_NUMWORD_RE})\s+)?"
    r"(?P<u>یومین|ایام|یوما|اسبوعین|اسابیع|اسبوعا|شهرین|اشهر|شهور|عامین|اعوام|سنتین|سنوات)(?!\w)"
    r"(?!\s*(?:من|علی))"
)
_AGO_EN = re.compile(
    rf"(?<!\w)(?P<n>[0-9]{{1,3}}|{_NUMWORD_RE})\s+(?P<u>days?|weeks?|months?|years?)\s+ago(?!\w)"
)
# "N days later" and "after N days (of fighting)": days after the last full date written
_LATER_FA = re.compile(
    rf"(?<!\w)(?P<n>[0-9]{{1,3}}|{_NUMWORD_RE})\s*روز\s*(?:بعد|پس از آن)(?!\w)(?!\s*از)"
    rf"|(?<!\w)پس از\s+(?:[^\s،.:؛0-9]+\s+){{0,3}}?(?P<n2>[0-9]{{1,3}})\s*روز(?!\w)"
)
_LATER_AR = re.compile(
    rf"(?<!\w)(?:و|ف)?بعد\s+(?:[^\s،.:؛0-9]+\s+){{0,3}}?(?P<n>[0-9]{{1,3}}|{_NUMWORD_RE})\s+"
    r"(?:یوما|ایام)(?!\w)"
)
_LATER_EN = re.compile(
    rf"(?<!\w)(?P<n>[0-9]{{1,3}}|{_NUMWORD_RE})\s+days?\s+later(?!\w)"
    rf"|(?<!\w)after\s+(?:[^\s,.:;0-9]+\s+){{0,3}}?(?P<n2>[0-9]{{1,3}})\s+days(?!\w)"
)
_LATER_CUE = re.compile(r"روز|یوما|ایام|days?\s")
_AGO_FA_CUE = re.compile(r"(?:روز|هفته|ماه|سال)\s*(?:پیش|قبل)(?!\w)")
_AGO_FA_PAST_CUE = re.compile(r"[0-9]\s*(?:روز|هفته|ماه|سال)\s*گذشته")
_AGO_AR_CUE = re.compile(r"(?:قبل|منذ)\s")
_AGO_EN_CUE = re.compile(r"\sago(?!\w)")
_AGO_UNITS = {
    "روز": "day", "هفته": "week", "ماه": "month", "سال": "year", "day": "day", "days": "day",
    "week": "week", "weeks": "week", "month": "month", "months": "month", "year": "year",
    "years": "year", "یومین": "day", "ایام": "day", "یوما": "day", "اسبوعین": "week",
    "اسابیع": "week", "اسبوعا": "week", "شهرین": "month", "اشهر": "month", "شهور": "month",
    "عامین": "year", "اعوام": "year", "سنتین": "year", "سنوات": "year",
}
_DUALS = {"یومین", "اسبوعین", "شهرین", "عامین", "سنتین"}
_PLURAL_CUES = ("ها", "عامی", "بین", "between", "سنتی")
_NUM_BEFORE = re.compile(rf"(?<![:.,/])(?:(?<![0-9])[0-9]+|(?<!\w)(?:{_NUMWORD_RE}|چند)) *$")
_AL_WORD_AFTER = re.compile(r"\s+ال(\w+)")


def _suffix_calendar(suf: str | None) -> str | None:
    if not suf:
        return None
    s = suf.replace(" ", "").replace(".", "")
    if s in ("میلادی", "م", "ad", "ce"):
        return GREGORIAN
    if s in ("هجریشمسی", "شمسی", "هش", "ش", "هجریخورشیدی", "خورشیدی"):
        return PERSIAN
    if s in ("هجریقمری", "قمری", "هق", "ه", "ق"):
        return ISLAMIC
    return None


def _year_calendar(year: int, suf: str | None, langs: frozenset[str]) -> str | None:
    """Calendar of a bare year by its size and suffix; None if it is not a plausible year."""
    cal = _suffix_calendar(suf)
    if cal == GREGORIAN:
        return GREGORIAN if 1000 <= year <= 2100 else None
    if cal in (PERSIAN, ISLAMIC):
        return cal if 1200 <= year <= 1500 else None
    if 1800 <= year <= 2100:
        return GREGORIAN
    if 1250 <= year <= 1500:
        if "fa" in langs:
            return PERSIAN if year <= 1420 else None
        return ISLAMIC if "ar" in langs and year >= 1300 else None
    return None


def _month_year(y: str, cal: str, has_day: bool, with_cue: bool = False) -> int | None:
    """A year written after a month name, or None if it cannot be one."""
    n = int(y)
    if len(y) == 2:
        # ۲۲ بهمن ۵۷: two-digit Solar Hijri years, only with a day, only 1340-1399 and 1400-09
        if cal != PERSIAN or not (has_day or with_cue):
            return None
        if n >= 40:
            return 1300 + n
        return 1400 + n if y.startswith("0") else None
    if cal == GREGORIAN:
        return n if 1000 <= n <= 2100 else None
    return n if 1200 <= n <= 1500 else None


def _preferred(values: tuple[MonthEntry, ...]) -> MonthEntry:
    return values[0]


def _month_candidates(
    text: str, lex: Lexicons, langs: frozenset[str], weekdays_by_end: dict[int, Match[int]]
) -> list[Candidate]:
    out: list[Candidate] = []
    months = list(lex.months.finditer(text))
    skip_until = -1
    for i, m in enumerate(months):
        if m.core_start < skip_until:
            continue
        entry = _preferred(m.values)
        start, end = m.core_start, m.end
        # paired names: سبتمبر/أيلول, سپتامبر (أيلول), حزيران-يونيو
        j = i + 1
        while j < len(months):
            nxt = months[j]
            gap = text[end : nxt.core_start]
            if len(gap) <= 3 and _PAIR_GAP.match(gap) and "و" not in gap and any(
                v.month == entry.month and v.calendar == entry.calendar for v in nxt.values
            ):
                end = nxt.end
                if text.startswith(")", end) or text.startswith(" )", end):
                    end = text.index(")", end) + 1
                skip_until = end
                j += 1
            else:
                break
        before = text[max(0, start - 24) : start]
        bday = _BEFORE_MONTH_DAY.search(before)
        day = int(bday.group("d")) if bday else None
        if bday is None and "fa" in langs:
            wide = text[max(0, start - 30) : start]
            ordm = _BEFORE_MONTH_FA_ORD.search(wide)
            if ordm:
                day = _FA_ORD[ordm.group("d")]
                before = wide
                bday = ordm
        if bday is None and "ar" in langs:
            wide = text[max(0, start - 40) : start]
            ordm = _BEFORE_MONTH_ORD.search(wide)
            if ordm:
                day = _AR_ORD[ordm.group("d")]
                before = wide
                bday = ordm
        after = (_AFTER_MONTH_LATIN if entry.latin else _AFTER_MONTH).match(text, end)
        year = None
        yend = end
        suf_cal = None
        if after and after.group("d2") and entry.latin and day is None:
            day = int(after.group("d2").strip().rstrip("stndrh"))
            yend = after.end("d2")
        if after and after.group("y"):
            year = _month_year(after.group("y"), entry.calendar, day is not None,
                               "سال" in (after.group("ysep") or ""))
            if year is not None:
                suf_cal = _suffix_calendar(after.group("suf"))
                yend = after.end("suf") if after.group("suf") else after.end("y")
        ry = after.group("ry") if after else None
        rel_year = None
        direction = 0
        if ry and year is None:
            key = ry.strip()
            if key in _REL_YEAR_OFFSET:
                rel_year = _REL_YEAR_OFFSET[key]
            elif key in _REL_MONTH_DIR:
                direction = _REL_MONTH_DIR[key]
            yend = after.end("ry") if after else yend
        solar_year = False
        if (
            year is not None and entry.calendar == ISLAMIC and "fa" in langs
            and suf_cal != ISLAMIC and year <= 1420
        ):
            # Persian writers date a lunar month by the solar year it fell in (محرم ۱۳۵۷ is
            # Muharram 1399 AH, December 1978); a lunar year is marked قمری or ق
            solar_year, suf_cal = True, None
        if suf_cal and suf_cal != entry.calendar:
            # a calendar suffix that contradicts the month name: do not guess
            year = None
        cstart = start
        if bday:
            cstart = start - len(before) + bday.start("d")
        # an optional weekday before the day: الخميس 21 سبتمبر, دوشنبه ۲۱ بهمن
        weekday = None
        if day is not None and bday:
            for pos in range(cstart, max(-1, cstart - 4), -1):
                w = weekdays_by_end.get(pos)
                if w is not None and _GAP_WEEKDAY.match(text[w.end : cstart]):
                    weekday = w.values[0]
                    cstart = w.core_start
                    break
        # the Persian newspaper order: ۱۳۹۹ شنبه ۱۲ مهر
        if year is None and day is not None and entry.calendar == PERSIAN:
            yf = _YEAR_FIRST.search(text[max(0, cstart - 12) : cstart])
            if yf:
                year = int(yf.group("y"))
                cstart = cstart - (len(text[max(0, cstart - 12) : cstart]) - yf.start("y"))
        if day is None and year is None and rel_year is None and direction == 0:
            strong = _MONTH_CUE_STRONG.search(before) or text.startswith(" ماه", end)
            weak = _MONTH_CUE_WEAK.search(before)
            if not (strong or (weak and not entry.strict)
                    or _range_head(text, end, entry, months, j)):
                continue
        elif (
            day is None and year is None and entry.strict and rel_year is None and not direction
            and not (_MONTH_CUE_STRONG.search(before) or text.startswith(" ماه", end)
                     or _range_head(text, end, entry, months, j))
        ):
            continue
        if day is not None and not 1 <= day <= 31:
            continue
        # ۳۰ و ۳۱ اردیبهشت, 13 تا 15 خرداد: a range of days in one month
        first_day = None
        if day is not None and weekday is None:
            dr = _DAY_RANGE_HEAD.search(text[max(0, cstart - 12) : cstart])
            if dr and 1 <= int(dr.group("d1")) < day:
                first_day = int(dr.group("d1"))
                cstart = cstart - (len(text[max(0, cstart - 12) : cstart]) - dr.start("d1"))
        cend = yend if (year is not None or rel_year is not None or direction) else (
            after.end("d2") if after and after.group("d2") and entry.latin else end
        )
        if text.startswith(" ماه", cend) and year is None:
            cend += 4
        kind = "date" if day is not None else "month"
        rule = "time:" + {
            (True, True): "dmy", (True, False): "dm", (False, True): "my", (False, False): "m"
        }[(day is not None, year is not None)] + f"_{entry.calendar}"
        out.append(Candidate(
            cstart, cend, kind, rule, calendar=entry.calendar, year=year, month=entry.month,
            day=day, weekday=weekday, rel_year=rel_year, direction=direction,
            solar_year=solar_year,
        ))
        if first_day is not None:
            last = out[-1]
            out[-1] = replace(last, day=first_day, until=replace(last, start=cend, day=day),
                              rule=last.rule + "+day_range")
    return _merge_month_ranges(text, out)


_MONTH_RANGE_GAP = re.compile(
    r"^\s*(?:و|تا|الی|الى|-|to|and|until)\s*(?:(?:اوایل|اواسط|اواخر|ابتدای|اوائل|مطلع|منتصف"
    r"|early|late|mid)\s+)?$"
)


def _range_head(
    text: str, end: int, entry: MonthEntry, months: list[Match[MonthEntry]], j: int
) -> bool:
    """Is this year-less month joined to a following month with a year (خرداد و تیر ۱۳۷۳)?"""
    if j >= len(months):
        return False
    nxt = months[j]
    if not _MONTH_RANGE_GAP.match(text[end : nxt.core_start]):
        return False
    if not any(v.calendar == entry.calendar and v.month > entry.month for v in nxt.values):
        return False
    after = _AFTER_MONTH.match(text, nxt.core_end)
    return bool(after and after.group("y"))


def _merge_month_ranges(text: str, cands: list[Candidate]) -> list[Candidate]:
    """خرداد و تیر ۱۳۷۳, June and July 1994: a year-less month joined to the next month."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.kind == "month" and prev.year is None and c.kind == "month"
            and c.year is not None and prev.calendar == c.calendar and prev.month is not None
            and c.month is not None and prev.month < c.month
            and _MONTH_RANGE_GAP.match(text[prev.end : c.start])
        ):
            out[-1] = replace(
                prev, end=c.end, year=c.year, month2=c.month, year2=c.year,
                rule=f"time:month_range_{c.calendar}",
            )
            continue
        out.append(c)
    return out


def _weekday_ok(text: str, w: Match[int]) -> bool:
    if _NOT_WEEKDAY_BEFORE.search(text[max(0, w.core_start - 14) : w.core_start]):
        return False
    return not _NOT_WEEKDAY_AFTER.match(text[w.core_end : w.core_end + 5])


_FOUR_DIGITS = re.compile(r"[0-9]{4}")
_WINDOW = 40


def _number_windows(text: str) -> list[tuple[int, int]]:
    """Merged ``[start, end)`` windows of ±40 characters around each four-digit number."""
    out: list[tuple[int, int]] = []
    for m in _FOUR_DIGITS.finditer(text):
        a, b = max(0, m.start() - _WINDOW), min(len(text), m.end() + _WINDOW)
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _finditer(rx: re.Pattern[str], text: str, windows: list[tuple[int, int]]) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    for a, b in windows:
        found.extend(rx.finditer(text, a, b))
    return found


def find_candidates(text: str, langs: frozenset[str]) -> list[Candidate]:
    """Every date expression in normalised ``text``, leftmost first, not overlapping."""
    lex = lexicons(langs)
    weekdays = [w for w in lex.weekdays.finditer(text) if _weekday_ok(text, w)]
    by_end = {w.core_end: w for w in weekdays}
    weekday_starts = {w.core_start for w in weekdays}
    cands: list[Candidate] = _month_candidates(text, lex, langs, by_end)

    # every pattern below needs a four-digit number: run them only in windows around one
    windows = _number_windows(text)
    for rx, order in ((_NUMERIC_YMD, "ymd"), (_NUMERIC_DMY, "dmy")):
        for mt in _finditer(rx, text, windows):
            y, mo, d = int(mt.group("y")), int(mt.group("m")), int(mt.group("d"))
            cal = _year_calendar(y, None, langs)
            if cal is None or not (1 <= mo <= 12 and 1 <= d <= 31):
                continue
            cands.append(Candidate(mt.start(), mt.end(), "date", f"time:numeric_{order}_{cal}",
                                   calendar=cal, year=y, month=mo, day=d))

    for mt in _finditer(_YEAR_CUE, text, windows):
        cue = mt.group("cue")
        y = int(mt.group("y"))
        suf = mt.group("suf")
        y2s = mt.group("y2")
        conj = (mt.group("conj") or "").strip()
        if y2s and conj in ("و", "and") and not any(p in cue for p in _PLURAL_CUES):
            y2s = None
        cal = _year_calendar(y, suf, langs)
        if cal is None:
            continue
        end = mt.end("suf") if suf else mt.end("y")
        c = Candidate(mt.start("y") if cue in ("in", "since", "until", "during", "year", "by")
                      else mt.start(), end, "year", f"time:year_{cal}", calendar=cal, year=y)
        if y2s:
            y2 = int(y2s)
            if _year_calendar(y2, suf, langs) == cal and 0 < abs(y2 - y) <= 60:
                c.year, c.year2 = min(y, y2), max(y, y2)
                c.rule = f"time:year_range_{cal}"
                c.end = mt.end("suf") if suf else mt.end("y2")
        cands.append(c)

    if "fa" in langs:
        for mt in _YEAR_FA_SHORT.finditer(text):
            short = mt.group("y")
            sy = 1300 + int(short) if int(short) >= 40 else (
                1400 + int(short) if short.startswith("0") else None)
            if sy is not None:
                cands.append(Candidate(mt.start(), mt.end(), "year", "time:year_persian_short",
                                       calendar=PERSIAN, year=sy))

    for mt in _finditer(_YEAR_SUFFIX, text, windows):
        y = int(mt.group("y"))
        suf = mt.group("suf")
        if suf in ("م", "ه") and mt.group("sp") and suf == "م":
            continue  # "1500 م" is as likely metres as a year
        cal = _year_calendar(y, suf, langs)
        if cal is None or (suf == "م" and not 1900 <= y <= 2100):
            continue
        cands.append(Candidate(mt.start(), mt.end(), "year", f"time:year_suffix_{cal}",
                               calendar=cal, year=y))

    for mt in _finditer(_YEAR_RANGE, text, windows):
        y, y2 = int(mt.group("y")), int(mt.group("y2"))
        if y == y2 or abs(y - y2) > 40:
            continue
        cands.append(Candidate(mt.start(), mt.end(), "year", "time:year_range_bare",
                               year=min(y, y2), year2=max(y, y2)))

    if "fa" in langs:
        for mt in _finditer(_JALALI_PAREN, text, windows):
            cands.append(Candidate(mt.start("y"), mt.end("y"), "year", "time:year_persian_paren",
                                   calendar=PERSIAN, year=int(mt.group("y"))))

    for rx, cue in ((_AGO_FA, _AGO_FA_CUE), (_AGO_FA_PAST, _AGO_FA_PAST_CUE), (_AGO_AR, _AGO_AR_CUE),
                    (_AGO_EN, _AGO_EN_CUE)):
        if not cue.search(text):  # cheap test first: the full patterns scan every position
            continue
        for mt in rx.finditer(text):
            n_s = mt.group("n")
            u = mt.group("u")
            if n_s is None:
                if u not in _DUALS:
                    continue
                n = 2
            else:
                n = int(n_s) if n_s.isdigit() else _NUMWORDS[n_s]
                if u in _DUALS:
                    continue
            cands.append(Candidate(mt.start(), mt.end(), "ago", "time:ago", unit=_AGO_UNITS[u],
                                   offset=-n))

    if _LATER_CUE.search(text):
        for rx in (_LATER_FA, _LATER_AR, _LATER_EN):
            for mt in rx.finditer(text):
                n_s = mt.group("n") or mt.groupdict().get("n2")
                if not n_s:
                    continue
                n = int(n_s) if n_s.isdigit() else _NUMWORDS[n_s]
                cands.append(Candidate(mt.start(), mt.end(), "rel", "time:later",
                                       unit="later_day", offset=n))

    rel_used: set[int] = set()
    for r in lex.relative.finditer(text):
        entry: RelEntry = r.values[0]
        if entry.unit == "none":
            continue
        if _NUM_BEFORE.search(text[max(0, r.core_start - 8) : r.core_start]):
            continue  # "۴۴ روز گذشته": the past 44 days, not yesterday
        if r.key == "الیوم":
            al = _AL_WORD_AFTER.match(text, r.core_end)
            if al and al.start(1) - 2 not in weekday_starts:
                continue  # اليوم العالمي, اليوم التالي (but اليوم الجمعة is today)
        c = Candidate(r.core_start, r.core_end, "rel", f"time:rel_{entry.unit}",
                      calendar=entry.calendar, unit=entry.unit, offset=entry.offset)
        # أمس الخميس, اليوم الجمعة: a day word with its weekday
        if entry.unit == "day":
            for w in weekdays:
                if w.core_start >= r.core_end and _GAP_WEEKDAY.match(text[r.core_end : w.core_start]):
                    c.end = w.core_end
                    c.weekday = w.values[0]
                    rel_used.add(w.core_start)
                    break
                if w.core_start > r.core_end:
                    break
        cands.append(c)

    for w in weekdays:
        if w.core_start in rel_used:
            continue
        before = text[max(0, w.core_start - 14) : w.core_start]
        key = w.key
        if key == "الاثنین" and not (
            _DAY_CUES.search(before) or text[w.core_end : w.core_end + 1] in ("،", ",", ".")
        ):
            continue  # الاثنين is also "the two"; a weekday has a cue or ends a clause
        if key in ("جمعه",) and "fa" not in langs:
            continue
        c = Candidate(w.core_start, w.core_end, "weekday", "time:weekday", weekday=w.values[0])
        wd = _WEEKDAY_DIR.match(text, w.core_end)
        if wd and wd.group(0).strip() in ("قبل", "پیش", "بعد") and "fa" not in langs:
            wd = None  # Arabic الأربعاء قبل ...: "before", not "last Wednesday"
        if wd:
            c.direction = -1 if wd.group("back") else 1
            c.end = wd.end()
        db = _WEEKDAY_DIR_BEFORE.search(before)
        if db:
            c.direction = -1 if db.group("back") else 1
            c.start = w.core_start - (len(before) - db.start())
        cands.append(c)

    out = _merge_date_ranges(text, _resolve_overlaps(cands))
    for i, c in enumerate(out):
        if (c.year is None and c.kind in ("date", "month") and c.rel_year is None) or (
            c.kind == "weekday" and c.direction == 0
        ):
            # the clause around the date, bounded by the sentence and the neighbouring dates
            lo = max(text.rfind(ch, 0, c.start) for ch in ".!?\n؟") + 1
            his = [k for k in (text.find(ch, c.end) for ch in ".!?\n؟") if k >= 0]
            hi = min(his) if his else len(text)
            if i > 0:
                lo = max(lo, out[i - 1].end)
            nxt = i + 1
            # ۱۲ جولای (۲۱ تیر): a date restated in brackets shares its clause
            while nxt < len(out) and _RESTATED.match(text, out[nxt - 1].end, out[nxt].start):
                nxt += 1
            if nxt < len(out):
                hi = min(hi, out[nxt].start)
            c.future = lo < hi and bool(_FUTURE.search(text, lo, hi))
    return out


_RESTATED = re.compile(r"\s*[(/]\s*$")
# future tense in the sentence of a year-less date: ستقام (will be held), خواهد, will
_FUTURE = re.compile(
    r"(?<!\w)(?:سوف|ستقام|سیقام|ستعقد|سیعقد|ستجری|سیجری|ستنطلق|سینطلق|ستبدا|سیبدا|سیتم|ستتم"
    r"|ستکون|سیکون|ستشهد|سیشهد|ستستضیف|یستضیف|سیلتقی|سیزور|ستزور|سیصل|ستصل|سیشارک|ستشارک"
    r"|سینظم|ستنظم|سیعلن|ستعلن|سیخوض|سیواجه|یواجه|خواهد|خواهند|برگزار می شود|برگزار میشود"
    r"|will|shall)(?!\w)"
)


_KIND_RANK = {"date": 0, "month": 1, "ago": 2, "rel": 3, "year": 4, "weekday": 5}


def _resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidate where several overlap (a date beats the weekday inside it)."""
    cands.sort(key=lambda c: (-(c.end - c.start), _KIND_RANK[c.kind], c.start))
    kept: list[Candidate] = []
    for c in cands:
        if any(c.start < k.end and k.start < c.end for k in kept):
            continue
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


_FROM = re.compile(r"(?:از|من|from|between|بین|بین)\s*$")
_TO = re.compile(r"^\s*(?:تا|الی|الى|حتی|الی|to|until|and|و|-)\s*$")


def _merge_date_ranges(text: str, cands: list[Candidate]) -> list[Candidate]:
    """"from DATE to DATE", "از ... تا ...", "من ... إلى ...": two dates become one range."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if (
            nxt is not None and c.kind in ("date", "month", "year") and c.kind == nxt.kind
            and c.year2 is None and nxt.year2 is None and c.until is None
            and _TO.match(text[c.end : nxt.start])
            and _FROM.search(text[max(0, c.start - 8) : c.start])
        ):
            out.append(replace(c, end=nxt.end, until=nxt, rule=c.rule + "+range"))
            i += 2
            continue
        out.append(c)
        i += 1
    return out
