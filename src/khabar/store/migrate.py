"""Named schema migrations: SQL files in ``store/migrations/``, applied in name order, once.

Each applied migration is recorded by file name in the ``migrations`` table. A database that
records a migration this khabar does not ship was written by a newer khabar and is refused
(:class:`~khabar.errors.MigrationError`) rather than half-understood.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from importlib import resources

from khabar.errors import MigrationError

__all__ = ["applied_migrations", "known_migrations", "migrate"]

_NAME = re.compile(r"^\d{4}_[a-z0-9_]+\.sql$")


def known_migrations() -> list[tuple[str, str]]:
    """``(name, sql)`` of every migration this khabar ships, in the order they apply."""
    folder = resources.files("khabar.store").joinpath("migrations")
    out = []
    for entry in folder.iterdir():
        if _NAME.match(entry.name):
            out.append((entry.name, entry.read_text(encoding="utf-8")))
    return sorted(out)


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
    ).fetchone()
    if not has_table:
        return []
    return [row[0] for row in conn.execute("SELECT name FROM migrations ORDER BY name")]


def pending(conn: sqlite3.Connection, where: str) -> list[tuple[str, str]]:
    """Migrations still to apply; raises if the database knows migrations we do not."""
    known = known_migrations()
    applied = applied_migrations(conn)
    unknown = sorted(set(applied) - {name for name, _ in known})
    if unknown:
        raise MigrationError(
            f"{where} was written by a newer khabar (unknown migrations: {', '.join(unknown)}); "
            "upgrade khabar to open it"
        )
    return [(name, sql) for name, sql in known if name not in set(applied)]


def _statements(sql: str) -> list[str]:
    """Split a script into complete statements (triggers' BEGIN ... END kept whole)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf)
            buf = ""
    if buf.strip() and not all(
        ln.strip().startswith("--") or not ln.strip() for ln in buf.splitlines()
    ):
        out.append(buf)
    return out


def migrate(conn: sqlite3.Connection, where: str) -> list[str]:
    """Apply pending migrations, each in its own transaction. Returns the names applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``). What is pending is decided
    under the write lock, so two processes opening a new database at once do not both migrate.
    """
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    done: list[str] = []
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            todo = pending(conn, where)
            if not todo:
                conn.execute("COMMIT")
                return done
            name, sql = todo[0]
            for statement in _statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                (name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except BaseException as exc:
            conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise MigrationError(f"{where}: migration failed: {exc}") from exc
            raise
        done.append(name)
