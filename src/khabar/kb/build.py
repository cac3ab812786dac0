"""Build the actor knowledge base: ``python -m khabar.kb.build [--check]``.

Reads the curated sources under ``sources/`` (states, orgs, offices, sectors, people), adds the
CLDR territory names that Babel ships (en/fa/ar) for every ISO 3166 state, validates everything
(see :func:`validate`) and writes ``built/kb.json`` deterministically: entities sorted by id, one
entity per line, keys sorted, so a rebuild from the same sources and the same Babel is
byte-identical. ``--check`` rebuilds in memory and exits 1 when the shipped file differs.

The alpha-2 -> alpha-3 table comes from data: each state's line in ``states.jsonl`` carries both
codes and the build checks them against CLDR's alpha-3 territory aliases
(``babel.core.get_global("territory_aliases")``), and checks that every ISO 3166-1 state CLDR knows
has a line.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from babel import Locale
from babel.core import get_global

from khabar.text.normalize import fold

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
BUILT = HERE / "built" / "kb.json"
LANGS = ("en", "fa", "ar")
FORMAT = 1

# CLDR two-letter territory codes that are not ISO 3166-1 states: exceptionally reserved ISO
# codes (AC CP DG TA EA IC EU EZ UN), CLDR's own groupings (QO), user-assigned codes (XA XB XK
# AA QM-QZ) and "unknown" (ZZ).
NOT_ISO2 = frozenset({"AC", "CP", "DG", "TA", "EA", "IC", "EU", "EZ", "UN", "QO", "XA", "XB", "XK",
                      "AA", "ZZ"})
# Withdrawn alpha-3 codes that CLDR still aliases to a current alpha-2 (ISO 3166-3).
WITHDRAWN_ALPHA3 = frozenset({"BUR", "ZAR", "DDR", "FXX", "TMP", "YMD"})
# States most present in Middle East / Caucasus / world news: every one must be curated with
# names and adjectives in all three languages, and capitals at least in English and Arabic
# (a Persian capital name is left out where it is an everyday word: دوشنبه "Monday", امان).
_CORE = (
    "RUS IRN AZE ARM TUR GEO USA FRA GBR DEU CHN SYR IRQ ISR PSE SAU EGY QAT ARE YEM AFG PAK IND "
    "UKR JOR LBN KWT BHR OMN LBY TUN DZA MAR SDN SOM ETH ITA ESP NLD BEL POL BLR KAZ UZB TKM TJK "
    "KGZ JPN KOR PRK CAN AUS BRA VEN CUB GRC CYP SRB AUT CHE SWE NOR IDN MYS BGD"
)
CORE_STATES = tuple(_CORE.split())

STATE_FIELDS = ("names", "adjectives", "people", "capitals", "seats")
STATE_STATUS = (None, "historical", "user_assigned")
ORG_KINDS = ("igo", "igo_body", "court", "force", "ngo", "group", "party", "government",
             "population", "body", "parliament", "ministry", "media")
SECTOR_COMBINES = (None, "state", "base")

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_ID = re.compile(r"^[A-Z][A-Z0-9_]*$")
_LATIN = re.compile(r"[A-Za-z]")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
_PERSIAN_ONLY = re.compile(r"[پچژگ]")


class BuildError(Exception):
    """The sources do not validate; ``problems`` lists every finding."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the KB sources:\n" + "\n".join(problems))
        self.problems = problems


# ---------------------------------------------------------------------------------- reading

def read_jsonl(path: Path, *, settle: bool = False) -> list[dict[str, Any]]:
    """Rows of a ``.jsonl`` file; ``[]`` when it does not exist.

    With ``settle`` (people.jsonl, written by someone else, possibly right now) the file is read
    until two reads a short moment apart agree, so a half-written file is not parsed.
    """
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    if settle:
        for _ in range(20):
            time.sleep(0.05)
            again = path.read_text(encoding="utf-8") if path.exists() else ""
            if again == text:
                break
            text = again
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BuildError([f"{path.name}:{n}: not JSON ({exc.msg})"]) from exc
        if not isinstance(row, dict):
            raise BuildError([f"{path.name}:{n}: not a JSON object"])
        row["_line"] = n
        rows.append(row)
    return rows


def key(phrase: str) -> str:
    """The matching key of a phrase (what :class:`khabar.text.PhraseMatcher` compares)."""
    return fold(phrase).replace(" ", "")


# ------------------------------------------------------------------------------ CLDR (Babel)

def cldr_alpha3() -> dict[str, str]:
    """ISO 3166-1 alpha-3 -> alpha-2 for every state CLDR names, from CLDR's territory aliases."""
    english = Locale("en").territories
    table: dict[str, str] = {}
    for alpha3, targets in get_global("territory_aliases").items():
        if len(alpha3) != 3 or not alpha3.isalpha() or alpha3 in WITHDRAWN_ALPHA3:
            continue
        if len(targets) != 1:  # SUN, YUG, ANT, ...: dissolved states, several successors
            continue
        alpha2 = targets[0]
        if alpha2 in english and alpha2 not in NOT_ISO2 and not ("QM" <= alpha2 <= "QZ"):
            table[alpha3] = alpha2
    return table


def cldr_names(alpha2: str) -> dict[str, list[str]]:
    """CLDR's name of a territory per language, plus the plain forms inside it.

    "Myanmar (Burma)" also gives "Myanmar" and "Burma"; "Bosnia & Herzegovina" also gives
    "Bosnia and Herzegovina". Nothing else is derived.
    """
    out: dict[str, list[str]] = {}
    for lang in LANGS:
        name = Locale(lang).territories.get(alpha2)
        if not name:
            out[lang] = []
            continue
        forms = [name]
        m = re.fullmatch(r"(.+?)\s*\((.+)\)", name)
        if m:
            forms += [m.group(1), m.group(2)]
        if "&" in name:
            forms.append(name.replace("&", "and"))
        out[lang] = forms
    return out


# ------------------------------------------------------------------------------ validation

def _dedupe(phrases: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for p in phrases:
        k = key(p)
        if k and k not in seen:
            seen.add(k)
            out.append(p)
    return out


def _check_lexicon(where: str, value: Any, problems: list[str], *, need: Iterable[str] = (),
                   strict: bool = True) -> None:
    """A ``{lang: [phrase, ...]}`` mapping: known languages, non-empty phrases.

    ``strict`` (every file but people.jsonl, whose style findings are only warnings, see
    :func:`lint_people`) also refuses phrases that fold to the same form (KB.md: list only real
    variants), phrases in the wrong script, and Persian-only letters in Arabic.
    """
    if not isinstance(value, dict):
        problems.append(f"{where}: must be an object of language -> list of phrases")
        return
    for lang, phrases in value.items():
        if lang not in LANGS:
            problems.append(f"{where}: unknown language {lang!r}")
            continue
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            problems.append(f"{where}.{lang}: must be a list of strings")
            continue
        keys = [key(p) for p in phrases]
        if "" in keys:
            problems.append(f"{where}.{lang}: empty phrase")
        dup = sorted({p for p, k in zip(phrases, keys, strict=True) if keys.count(k) > 1})
        if dup and strict:
            problems.append(f"{where}.{lang}: phrases that fold to the same form: {dup}")
        for p in phrases if strict else ():
            if p != p.strip() or "  " in p:
                problems.append(f"{where}.{lang}: stray spaces in {p!r}")
            if lang == "en" and _ARABIC_SCRIPT.search(p):
                problems.append(f"{where}.en: Arabic script in {p!r}")
            if lang in ("fa", "ar") and _LATIN.search(p):
                problems.append(f"{where}.{lang}: Latin letters in {p!r}")
            if lang == "ar" and _PERSIAN_ONLY.search(p):
                problems.append(f"{where}.ar: Persian-only letter in {p!r}")
    for lang in need:
        if not value.get(lang):
            problems.append(f"{where}.{lang}: missing")


def _check_keys(where: str, row: dict[str, Any], allowed: set[str], required: set[str],
                problems: list[str]) -> None:
    keys = set(row) - {"_line"}
    for k in sorted(keys - allowed):
        problems.append(f"{where}: unknown key {k!r}")
    for k in sorted(required - keys):
        problems.append(f"{where}: missing key {k!r}")


def _where(file: str, row: dict[str, Any]) -> str:
    return f"{file}:{row.get('_line', '?')} ({row.get('id', '?')})"


def _place_ids() -> set[str]:
    """Ids of the curated places (``kb/places.jsonl``), which an org's ``located`` names."""
    path = Path(__file__).resolve().parent / "places.jsonl"
    return {json.loads(line)["id"] for line in path.read_text("utf-8").splitlines()
            if line.strip()}


def validate(states: list[dict[str, Any]], orgs: list[dict[str, Any]],
             offices: list[dict[str, Any]], sectors: list[dict[str, Any]],
             people: list[dict[str, Any]], cldr: dict[str, str]) -> list[str]:
    """Every problem found in the sources (empty when they are sound)."""
    problems: list[str] = []
    seen: dict[str, str] = {}
    for file, rows in (("states.jsonl", states), ("orgs.jsonl", orgs),
                       ("offices.jsonl", offices), ("sectors.jsonl", sectors),
                       ("people.jsonl", people)):
        for row in rows:
            rid = row.get("id")
            if not isinstance(rid, str) or not rid:
                problems.append(f"{_where(file, row)}: missing id")
                continue
            if rid in seen:
                problems.append(f"{_where(file, row)}: id already used in {seen[rid]}")
            seen[rid] = file
        ids = [str(r["id"]) for r in rows if isinstance(r.get("id"), str)]
        if ids != sorted(ids) and file != "people.jsonl":
            problems.append(f"{file}: lines are not sorted by id")

    state_ids = {r["id"] for r in states if isinstance(r.get("id"), str)}
    org_ids = {r["id"] for r in orgs if isinstance(r.get("id"), str)}
    office_ids = {r["id"] for r in offices if isinstance(r.get("id"), str)}
    sector_ids = {r["id"] for r in sectors if isinstance(r.get("id"), str)}
    place_ids = _place_ids()

    # states
    for row in states:
        w = _where("states.jsonl", row)
        _check_keys(w, row, {"id", "iso2", "status", "curated", *STATE_FIELDS}, {"id", "iso2"},
                    problems)
        sid, iso2, status = row.get("id", ""), row.get("iso2", ""), row.get("status")
        if not re.fullmatch(r"[A-Z]{3}", str(sid)):
            problems.append(f"{w}: id must be an ISO 3166 alpha-3 code")
        if not re.fullmatch(r"[A-Z]{2}", str(iso2)):
            problems.append(f"{w}: iso2 must be two capital letters")
        if status not in STATE_STATUS:
            problems.append(f"{w}: status must be one of {STATE_STATUS}")
        if status is None and cldr.get(sid) != iso2:
            problems.append(f"{w}: CLDR maps {sid} to {cldr.get(sid)}, not {iso2}")
        if status is not None and sid in cldr:
            problems.append(f"{w}: {sid} is a current ISO code; drop its status")
        for field in STATE_FIELDS:
            if field in row:
                _check_lexicon(f"{w}.{field}", row[field], problems)
        if row.get("curated"):
            _check_lexicon(f"{w}.names", row.get("names", {}), problems, need=LANGS)
            if not any(row.get("adjectives", {}).values()):
                problems.append(f"{w}: a curated state needs adjectives")
        elif any(f in row for f in STATE_FIELDS):
            problems.append(f"{w}: has curated fields but not \"curated\": true")
    for sid in sorted(set(cldr) - state_ids):
        problems.append(f"states.jsonl: ISO 3166 state {sid} ({cldr[sid]}) has no line")
    by_id = {str(r.get("id")): r for r in states}
    for sid in CORE_STATES:
        core = by_id.get(sid)
        if core is None or not core.get("curated"):
            problems.append(f"states.jsonl: core state {sid} is not curated")
            continue
        for field, need in (("names", LANGS), ("adjectives", LANGS), ("capitals", ("en", "ar"))):
            _check_lexicon(f"states.jsonl ({sid}).{field}", core.get(field, {}), problems,
                           need=need)

    # organisations
    for row in orgs:
        w = _where("orgs.jsonl", row)
        _check_keys(w, row, {"id", "name", "kind", "parent", "country", "bases", "names",
                             "located"},
                    {"id", "name", "kind", "parent", "country", "names"}, problems)
        if not _ID.fullmatch(str(row.get("id", ""))):
            problems.append(f"{w}: id must be upper-case ASCII (A-Z, 0-9, _)")
        if not isinstance(row.get("name"), str) or not row.get("name"):
            problems.append(f"{w}: name must be a non-empty string")
        if row.get("kind") not in ORG_KINDS:
            problems.append(f"{w}: kind must be one of {ORG_KINDS}")
        if row.get("country") is not None and row.get("country") not in state_ids:
            problems.append(f"{w}: unknown country {row.get('country')!r}")
        if row.get("parent") is not None and row.get("parent") not in org_ids:
            problems.append(f"{w}: unknown parent {row.get('parent')!r}")
        bases = row.get("bases", [])
        if not isinstance(bases, list) or any(b not in state_ids for b in bases):
            problems.append(f"{w}: bases must be a list of state codes")
        elif bases and row.get("country") != bases[0]:
            problems.append(f"{w}: country must be the first of bases")
        _check_lexicon(f"{w}.names", row.get("names"), problems, need=LANGS)
        located = row.get("located")
        if located is not None and not (
                isinstance(located, dict) and set(located) == {"place", "people", "sectors"}
                and located["place"] in place_ids and located["people"] in state_ids
                and isinstance(located["sectors"], list)
                and all(s == "people" or s in sector_ids for s in located["sectors"])):
            problems.append(f"{w}: located must be {{place: a places.jsonl id, people: a state "
                            f"code, sectors: sector ids or \"people\"}}")

    # offices
    for row in offices:
        w = _where("offices.jsonl", row)
        _check_keys(w, row, {"id", "role", "implies", "precedence", "names"},
                    {"id", "role", "names"}, problems)
        if row.get("implies") and not isinstance(row.get("precedence"), int):
            problems.append(f"{w}: an office that implies another needs an integer precedence")
        if not _SLUG.fullmatch(str(row.get("id", "")).replace("_", "-")):
            problems.append(f"{w}: id must be lower-case snake_case")
        if not isinstance(row.get("role"), str) or not row.get("role"):
            problems.append(f"{w}: role must be a non-empty string")
        for imp in row.get("implies", []):
            if imp not in office_ids or imp == row.get("id"):
                problems.append(f"{w}: implies unknown office {imp!r}")
        _check_lexicon(f"{w}.names", row.get("names"), problems, need=LANGS)

    # sectors
    for row in sectors:
        w = _where("sectors.jsonl", row)
        _check_keys(w, row, {"id", "combines", "parent", "names"}, {"id", "combines", "names"},
                    problems)
        if not _SLUG.fullmatch(str(row.get("id", "")).replace("_", "-")):
            problems.append(f"{w}: id must be lower-case snake_case")
        if row.get("combines") not in SECTOR_COMBINES:
            problems.append(f"{w}: combines must be one of {SECTOR_COMBINES}")
        if row.get("parent") is not None and row.get("parent") not in sector_ids:
            problems.append(f"{w}: unknown parent {row.get('parent')!r}")
        _check_lexicon(f"{w}.names", row.get("names"), problems, need=LANGS)

    # people (written by another owner; validated against KB.md's schema)
    for row in people:
        w = _where("people.jsonl", row)
        _check_keys(w, row, {"id", "name", "country", "names", "offices", "note"},
                    {"id", "name", "country", "names", "offices"}, problems)
        if not _SLUG.fullmatch(str(row.get("id", ""))):
            problems.append(f"{w}: id must be a lower-case ASCII slug")
        if not isinstance(row.get("name"), str) or not row.get("name"):
            problems.append(f"{w}: name must be a non-empty string")
        if row.get("country") is not None and row.get("country") not in state_ids:
            problems.append(f"{w}: unknown country {row.get('country')!r}")
        _check_lexicon(f"{w}.names", row.get("names"), problems, need=("en",), strict=False)
        tenures = row.get("offices")
        if not isinstance(tenures, list):
            problems.append(f"{w}: offices must be a list")
            continue
        for i, t in enumerate(tenures):
            tw = f"{w}.offices[{i}]"
            if not isinstance(t, dict):
                problems.append(f"{tw}: must be an object")
                continue
            _check_keys(tw, t, {"office", "country", "start", "end", "to", "org", "note"},
                        {"office", "country", "start", "end"}, problems)
            if t.get("office") not in office_ids:
                problems.append(f"{tw}: unknown office {t.get('office')!r}")
            if t.get("country") is not None and t.get("country") not in state_ids:
                problems.append(f"{tw}: unknown country {t.get('country')!r}")
            if t.get("org") is not None and t.get("org") not in org_ids:
                problems.append(f"{tw}: unknown org {t.get('org')!r}")
            if t.get("to") is not None and t.get("to") not in state_ids | org_ids:
                problems.append(f"{tw}: 'to' must be a state code or an org id, not {t.get('to')!r}")
            start, end = t.get("start"), t.get("end")
            for name, value in (("start", start), ("end", end)):
                if value is not None and (not isinstance(value, str) or not _DATE.match(value)):
                    problems.append(f"{tw}: {name} must be an ISO date (YYYY[-MM[-DD]]) or null")
            if isinstance(start, str) and isinstance(end, str) and _DATE.match(start) \
                    and _DATE.match(end) and end < start[: len(end)]:
                problems.append(f"{tw}: ends ({end}) before it starts ({start})")
    return problems


def lint_people(people: list[dict[str, Any]]) -> list[str]:
    """Style findings in people.jsonl that do not stop the build (its owner fixes them): phrases
    in the wrong script, Persian-only letters in Arabic, variants that fold to the same form."""
    findings: list[str] = []
    for row in people:
        if isinstance(row.get("names"), dict):
            _check_lexicon(f"{_where('people.jsonl', row)}.names", row["names"], findings)
    return findings


# ---------------------------------------------------------------------------------- merging

def _lexicon(*parts: dict[str, list[str]] | None) -> dict[str, list[str]]:
    return {lang: _dedupe(p for part in parts if part for p in part.get(lang, []))
            for lang in LANGS}


def merge(states: list[dict[str, Any]], orgs: list[dict[str, Any]],
          offices: list[dict[str, Any]], sectors: list[dict[str, Any]],
          people: list[dict[str, Any]]) -> dict[str, Any]:
    """The built KB as plain data (sources must have validated)."""
    def clean(row: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in row.items() if k != "_line"}

    out_states = []
    for row in states:
        cldr = cldr_names(row["iso2"]) if row.get("status") != "historical" else {}
        names = _lexicon(row.get("names"), cldr)
        display = (cldr.get("en") or row.get("names", {}).get("en") or [row["id"]])[0]
        entry: dict[str, Any] = {"id": row["id"], "iso2": row["iso2"],
                                 "status": row.get("status"), "name": display,
                                 "curated": bool(row.get("curated")), "names": names}
        for field in STATE_FIELDS[1:]:
            entry[field] = _lexicon(row.get(field))
        out_states.append(entry)
    out_orgs = [{**clean(r), "bases": r.get("bases", [r["country"]] if r["country"] else []),
                 "names": _lexicon(r["names"])} for r in orgs]
    out_offices = [{**clean(r), "implies": r.get("implies", []),
                    "precedence": r.get("precedence"), "names": _lexicon(r["names"])}
                   for r in offices]
    out_sectors = [{**clean(r), "parent": r.get("parent"), "names": _lexicon(r["names"])}
                   for r in sectors]
    out_people = []
    for r in people:
        tenures = [{"office": t["office"], "country": t.get("country"), "to": t.get("to"),
                    "org": t.get("org"), "start": t.get("start"), "end": t.get("end")}
                   for t in r["offices"]]
        tenures.sort(key=lambda t: (t["start"] or "", t["office"], t["country"] or ""))
        out_people.append({"id": r["id"], "name": r["name"], "country": r.get("country"),
                           "names": _lexicon(r["names"]), "offices": tenures})
    kb = {"states": out_states, "orgs": out_orgs, "offices": out_offices,
          "sectors": out_sectors, "people": out_people}
    for rows in kb.values():
        rows.sort(key=lambda r: r["id"])
    return kb


def render(kb: dict[str, Any]) -> str:
    """Deterministic text: one entity per line, keys sorted."""
    lines = ["{", f'"format": {FORMAT},']
    sections = list(kb)
    for i, section in enumerate(sections):
        lines.append(f'"{section}": [')
        rows = kb[section]
        for j, row in enumerate(rows):
            comma = "," if j < len(rows) - 1 else ""
            lines.append(json.dumps(row, ensure_ascii=False, sort_keys=True) + comma)
        lines.append("]" + ("," if i < len(sections) - 1 else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def build(sources: Path = SOURCES) -> str:
    """Read, validate and merge the sources; the text of ``kb.json``. Raises BuildError."""
    states = read_jsonl(sources / "states.jsonl")
    orgs = read_jsonl(sources / "orgs.jsonl")
    offices = read_jsonl(sources / "offices.jsonl")
    sectors = read_jsonl(sources / "sectors.jsonl")
    people = read_jsonl(sources / "people.jsonl", settle=True)
    problems = validate(states, orgs, offices, sectors, people, cldr_alpha3())
    if problems:
        raise BuildError(problems)
    for finding in lint_people(people):
        print(f"warning: {finding}", file=sys.stderr)
    return render(merge(states, orgs, offices, sectors, people))


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".kb-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m khabar.kb.build", description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if the shipped built/kb.json differs from a rebuild")
    args = parser.parse_args(argv)
    try:
        text = build()
    except BuildError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.check:
        shipped = BUILT.read_text(encoding="utf-8") if BUILT.exists() else ""
        if shipped != text:
            print(f"{BUILT} is out of date: run python -m khabar.kb.build", file=sys.stderr)
            return 1
        print(f"{BUILT} is up to date")
        return 0
    _write_atomic(BUILT, text)
    kb = json.loads(text)
    counts = ", ".join(f"{len(kb[s])} {s}" for s in ("states", "orgs", "offices", "sectors", "people"))
    print(f"wrote {BUILT}: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
