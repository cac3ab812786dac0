from __future__ import annotations

import pytest

from khabar import Document, Pipeline, Span, register
from khabar.errors import StageOrderError, UnknownStageError
from khabar.settings import Settings


@register("t_upper", requires=("text",), assigns=("shout",))
def _make_upper(settings: Settings):  # type: ignore[no-untyped-def]
    def run(doc: Document) -> Document:
        if "boom" in doc.text:
            raise ValueError("cannot shout boom")
        doc.add("shout", Span(0, len(doc.text), "shout", {"value": doc.text.upper()}))
        return doc

    return run


@register("t_count", requires=("shout",), assigns=("count",))
def _make_count(settings: Settings):  # type: ignore[no-untyped-def]
    def run(doc: Document) -> Document:
        doc.meta["count"] = len(doc.spans("shout"))
        return doc

    return run


def test_order_is_checked_when_built() -> None:
    with pytest.raises(StageOrderError, match="t_count"):
        Pipeline(["t_count", "t_upper"])
    with pytest.raises(UnknownStageError):
        Pipeline(["no_such_stage"])


def test_failure_is_recorded_and_batch_goes_on() -> None:
    pipe = Pipeline(["t_upper", "t_count"])
    docs = [Document(id=str(i), text=t) for i, t in enumerate(["a", "boom", "c"])]
    out = list(pipe.pipe(docs))
    assert [d.id for d in out] == ["0", "1", "2"]
    assert [d.status for d in out] == ["ok", "failed", "ok"]
    assert "cannot shout boom" in (out[1].reason or "")
    assert out[2].meta["count"] == 1 and out[2].done == ["t_upper", "t_count"]


def test_workers_keep_order_and_results() -> None:
    pipe = Pipeline(["t_upper", "t_count"])
    docs = [Document(id=str(i), text=f"doc {i}") for i in range(50)]
    out = list(pipe.pipe(docs, batch_size=4, workers=2))
    assert [d.id for d in out] == [str(i) for i in range(50)]
    assert out[7].spans("shout")[0].value["value"] == "DOC 7"


def test_document_round_trip() -> None:
    doc = Document(id="x", text="متن", title="t", published="2021-11-01", lang="fa")
    doc.add("dates", Span(0, 3, "date", {"value": "2021"}, "time:test"))
    again = Document.from_json(doc.to_json())
    assert again == doc and again.content_hash == doc.content_hash
