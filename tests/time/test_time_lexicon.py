"""The shipped month and weekday lexicons are exactly what the generator makes from Babel,
jdatetime, hijridate and the curated supplement."""

from __future__ import annotations

from importlib import resources

from khabar.text.normalize import fold
from khabar.time.gen_lexicon import generate


def test_shipped_lexicons_equal_generator_output() -> None:
    data = resources.files("khabar.time").joinpath("data")
    for name, content in generate().items():
        assert data.joinpath(name).read_text("utf-8") == content, (
            f"{name} is stale: run python -m khabar.time.gen_lexicon"
        )


def test_lexicon_has_every_calendar_and_the_curated_variants() -> None:
    months = generate()["months.tsv"]
    rows = [line.split("\t") for line in months.splitlines() if not line.startswith("#")]
    by_phrase = {(r[0], r[1]): int(r[2]) for r in rows}
    assert by_phrase[(fold("بهمن"), "persian")] == 11
    assert by_phrase[(fold("ذو الحجة"), "islamic")] == 12
    assert by_phrase[(fold("كانون الثاني"), "gregorian")] == 1
    assert by_phrase[(fold("جولای"), "gregorian")] == 7  # supplement
    assert by_phrase[(fold("میزان"), "persian")] == 7  # Dari, supplement
    strict = {r[0] for r in rows if r[4] == "1"}
    assert {fold("مهر"), fold("می"), fold("صفر")} <= strict
