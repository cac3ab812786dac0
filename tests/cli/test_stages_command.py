"""``khabar stages`` lists the default pipeline in order with what each stage needs and gives."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from khabar.cli import app
from khabar.settings import load_settings

runner = CliRunner()


def test_stages_lists_the_default_pipeline_in_order() -> None:
    result = runner.invoke(app, ["stages"], terminal_width=200)
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if "│" in line]
    names = [row.split("│")[2].strip() for row in rows]
    default = list(load_settings().stages)
    assert names[: len(default)] == default
    numbers = [row.split("│")[1].strip() for row in rows[: len(default)]]
    assert numbers == [str(i) for i in range(1, len(default) + 1)]


def test_unknown_stage_in_settings_gives_2(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('stages = ["clean", "no-such-stage"]\n', encoding="utf-8")
    result = runner.invoke(app, ["stages", "--config", str(cfg)])
    assert result.exit_code == 2 and "no-such-stage" in result.stderr
