"""Named stages, checked once when the pipeline is built, and one streaming bulk entry point.

A stage is registered by name with what it requires and what it assigns (layer names, or the
document fields ``lang`` and ``published``). A factory receives the :class:`Settings` and returns
a callable that takes a :class:`Document` and returns it enriched::

    @register("sentences", requires=("boilerplate",), assigns=("sentences",))
    def make_sentences(settings: Settings) -> StageFn: ...

:meth:`Pipeline.pipe` is the only way to process many documents: it streams, keeps input order,
runs in worker processes when asked (documents are serialised, nothing else is shared), and
records a failure on the failing document without stopping the batch.
"""

from __future__ import annotations

import importlib
import multiprocessing as mp
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from khabar.document import Document
from khabar.errors import StageError, StageOrderError, UnknownStageError
from khabar.settings import Settings, load_settings

__all__ = ["Pipeline", "StageInfo", "available_stages", "register"]

StageFn = Callable[[Document], Document]
Factory = Callable[[Settings], StageFn]

# What every document has before any stage runs.
_GIVEN = frozenset({"text", "id", "title", "url", "source", "published", "lang", "norm"})

# Built-in stages live in their own modules and register themselves on import, so that
# ``import khabar`` stays cheap (no language model is loaded until a pipeline needs it).
_BUILTIN_MODULES = {
    "clean": "khabar.stages.clean",
    "langid": "khabar.stages.langid",
    "sentences": "khabar.stages.sentences",
    "time": "khabar.stages.time",
    "actors": "khabar.stages.actors",
    "events": "khabar.stages.events",
}


@dataclass(frozen=True, slots=True)
class StageInfo:
    name: str
    factory: Factory
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_REGISTRY: dict[str, StageInfo] = {}


def register(
    name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()
) -> Callable[[Factory], Factory]:
    """Register a stage factory under ``name``."""

    def deco(factory: Factory) -> Factory:
        _REGISTRY[name] = StageInfo(name, factory, tuple(requires), tuple(assigns))
        return factory

    return deco


def _info(name: str) -> StageInfo:
    if name not in _REGISTRY and name in _BUILTIN_MODULES:
        importlib.import_module(_BUILTIN_MODULES[name])
    try:
        return _REGISTRY[name]
    except KeyError:
        known = sorted(set(_REGISTRY) | set(_BUILTIN_MODULES))
        raise UnknownStageError(f"unknown stage {name!r}; known: {', '.join(known)}") from None


def available_stages() -> list[str]:
    """Names of stages that can be built (built-in stages whose module imports, and others)."""
    names = []
    for name in sorted(set(_REGISTRY) | set(_BUILTIN_MODULES)):
        try:
            _info(name)
        except (UnknownStageError, ImportError):
            continue
        names.append(name)
    return names


class Pipeline:
    """An ordered list of stages, validated when built."""

    def __init__(
        self, stages: Iterable[str] | None = None, settings: Settings | None = None
    ) -> None:
        self.settings = settings or load_settings()
        names = tuple(stages) if stages is not None else self.settings.stages
        self.names = names
        self.infos = [_info(n) for n in names]
        have = set(_GIVEN)
        for info in self.infos:
            missing = [r for r in info.requires if r not in have]
            if missing:
                raise StageOrderError(
                    f"stage {info.name!r} requires {', '.join(missing)}, which no earlier stage "
                    f"assigns (pipeline: {' -> '.join(names)})"
                )
            have.update(info.assigns)
        self._fns = [info.factory(self.settings) for info in self.infos]
        self.timings: dict[str, float] = {n: 0.0 for n in names}

    def __repr__(self) -> str:
        return f"Pipeline({' -> '.join(self.names)})"

    def __call__(self, doc: Document) -> Document:
        """Run every stage on one document. A failure is recorded on it, never raised."""
        if not doc.ok:
            return doc
        for info, fn in zip(self.infos, self._fns, strict=True):
            t0 = time.perf_counter()
            try:
                out = fn(doc)
            except Exception as exc:  # a stage bug or bad text must not stop the batch
                doc.fail(str(StageError(info.name, doc.id, exc)))
                return doc
            finally:
                self.timings[info.name] += time.perf_counter() - t0
            if not isinstance(out, Document):
                doc.fail(f"stage {info.name!r} returned {type(out).__name__}, not a Document")
                return doc
            doc = out
            doc.done.append(info.name)
        return doc

    def pipe(
        self,
        docs: Iterable[Document],
        batch_size: int | None = None,
        workers: int | None = None,
    ) -> Iterator[Document]:
        """Process a stream of documents, in order; ``workers > 1`` uses processes."""
        batch_size = batch_size or self.settings.batch_size
        workers = workers or self.settings.workers
        if workers <= 1:
            for doc in docs:
                yield self(doc)
            return
        ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        # Batches go out with a bounded window (Pool.imap would read the whole input ahead),
        # so memory stays flat whatever the corpus size; results come back in input order.
        window: deque[Any] = deque()
        with ctx.Pool(
            workers, initializer=_worker_init, initargs=(self.names, self.settings)
        ) as pool:
            for batch in _batched(docs, batch_size):
                window.append(pool.apply_async(_worker_run_batch, (batch,)))
                if len(window) >= 2 * workers:
                    yield from window.popleft().get()
            while window:
                yield from window.popleft().get()


_WORKER: Pipeline | None = None


def _worker_init(names: tuple[str, ...], settings: Settings) -> None:
    global _WORKER
    _WORKER = Pipeline(names, settings)


def _worker_run_batch(batch: list[Document]) -> list[Document]:
    assert _WORKER is not None
    return [_WORKER(doc) for doc in batch]


def _batched(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def stage_table() -> list[dict[str, Any]]:
    """What each registered stage requires and assigns (for ``khabar stages``)."""
    return [
        {"name": i.name, "requires": list(i.requires), "assigns": list(i.assigns)}
        for i in (_info(n) for n in available_stages())
    ]
