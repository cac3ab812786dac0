"""A reader that closes stdout early (``khabar export | head -1``) stops khabar quietly: no
traceback or message on stderr, exit status 141 (128 + SIGPIPE; see the khabar.cli docstring).

The installed ``khabar`` script runs in a subprocess (``python -m khabar.cli`` when the script
is not installed next to the interpreter; ``python -m khabar`` is not a supported entry point).
The database holds enough events for the output to overflow the pipe, so the writer is still
writing when the reader goes away.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from khabar import Document, Span, open_store
from khabar.cli import EXIT_BROKEN_PIPE

DOCS = 400
FILLER = " The talks went on for hours and covered the border, trade and prisoners." * 12


def khabar_command() -> list[str]:
    script = Path(sys.executable).with_name("khabar")
    return [str(script)] if script.exists() else [sys.executable, "-m", "khabar.cli"]


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Documents with one event each (annotated by hand, no pipeline), about 1 MB of export."""
    db = tmp_path_factory.mktemp("pipe") / "big.db"
    docs = []
    for i in range(DOCS):
        day = (date(2000, 1, 1) + timedelta(days=7 * i)).isoformat()  # not merged
        text = f"Lavrov phoned Mirzoyan on day {i}.{FILLER}"
        doc = Document(id=f"doc-{i:04d}", text=text, published=day)
        doc.lang = "en"
        doc.add("sentences", Span(0, len(text), "sentence", {"lang": "en"}, "test:sentence"))
        doc.add("events", Span(0, len(text), "CONSULT", {
            "type": "CONSULT", "mode": "phone", "date": day,
            "source": [{"name": "Sergey Lavrov", "country": "RUS"}],
            "target": [{"name": "Ararat Mirzoyan", "country": "ARM"}],
            "location": None, "contexts": ["diplomatic"]}, "test:event"))
        docs.append(doc)
    with open_store(db) as store:
        store.write(docs)
    return db


@pytest.mark.parametrize("args", [
    ["export"],
    ["export", "--format", "csv"],
    ["export", "--what", "mentions"],
    ["events", "--json", "--limit", "100000"],
])
def test_closed_stdout_stops_quietly(big_db: Path, args: list[str]) -> None:
    with subprocess.Popen([*khabar_command(), *args, "--db", str(big_db)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()  # the reader takes one line, then goes away
        proc.stdout.close()
        stderr = proc.stderr.read().decode("utf-8", "replace")
        status = proc.wait(timeout=120)
    assert first.strip(), "the first line arrived"
    for bad in ("Traceback", "BrokenPipeError", "Broken pipe", "Exception ignored", "error"):
        assert bad not in stderr, stderr
    assert stderr == "", stderr
    assert status == EXIT_BROKEN_PIPE, (status, stderr)


def test_a_reader_that_reads_everything_sees_exit_0(big_db: Path) -> None:
    done = subprocess.run([*khabar_command(), "export", "--db", str(big_db)],
                          capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == DOCS > 0
    assert len(done.stdout) > 256 * 1024, "the output overflows a pipe"
