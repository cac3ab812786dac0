"""Turn the bytes of a text file into ``str``, detecting the encoding instead of guessing.

The rule, in order (see :func:`sniff`):

1. A byte-order mark decides: UTF-8 (the BOM is dropped, so offsets refer to the text after it),
   UTF-16 LE/BE, UTF-32 LE/BE.
2. NUL bytes (with no UTF-16/32 BOM) mean a binary file: "binary file, not text".
3. Strict UTF-8 succeeds: UTF-8.
4. The bytes are *mostly* UTF-8: at most 5% of the non-ASCII characters come out as invalid
   sequences. That is a UTF-8 file with some damage (a truncated download, a bad copy): it is
   decoded with U+FFFD replacement characters and the count goes into a warning. A legacy
   Arabic-script file never passes this test, because its letters (bytes 0xC1-0xFE followed by
   more such bytes) are almost never valid UTF-8 sequences.
5. Decoded as windows-1256, the text is plausibly Arabic script: at least 70% of its letters are
   Arabic-script letters, hardly any control characters, and charset-normalizer ranks
   windows-1256 among its least chaotic readings (other code pages such as KOI8-R also come out
   as Arabic letters in windows-1256, as gibberish). Then windows-1256.
6. The bytes are nearly all ASCII (at most 5% high bytes) and decode as windows-1252: a Latin
   text with a few accented letters. Then windows-1252, with a warning.
7. Otherwise the file fails: "binary file, not text" when control characters are frequent,
   else "unknown text encoding".

charset-normalizer alone is not the rule: it is a statistical guess over dozens of code pages,
it ties cp1256 with cp1006 and others on a short Arabic string, and it names some encoding for
most inputs. Here it only confirms what the checkable rule above proposes.
Python's decoders keep ``\\r\\n`` as is (no newline translation).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

__all__ = ["Sniffed", "count_replacements", "sniff"]

_BOMS = (  # longest first: the UTF-32 LE BOM begins with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

MAX_BAD_UTF8_SHARE = 0.05  # of non-ASCII characters, for "UTF-8 with some damage"
MIN_ARABIC_LETTER_SHARE = 0.70  # of letters, for "plausible windows-1256"
MAX_CONTROL_SHARE = 0.01  # of characters; more than this is a binary file
MAX_HIGH_BYTE_SHARE = 0.05  # of bytes, for "ASCII text with a few windows-1252 letters"

_REPLACEMENT = "\ufffd"
_REPLACEMENT_UTF8 = _REPLACEMENT.encode("utf-8")


@dataclass(slots=True)
class Sniffed:
    """What :func:`sniff` decided about a file's bytes."""

    encoding: str | None  # a Python codec name, or None when the bytes are not text
    bom: int = 0  # bytes to skip at the start
    errors: str = "strict"  # "replace" for damaged UTF-8
    reason: str | None = None  # why the bytes are not text
    warnings: list[str] = field(default_factory=list)


def count_replacements(text: str, raw: bytes) -> int:
    """How many invalid sequences a ``errors='replace'`` UTF-8 decoding replaced."""
    return max(0, text.count(_REPLACEMENT) - raw.count(_REPLACEMENT_UTF8))


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    n = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ord(ch) == 0x7F)
    return n / len(text)


def _is_arabic_letter(ch: str) -> bool:
    code = ord(ch)
    return 0x0620 <= code <= 0x064A or 0x066E <= code <= 0x06D3 or 0x06FA <= code <= 0x06FF


def arabic_letter_share(text: str) -> float:
    """Share of Arabic-script letters among all letters of ``text`` (0 when it has none)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if _is_arabic_letter(ch)) / len(letters)


def _cp1256_among_best(data: bytes) -> bool:
    """charset-normalizer's second opinion: windows-1256 is one of its least chaotic readings.

    Needed because other single-byte encodings (KOI8-R Cyrillic, for one) also decode to
    Arabic letters in windows-1256, only as gibberish; charset-normalizer's chaos measure sees
    that, and never ranks windows-1256 first for them.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:65536]))
    if not matches:
        return False
    best = min(m.chaos for m in matches)
    return any(m.encoding == "cp1256" and m.chaos <= best + 0.01 for m in matches)


def sniff(data: bytes, *, complete: bool = True) -> Sniffed:
    """Decide how to decode ``data`` (the whole file, or its head when ``complete`` is False).

    A head may end inside a multi-byte character; that is not counted as damage.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return Sniffed(enc, bom=len(bom))
    if b"\x00" in data:
        return Sniffed(None, reason="binary file, not text (NUL bytes)")
    try:
        text = codecs.getincrementaldecoder("utf-8")("strict").decode(data, final=complete)
    except UnicodeDecodeError:
        pass
    else:
        if _control_share(text) > MAX_CONTROL_SHARE:
            return Sniffed(None, reason="binary file, not text (control characters)")
        return Sniffed("utf-8")

    text = codecs.getincrementaldecoder("utf-8")("replace").decode(data, final=complete)
    bad = count_replacements(text, data)
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    if bad <= MAX_BAD_UTF8_SHARE * non_ascii and _control_share(text) <= MAX_CONTROL_SHARE:
        return Sniffed(
            "utf-8",
            errors="replace",
            warnings=[f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD"],
        )

    legacy = data.decode("cp1256", errors="replace")
    if _control_share(legacy) > MAX_CONTROL_SHARE:
        return Sniffed(None, reason="binary file, not text (control characters)")
    if arabic_letter_share(legacy) >= MIN_ARABIC_LETTER_SHARE and _cp1256_among_best(data):
        return Sniffed("cp1256", errors="replace", warnings=["decoded as windows-1256"])

    high = sum(1 for b in data if b > 127)
    if high <= MAX_HIGH_BYTE_SHARE * len(data):
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            return Sniffed("cp1252", warnings=["decoded as windows-1252"])
    return Sniffed(
        None, reason="unknown text encoding (not UTF-8, UTF-16, windows-1256 or windows-1252)"
    )
