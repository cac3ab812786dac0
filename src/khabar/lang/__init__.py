"""Per-language resources (data files under ``lang/<lang>/``) and the one reader for them."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["LANGS", "resource_json", "resource_lang"]

LANGS = ("fa", "ar", "en")


def resource_lang(lang: str | None) -> str:
    """The resource language for ``lang``: itself when khabar reads it natively, else English."""
    return lang if lang in LANGS else "en"


def resource_json(lang: str | None, name: str) -> dict[str, Any]:
    """``lang/<lang>/<name>`` parsed as JSON (falling back to English for other languages)."""
    path = resources.files("khabar").joinpath("lang", resource_lang(lang), name)
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data
