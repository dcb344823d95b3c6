"""Keeping the on-disk cache (cache.py) to a size: least recently used entries go first.

Every hit marks its entry used by setting the file's access time (explicitly: mount options
such as relatime make the kernel's own access times unreliable); its modification time stays
the time it was written. After a write takes the folder past its cap, the entries used
longest ago are deleted until it is back under 90% of the cap, so that the next few writes do
not each scan the folder again. The cap is QUIZWRIGHT_CACHE_SIZE (bytes, or with a unit:
500MB, 2G), DEFAULT_CAP when unset; 0 means no cap.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from .errors import QuizwrightError

DEFAULT_CAP = 500 * 1000**2
ENVIRONMENT = "QUIZWRIGHT_CACHE_SIZE"
ENTRY_SUFFIX = ".pickle"
"""Every cache entry ends so (cache.py); nothing else in the folder is ever deleted."""
UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "m": 1000**2, "mb": 1000**2, "g": 1000**3, "gb": 1000**3}
SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*")
LOW_WATER = 0.9

_totals: dict[Path, int] = {}
"""Bytes in each cache folder this process has written to: scanned once, then kept up to date."""


class CacheSizeError(QuizwrightError):
    """QUIZWRIGHT_CACHE_SIZE is not a size."""


@dataclass(frozen=True)
class Usage:
    folder: Path
    entries: int
    bytes: int
    cap: int


def parse_size(text: str) -> int:
    """'500MB' -> 500000000; '2G', '750k', '1000' (bytes)."""
    match = SIZE.fullmatch(text)
    if not match or match.group(2).lower() not in UNITS:
        raise CacheSizeError(f"{ENVIRONMENT}={text!r} is not a size; give bytes or a size such as 500MB or 2GB")
    return int(float(match.group(1)) * UNITS[match.group(2).lower()])


def cap() -> int:
    """The cache's cap in bytes (0: none)."""
    given = os.environ.get(ENVIRONMENT, "").strip()
    return parse_size(given) if given else DEFAULT_CAP


def _entries(folder: Path) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as found:
            return [e for e in found if e.name.endswith(ENTRY_SUFFIX) and e.is_file(follow_symlinks=False)]
    except OSError:
        return []


def usage(folder: Path) -> Usage:
    entries = _entries(folder)
    return Usage(folder, len(entries), sum(_size(e) for e in entries), cap())


def used(path: Path) -> None:
    """Mark an entry just read as used now (its access time), keeping its modification time."""
    with contextlib.suppress(OSError):
        os.utime(path, ns=(time.time_ns(), path.stat().st_mtime_ns))


def written(path: Path) -> None:
    """After writing an entry: if its folder is now over the cap, evict the least recently used."""
    limit = cap()
    if not limit:
        return
    folder = path.parent
    try:
        size = path.stat().st_size
    except OSError:
        return
    if folder in _totals:
        _totals[folder] += size
    else:
        _totals[folder] = usage(folder).bytes
    if _totals[folder] > limit:
        _totals[folder] = evict(folder, int(limit * LOW_WATER), keep=path)


def evict(folder: Path, target: int, keep: Path | None = None) -> int:
    """Delete the entries used longest ago until the folder holds at most `target` bytes
    (never `keep`, the entry just written); the bytes left."""
    entries = _entries(folder)
    total = sum(_size(e) for e in entries)
    for entry in sorted(entries, key=_last_used):
        if total <= target:
            break
        if keep is not None and entry.path == str(keep):
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            continue
        total -= _size(entry)
    return total


def clear(folder: Path) -> Usage:
    """Delete every entry; what was deleted."""
    before = usage(folder)
    evict(folder, 0)
    _totals.pop(folder, None)
    return before


def _size(entry: os.DirEntry[str]) -> int:
    try:
        return entry.stat(follow_symlinks=False).st_size
    except OSError:
        return 0


def _last_used(entry: os.DirEntry[str]) -> tuple[int, str]:
    try:
        info = entry.stat(follow_symlinks=False)
    except OSError:
        return (0, entry.name)
    return (max(info.st_atime_ns, info.st_mtime_ns), entry.name)
