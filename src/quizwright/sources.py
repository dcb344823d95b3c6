"""Source files and folders -> Documents (decoded text and the sha256 of the bytes)."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from . import readers
from .errors import SourceError
from .files import is_bank
from .models import Document
from .readers import limits
from .readers.plain import decode

TEXT_SUFFIXES = {".txt", ".text"} | readers.SUFFIXES
GROWTH_STEP = 1 << 20
CONTROLS = dict.fromkeys([*range(0, 9), *range(14, 32), 127, *range(128, 160)], " ") | {
    0x0B: "\n",
    0x0C: "\n",
    0x85: "\n",
    0x2028: "\n",
    0x2029: "\n",
}
"""Control characters become a space (line and page breaks a newline), one for one, so offsets hold:
they show as nothing or as boxes, and XML (Anki, QTI) cannot carry them at all."""


def find_source_files(paths: list[str | Path]) -> list[Path]:
    """Files named directly, and the text files inside folders (sorted, not recursing into links)."""
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
            if not found:
                raise SourceError(f"{path}: no readings ({', '.join(sorted(TEXT_SUFFIXES))}) in this folder")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        elif path.exists():
            raise SourceError(f"{path}: not a regular file (a pipe or a device?); give a file or a folder")
        elif path.is_symlink():
            raise SourceError(f"{path}: a link that leads nowhere (broken, or a loop)")
        else:
            raise SourceError(f"{path}: no such file or folder")
    return files


def read_document(path: Path) -> Document:
    limit = limits.max_chars()
    try:
        data = read_bytes(path, limit)
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror or exc}); check that you may read it") from None
    if is_bank(data):  # `build r.txt bank.yaml -o bank.yaml` would make the bank a source of itself
        raise SourceError(f"{path}: is a quizwright question bank, not a reading; leave it out of the readings")
    extracted = extract(data, path)
    if len(extracted.text) > limit:
        raise SourceError(limits.too_long(path, len(extracted.text), "characters", limit))
    return Document(
        id=path.stem,
        path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        text=extracted.text,
        pages=extracted.pages,
    )


def read_bytes(path: Path, chars: int | None = None) -> bytes:
    """A reading's bytes, if it is a regular file no larger than its reader takes when it may
    give `chars` characters (limits.max_chars() when None); SourceError if not.

    Opened without waiting (a pipe swapped in after a check must not hang the command), then
    checked on what was opened, then read no further than the limit.
    """
    chars = limits.max_chars() if chars is None else chars
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"{path}: not a regular file (a pipe or a device?)")
        limit = limits.max_bytes(path, chars)
        if info.st_size > limit:
            raise SourceError(limits.too_large(path, info.st_size, chars))
        data = _read_at_most(fh, info.st_size, limit)
    if len(data) > limit:  # it grew while being read
        raise SourceError(limits.too_large(path, len(data), chars))
    return data


def _read_at_most(fh: BinaryIO, size: int, limit: int) -> bytes:
    """The file's bytes, up to one past `limit`: read to its size (a buffer of the limit itself
    would be gigabytes on a large machine), then on in steps if it grew meanwhile."""
    data = fh.read(size + 1)
    while len(data) <= limit:
        more = fh.read(min(GROWTH_STEP, limit + 1 - len(data)))
        if not more:
            break
        data += more
    return data


def extract(data: bytes, path: Path) -> readers.Extracted:
    """The text a file is reduced to, by its suffix: what items cite and what validate re-derives."""
    extracted = readers.read(data, path) if readers.handles(path) else readers.Extracted(decode(data, path))
    return replace(extracted, text=extracted.text.translate(CONTROLS))


def read_documents(paths: list[str | Path]) -> list[Document]:
    docs = [read_document(p) for p in find_source_files(paths)]
    seen: dict[str, str] = {}
    for doc in docs:
        if doc.id in seen:
            raise SourceError(f"two sources share the name '{doc.id}' ({seen[doc.id]} and {doc.path}); rename one")
        seen[doc.id] = doc.path
    return docs


def relative_path(path: str | Path, start: str | Path) -> str:
    """A path as stored in a bank: relative to the bank's folder, with forward slashes."""
    return Path(os.path.relpath(Path(path).resolve(), Path(start).resolve())).as_posix()
