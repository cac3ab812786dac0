"""Ingest: skip what is already stored, run the pipeline on the rest, store in batches.

The check against the store happens *before* the pipeline, so a re-run over a corpus that is
already in the database costs one key look-up per document, not a pipeline run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from khabar.document import OK, Document
from khabar.pipeline import Pipeline
from khabar.store.report import IngestReport
from khabar.store.sqlite import DEFAULT_BATCH, Store

__all__ = ["ingest"]


def ingest(
    store: Store,
    docs: Iterable[Document],
    pipeline: Pipeline,
    *,
    replace: bool = False,
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH,
    on_doc: Callable[[Document], None] | None = None,
) -> IngestReport:
    """Run ``pipeline`` over the documents not yet stored and write them to ``store``."""
    report = IngestReport()

    def todo() -> Iterator[Document]:
        for doc in docs:
            if not replace and doc.ok:
                stored = store.stored(doc.id)
                if stored == (doc.content_hash, OK):
                    report.unchanged += 1
                    if on_doc is not None:
                        on_doc(doc)
                    continue
            # New, changed (the store reports the duplicate), failed before, or to replace.
            yield doc

    processed = pipeline.pipe(todo(), workers=workers)
    return store.write(
        processed, replace=replace, batch_size=batch_size, report=report, on_doc=on_doc
    )
