"""Writing files so that a failure never leaves half of one, and saying why a write failed.

Every write goes to a temporary file in the target's folder, is flushed to disk (fsync) and
renamed over the target, so a reader sees the old file or the new one, whole. A bank is
written under an exclusive lock (`locked`), so two quizwrights cannot both merge into it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import glob
import os
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import BankError

LOCK_WAIT = 60.0
"""Seconds a writer waits for another to finish with the same bank before giving up."""
_held: dict[str, int] = {}
"""Locks this process holds (a lock file's path -> depth), so that a writer already holding
one can call another that takes it too: flock would make a second descriptor wait for the first."""


def write_atomic(path: str | Path, data: bytes, keep_backup: bool = False) -> None:
    """Write via a temporary file in the same folder, fsync, then rename over the target.

    An interrupted write leaves the old file as it was. With keep_backup (banks are; exports
    and cache entries can be made again):
    - the old file is kept as PATH.bak, written the same way (a whole copy or none), by a
      rename that replaces whatever is at that name: a link there is replaced, never followed;
    - a PATH that is a symbolic link is written through to the file it leads to (a bank kept in
      a synced folder stays where it is), rather than replaced by a file of its own.
    """
    path = Path(path)
    target = through_link(path) if keep_backup else path
    path.parent.mkdir(parents=True, exist_ok=True)
    new = _temporary(target, data, _mode_for(target))
    try:
        if keep_backup:
            _back_up(target, path.with_name(path.name + ".bak"))
        os.replace(new, target)
    except BaseException:
        new.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def through_link(path: Path) -> Path:
    """The file a symbolic link leads to; any other path as it is."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _back_up(target: Path, backup: Path) -> None:
    try:
        old = target.read_bytes()
    except FileNotFoundError:
        return  # nothing to keep the first time
    copy = _temporary(backup, old, _mode_for(target))
    try:
        os.replace(copy, backup)
    except BaseException:
        copy.unlink(missing_ok=True)
        raise


def _temporary(target: Path, data: bytes, mode: int) -> Path:
    """`data` in a new file beside `target`, on disk (fsync'd), with `mode`; removed if that fails."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(name, mode)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def _sync_folder(folder: Path) -> None:
    """Put the rename itself on disk; a folder that cannot be opened (some platforms) only loses that."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def locked(path: str | Path, wait: float | None = None) -> Iterator[None]:
    """Hold BANK.lock, beside the bank (beside the file a link leads to), while the block runs.

    Another quizwright writing the same bank waits up to `wait` seconds (LOCK_WAIT), then gives up with a
    BankError naming the process that holds it. The lock is the kernel's (flock): it goes with
    the process that held it, however that process ended, so a stale lock file never blocks.
    Holding it, the leftovers of writes that were killed before they could clean up (hidden
    temporary copies) are removed.
    """
    path = Path(path)
    target = through_link(path)
    lock = target.with_name(target.name + ".lock")
    key = os.path.abspath(lock)
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        if exc.errno != errno.ELOOP:
            raise
        raise BankError(f"{lock}: a symbolic link where quizwright keeps its lock file; delete it") from None
    try:
        _acquire(fd, path, time.monotonic() + (LOCK_WAIT if wait is None else wait))
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        _remove_leftovers(target, path)
        _held[key] = 1
        try:
            yield
        finally:
            del _held[key]
    finally:
        os.close(fd)  # releases the lock


def _acquire(fd: int, path: Path, deadline: float) -> None:
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                who = f"another quizwright (process {holder})" if holder.isdigit() else "another quizwright"
                raise BankError(f"{path}: {who} is writing this bank; try again when it has finished") from None
            time.sleep(0.05)


def _remove_leftovers(target: Path, path: Path) -> None:
    """Temporary files of this bank and its backup that a killed write left (mkstemp's 8 random characters)."""
    for folder, name in {(target.parent, glob.escape(target.name)), (path.parent, glob.escape(path.name))}:
        for pattern in (f".{name}.????????.tmp", f".{name}.bak.????????.tmp"):
            for leftover in folder.glob(pattern):
                leftover.unlink(missing_ok=True)


BANK_MARK = re.compile(rb"^schema:[ \t]*['\"]?quizwright/\d", re.MULTILINE)
"""The line that makes a file a quizwright bank (whatever the version), at the start of a line."""


def is_bank(data: bytes) -> bool:
    """Whether these bytes (a file's first 64 KB will do) are a quizwright bank."""
    return BANK_MARK.search(data[:65536]) is not None


def holds_a_bank(path: Path) -> bool:
    """Whether a regular file at `path` (or where a link there leads) is a quizwright bank."""
    try:
        if not path.is_file():
            return False
        with path.open("rb") as fh:
            return is_bank(fh.read(65536))
    except OSError:
        return False


def write_problem(path: str | Path, exc: OSError) -> str:
    """Why a file could not be written, in words a teacher can act on."""
    path = Path(path)
    blocker = next((p for p in (path, *path.parents) if p.exists()), None)
    if path.is_dir():
        return f"{path} is a folder; give a file name"
    if blocker is not None and blocker != path and not blocker.is_dir():
        return f"{blocker} is a file, not a folder"
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"no permission to write in {path.parent}"
    return exc.strerror or str(exc)


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or what the umask gives a new file (mkstemp makes 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
