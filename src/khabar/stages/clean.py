"""The ``clean`` stage: mark the boilerplate lines of web-page scrapes, and find a title.

A scrape saved as text holds the article and the page around it: the site's date banner and
menus above, tags, share links, comments and account links below, credits and "read also"
links inside. Each such line becomes a span in layer ``boilerplate`` (offsets of the stripped
line in the full text; value ``{"kind": ...}``; ``rule`` names the cue or the structural rule).
Nothing is removed: later stages skip these spans. Metadata lines (news code, "published:"
lines, the issue's date) get kind ``meta``, so the time stage can still read them.

Rules, conservative on purpose (a headline or sentence marked as boilerplate loses its events):

1. **Cues** (data: ``khabar/lang/<lang>/boilerplate.txt``): patterns that must match a *whole*
   line, with a bounded tail (``منبع: ایرنا``, ``اقرأ أيضا: ...``, ``کد خبر 1293642``).
   They apply anywhere in the text; the lexicon holds only patterns no sentence matches.
2. **Symbols**: lines with no letter or digit (bullets ``•``, rules ``-----``, ``×××``).
3. **Foreign credit**: a line of at most three Latin words in an Arabic-script text
   (``Sputnik`` under a Persian lead).
4. The **article** runs from the first to the last *content* line (ten words or more, or four
   or more ending in sentence punctuation, and no cue). Only outside it, in the page header and
   trailer:
   - a **date-only** line (numbers, month and weekday names, "ساعت", ...) in the header is
     ``meta`` when it is the header's last date line or next to a ``meta`` line, else
     ``banner`` (the site's date); in the trailer it is ``meta`` when the trailer holds a cue
     or the date is the text's last line;
   - a **menu block**: three or more consecutive lines that are all cues, dates or
     *menu-like* (at most four words, no sentence punctuation, no verb-like last word, not a
     numbered item), with at
     least one menu-like line and one cue of the page's chrome (menu, meta, tags, share,
     comments, ads, related); its menu-like lines are ``menu`` (without a cue, such
     a block is as often a list in the article: fixtures, names, newspapers). The two header lines nearest
     the article that have three or more words are never marked this way (kicker, headline);
   - after the first cue of the trailer, every short line (at most six words, no sentence
     punctuation) is boilerplate too (``trailer``): the page chrome has begun.

The title (set only when the document has none): the first non-blank, non-boilerplate line if
it looks like a headline (at most 20 words and 160 characters, not ending with a full stop);
otherwise the first sentence of that line, cut to at most 120 characters at a clause break
(comma) in the second half of that window, else at a word boundary.

Month and weekday names for date-only lines come from Babel (CLDR: Gregorian, Levantine and
Maghrebi Arabic), jdatetime (Solar Hijri) and hijridate (lunar Hijri).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from khabar.document import Document, Span
from khabar.pipeline import register
from khabar.settings import Settings
from khabar.text.normalize import fold

__all__ = ["Cues", "find_title", "load_cues", "mark_boilerplate"]

LAYER = "boilerplate"
LANGS = ("fa", "ar", "en")

MENU_MAX_WORDS = 4
TRAILER_MAX_WORDS = 6
CONTENT_MIN_WORDS = 10
TITLE_MAX_WORDS = 20
TITLE_MAX_CHARS = 160
TITLE_CUT = 120

_SENTENCE_END = ".!?؟…؛:"
_CHROME = frozenset({"menu", "meta", "tags", "share", "comments", "ads", "related"})
_TRAILING_CLOSERS = "\"'»)]”’ "
_NON_WORD = re.compile(r"[^\w:]+")
_NUMBERED = re.compile(r"[(\[]?[0-9۰-۹٠-٩]{1,2}\s*[-.)\]–]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&.'’\-]*")


# label separators, read as a colon: "قد يهمك| ...", "فرانس24/ أ ف ب", "للمزيد - ...", but not
# the hyphen inside a compound ("سیاسی-دیپلماتیک")
_SEPARATOR = re.compile(r"[:|/]+|(?<!\w)[-–—]+|[-–—]+(?!\w)")


def skeleton(text: str) -> str:
    """A folded line reduced to words, numbers and colons (for label separators), one-spaced."""
    return " ".join(_NON_WORD.sub(" ", _SEPARATOR.sub(" : ", text.replace("_", " "))).split())


# -- the cue lexicon -------------------------------------------------------------------------


def _word_regex(word: str) -> str:
    """A folded word (may hold spaces from a non-joiner) whose breaks may be absent."""
    return " ?".join(re.escape(part) for part in skeleton(fold(word)).split())


def compile_pattern(pattern: str) -> str:
    """The regex (over a line's skeleton) for one lexicon pattern; see the data files."""
    pieces: list[str] = []
    for token in pattern.split():
        optional = len(token) > 1 and token.endswith("?")
        if optional:
            token = token[:-1]
        if token == "*":  # anything: before the first word, or after the last
            pieces.append(r"(?: .*)?" if pieces else r"(?:.*)?")
            continue
        if re.fullmatch(r"\*\d+", token):
            pieces.append(rf"(?: \S+){{0,{int(token[1:])}}}")
            continue
        if token == "#":
            body = r"[0-9]+"
        elif token == ":":
            body = ":"
        else:
            alternatives = [_word_regex(a) for a in token.split("|") if skeleton(fold(a))]
            body = "(?:" + "|".join(alternatives) + ")"
        sep = " ?" if pieces else ""
        pieces.append(f"(?:{sep}{body})?" if optional else f"{sep}{body}")
    return "".join(pieces)


@dataclass(frozen=True, slots=True)
class Cues:
    regex: re.Pattern[str]  # one alternation; group i+1 matched means entry i
    entries: tuple[tuple[str, str], ...]  # (kind, rule)
    datewords: frozenset[str]
    verb_endings: tuple[str, ...]  # "~x" for a suffix, else a whole word

    def verb_like(self, word: str) -> bool:
        return any(
            word.endswith(v[1:]) if v.startswith("~") else word == v for v in self.verb_endings
        )

    def match(self, skel: str) -> tuple[str, str] | None:
        m = self.regex.fullmatch(skel)
        if m is None or m.lastindex is None:
            return None
        return self.entries[m.lastindex - 1]


def _calendar_words() -> set[str]:
    """Month and weekday names (folded tokens) from CLDR, jdatetime and hijridate."""
    import jdatetime
    from babel import Locale
    from hijridate import Hijri

    names: list[str] = []
    for code in ("fa", "ar", "ar_SY", "ar_TN", "ar_MA", "en"):
        loc = Locale.parse(code)
        for table in (loc.months, loc.days):
            for context in ("format", "stand-alone"):
                for width in ("wide", "abbreviated"):
                    names.extend(table[context][width].values())
    names += list(jdatetime.date.j_months_fa) + list(jdatetime.date.j_weekdays_fa)
    names += [Hijri(1445, m, 1).month_name(language="ar") for m in range(1, 13)]
    words: set[str] = set()
    for name in names:
        words.update(skeleton(fold(name)).split())
    return words


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The cue lexicons of every language, compiled once."""
    alternatives: list[str] = []
    entries: list[tuple[str, str]] = []
    datewords = _calendar_words()
    verbs: list[str] = []
    for lang in LANGS:
        res = resources.files("khabar").joinpath("lang", lang, "boilerplate.txt")
        for lineno, line in enumerate(res.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            kind, _, pattern = (p.strip() for p in line.partition("\t"))
            if not pattern:
                raise ValueError(f"lang/{lang}/boilerplate.txt:{lineno}: no pattern")
            if kind == "dateword":
                datewords.update(skeleton(fold(pattern)).split())
            elif kind == "verb":  # "~x": a last word ending in x; else the whole last word
                verbs.append(("~" if pattern.startswith("~") else "") + skeleton(fold(pattern)))
            else:
                alternatives.append(f"({compile_pattern(pattern)})")
                entries.append((kind, f"clean:cue:{lang}:{pattern}"))
    regex = re.compile("|".join(alternatives) if alternatives else "(?!x)x")
    return Cues(regex, tuple(entries), frozenset(datewords), tuple(v for v in verbs if v.strip("~")))


# -- line analysis ---------------------------------------------------------------------------


@dataclass(slots=True)
class Line:
    start: int  # raw offsets of the stripped line
    end: int
    raw: str
    skel: str
    words: int
    cue: tuple[str, str] | None = None
    symbols: bool = False  # no letter or digit
    date_only: bool = False
    latin_only: bool = False
    content: bool = False
    menu_like: bool = False
    mark: tuple[str, str] | None = None  # (kind, rule)


def _ends_sentence(raw: str) -> bool:
    stripped = raw.rstrip(_TRAILING_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


def _is_date_only(tokens: list[str], datewords: frozenset[str]) -> bool:
    if not tokens or len(tokens) > 12:
        return False
    digits = sum(1 for t in tokens if t.isdigit())
    names = 0
    for t in tokens:
        if t.isdigit() or t == ":":
            continue
        if t not in datewords:
            return False
        names += 1
    return digits >= 1 and (names >= 1 or digits >= 3)


def _lines(doc: Document, cues: Cues) -> list[Line | None]:
    """Every line of the text (None for blank lines), classified."""
    norm = doc.norm
    out: list[Line | None] = []
    pos = 0
    text = norm.text
    for piece in text.split("\n"):
        begin, pos = pos, pos + len(piece) + 1
        stripped = piece.strip()
        if not stripped:
            out.append(None)
            continue
        ns = begin + (len(piece) - len(piece.lstrip()))
        start, end = norm.to_raw(ns, ns + len(stripped))
        skel = skeleton(stripped)
        tokens = [t for t in skel.split() if t != ":"]
        line = Line(start, end, doc.text[start:end], skel, len(tokens))
        line.symbols = not tokens
        if not line.symbols:
            line.cue = cues.match(skel)
            line.date_only = line.cue is None and _is_date_only(skel.split(), cues.datewords)
            line.latin_only = len(tokens) <= 3 and all(_LATIN_WORD.fullmatch(t) for t in tokens)
            ends = _ends_sentence(line.raw)
            line.content = line.cue is None and not line.date_only and (
                line.words >= CONTENT_MIN_WORDS or (line.words >= 4 and ends)
            )
            line.menu_like = (
                line.cue is None and not line.date_only and not ends
                and line.words <= MENU_MAX_WORDS
                and not cues.verb_like(tokens[-1])
                and not _NUMBERED.match(line.raw)  # "3- ...": an enumeration in the article
            )
        out.append(line)
    return out


def _arabic_script(text: str) -> bool:
    sample = text[:5000]
    arabic = sum(1 for ch in sample if "\u0600" <= ch <= "\u06ff")
    latin = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    return arabic > 2 * latin


def _menu_able(x: Line) -> bool:
    return bool(x.cue or x.date_only or x.menu_like or x.symbols or x.mark)


def _runs(lines: list[Line | None], lo: int, hi: int) -> list[list[Line]]:
    """Runs of consecutive non-blank lines that could be menu lines, within ``[lo, hi)``."""
    runs: list[list[Line]] = []
    current: list[Line] = []
    for line in lines[lo:hi]:
        if line is None or not _menu_able(line):
            if current:
                runs.append(current)
            current = []
        else:
            current.append(line)
    if current:
        runs.append(current)
    return runs


def _mark_menu_blocks(runs: list[list[Line]], protected: set[int]) -> None:
    for run in runs:
        if len(run) < 3:
            continue
        # the page's chrome must show itself: a list of short items in the article (fixtures,
        # names, a poem above a credit line) is not a menu
        if not any(x.cue and x.cue[0] in _CHROME for x in run):
            continue
        for x in run:
            if x.menu_like and x.mark is None and id(x) not in protected:
                x.mark = ("menu", "clean:menu_block")


def mark_boilerplate(doc: Document) -> list[Span]:
    """The boilerplate spans of ``doc`` (not added to it)."""
    cues = load_cues()
    lines = _lines(doc, cues)
    arabic_doc = _arabic_script(doc.text)
    for line in lines:
        if line is None:
            continue
        if line.cue:
            line.mark = line.cue
        elif line.symbols:
            line.mark = ("bullet" if len(line.raw) <= 3 else "separator", "clean:symbols")
        elif line.latin_only and arabic_doc:
            line.mark = ("credit", "clean:foreign_short_line")

    content = [i for i, x in enumerate(lines) if x is not None and x.content]
    if content:
        first, last = content[0], content[-1]
        _mark_header(lines, first)
        _mark_trailer(lines, last)
    return [
        Span(x.start, x.end, LAYER, {"kind": x.mark[0]}, x.mark[1])
        for x in lines
        if x is not None and x.mark is not None
    ]


def _mark_header(lines: list[Line | None], first: int) -> None:
    header = [x for x in lines[:first] if x is not None]
    # kicker and headline: the two lines nearest the article with three words or more
    candidates = [x for x in header if x.mark is None and not x.date_only and x.words >= 3]
    protected = {id(x) for x in candidates[-2:]}
    _mark_menu_blocks(_runs(lines, 0, first), protected)
    dates = [i for i, x in enumerate(header) if x.date_only and x.mark is None]
    for i in dates:
        near = [header[j] for j in (i - 1, i + 1) if 0 <= j < len(header)]
        meta = i == dates[-1] or any(x.mark and x.mark[0] == "meta" for x in near)
        header[i].mark = ("meta", "clean:date_line") if meta else ("banner", "clean:date_banner")


def _mark_trailer(lines: list[Line | None], last: int) -> None:
    trailer = [x for x in lines[last + 1 :] if x is not None]
    chrome = any(x.cue for x in trailer)
    for i, x in enumerate(trailer):
        if x.date_only and x.mark is None and (chrome or i == len(trailer) - 1):
            x.mark = ("meta", "clean:date_line")
    _mark_menu_blocks(_runs(lines, last + 1, len(lines)), set())
    started = False
    for x in trailer:
        if x.cue:
            started = True
        elif (
            started and x.mark is None and x.words <= TRAILER_MAX_WORDS
            and not _ends_sentence(x.raw)
        ):
            x.mark = ("menu", "clean:trailer")


# -- title -----------------------------------------------------------------------------------

_SENTENCE_BREAK = re.compile(r"[.!?؟](?=\s|$)")


def find_title(doc: Document, spans: list[Span]) -> str | None:
    """A title from the first non-boilerplate line (see the module docstring)."""
    pos = 0
    for piece in doc.text.split("\n"):
        begin, pos = pos, pos + len(piece) + 1
        line = piece.strip()
        if not line:
            continue
        start = begin + piece.index(line[0])
        if any(s.overlaps(start, start + len(line)) for s in spans):
            continue
        words = line.split()
        if (
            len(words) <= TITLE_MAX_WORDS
            and len(line) <= TITLE_MAX_CHARS
            and not line.rstrip(_TRAILING_CLOSERS).endswith((".", "۔"))
        ):
            return line
        m = _SENTENCE_BREAK.search(line)
        sentence = line[: m.start()] if m else line
        if len(sentence) > TITLE_CUT:
            # a clause break (comma) in the second half of the window reads best; else a space
            cut = max(sentence.rfind(c, TITLE_CUT // 2, TITLE_CUT + 1) for c in "،,؛;")
            if cut < 0:
                cut = sentence.rfind(" ", TITLE_CUT // 2, TITLE_CUT + 1)
            sentence = sentence[: cut if cut > 0 else TITLE_CUT]
        return sentence.rstrip(" ،,;؛:-–—") or None
    return None


@register("clean", requires=("text",), assigns=("boilerplate", "title"))
def make_clean(settings: Settings) -> Callable[[Document], Document]:
    load_cues()  # compile once, before the first document

    def clean(doc: Document) -> Document:
        spans = mark_boilerplate(doc)
        doc.set_layer(LAYER, spans)
        if not doc.title:
            doc.title = find_title(doc, spans)
            if doc.title:
                doc.meta["title_from"] = "clean"
        return doc

    return clean
