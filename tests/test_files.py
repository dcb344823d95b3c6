"""Atomic writes: an interrupted write leaves the old file, backups, permissions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizwright import files as files_module
from quizwright.files import write_atomic


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_write_atomic_keeps_the_old_file_as_bak(tmp_path):
    path = tmp_path / "deep" / "bank.yaml"
    write_atomic(path, b"one\n", keep_backup=True)
    assert path.read_text(encoding="utf-8") == "one\n"
    assert not (path.parent / "bank.yaml.bak").exists()  # nothing to back up the first time
    write_atomic(path, "two \u2019\n".encode("utf-8"), keep_backup=True)
    assert path.read_text(encoding="utf-8") == "two \u2019\n"
    assert (path.parent / "bank.yaml.bak").read_text(encoding="utf-8") == "one\n"
    assert leftovers(path.parent) == []


def test_write_atomic_without_backup_writes_no_bak(tmp_path):
    path = tmp_path / "bank.yaml"
    write_atomic(path, b"one\n")
    write_atomic(path, b"two\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank.yaml"]


@pytest.mark.parametrize("error", [OSError("disk full"), KeyboardInterrupt()])
def test_a_failed_write_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch, error):
    path = tmp_path / "bank.yaml"
    path.write_text("old\n", encoding="utf-8")

    def broken_replace(src, dst):
        assert Path(src).read_text(encoding="utf-8") == "new\n"  # the new text was complete
        raise error

    monkeypatch.setattr(files_module.os, "replace", broken_replace)
    with pytest.raises(type(error)):
        write_atomic(path, b"new\n", keep_backup=True)
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []


def test_a_failed_fsync_leaves_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "bank.yaml"
    path.write_text("old\n", encoding="utf-8")
    monkeypatch.setattr(files_module.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError("I/O error")))
    with pytest.raises(OSError, match="I/O error"):
        write_atomic(path, b"new\n", keep_backup=True)
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == []


def test_a_written_file_gets_the_usual_permissions_and_a_replaced_one_keeps_its_own(tmp_path):
    """mkstemp creates 0600 files; a bank or worksheet must not become unreadable to the class share."""
    old = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.yaml"
        write_atomic(fresh, b"one\n", keep_backup=True)
        assert fresh.stat().st_mode & 0o777 == 0o644
        shared = tmp_path / "shared.yaml"
        shared.write_text("old\n")
        shared.chmod(0o664)
        write_atomic(shared, b"new\n", keep_backup=True)
        assert shared.stat().st_mode & 0o777 == 0o664
    finally:
        os.umask(old)
