"""Writing files so that a failure never leaves half of one, and saying why a write failed."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, data: bytes, keep_backup: bool = False) -> None:
    """Write via a temporary file in the same folder, fsync, then rename over the target.

    An interrupted write leaves the old file as it was; with keep_backup the old file is
    kept as PATH.bak (banks are; exports and cache entries can be made again).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))
        if keep_backup and path.exists():
            backup = path.with_name(path.name + ".bak")
            backup.write_bytes(path.read_bytes())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
