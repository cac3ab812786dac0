"""Shared fixtures: per-language sample sentences, and paths into ../shared (skipped if absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared; the calling test is skipped cleanly when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared is absent)")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture
def gold_dir() -> Path:
    return shared_path("gold", "seeds")


@pytest.fixture
def news_dir() -> Path:
    return shared_path("data", "news")


# Short original sentences (written for these tests), one list per language.
SAMPLES = {
    "fa": [
        "وزیر امور خارجه ایران روز دوشنبه با همتای ترک خود تلفنی گفت‌وگو کرد.",
        "نیروهای ارتش در منطقه مرزی مستقر شدند.",
    ],
    "ar": [
        "أجرى وزير الخارجية المصري اتصالا هاتفيا مع نظيره الأردني يوم الاثنين.",
        "دعت الأمم المتحدة إلى وقف إطلاق النار في المنطقة.",
    ],
    "en": [
        "The foreign minister of Turkey met his Iranian counterpart in Ankara on Monday.",
        "Protesters gathered outside parliament to demand new elections.",
    ],
}


@pytest.fixture(params=sorted(SAMPLES))
def lang_samples(request: pytest.FixtureRequest) -> tuple[str, list[str]]:
    return request.param, SAMPLES[request.param]
