"""The ``khabar`` command line: parse, call the library, turn errors into messages and exit codes.

Exit codes: 0 all well; 1 the command ran but some documents failed (or were refused as
duplicate ids); 2 the command could not run (usage, settings, database). Data goes to stdout,
progress, summaries and errors to stderr.

When stdout is closed early (``khabar export | head -1``), the command stops quietly, with
nothing on stderr, and exits with status 141 (128 + SIGPIPE), the status a shell reports for
``cat`` or ``grep`` stopped by a closed pipe, so a script under ``set -o pipefail`` sees a
truncated output as it would from those tools.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from typer.core import TyperGroup

from khabar.document import Document
from khabar.errors import KhabarError
from khabar.settings import Settings, load_settings
from khabar.store import IngestReport, Store, open_store
from khabar.store.events import actor_list_text

__all__ = ["app", "main"]

EXIT_OK, EXIT_DOCS_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: stdout was closed early (see the module docstring)
ANNOTATED_LAYERS = ("sentences", "dates", "actors", "events", "boilerplate")
SAMPLE_DIR = Path(__file__).resolve().parent / "sample"
_GLOB_CHARS = frozenset("*?[")

class _Commands(TyperGroup):
    """khabar's commands: a reader that closes stdout early stops them quietly."""

    def invoke(self, ctx: Any) -> Any:  # a click Context (typer's own, in recent versions)
        try:
            try:
                return super().invoke(ctx)
            finally:
                if sys.stdout is not None:
                    sys.stdout.flush()
        except BrokenPipeError:
            _drop_stdout()
            raise typer.Exit(EXIT_BROKEN_PIPE) from None


def _drop_stdout() -> None:
    """Point stdout at the null device, so that the flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, sys.stdout.fileno())
        finally:
            os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no file descriptor (tests capture stdout)
        pass


app = typer.Typer(
    cls=_Commands,
    name="khabar",
    help="Political event records (PLOVER) from Persian, Arabic and English news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# -- shared options --------------------------------------------------------------------------
DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="SQLite database file (default: db_path setting, ./khabar.db)."),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", exists=True, dir_okay=False, help="TOML settings file."),
]
PathsArgument = Annotated[
    list[str],
    typer.Argument(
        help="Files, folders, glob patterns or - (stdin): .txt, .html, .json, .jsonl(.gz).",
        metavar="PATH...",
        show_default=False,
    ),
]


def _stderr() -> Console:
    return Console(stderr=True, highlight=False)


def _say(message: str) -> None:
    """A plain line on stderr (never wrapped: it may be grepped)."""
    typer.echo(message, err=True)


def _stdout() -> Console:
    return Console(highlight=False)


@contextmanager
def _guard() -> Iterator[None]:
    """Turn khabar's errors (and unwritable outputs) into a message and exit code 2."""
    try:
        yield
    except KhabarError as exc:
        _say(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE) from exc
    except BrokenPipeError:
        raise  # stdout closed early: a quiet stop (_Commands), not an error
    except OSError as exc:
        _say(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE) from exc


def _settings(config: Path | None, **overrides: Any) -> Settings:
    return load_settings(config, **overrides)


def _db(db: Path | None, settings: Settings) -> Path:
    return db if db is not None else Path(settings.db_path)


def _check_paths(paths: Iterable[str]) -> None:
    """A path that names nothing is a usage error (exit 2), not a failed document."""
    for p in paths:
        if p != "-" and not (_GLOB_CHARS & set(p)) and not Path(p).exists():
            raise typer.BadParameter(f"{p}: no such file or directory", param_hint="PATH")


def _read(paths: Iterable[str | Path], settings: Settings) -> Iterator[Document]:
    from khabar.readers import read_paths  # the readers pull in trafilatura: import on use

    return read_paths([str(p) for p in paths], settings=settings)


@contextmanager
def _progress(label: str) -> Iterator[Callable[[Document], None]]:
    """A spinner with a document count on stderr (only when stderr is a terminal)."""
    console = _stderr()
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed} documents"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    ) as progress:
        task = progress.add_task(label, total=None)
        yield lambda _doc: progress.advance(task)


def _print_report(report: IngestReport, db: Path) -> None:
    _say(f"{db}: {report.summary()}")
    if report.failed:
        _say("failed, by reason:")
        for kind, n in report.failed.most_common():
            _say(f"  {n:6d}  {kind}")
        for message in report.duplicates[:10]:
            _say(f"  {message}")
        _say(f"(list them with: khabar docs --db {db} --failed)")


def _run_ingest(
    paths: list[str | Path], db: Path, settings: Settings, *, replace: bool, workers: int | None
) -> IngestReport:
    from khabar.pipeline import Pipeline
    from khabar.store import ingest as ingest_docs

    pipeline = Pipeline(settings.stages, settings)
    with open_store(db) as store, _progress("ingesting") as tick:
        return ingest_docs(
            store,
            _read(paths, settings),
            pipeline,
            replace=replace,
            workers=workers,
            batch_size=settings.store_batch_size,
            on_doc=tick,
        )


# -- commands --------------------------------------------------------------------------------
@app.command()
def ingest(
    paths: PathsArgument,
    db: DbOption = None,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Worker processes for the pipeline.")
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Re-annotate and overwrite stored documents.")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Read, annotate and store documents; inputs already stored are skipped."""
    _check_paths(paths)
    with _guard():
        settings = _settings(config, workers=workers)
        target = _db(db, settings)
        report = _run_ingest(list(paths), target, settings, replace=replace, workers=settings.workers)
    _print_report(report, target)
    raise typer.Exit(EXIT_OK if report.ok else EXIT_DOCS_FAILED)


def annotation(doc: Document) -> dict[str, Any]:
    """One document as ``khabar annotate`` prints it."""
    out: dict[str, Any] = {
        "id": doc.id, "lang": doc.lang, "title": doc.title, "published": doc.published,
        "status": doc.status, "reason": doc.reason,
    }
    for layer in ANNOTATED_LAYERS:
        out[layer] = [span.to_dict(doc) for span in doc.spans(layer)]
    for layer in sorted(set(doc.layers) - set(ANNOTATED_LAYERS) - set(out)):
        out[layer] = [span.to_dict(doc) for span in doc.spans(layer)]
    return out


@app.command()
def annotate(
    paths: PathsArgument,
    workers: Annotated[int | None, typer.Option("--workers", min=1)] = None,
    config: ConfigOption = None,
) -> None:
    """Annotate documents without a database; print one JSON object per document."""
    from khabar.pipeline import Pipeline

    _check_paths(paths)
    failed = 0
    with _guard():
        settings = _settings(config, workers=workers)
        pipeline = Pipeline(settings.stages, settings)
        out = sys.stdout
        with _progress("annotating") as tick:
            for doc in pipeline.pipe(_read(paths, settings), workers=settings.workers):
                out.write(json.dumps(annotation(doc), ensure_ascii=False) + "\n")
                failed += not doc.ok
                tick(doc)
        out.flush()
    if failed:
        _say(f"{failed} document(s) failed (see their 'reason')")
    raise typer.Exit(EXIT_DOCS_FAILED if failed else EXIT_OK)


class What(StrEnum):
    events = "events"
    documents = "documents"
    mentions = "mentions"
    actors = "actors"
    dyadic = "dyadic"


class Format(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


CSV_FIELDS = {
    What.events: ["type", "mode", "date", "date_end", "source", "target", "location",
                  "contexts", "mentions", "docs", "text"],
    What.documents: ["id", "lang", "title", "published", "url", "source", "path", "status",
                     "reason", "chars", "ingested_at"],
    What.mentions: ["event", "type", "mode", "date", "doc", "lang", "start", "end", "text",
                    "rule", "confidence"],
    What.actors: ["id", "name", "country", "mentions", "documents", "langs"],
    What.dyadic: ["date", "precision", "source_country", "target_country", "type", "events",
                  "mentions"],
}


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        if value and all(isinstance(v, dict) for v in value):
            return actor_list_text(value)
        return ";".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _csv_row(what: What, row: dict[str, Any]) -> dict[str, Any]:
    if what is What.events:
        mentions = row["mentions"]
        row = {
            **row, "mentions": len(mentions),
            "docs": sorted({m["doc"] for m in mentions}),
            "text": mentions[0]["text"] if mentions else "",
        }
    return {k: _csv_cell(v) for k, v in row.items()}


def _rows(store: Store, what: What, text: bool) -> Iterator[dict[str, Any]]:
    if what is What.events:
        return store.export_events()
    if what is What.documents:
        return store.export_documents(text=text)
    if what is What.mentions:
        return store.export_mentions()
    return store.export_actors()


def _write_rows(
    rows: Iterable[dict[str, Any]], what: What, fmt: Format, out: IO[str], *, text: bool = False
) -> int:
    n = 0
    if fmt is Format.jsonl:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
        return n
    fields = CSV_FIELDS[what] + (["text"] if text and what is What.documents else [])
    writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(_csv_row(what, row))
        n += 1
    return n


@app.command()
def export(
    db: DbOption = None,
    what: Annotated[What, typer.Option("--what", help="What to export.")] = What.events,
    fmt: Annotated[Format, typer.Option("--format", help="jsonl, csv or parquet.")] = Format.jsonl,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output",
                     help="File, or a folder for WHAT.FORMAT (default stdout; parquet needs it)."),
    ] = None,
    text: Annotated[
        bool, typer.Option("--text", help="Include document text (documents only).")
    ] = False,
    day_only: Annotated[
        bool, typer.Option("--day-only", help="Dyadic table: day-precision events only.")
    ] = False,
    config: ConfigOption = None,
) -> None:
    """Export events (EVENTS.md JSON Lines), documents, mentions, actors or dyadic counts."""
    from khabar.store.exports import dyadic_rows, export_rows, write_parquet

    if output is not None and output.is_dir():
        output = output / f"{what.value}.{fmt.value}"
    if fmt is Format.parquet and output is None:
        raise typer.BadParameter("--format parquet writes a file: give -o FILE or -o FOLDER",
                                 param_hint="-o")
    with _guard():
        settings = _settings(config)
        with open_store(_db(db, settings), readonly=True) as store:
            if fmt is Format.parquet and output is not None:
                n = write_parquet(
                    export_rows(store, what.value, text=text, day_only=day_only), what.value,
                    output,
                )
                _say(f"{n} {what.value} exported to {output}")
                return
            rows: Iterable[dict[str, Any]] = (
                dyadic_rows(store, day_only=day_only) if what is What.dyadic
                else _rows(store, what, text)
            )
            if output is None:
                n = _write_rows(rows, what, fmt, sys.stdout, text=text)
                sys.stdout.flush()
            else:
                with output.open("w", encoding="utf-8", newline="") as fh:
                    n = _write_rows(rows, what, fmt, fh, text=text)
    _say(f"{n} {what.value} exported")


@app.command()
def stories(
    db: DbOption = None,
    min_size: Annotated[
        int, typer.Option("--min-size", min=1, help="Print stories of at least N documents.")
    ] = 2,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Print at most N.")] = None,
    config: ConfigOption = None,
) -> None:
    """Group documents that tell the same story (incremental); print stories as JSON lines."""
    from khabar.errors import StoreError
    from khabar.stories import build_stories, get_story, list_stories

    with _guard():
        settings = _settings(config)
        target = _db(db, settings)
        if not target.is_file():
            raise StoreError(f"no khabar database at {target}")
        with open_store(target) as store:
            report = build_stories(store, settings)
            found = list_stories(store, limit=limit, min_size=min_size)
            out = sys.stdout
            for summary in found:
                story = get_story(store, summary.id)
                if story is None:
                    continue
                line = story.to_dict()
                line["documents"] = [
                    {"doc": m.doc_id, "lang": m.lang, "published": m.published,
                     "title": m.title, "score": m.score, "rule": m.evidence.get("rule")}
                    for m in story.documents
                ]
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
            out.flush()
            total = len(list_stories(store))
    _say(f"{target}: {report.summary()}; {total} stories, {len(found)} printed "
         f"(at least {min_size} documents)")


@app.command(name="eval")
def eval_(
    gold: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Gold events (JSONL).")],
    db: DbOption = None,
    pred: Annotated[
        Path | None,
        typer.Option("--pred", exists=True, dir_okay=False,
                     help="Score this JSONL file instead of the database's events."),
    ] = None,
    docs: Annotated[
        str | None, typer.Option("--docs", help="Comma-separated document ids to score.")
    ] = None,
    misses: Annotated[bool, typer.Option("--misses", help="List missed and spurious events.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    config: ConfigOption = None,
) -> None:
    """Score the stored events (or --pred) against GOLD, as docs/EVENTS.md section 7 defines."""
    from khabar.evaluate import read_events, score_levels

    with _guard():
        settings = _settings(config)
        gold_events = read_events(gold)
        if pred is not None:
            predicted = read_events(pred)
        else:
            with open_store(_db(db, settings), readonly=True) as store:
                predicted = list(store.export_events())
    chosen = set(docs.split(",")) if docs else None
    results = score_levels(gold_events, predicted, chosen)
    if as_json:
        typer.echo(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=1))
        return
    for r in results:
        typer.echo(f"{r.level:>7}: P={r.precision:.3f} R={r.recall:.3f} F1={r.f1:.3f} "
                   f"(gold {r.gold}, predicted {r.pred}, matched {r.tp})")
    typer.echo("per type (gold/pred/matched, country level):")
    for t, c in sorted(results[0].per_type.items()):
        typer.echo(f"  {t:<10} {c.get('gold', 0):>4} {c.get('pred', 0):>4} {c.get('tp', 0):>4}")
    if misses:
        for label, events in (("MISSED", results[0].missed), ("SPURIOUS", results[0].spurious)):
            for e in events:
                text = (e.get("mentions") or [{}])[0].get("text", "")[:120]
                typer.echo(f"{label}: {e.get('type')} {e.get('date')} "
                           f"{[a.get('country') for a in e.get('source') or []]}->"
                           f"{[a.get('country') for a in e.get('target') or []]} | {text}")


def _actor_aliases(query: str) -> list[str]:
    """English names and codes the knowledge base knows for ``query`` written in any script
    («لاوروف», «لافروف» -> "Sergey Lavrov"), so one query finds events in every language."""
    from khabar.kb import load_kb

    kb = load_kb()
    found: list[str] = []
    for lang in ("fa", "ar", "en"):
        for entry in kb.lookup(query, lang):
            record = kb.get(entry.id)
            found.append(getattr(record, "name", None) or entry.id)
            if entry.kind == "state":
                found.append(entry.id)
    return list(dict.fromkeys(found))


def _actor_hit(actors: list[dict[str, Any]], query: str) -> bool:
    from khabar.text.normalize import fold

    q = fold(query)
    return any(q in fold(a.get("name") or "") or q == fold(a.get("country") or "") or
               q == fold(a.get("id") or "") for a in actors)


@app.command()
def events(
    db: DbOption = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. CONSULT.")] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Actor name (any part, any script) or id.")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="ISO alpha-3 code on either side.")
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="Earliest date (ISO).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Latest date (ISO).")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Language of a mention.")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Document id of a mention.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1)] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")] = False,
    config: ConfigOption = None,
) -> None:
    """List stored events, filtered by type, actor, country, date range, language or document."""
    with _guard():
        settings = _settings(config)
        with open_store(_db(db, settings), readonly=True) as store:
            found: list[dict[str, Any]] = []
            names = _actor_aliases(actor) if actor else []
            for e in store.merged_events():
                sides = (e.get("source") or []) + (e.get("target") or [])
                mentions = e.get("mentions") or []
                if type_ and e.get("type") != type_.upper():
                    continue
                if country and not any(a.get("country") == country.upper() for a in sides):
                    continue
                if actor and not any(_actor_hit(sides, n) for n in [actor, *names]):
                    continue
                date = e.get("date") or ""
                if since and (not date or date[: len(since)] < since):
                    continue
                if until and (not date or date[: len(until)] > until):
                    continue
                if lang and not any(m.get("lang") == lang for m in mentions):
                    continue
                if doc and not any(m.get("doc") == doc for m in mentions):
                    continue
                found.append(e)
                if len(found) >= limit:
                    break
    if as_json:
        for e in found:
            typer.echo(json.dumps(e, ensure_ascii=False))
    else:
        table = Table("id", "date", "type", "mode", "source", "target", "sources", "documents")
        for e in found:
            table.add_row(e["id"], e.get("date") or "", e["type"], e.get("mode") or "",
                          actor_list_text(e.get("source") or []),
                          actor_list_text(e.get("target") or []), str(e["sources"]),
                          ", ".join(sorted({m["doc"] for m in e.get("mentions") or []})))
        _stdout().print(table)
    _say(f"{len(found)} event(s)")


@app.command()
def why(
    event_id: Annotated[str, typer.Argument(help="An event id (from `khabar events`).")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON instead of text.")] = False,
    config: ConfigOption = None,
) -> None:
    """Why an event is one event: the readings merged into it, their mentions and the evidence."""
    with _guard():
        settings = _settings(config)
        with open_store(_db(db, settings), readonly=True) as store:
            try:
                found = store.why(event_id)
            except KeyError:
                raise KhabarError(f"no event {event_id!r} in the database") from None
    if as_json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    out = _stdout()
    e = found["event"]
    out.print(f"[bold]{e['type']}[/bold] {e.get('mode') or ''} {e.get('date') or 'undated'}: "
              f"{actor_list_text(e['source'])} -> {actor_list_text(e['target'])}",
              highlight=False)
    out.print(f"event {found['id']}: {len(found['readings'])} reading(s), {e['sources']} "
              f"document(s), confidence {e['confidence']}", highlight=False)
    for r in found["readings"]:
        out.print(f"\n[bold]reading {r['id']}[/bold] {r['date'] or r.get('date_partial') or ''} "
                  f"{actor_list_text(r['source'])} -> {actor_list_text(r['target'])}",
                  highlight=False)
        if r["evidence"]:
            ev = r["evidence"]
            people = f"; people: {', '.join(ev['people'])}" if ev.get("people") else ""
            out.print(f"  joined {r['matched']}: {ev['date']}; {ev['sides']}{people}",
                      highlight=False)
        else:
            out.print("  the first reading of this event", highlight=False)
        for m in r["mentions"]:
            out.print(f"  {m['doc']} [{m['lang']}] {m['start']}-{m['end']}: "
                      f"{' '.join(m['text'].split())}", highlight=False, markup=False)


@app.command()
def docs(
    db: DbOption = None,
    failed: Annotated[bool, typer.Option("--failed", help="Only failed documents.")] = False,
    lang: Annotated[str | None, typer.Option("--lang", help="Only this language.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1)] = 50,
    config: ConfigOption = None,
) -> None:
    """List stored documents (or only the failed ones, with their reasons)."""
    with _guard():
        settings = _settings(config)
        with open_store(_db(db, settings), readonly=True) as store:
            rows = store.documents(failed=failed, lang=lang, limit=limit)
    table = Table("id", "lang", "published", "status", "reason" if failed else "title")
    for r in rows:
        table.add_row(
            r.id, r.lang or "", r.published or "", r.status,
            (r.reason if failed else r.title) or "",
        )
    _stdout().print(table)
    _say(f"{len(rows)} document(s)")


@app.command()
def stats(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
    config: ConfigOption = None,
) -> None:
    """Counts by language, status, failure reason, layer and event type."""
    with _guard():
        settings = _settings(config)
        with open_store(_db(db, settings), readonly=True) as store:
            counts = store.stats()
    if as_json:
        sys.stdout.write(json.dumps(counts, ensure_ascii=False, indent=1) + "\n")
        return
    out = _stdout()
    out.print(
        f"{counts['documents']} documents, {counts['events']} events, "
        f"{counts['mentions']} mentions",
        markup=False,
    )
    for key, title in (
        ("by_lang", "language"), ("by_status", "status"), ("failures", "failure reason"),
        ("layers", "layer (spans)"), ("events_by_type", "event type"),
    ):
        if counts[key]:
            table = Table(title, "count")
            for name, n in counts[key].items():
                table.add_row(name, str(n))
            out.print(table)


@app.command()
def search(
    query: Annotated[
        str | None,
        typer.Argument(help="Words (folded: ي/ی, ك/ک match); \"a phrase\"; or an actor's name "
                       "in any script (Lavrov, لاوروف, لافروف)."),
    ] = None,
    db: DbOption = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Actor in any script, KB id or part of a name.")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="ISO alpha-3 code (or a state's name).")
    ] = None,
    type_: Annotated[
        list[str] | None, typer.Option("--type", help="PLOVER type (repeatable).")
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="Earliest date (ISO).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Latest date (ISO).")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Language (fa, ar, en).")] = None,
    doc: Annotated[str | None, typer.Option("--doc", help="Source document id.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, max=500)] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
    config: ConfigOption = None,
) -> None:
    """Search events and documents: full text over folded fa/ar/en text, with the filters of
    the web interface (the same read model as `khabar serve` and /api/search)."""
    from khabar.web.queries import EventFilter, QueryError, ReadModel

    with _guard():
        settings = _settings(config)
        try:
            f = EventFilter.of(q=query, actor=actor, country=country, types=type_ or [],
                               since=since, until=until, lang=lang, doc=doc)
            with ReadModel(_db(db, settings)).reader() as reader:
                found = reader.search(f, limit=limit)
        except QueryError as exc:
            raise typer.BadParameter(exc.message) from exc
    if as_json:
        typer.echo(json.dumps({**found, "filters": f.to_dict()}, ensure_ascii=False))
    else:
        out = _stdout()
        for r in found["resolution"].values():
            for m in r.get("matches") or []:
                out.print(f"{r['query']} -> {m['name']} ({m.get('country') or 'intl'}, "
                          f"{m['kind']})", markup=False, soft_wrap=True)
        if found["events"]:
            table = Table("date", "type", "source", "target", "docs", "sentence")
            for e in found["events"]:
                first = e.get("first_mention") or {}
                table.add_row(e.get("date") or "", e["type"], actor_list_text(e["source"]),
                              actor_list_text(e["target"]), str(e["source_count"]),
                              " ".join((first.get("text") or "").split())[:160])
            out.print(table)
        if found["documents"]:
            table = Table("id", "lang", "published", "sentence")
            for h in found["documents"]:
                table.add_row(h["id"], h["lang"] or "", h["published"] or "",
                              " ".join(h["snippet"].split()))
            out.print(table)
    _say(f"{found['total']} event(s), {len(found['documents'])} hit(s)")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Interface to listen on (default: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    budget: Annotated[
        float, typer.Option("--budget", min=0.1, max=60.0, help="Seconds allowed per request.")
    ] = 2.0,
    config: ConfigOption = None,
) -> None:
    """Serve the web interface (timeline, network, search, events, documents) and its JSON
    API, read-only, on http://HOST:PORT."""
    from khabar.web import create_app

    with _guard():
        settings = _settings(config)
        web = create_app(_db(db, settings), budget=budget)
    if host not in ("127.0.0.1", "localhost", "::1"):
        _say(f"warning: listening on {host}: anyone who can reach it can read the database")
    _say(f"khabar serve: http://{host}:{port}/ (read-only {web.state.model.path}; Ctrl-C stops)")
    import uvicorn

    uvicorn.run(web, host=host, port=port, log_level="warning")


@app.command()
def demo(
    db: Annotated[Path, typer.Option("--db", help="Database to create.")] = Path(
        "khabar-demo.db"
    ),
    config: ConfigOption = None,
) -> None:
    """Ingest the bundled sample (2 Persian, 2 Arabic, 2 English texts) and show what was found."""
    with _guard():
        settings = _settings(config)
        report = _run_ingest([SAMPLE_DIR], db, settings, replace=False, workers=1)
        _print_report(report, db)
        with open_store(db, readonly=True) as store:
            found = [store.get(info.id) for info in store.documents()]
            counts = store.stats()
    out = _stdout()
    out.print(f"khabar demo: {len(found)} documents in {db}", markup=False, soft_wrap=True)
    for doc in found:
        _show_document(out, doc)
    out.print(
        f"languages: {counts['by_lang']}; events: {counts['events']}. "
        f"Next: khabar export --db {db} --what events",
        markup=False, soft_wrap=True,
    )
    raise typer.Exit(EXIT_OK if report.ok else EXIT_DOCS_FAILED)


def _actor_label(value: dict[str, Any]) -> str:
    name = value.get("name")
    country = value.get("country") or "international"
    return f"{name} ({country})" if name else str(country)


def _show_document(out: Console, doc: Document) -> None:
    """One document of the demo: what was read, then its dates, actors and events."""
    out.print(f"\n[bold]{doc.id}[/bold]  {doc.lang or '-'}  published {doc.published or '-'}  "
              f"{len(doc.spans('sentences'))} sentences", soft_wrap=True)
    if doc.title:
        out.print(f"  {doc.title}", markup=False, soft_wrap=True)
    for s in doc.spans("dates"):
        value = s.value.get("value") or "(no anchor)"
        out.print(f"  date   {doc.span_text(s)}  ->  {value}  [{s.value.get('calendar')}]",
                  markup=False, soft_wrap=True)
    seen: set[str] = set()
    for s in doc.spans("actors"):
        label = _actor_label(s.value)
        if label not in seen and (s.value.get("name") or s.value.get("country")):
            seen.add(label)
            out.print(f"  actor  {doc.span_text(s)}  ->  {label}", markup=False, soft_wrap=True)
    told: dict[str, int] = {}  # one line per event, however many sentences tell it
    for s in doc.spans("events"):
        v = s.value
        mode = f"/{v['mode']}" if v.get("mode") else ""
        sides = (", ".join(_actor_label(a) for a in v.get("source") or []) + "  ->  "
                 + (", ".join(_actor_label(a) for a in v.get("target") or []) or "-"))
        line = f"  event  {v.get('type')}{mode}  {v.get('date') or 'undated'}  {sides}"
        told[line] = told.get(line, 0) + 1
    for line, n in told.items():
        out.print(line + (f"  ({n} mentions)" if n > 1 else ""), markup=False, soft_wrap=True)


@app.command()
def stages(config: ConfigOption = None) -> None:
    """The pipeline's stages: what each requires and assigns, and the default order."""
    from khabar.pipeline import stage_table

    with _guard():
        settings = _settings(config)
        rows = stage_table()
    order = {name: i for i, name in enumerate(settings.stages, 1)}
    table = Table("#", "stage", "requires", "assigns")
    for column in table.columns:
        column.no_wrap = True
    for row in sorted(rows, key=lambda r: (order.get(r["name"], 99), r["name"])):
        table.add_row(
            str(order.get(row["name"], "-")), row["name"], ", ".join(row["requires"]),
            ", ".join(row["assigns"]),
        )
    console = _stdout()
    console.width = max(console.width, 120)  # a narrow pipe must not fold stage names
    console.print(table)
    missing = [n for n in settings.stages if n not in {r["name"] for r in rows}]
    if missing:
        _say(f"not available: {', '.join(missing)}")
        raise typer.Exit(EXIT_USAGE)


def main() -> None:
    """Console entry point (``khabar``)."""
    app(prog_name="khabar")


if __name__ == "__main__":
    main()
