"""Migrations are SQL files applied once, recorded by name; a newer database is refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from khabar import open_store
from khabar.errors import MigrationError, StoreError
from khabar.store.migrate import known_migrations


def test_migrations_are_recorded_by_name(tmp_path: Path) -> None:
    names = [name for name, _ in known_migrations()]
    assert names[0] == "0001_init.sql"
    with open_store(tmp_path / "k.db") as store:
        assert store.migrations() == names
    with open_store(tmp_path / "k.db") as store:  # reopening applies nothing again
        assert store.migrations() == names
    conn = sqlite3.connect(tmp_path / "k.db")
    rows = conn.execute("SELECT name, applied_at FROM migrations").fetchall()
    assert [r[0] for r in rows] == names and all(r[1] for r in rows)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_unknown_newer_migration_is_refused(tmp_path: Path) -> None:
    open_store(tmp_path / "k.db").close()
    conn = sqlite3.connect(tmp_path / "k.db")
    conn.execute("INSERT INTO migrations VALUES ('9999_from_the_future.sql', 'x')")
    conn.commit()
    conn.close()
    with pytest.raises(MigrationError, match=r"9999_from_the_future\.sql"):
        open_store(tmp_path / "k.db")
    with pytest.raises(MigrationError):
        open_store(tmp_path / "k.db", readonly=True)


def test_readonly_open_of_a_non_khabar_database_is_refused(tmp_path: Path) -> None:
    sqlite3.connect(tmp_path / "other.db").execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a khabar database"):
        open_store(tmp_path / "other.db", readonly=True)


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    with open_store(tmp_path / "k.db") as store, pytest.raises(sqlite3.IntegrityError):
        store._conn.execute(
            "INSERT INTO spans (doc_id, layer, seq, start, \"end\", label) "
            "VALUES ('nobody', 'x', 0, 0, 1, 'x')"
        )
