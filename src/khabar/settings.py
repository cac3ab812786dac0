"""Settings as one typed, validated object. Defaults ship as ``defaults.toml`` in the package.

No global mutable settings: a :class:`Settings` is built once (defaults, then a user file, then
keyword overrides) and passed down to every stage factory.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from khabar.errors import ConfigError

__all__ = ["Settings", "load_settings"]


@dataclass(frozen=True, slots=True)
class Settings:
    # which languages khabar reads natively; anything else is "other"
    languages: tuple[str, ...] = ("fa", "ar", "en")
    # the stages a default pipeline runs, in order
    stages: tuple[str, ...] = ("clean", "sentences", "langid", "time", "actors", "events")
    # language identification: below this confidence a sentence takes the document's language
    langid_min_confidence: float = 0.5
    # bulk processing
    batch_size: int = 32
    workers: int = 1
    # storage: the database file, and how many documents each write transaction holds
    db_path: str = "khabar.db"
    store_batch_size: int = 256
    # HTML and .json inputs are parsed whole: larger ones (in bytes) are refused, not read
    max_text_bytes: int = 50_000_000
    # plain-text inputs longer than this many characters are split into parts at paragraph breaks
    max_part_chars: int = 1_000_000
    extra: dict[str, Any] = field(default_factory=dict)

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)


def _coerce(name: str, value: Any, default: Any) -> Any:
    if isinstance(default, tuple):
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"setting {name!r} must be a list of strings, not {value!r}")
        return tuple(value)
    if isinstance(default, bool) or not isinstance(default, int | float | str):
        return value
    if isinstance(default, float) and isinstance(value, int | float):
        return float(value)
    if not isinstance(value, type(default)):
        raise ConfigError(f"setting {name!r} must be {type(default).__name__}, not {value!r}")
    return value


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Packaged defaults, then the TOML file at ``path`` (if any), then ``overrides``."""
    data: dict[str, Any] = tomllib.loads(
        resources.files("khabar").joinpath("defaults.toml").read_text(encoding="utf-8")
    )
    if path is not None:
        try:
            data.update(tomllib.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"cannot read settings {path}: {exc}") from exc
    data.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name: f for f in fields(Settings)}
    base = Settings()
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in data.items():
        if key in known and key != "extra":
            values[key] = _coerce(key, value, getattr(base, key))
        else:
            extra[key] = value
    settings = Settings(**values, extra=extra)
    if settings.workers < 1 or settings.batch_size < 1 or settings.store_batch_size < 1:
        raise ConfigError("workers, batch_size and store_batch_size must be at least 1")
    return settings
