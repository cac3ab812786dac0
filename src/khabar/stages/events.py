"""The events stage: PLOVER events from each sentence, with their actors, date and mention.

For every sentence outside boilerplate: triggers from the per-language lexicons
(:mod:`khabar.events.triggers`), modality (negated, future, conditional, question and
hypothetical events are kept as spans but flagged, and the export leaves them out, as
EVENTS.md section 1 says), arguments from :func:`khabar.events.arguments.attribute`, and the
date from the time stage: a date in the sentence near the trigger, else the diary entry's date,
else the publication date.

Each event is a span in layer ``events`` over its sentence, whose value holds the record fields
of EVENTS.md section 6 without ``mentions`` (the store adds the mention from the span). Two
mentions in one document with identical fields are one event with two mentions.
"""

from __future__ import annotations

from typing import Any

from khabar.document import Document, Span
from khabar.events.arguments import ActorRef, TriggerRef, attribute
from khabar.pipeline import register
from khabar.settings import Settings

__all__ = ["make_events"]

ACTOR_FIELDS = ("name", "country", "role", "id")


def _export_actor(value: dict[str, Any]) -> dict[str, Any]:
    out = {k: value.get(k) for k in ACTOR_FIELDS}
    if out.get("id") is None:
        out.pop("id")
    return out


def _dedupe(actors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for a in actors:
        key = (a.get("name"), a.get("country"))
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out


def _event_date(doc: Document, sent: Span, trigger_raw: int) -> tuple[str | None, str | None, str]:
    """(date, date_end, how) of an event whose trigger is at raw offset ``trigger_raw``."""
    dates = [d for d in doc.within("dates", sent.start, sent.end) if d.value.get("value")]
    if dates:
        before = [d for d in dates if d.end <= trigger_raw]
        best = before[-1] if before else min(dates, key=lambda d: abs(d.start - trigger_raw))
        return str(best.value["value"]), best.value.get("date_end"), "sentence"
    for entry in doc.spans("entries"):
        if entry.start <= sent.start < entry.end and entry.value.get("value"):
            return str(entry.value["value"]), None, "entry"
    return doc.published, None, "published"


@register("events", requires=("sentences", "dates", "actors"), assigns=("events",))
def make_events(settings: Settings) -> Any:
    from khabar.events.triggers import find_triggers

    def run(doc: Document) -> Document:
        norm = doc.norm
        text = norm.text
        author = doc.meta.get("author")
        actors = doc.spans("actors")
        spans: list[Span] = []
        carried: list[dict[str, Any]] | None = None
        for sent in doc.spans("sentences"):
            lang = sent.value.get("lang") or doc.lang or "en"
            if lang not in ("fa", "ar", "en"):
                continue
            refs = [
                ActorRef(norm.from_raw(a.start), norm.from_raw(a.end), a.value,
                         str(a.value.get("proclitic") or ""))
                for a in doc.within("actors", sent.start, sent.end)
            ]
            lo, hi = norm.from_raw(sent.start), norm.from_raw(sent.end)
            subject_here: list[dict[str, Any]] | None = None
            for trig in find_triggers(doc, sent.start, sent.end, lang):
                t_lo, t_hi = norm.from_raw(trig.start), norm.from_raw(trig.end)
                ref = TriggerRef(t_lo, t_hi, trig.type, pos=_pos(trig), person=_person(trig),
                                 passive=bool(getattr(trig, "passive", False)))
                args = attribute(text, (lo, hi), refs, ref, lang, carried_subject=carried,
                                 author=author, host=author if doc.spans("entries") else None)
                source = _dedupe([_export_actor(a) for a in args.source])
                target = _dedupe([_export_actor(a) for a in args.target
                                  if _export_actor(a) not in source])
                if not source:
                    continue
                if args.how not in ("carried", "author"):
                    subject_here = args.source
                date, date_end, date_how = _event_date(doc, sent, trig.start)
                modality = getattr(trig, "modality", "asserted") or "asserted"
                value: dict[str, Any] = {
                    "type": trig.type,
                    "mode": args.mode or trig.mode,
                    "date": date,
                    "source": source,
                    "target": target,
                    "location": None,
                    "contexts": sorted(set(trig.contexts or [])),
                    "modality": modality,
                    "trigger": {"start": trig.start, "end": trig.end,
                                "text": doc.text[trig.start:trig.end],
                                "entry": getattr(trig, "entry", None)},
                    "how": {"source": args.how, "date": date_how},
                }
                if date_end:
                    value["date_end"] = date_end
                spans.append(Span(sent.start, sent.end, "event", value,
                                  f"events:{getattr(trig, 'entry', trig.type)}"))
            if subject_here:
                carried = subject_here
            elif refs:
                people = [r.actor for r in refs if r.actor.get("kind") == "person"]
                carried = people[:1] or carried
        doc.set_layer("events", spans)
        return doc

    return run


def _pos(trig: Any) -> str:
    pos = str(getattr(trig, "pos", "verb") or "verb")
    return "noun" if pos.startswith("noun") else "verb"


def _person(trig: Any) -> str | None:
    for name in ("person", "agreement", "subject"):
        value = getattr(trig, name, None)
        if isinstance(value, str):
            return value
    return None
