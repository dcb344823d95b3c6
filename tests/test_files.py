"""Atomic writes: an interrupted write leaves the old file, backups, permissions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizwright import files as files_module
from quizwright.errors import BankError
from quizwright.files import locked, write_atomic


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
        written = {p.read_text(encoding="utf-8") for p in tmp_path.glob(".*.tmp")}
        assert "new\n" in written  # the new text was complete before anything was renamed
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


# --- backups, links, leftovers ------------------------------------------------------------------


def test_a_link_planted_at_the_backup_path_is_replaced_not_followed(tmp_path):
    victim = tmp_path / "bashrc"
    victim.write_text("alias ls='ls -F'\n", encoding="utf-8")
    path = tmp_path / "bank.yaml"
    path.write_text("old\n", encoding="utf-8")
    (tmp_path / "bank.yaml.bak").symlink_to(victim)
    write_atomic(path, b"new\n", keep_backup=True)
    assert victim.read_text(encoding="utf-8") == "alias ls='ls -F'\n"
    assert not (tmp_path / "bank.yaml.bak").is_symlink()
    assert (tmp_path / "bank.yaml.bak").read_text(encoding="utf-8") == "old\n"


def test_a_bank_that_is_a_link_is_written_through_to_its_target(tmp_path):
    synced = tmp_path / "synced"
    synced.mkdir()
    (synced / "bank.yaml").write_text("old\n", encoding="utf-8")
    path = tmp_path / "bank.yaml"
    path.symlink_to(synced / "bank.yaml")
    write_atomic(path, b"new\n", keep_backup=True)
    assert path.is_symlink()
    assert (synced / "bank.yaml").read_text(encoding="utf-8") == "new\n"
    assert (tmp_path / "bank.yaml.bak").read_text(encoding="utf-8") == "old\n"
    assert leftovers(tmp_path) == leftovers(synced) == []


def test_a_full_disk_while_the_backup_is_written_leaves_the_old_backup_whole(tmp_path, monkeypatch):
    """The backup is a copy written like any other file: whole, or not at all."""
    import io

    path = tmp_path / "bank.yaml"
    path.write_text("two\n", encoding="utf-8")
    (tmp_path / "bank.yaml.bak").write_text("one\n", encoding="utf-8")
    real_open = io.open

    class FullDisk:
        def __init__(self, fh):
            self.fh = fh

        def __getattr__(self, name):
            return getattr(self.fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            if bytes(data) == b"two\n":  # the old bank, on its way to the backup
                raise OSError(28, "No space left on device")
            return self.fh.write(data)

    monkeypatch.setattr(io, "open", lambda *a, **k: FullDisk(real_open(*a, **k)))
    with pytest.raises(OSError, match="No space"):
        write_atomic(path, b"three\n", keep_backup=True)
    monkeypatch.undo()
    assert path.read_text(encoding="utf-8") == "two\n"
    assert (tmp_path / "bank.yaml.bak").read_text(encoding="utf-8") == "one\n"
    assert leftovers(tmp_path) == []


def test_holding_the_lock_removes_what_killed_writes_left_behind(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_text("old\n", encoding="utf-8")
    left = [tmp_path / ".bank.yaml.k2j4h5g6.tmp", tmp_path / ".bank.yaml.bak.a1b2c3d4.tmp"]
    for leftover in left:
        leftover.write_text("half a bank", encoding="utf-8")
    other = tmp_path / ".notes.yaml.a1b2c3d4.tmp"  # another file's write, perhaps still going on
    other.write_text("x", encoding="utf-8")
    with locked(path):
        write_atomic(path, b"new\n", keep_backup=True)
    assert leftovers(tmp_path) == [other.name]


def test_a_lock_held_elsewhere_makes_the_writer_wait_then_give_up_naming_the_holder(tmp_path):
    path = tmp_path / "bank.yaml"
    ready, done = os.pipe(), os.pipe()
    child = os.fork()
    if child == 0:  # the other quizwright: holds the lock until told to stop
        try:
            os.close(ready[0])
            with locked(path):
                os.write(ready[1], b"x")
                os.read(done[0], 1)
        finally:
            os._exit(0)
    os.close(ready[1])  # so that a child that fails ends the read below
    try:
        assert os.read(ready[0], 1) == b"x"
        with pytest.raises(BankError) as refused, locked(path, wait=0.2):
            pass
        assert str(refused.value) == (
            f"{path}: another quizwright (process {child}) is writing this bank; try again when it has finished"
        )
    finally:
        os.write(done[1], b"x")
        os.waitpid(child, 0)
    with locked(path, wait=0), locked(path, wait=0):  # free again; and a holder may take it again
        pass


def test_a_link_where_the_lock_file_goes_is_refused(tmp_path):
    (tmp_path / "bank.yaml.lock").symlink_to(tmp_path / "elsewhere")
    with (
        pytest.raises(BankError, match="a symbolic link where quizwright keeps its lock file; delete it"),
        locked(tmp_path / "bank.yaml"),
    ):
        pass
    assert not (tmp_path / "elsewhere").exists()
