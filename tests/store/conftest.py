"""A seed database built once per test session (the seeds take ~15 s to ingest)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.conftest import shared_path
from typer.testing import CliRunner

from khabar.cli import app


@pytest.fixture(scope="session")
def seeds_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed documents ingested with the default pipeline (do not write to it)."""
    seeds = shared_path("seeds")
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    result = CliRunner().invoke(app, ["ingest", str(seeds), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def seeds_db(seeds_db_template: Path, tmp_path: Path) -> Path:
    """A private copy of the seed database."""
    db = tmp_path / "seeds.db"
    shutil.copy(seeds_db_template, db)
    return db
