"""The folders a bank's readings may be read from when it is checked, beyond its own folder.

A bank names its readings by path, and a bank may come from anyone, so validate (and the
exports and review, which validate first) reads only inside the bank's folder and inside
folders the user vouches for: those named with --readings, and those the user's own builds
read into this bank. The builds' folders are remembered here, in the user's own state folder
(never in the bank, which anyone could have written), keyed by where the bank really is.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import platformdirs

from .files import write_atomic

STORE_NAME = "reading-folders.json"


def store_path() -> Path:
    return platformdirs.user_state_path("quizwright", appauthor=False) / STORE_NAME


def folders_of(readings: Sequence[str | Path]) -> list[str]:
    """The folders readings were read from: a folder named, or the folder a file named is in."""
    found = []
    for reading in readings:
        real = Path(os.path.realpath(reading))
        found.append(str(real if real.is_dir() else real.parent))
    return sorted(set(found))


def remembered(bank_path: str | Path) -> list[Path]:
    """The folders this user's builds read into the bank at bank_path (none if it cannot be told)."""
    folders = _read_store().get(os.path.realpath(bank_path), [])
    return [Path(folder) for folder in folders if isinstance(folder, str)]


def remember(bank_path: str | Path, readings: Sequence[str | Path]) -> None:
    """Note that this user built the bank from these readings; a store that cannot be written
    only means validate will ask for --readings."""
    key = os.path.realpath(bank_path)
    store = _read_store()
    folders = sorted(set(store.get(key, [])) | set(folders_of(readings)))
    if store.get(key) == folders:
        return
    store[key] = folders
    path = store_path()
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_atomic(path, (json.dumps(store, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    except OSError:
        pass


def _read_store() -> dict[str, list[str]]:
    path = store_path()
    try:
        if _writable_by_others(path):
            return {}  # not a list this user alone kept
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, list)}


def _writable_by_others(path: Path) -> bool:
    info = path.stat()
    owner = getattr(os, "geteuid", lambda: info.st_uid)()
    return info.st_uid != owner or bool(info.st_mode & 0o022)
