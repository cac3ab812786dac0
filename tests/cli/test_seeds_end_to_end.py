"""End to end on ../shared/seeds with the default pipeline: ingest, then export documents."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from khabar.cli import app

runner = CliRunner()


def test_ingest_seeds_then_export_documents(tmp_path: Path, seeds_dir: Path) -> None:
    seeds = seeds_dir  # conftest.shared_path("seeds"): skipped when ../shared is absent
    db = str(tmp_path / "k.db")
    ingested = runner.invoke(app, ["ingest", str(seeds), "--db", db])
    assert ingested.exit_code == 0, ingested.output
    assert "5 added, 0 unchanged, 0 failed" in ingested.stderr
    exported = runner.invoke(app, ["export", "--db", db, "--what", "documents"])
    assert exported.exit_code == 0, exported.output
    docs = [json.loads(line) for line in exported.stdout.splitlines()]
    assert [d["id"] for d in docs] == sorted(p.stem for p in seeds.glob("*.txt"))
    assert [d["lang"] for d in docs] == ["fa", "fa", "fa", "ar", "fa"]
    again = runner.invoke(app, ["ingest", str(seeds), "--db", db])
    assert again.exit_code == 0 and "0 added, 5 unchanged, 0 failed" in again.stderr
