"""``khabar demo`` ingests the bundled sample; the sample keeps the promises it is made for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.cli import SAMPLE_DIR, app

runner = CliRunner()


def test_sample_has_two_texts_per_language() -> None:
    names = sorted(p.name for p in SAMPLE_DIR.glob("*.txt"))
    assert [n[:2] for n in names] == ["ar", "ar", "en", "en", "fa", "fa"]
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SAMPLE_DIR.glob("*.txt")}
    fa = [t for name, t in texts.items() if name.startswith("fa")]
    assert any("ي" in t and "ك" in t for t in fa)  # Persian typed with Arabic yeh and kaf
    assert any("۱۴۰۲" in t and "مهر" in t for t in fa)  # Persian digits, Solar Hijri date
    assert any("Published:" in t for t in texts.values())  # a publication date line


def test_demo_ingests_the_sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "khabar-demo.db").is_file()  # the default database, here
    assert "6 documents" in result.stdout
    stats = runner.invoke(app, ["stats", "--db", "khabar-demo.db", "--json"])
    assert json.loads(stats.stdout)["by_lang"] == {"ar": 2, "en": 2, "fa": 2}
    again = runner.invoke(app, ["demo"])
    assert again.exit_code == 0 and "0 added, 6 unchanged" in again.stderr
