"""Exit codes: 0 all well, 1 some documents failed, 2 the command could not run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khabar.cli import app

runner = CliRunner()


@pytest.fixture
def no_stages(tmp_path: Path) -> Path:
    cfg = tmp_path / "none.toml"
    cfg.write_text("stages = []\n", encoding="utf-8")
    return cfg


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text("وزیر امور خارجه تلفنی گفت‌وگو کرد.", encoding="utf-8")
    (folder / "two.txt").write_text("Protesters gathered outside parliament.", encoding="utf-8")
    return folder


def test_ingest_all_well_is_0_and_rerun_unchanged(tmp_path: Path, inputs: Path, no_stages: Path) -> None:
    db = str(tmp_path / "k.db")
    args = ["ingest", str(inputs), "--db", db, "--config", str(no_stages)]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "2 added, 0 unchanged, 0 failed" in first.stderr
    second = runner.invoke(app, args)
    assert second.exit_code == 0
    assert "0 added, 2 unchanged, 0 failed" in second.stderr
    assert first.stdout == ""  # summaries go to stderr


def test_failed_documents_give_1_and_a_summary_by_reason(
    tmp_path: Path, inputs: Path, no_stages: Path
) -> None:
    (inputs / "blob.txt").write_bytes(bytes(range(256)) * 20)
    (inputs / "blob2.txt").write_bytes(b"\x00\x01\x02" * 500)
    db = str(tmp_path / "k.db")
    result = runner.invoke(app, ["ingest", str(inputs), "--db", db, "--config", str(no_stages)])
    assert result.exit_code == 1
    assert "2 added, 0 unchanged, 2 failed" in result.stderr
    assert "failed, by reason:" in result.stderr
    assert "2  binary file" in result.stderr  # both grouped under one reason
    listed = runner.invoke(app, ["docs", "--db", db, "--failed"])
    assert listed.exit_code == 0
    assert "blob" in listed.stdout and "blob2" in listed.stdout and "one" not in listed.stdout


def test_duplicate_id_gives_1_and_keeps_the_first(tmp_path: Path, no_stages: Path) -> None:
    for name, text in (("a", "First."), ("b", "Second.")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "same.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "k.db")
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "a"), str(tmp_path / "b"), "--db", db,
              "--config", str(no_stages)],
    )
    assert result.exit_code == 1
    assert "1 added" in result.stderr and "duplicate id" in result.stderr
    assert str(tmp_path / "a" / "same.txt") in result.stderr
    assert str(tmp_path / "b" / "same.txt") in result.stderr
    replaced = runner.invoke(
        app, ["ingest", str(tmp_path / "b"), "--db", db, "--replace", "--config", str(no_stages)]
    )
    assert replaced.exit_code == 0 and "1 replaced" in replaced.stderr


def test_usage_errors_give_2(tmp_path: Path, inputs: Path, no_stages: Path) -> None:
    db = str(tmp_path / "k.db")
    missing = runner.invoke(app, ["ingest", str(tmp_path / "nope"), "--db", db])
    assert missing.exit_code == 2
    bad_cfg = tmp_path / "bad.toml"
    bad_cfg.write_text("workers = 0\n", encoding="utf-8")
    config = runner.invoke(app, ["ingest", str(inputs), "--db", db, "--config", str(bad_cfg)])
    assert config.exit_code == 2 and "error:" in config.stderr
    unknown = tmp_path / "unknown.toml"
    unknown.write_text('stages = ["no-such-stage"]\n', encoding="utf-8")
    stage = runner.invoke(app, ["ingest", str(inputs), "--db", db, "--config", str(unknown)])
    assert stage.exit_code == 2 and "no-such-stage" in stage.stderr
    assert runner.invoke(app, ["export", "--db", db, "--what", "nonsense"]).exit_code == 2
    no_db = runner.invoke(app, ["export", "--db", str(tmp_path / "absent.db")])
    assert no_db.exit_code == 2 and "no khabar database" in no_db.stderr
    assert runner.invoke(app, []).exit_code == 2


def test_newer_database_gives_2(tmp_path: Path, inputs: Path, no_stages: Path) -> None:
    db = tmp_path / "k.db"
    assert runner.invoke(
        app, ["ingest", str(inputs), "--db", str(db), "--config", str(no_stages)]
    ).exit_code == 0
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO migrations VALUES ('9000_later.sql', 'x')")
    conn.commit()
    conn.close()
    for args in (["stats", "--db", str(db)],
                 ["ingest", str(inputs), "--db", str(db), "--config", str(no_stages)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2 and "newer khabar" in result.stderr


def test_annotate_exit_code_follows_failures(tmp_path: Path, inputs: Path, no_stages: Path) -> None:
    ok = runner.invoke(app, ["annotate", str(inputs), "--config", str(no_stages)])
    assert ok.exit_code == 0
    (inputs / "blob.txt").write_bytes(b"\x00\x01\x02" * 500)
    bad = runner.invoke(app, ["annotate", str(inputs), "--config", str(no_stages)])
    assert bad.exit_code == 1
    assert len(bad.stdout.splitlines()) == 3  # the failed document is printed too
