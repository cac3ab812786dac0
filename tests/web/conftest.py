"""Fixtures of the web tests: one database per session, an API client, a live server, a browser.

The database is built from ../shared/seeds (4 Persian and 1 Arabic document) when ../shared is
present, else from the bundled sample (khabar demo's 6 texts), so the tests run either way;
tests that need the seeds say so with ``needs_seeds``.

Browser tests drive Debian's chromium (never a Playwright download). When /usr/bin/chromium is
missing and we are root, the session installs it with apt-get; when that is impossible the
browser tests fail under CI (CI=true) and are skipped elsewhere, with the reason.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from khabar.cli import SAMPLE_DIR
from khabar.web.queries import Bounds

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# Where the browser tests leave their screenshots (ignored by git).
SCREENSHOTS = Path(os.environ.get("KHABAR_SCREENSHOTS", ROOT / "tests" / "web" / "screenshots"))


@dataclass(frozen=True)
class WebDB:
    path: Path
    kind: str  # "seeds" or "sample"


def _ingest(inputs: Path, db: Path) -> None:
    from khabar import Pipeline, open_store
    from khabar.readers import read_paths
    from khabar.store import ingest

    with open_store(db) as store:
        report = ingest(store, read_paths([str(inputs)]), Pipeline())
    assert report.ok, report.summary()


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> WebDB:
    seeds = SHARED / "seeds"
    kind = "seeds" if seeds.is_dir() else "sample"
    db = tmp_path_factory.mktemp("web") / f"{kind}.db"
    _ingest(seeds if kind == "seeds" else SAMPLE_DIR, db)
    return WebDB(db, kind)


@pytest.fixture
def needs_seeds(web_db: WebDB) -> WebDB:
    if web_db.kind != "seeds":
        pytest.skip(f"{SHARED / 'seeds'} is not available (../shared is absent)")
    return web_db


@pytest.fixture(scope="session")
def app(web_db: WebDB) -> Any:
    from khabar.web import create_app

    return create_app(web_db.path)


@pytest.fixture(scope="session")
def client(app: Any) -> Iterator[Any]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from fastapi.testclient import TestClient
    with TestClient(app) as c:
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def live_server(app: Any) -> Iterator[str]:
    """The app served by uvicorn in a thread on a free localhost port."""
    yield from _serve(app)


@pytest.fixture(scope="session")
def stories_db(web_db: WebDB, tmp_path_factory: pytest.TempPathFactory) -> WebDB:
    """A copy of the database with its stories built (``khabar.stories.build_stories``); the
    web itself never builds them."""
    from khabar import open_store
    from khabar.stories import build_stories

    db = tmp_path_factory.mktemp("stories") / f"{web_db.kind}-stories.db"
    shutil.copy(web_db.path, db)
    with open_store(db) as store:
        report = build_stories(store)
    assert report.documents > 0, report.summary()
    return WebDB(db, web_db.kind)


@pytest.fixture(scope="session")
def stories_app(stories_db: WebDB) -> Any:
    from khabar.web import create_app

    return create_app(stories_db.path)


@pytest.fixture(scope="session")
def stories_client(stories_app: Any) -> Iterator[Any]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from fastapi.testclient import TestClient
    with TestClient(stories_app) as c:
        yield c


@pytest.fixture(scope="session")
def stories_server(stories_app: Any) -> Iterator[str]:
    yield from _serve(stories_app)


def _serve(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a thread on a free localhost port; yield its URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"browser tests cannot run under CI: {reason}")
    pytest.skip(reason)


def _install_chromium() -> str | None:
    """Install Debian's chromium when missing; the reason it is still missing, else None."""
    if CHROMIUM.exists():
        return None
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return f"{CHROMIUM} is missing and we are not root (run: apt-get install -y chromium)"
    apt = shutil.which("apt-get")
    if apt is None:
        return f"{CHROMIUM} is missing and apt-get is not available"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    log: list[str] = []
    for command in ([apt, "install", "-y", "chromium"], [apt, "update"],
                    [apt, "install", "-y", "chromium"]):
        if command[1] == "update" and CHROMIUM.exists():
            break
        try:
            done = subprocess.run(command, capture_output=True, text=True, env=env,
                                  timeout=1200, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            log.append(f"{' '.join(command)}: {exc}")
            continue
        log.append(f"{' '.join(command)}: exit {done.returncode} {done.stderr[-300:]}")
    if CHROMIUM.exists():
        return None
    return f"apt-get could not install chromium: {' | '.join(log)}"


@pytest.fixture(scope="session")
def chromium() -> Path:
    reason = _install_chromium()
    if reason:
        _unavailable(reason)
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:  # pragma: no cover - playwright is a test dependency
        _unavailable(f"playwright is not installed: {exc}")
    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        except Exception as exc:
            _unavailable(f"chromium would not start: {exc}")
        yield b
        b.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots of the web pages: {SCREENSHOTS}")
    return SCREENSHOTS


@pytest.fixture
def tiny_budget_app(web_db: WebDB) -> Any:
    from khabar.web import create_app

    return create_app(web_db.path, bounds=Bounds(budget=0.0))
