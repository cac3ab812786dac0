"""Event spans become events and mentions; the export has exactly the EVENTS.md shape."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from khabar import Document, Span, open_store

LAVROV = {"name": "Sergey Lavrov", "country": "RUS", "role": "foreign minister"}
MIRZOYAN = {"name": "Ararat Mirzoyan", "country": "ARM", "role": "foreign minister"}
EXPORT_KEYS = ["type", "mode", "date", "source", "target", "location", "contexts", "mentions"]
MENTION_KEYS = ["doc", "lang", "start", "end", "text"]


def consult(**changes: Any) -> dict[str, Any]:
    value: dict[str, Any] = {
        "type": "CONSULT", "mode": "phone", "date": "2021-11-01", "source": [LAVROV],
        "target": [MIRZOYAN], "location": None, "contexts": ["diplomatic", "territory"],
    }
    value.update(changes)
    return value


def doc_with_event(doc_id: str, lang: str, text: str, sentence: tuple[int, int],
                   value: dict[str, Any]) -> Document:
    doc = Document(doc_id, text, lang=lang)
    doc.add("sentences", Span(0, len(text), "sentence", {"lang": lang}))
    doc.add("events", Span(sentence[0], sentence[1], value["type"], value, "events:test"))
    return doc


def test_event_round_trip_and_export_shape(tmp_path: Path) -> None:
    text = "Intro. Lavrov phoned Mirzoyan. End."
    doc = doc_with_event("d1", "en", text, (7, 30), consult())
    with open_store(tmp_path / "k.db") as store:
        store.write([doc])
        [line] = list(store.export_events())
        assert list(line) == EXPORT_KEYS
        assert line["source"] == [LAVROV] and line["target"] == [MIRZOYAN]
        assert line["contexts"] == ["diplomatic", "territory"]
        [mention] = line["mentions"]
        assert list(mention) == MENTION_KEYS
        assert mention == {"doc": "d1", "lang": "en", "start": 7, "end": 30,
                           "text": "Lavrov phoned Mirzoyan."}
        # the span comes back from get() unchanged
        [span] = store.get("d1").spans("events")
        assert (span.start, span.end, span.value, span.rule) == (7, 30, consult(), "events:test")


def test_date_end_only_when_set(tmp_path: Path) -> None:
    text = "Fighting lasted from 1992 to 1994."
    value = consult(type="ASSAULT", mode=None, date="1992", date_end="1994", contexts=[])
    with open_store(tmp_path / "k.db") as store:
        store.write([doc_with_event("d1", "en", text, (0, len(text)), value)])
        [line] = list(store.export_events())
        assert list(line) == ["type", "mode", "date", "date_end", "source", "target",
                              "location", "contexts", "mentions"]
        assert line["date_end"] == "1994"


def test_same_event_in_two_documents_is_one_event_with_two_mentions(tmp_path: Path) -> None:
    fa = doc_with_event("fa1", "fa", "لاوروف با میرزویان تلفنی گفت‌وگو کرد.", (0, 37), consult())
    # the same actors in another order: still the same event
    en = doc_with_event("en1", "en", "Lavrov phoned Mirzoyan.", (0, 23),
                        consult(contexts=["territory", "diplomatic"]))
    with open_store(tmp_path / "k.db") as store:
        store.write([fa, en])
        [line] = list(store.export_events())
        assert [(m["doc"], m["lang"]) for m in line["mentions"]] == [("en1", "en"), ("fa1", "fa")]
        mentions = list(store.export_mentions())
        assert len(mentions) == 2 and len({m["event"] for m in mentions}) == 1
        assert store.stats()["events_by_type"] == {"CONSULT": 1}


def test_replacing_a_document_drops_its_mentions_and_orphaned_events(tmp_path: Path) -> None:
    text = "Lavrov phoned Mirzoyan."
    with open_store(tmp_path / "k.db") as store:
        store.write([
            doc_with_event("d1", "en", text, (0, 23), consult()),
            doc_with_event("d2", "en", text + " ", (0, 23), consult()),
        ])
        other = doc_with_event("d1", "en", "Armenia was shelled.", (0, 20),
                               consult(type="ASSAULT", mode=None))
        store.write([other], replace=True)
        lines = list(store.export_events())
        assert sorted((e["type"], [m["doc"] for m in e["mentions"]]) for e in lines) == [
            ("ASSAULT", ["d1"]), ("CONSULT", ["d2"]),
        ]
        store.write([Document("d2", "Nothing happened.")], replace=True)
        assert [e["type"] for e in store.export_events()] == ["ASSAULT"]
        assert store.stats()["events"] == 1


def test_mention_language_comes_from_its_sentence(tmp_path: Path) -> None:
    text = "English sentence. جمله فارسی."
    doc = Document("mix", text, lang="en")
    doc.add("sentences", Span(0, 17, "sentence", {"lang": "en"}))
    doc.add("sentences", Span(18, len(text), "sentence", {"lang": "fa"}))
    doc.add("events", Span(18, len(text), "PROTEST", {"type": "PROTEST"}))
    with open_store(tmp_path / "k.db") as store:
        store.write([doc])
        [line] = list(store.export_events())
        assert line["mentions"][0]["lang"] == "fa"
        assert line["source"] == [] and line["mode"] is None


def test_event_without_type_fails_the_document_only(tmp_path: Path) -> None:
    doc = Document("bad", "Something.")
    doc.add("events", Span(0, 10, "X", {"mode": "phone"}))
    with open_store(tmp_path / "k.db") as store:
        report = store.write([doc, Document("good", "Fine.")])
        assert report.added == 1 and report.n_failed == 1
        assert list(store.export_events()) == []


def test_actor_export_groups_by_id(tmp_path: Path) -> None:
    text = "Lavrov met Lavrov's aide and Mirzoyan."
    doc = Document("d", text, lang="en")
    for start, end, value in [
        (0, 6, {"id": "sergey-lavrov", "name": "Sergey Lavrov", "country": "RUS"}),
        (11, 17, {"id": "sergey-lavrov", "name": "Sergey Lavrov", "country": "RUS"}),
        (29, 37, {"name": "Ararat Mirzoyan", "country": "ARM"}),
    ]:
        doc.add("actors", Span(start, end, "actor", value))
    with open_store(tmp_path / "k.db") as store:
        store.write([doc])
        actors = list(store.export_actors())
    assert actors == [
        {"id": "sergey-lavrov", "name": "Sergey Lavrov", "country": "RUS", "mentions": 2,
         "documents": 1, "langs": ["en"]},
        {"id": "Ararat Mirzoyan|ARM", "name": "Ararat Mirzoyan", "country": "ARM",
         "mentions": 1, "documents": 1, "langs": ["en"]},
    ]
