"""``khabar ingest`` killed mid-way: the database stays consistent and a re-run completes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from khabar import open_store

TOTAL = 1500
BATCH = 20


def count(db: Path) -> int:
    try:
        conn = sqlite3.connect(db, timeout=1)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_killed_ingest_then_rerun(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(TOTAL):
        (folder / f"n{i:05d}.txt").write_text(
            f"خبر شماره {i}: وزیر خارجه امروز سخن گفت.\nNews item {i}.", encoding="utf-8"
        )
    cfg = tmp_path / "cfg.toml"
    cfg.write_text(f"stages = []\nstore_batch_size = {BATCH}\n", encoding="utf-8")
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "khabar.cli", "ingest", str(folder), "--db", str(db),
           "--config", str(cfg)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while count(db) < 3 * BATCH:
        assert proc.poll() is None, "ingest finished before it could be killed"
        assert time.monotonic() < deadline, "ingest made no progress"
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    stored = count(db)
    assert 0 < stored < TOTAL and stored % BATCH == 0

    rerun = subprocess.run(cmd, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{TOTAL - stored} added, {stored} unchanged, 0 failed" in rerun.stderr
    with open_store(db, readonly=True) as store:
        assert len(store) == TOTAL
        assert len(store.search("وزير خارجه")) == 20  # folded search over all of them
