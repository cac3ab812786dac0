"""Directories, glob patterns and stdin; failures never raise out of read_paths."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from khabar.readers import read_paths

TEXT = "Protesters gathered outside parliament to demand new elections."


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "2.txt").write_text(TEXT)
    (tmp_path / "a" / "deep" / "1.txt").write_text(TEXT)
    (tmp_path / "a" / "0.txt").write_text(TEXT)
    (tmp_path / "z.jsonl").write_text(json.dumps({"id": "rec", "text": TEXT}) + "\n")
    (tmp_path / ".hidden" / "x.txt").write_text(TEXT)
    (tmp_path / ".dotfile.txt").write_text(TEXT)
    return tmp_path


def test_directory_is_walked_recursively_and_sorted(tree: Path) -> None:
    docs = list(read_paths([tree]))
    assert [d.id for d in docs] == ["0", "1", "2", "rec"]
    assert all(d.ok and d.meta["path"] for d in docs)
    assert docs == list(read_paths([str(tree)]))  # deterministic


def test_glob_patterns(tree: Path) -> None:
    assert [d.id for d in read_paths([str(tree / "**" / "*.txt")])] == ["0", "1", "2"]
    assert [d.id for d in read_paths([str(tree / "*.jsonl")])] == ["rec"]


def test_missing_inputs_become_failed_documents_and_the_batch_goes_on(tree: Path) -> None:
    docs = list(read_paths([tree / "nope.txt", str(tree / "*.xml"), tree / "b"]))
    assert [d.ok for d in docs] == [False, False, True]
    assert "no such file" in (docs[0].reason or "")
    assert "no file matches" in (docs[1].reason or "")
    assert docs[0].meta["path"] and docs[1].meta["path"]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_json_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": f"s{i}", "text": TEXT}) for i in range(3)]
    _stdin(monkeypatch, ("\n" + "\n".join(lines[:2]) + "\n{oops\n" + lines[2] + "\n").encode())
    docs = list(read_paths(["-"]))
    assert [d.id for d in docs if d.ok] == ["s0", "s1", "s2"]
    [bad] = [d for d in docs if not d.ok]
    assert bad.meta == {"path": "-", "line": 4}


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n" + TEXT + "\r\n{not json}\n"
    _stdin(monkeypatch, text.encode("utf-8"))
    [doc] = list(read_paths(["-"]))
    assert doc.ok and doc.id == "stdin" and doc.text == text and doc.meta["path"] == "-"
