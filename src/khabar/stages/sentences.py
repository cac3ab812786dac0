"""Stage ``sentences``: sentence spans over the raw text of Persian, Arabic and English news.

Each sentence is a ``Span(start, end, "sentence", {"lang": None}, rule)`` in layer ``sentences``,
with offsets into ``doc.text``, trimmed of surrounding whitespace and invisible format characters,
and never inside a ``boilerplate`` span (an absent layer means nothing is boilerplate). The
``rule`` says what ended the sentence: ``sentences:punct`` (a final mark), ``sentences:line`` (a
line break: scrapes put one paragraph per line, and a line without final punctuation is a
heading or a sentence of its own) or ``sentences:region`` (the end of a non-boilerplate region).

Where a sentence ends:
- at a line break, always;
- at a run of final marks «.», «?», «؟», «!», «…» that is followed by white space or the end
  of the line, together with any closing quotes or brackets right after it («...شد.»);
- not at «؛» or «:» (Persian and Arabic use «؛» as a semicolon; a colon introduces what follows,
  so a chronology line "دوشنبه ۲۱ بهمن ۱۳۷۰: عصر ... آمد." is one sentence, heading included, as
  in the gold mentions);
- not at a full stop inside a number or date (3.5, ۱۴۰۰.۸.۱۰: no space follows), nor after an
  abbreviation (data files ``lang/<lang>/abbreviations.txt``), a single letter (initials,
  «م.», «ص.») or a dotted run of single letters («ج.ا.ا», «U.N.»), nor after a list number at the
  start of a line («1. ...»);
- not at an ellipsis inside an open quotation, nor at one followed by a lower-case Latin word.

Written by hand because no library does this for all three languages offline: hazm's sentence
tokenizer splits at every «.»/«؟»/«!» (abbreviations and chronology lines included) and pins an
old numpy; spaCy's blank sentencizer splits at every full stop; pysbd and NLTK's punkt have no
Persian or Arabic model. The boundary candidates come from one compiled regex pass over each
non-boilerplate region; only candidates (a few per sentence) are inspected in Python.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from khabar.document import Document, Span
from khabar.pipeline import StageFn, register
from khabar.settings import Settings

__all__ = ["iter_sentence_spans", "make_sentences", "split"]

LAYER = "sentences"

# Line separators: every one ends a sentence.
_NEWLINES = "\n\r\u2028\u2029\x0b\x0c\x85"
# Closing quotes and brackets that stay with the final mark before them.
_CLOSERS = "»\"”’'`)\\]}›\u200f\u200e"
# What a sentence is trimmed of: white space and invisible format characters.
_TRIM = (
    " \t\xa0\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\ufeff\u061c" + _NEWLINES
)

# Arabic-script letters (Arabic, Persian, Urdu), without digits, marks and punctuation.
_AL = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06fc"
_BOUNDARY = re.compile(
    rf"(?P<nl>[{_NEWLINES}]+)"
    rf"|(?P<mark>[.!?؟\u2026\u061f]+)(?P<close>[{re.escape(_CLOSERS)}]*)(?=\s|$)"
    # A final mark glued to the next Arabic-script word (a lost space, common in scrapes:
    # "باشد.معظم له"): a full stop between a word of 2+ letters and one of 3+ (so that
    # "العربية.نت" and "بي.بي.سي" stay whole), or a ?/!/؟ before any letter.
    rf"|(?<=[{_AL}][{_AL}])(?P<glued>\.(?=[{_AL}]{{3}})|[!?؟]+(?=[{_AL}]))"
)
# The token right before a full stop: everything back to the previous white space, without
# opening quotes or brackets.
_OPENERS = "«\"“‘'([{‹"
_SINGLE_LETTER = re.compile(r"[^\W\d_]\u0640?")
_DOTTED_INITIALS = re.compile(r"(?:[^\W\d_]\u0640?\.)+[^\W\d_]\u0640?")
_DIGITS = re.compile(r"\d+")
_LOWER_WORD = re.compile(r"\s*[a-z]")
_NEXT_WORD = re.compile(r"\s*[\"“'‘(\[]?([A-Z][a-z]*)")
_HAS_WORD_CHAR = re.compile(r"\w")
_OPEN_QUOTES = "«“"
_CLOSE_QUOTES = "»”"


def _read_list(lang: str, name: str) -> list[str]:
    path = resources.files("khabar").joinpath("lang", lang, name)
    if not path.is_file():
        return []
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            lines.append(line)
    return lines


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(abbreviations that never end a sentence, ones that may, sentence openers), folded."""
    never: set[str] = set()
    final: set[str] = set()
    for lang in ("en", "fa", "ar"):
        for line in _read_list(lang, "abbreviations.txt"):
            parts = line.split()
            entry = parts[0].lower()
            if len(parts) > 1 and parts[1] == "final":
                final.add(entry)
            else:
                never.add(entry)
    openers = {w.lower() for w in _read_list("en", "sentence_openers.txt")}
    return frozenset(never), frozenset(final), frozenset(openers)


def _ends_sentence(text: str, line_start: int, m: re.Match[str]) -> bool:
    """Whether the final-mark run matched by ``m`` ends a sentence (see the module docstring)."""
    mark = m.group("mark")
    start = m.start()
    if "." not in mark and "\u2026" not in mark:
        return True  # ? ؟ ! always end a sentence
    if len(mark) > 1 or "\u2026" in mark:
        if any(c in mark for c in "!?؟"):
            return True
        # An ellipsis: not inside an open quotation, nor before a lower-case word.
        before = text[line_start:start]
        opened = sum(before.count(q) for q in _OPEN_QUOTES)
        closed = sum(before.count(q) for q in _CLOSE_QUOTES)
        if opened > closed or before.count('"') % 2 == 1:
            return False
        return not _LOWER_WORD.match(text, m.end())
    # A single full stop: look at the token before it.
    tok_start = max(
        text.rfind(" ", line_start, start), text.rfind("\t", line_start, start),
        text.rfind("\xa0", line_start, start), text.rfind("\u200f", line_start, start),
    ) + 1
    token = text[max(tok_start, line_start) : start].lstrip(_OPENERS)
    if not token:
        return True
    if _DIGITS.fullmatch(token) and not text[line_start:tok_start].strip(_TRIM):
        return False  # a list number at the start of a line: "1. ..."
    folded = token.lower()
    never, final, openers = _abbreviations()
    if folded in never:
        return False
    if folded in final or _SINGLE_LETTER.fullmatch(token) or _DOTTED_INITIALS.fullmatch(token):
        if folded in final or token.isascii():
            # English: the stop also ends the sentence when a common opener follows.
            nxt = _NEXT_WORD.match(text, m.end())
            return bool(nxt and nxt.group(1).lower() in openers and folded not in never)
        return False
    return True


def iter_sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of ``text[start:end]`` (one region with no boilerplate in it)."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    seg_start = start
    line_start = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group("nl") is not None:
            seg_end, rule, next_start = m.start(), "sentences:line", m.end()
            line_start = m.end()
        elif m.group("glued") is not None:
            seg_end, rule, next_start = m.end(), "sentences:punct", m.end()
        else:
            if not _ends_sentence(text, line_start, m):
                continue
            seg_end = _balanced_close(text, seg_start, m)
            rule, next_start = "sentences:punct", m.end()
        _emit(text, seg_start, seg_end, rule, spans)
        seg_start = next_start
    _emit(text, seg_start, end, "sentences:region", spans)
    return spans


_PAIRS = {"»": "«", "”": "“", "’": "‘", ")": "(", "]": "[", "}": "{", "›": "‹"}


def _balanced_close(text: str, seg_start: int, m: re.Match[str]) -> int:
    """End of a sentence ended by ``m``: the final marks, and the closing quotes or brackets
    after them that close something opened inside the sentence («...شد.» stays together; a
    «» that closes a quotation opened in an earlier sentence is left out, as the gold does)."""
    end = m.end("mark")
    close = m.group("close")
    if not close:
        return end
    body = text[seg_start : m.start()]
    for ch in close:
        if ch in "\u200e\u200f":
            end += 1
            continue
        opener = _PAIRS.get(ch)
        if opener is not None:
            if body.count(opener) <= body.count(ch):
                break
        elif body.count(ch) % 2 == 0:  # a symmetric quote: only when one is open
            break
        body += ch
        end += 1
    return end


def _emit(text: str, start: int, end: int, rule: str, out: list[Span]) -> None:
    piece = text[start:end]
    stripped = piece.lstrip(_TRIM)
    if not stripped:
        return
    s = start + len(piece) - len(stripped)
    e = s + len(stripped.rstrip(_TRIM))
    if not _HAS_WORD_CHAR.search(text, s, e):
        return  # punctuation or bullets alone are not a sentence
    out.append(Span(s, e, "sentence", {"lang": None}, rule))


def _regions(doc: Document) -> list[tuple[int, int]]:
    """The parts of the text outside every boilerplate span."""
    regions = []
    pos = 0
    for span in sorted(doc.spans("boilerplate"), key=lambda s: (s.start, s.end)):
        if span.start > pos:
            regions.append((pos, span.start))
        pos = max(pos, span.end)
    if pos < len(doc.text):
        regions.append((pos, len(doc.text)))
    return regions


def split(doc: Document) -> list[Span]:
    """Sentence spans of a document, skipping its boilerplate spans."""
    spans: list[Span] = []
    for a, b in _regions(doc):
        spans.extend(iter_sentence_spans(doc.text, a, b))
    return spans


@register("sentences", requires=("boilerplate",), assigns=("sentences",))
def make_sentences(settings: Settings) -> StageFn:
    _abbreviations()  # read the data files once, when the pipeline is built

    def sentences(doc: Document) -> Document:
        doc.set_layer(LAYER, split(doc))
        return doc

    return sentences
