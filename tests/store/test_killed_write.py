"""A write killed mid-way leaves whole batches only; the next run completes the rest."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from khabar import open_store

BATCH = 25
TOTAL = 6_000

WRITER = textwrap.dedent(
    """
    import sys
    from khabar import Document, Span, open_store

    db, total, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])

    def docs():
        for i in range(total):
            d = Document(f"doc{i:06d}", f"Document {i} says something. " * 3)
            for k in range(1 + i % 4):
                d.add("sentences", Span(k, k + 1, "sentence"))
            d.add("events", Span(0, 8, "PROTEST", {"type": "PROTEST", "date": f"2020-01-{1 + i % 28:02d}"}))
            yield d

    with open_store(db) as store:
        report = store.write(docs(), batch_size=batch)
    print(report.summary())
    """
)


def count_documents(db: Path) -> int:
    try:
        conn = sqlite3.connect(db, timeout=1)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def wait_for_documents(db: Path, proc: subprocess.Popen[bytes], at_least: int) -> None:
    deadline = time.monotonic() + 60
    while count_documents(db) < at_least:
        if proc.poll() is not None:
            pytest.fail(f"writer ended before it could be killed: {proc.returncode}")
        if time.monotonic() > deadline:
            pytest.fail("writer made no progress")
        time.sleep(0.02)


def check_consistent(db: Path) -> int:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    docs = conn.execute("SELECT id FROM documents ORDER BY id").fetchall()
    n = len(docs)
    # every visible document has all its spans, its event and its mention
    spans = dict(conn.execute(
        "SELECT doc_id, COUNT(*) FROM spans WHERE layer = 'sentences' GROUP BY doc_id"
    ).fetchall())
    for (doc_id,) in docs:
        i = int(doc_id[3:])
        assert spans.get(doc_id) == 1 + i % 4, doc_id
    assert conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0] == n
    assert conn.execute("SELECT COUNT(*) FROM documents_fts").fetchone()[0] == n
    conn.close()
    return n


@pytest.mark.slow
def test_killed_write_leaves_whole_batches_and_rerun_completes(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-c", WRITER, str(db), str(TOTAL), str(BATCH)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_for_documents(db, proc, 4 * BATCH)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    stored = check_consistent(db)
    assert 0 < stored < TOTAL
    assert stored % BATCH == 0  # no half batch

    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == f"{TOTAL - stored} added, {stored} unchanged, 0 failed"
    assert check_consistent(db) == TOTAL
    with open_store(db, readonly=True) as store:
        assert store.stats()["events"] == 28  # one event per distinct date
