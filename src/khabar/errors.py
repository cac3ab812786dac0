"""One exception tree for khabar.

    KhabarError                      base of everything khabar raises on purpose
    ├── InputError                   a file or record could not be read into a Document
    │   ├── DecodeError              bytes that are not text in any encoding we accept
    │   └── RecordError              a JSON/JSONL record that is malformed or lacks id/text
    ├── PipelineError                the pipeline is wrongly built or a stage failed
    │   ├── StageOrderError          a stage requires something no earlier stage assigns
    │   ├── UnknownStageError        a stage name that is not registered
    │   └── StageError               a stage raised on one document (recorded on it)
    ├── StoreError                   the database refused an operation
    │   ├── DuplicateIdError         a different document already has this id
    │   └── MigrationError           the database schema is newer than this khabar
    └── ConfigError                  bad settings

Library code raises these; the command line maps them to messages and exit codes. Errors from
dependencies are translated at the boundary where they are caught, keeping the original as
``__cause__``.
"""

from __future__ import annotations


class KhabarError(Exception):
    """Base class of every error khabar raises on purpose."""


class InputError(KhabarError):
    """A file or record could not be read into a Document.

    ``where`` names the file (and line, for JSON Lines) so a batch report can point at it.
    """

    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.where = where

    def __str__(self) -> str:
        base = super().__str__()
        return f"{self.where}: {base}" if self.where else base


class DecodeError(InputError):
    """Bytes that are not text in any encoding khabar accepts (binary, or unknown encoding)."""


class RecordError(InputError):
    """A JSON/JSONL record that is malformed or lacks its id or text."""


class PipelineError(KhabarError):
    """The pipeline is wrongly built, or a stage failed."""


class StageOrderError(PipelineError):
    """A stage requires an annotation that no earlier stage assigns."""


class UnknownStageError(PipelineError):
    """A stage name that is not registered."""


class StageError(PipelineError):
    """A stage raised on one document. Recorded on that document; the batch goes on."""

    def __init__(self, stage: str, doc_id: str, cause: BaseException) -> None:
        super().__init__(f"stage {stage!r} failed on {doc_id!r}: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.doc_id = doc_id


class StoreError(KhabarError):
    """The database refused an operation."""


class DuplicateIdError(StoreError):
    """A different document (other content) is already stored under this id."""


class MigrationError(StoreError):
    """The database was written by a newer khabar, or a migration failed."""


class ConfigError(KhabarError):
    """Settings that do not validate."""
