"""Storage: one SQLite file with documents, every span layer, events and mentions, and search.

    open_store(path, readonly=False) -> Store
    Store.write(docs, replace=False) -> IngestReport     idempotent, batched, atomic per batch
    Store.get(id) / documents() / stats() / search(q)
    Store.export_events() / export_documents() / export_mentions() / export_actors()
    ingest(store, docs, pipeline) -> IngestReport        skip stored inputs, run, write
"""

from khabar.store.ingest import ingest
from khabar.store.report import IngestReport, reason_kind
from khabar.store.sqlite import DocumentInfo, SearchHit, Store, open_store

__all__ = [
    "DocumentInfo",
    "IngestReport",
    "SearchHit",
    "Store",
    "ingest",
    "open_store",
    "reason_kind",
]
