"""Source files and folders -> Documents (decoded text and the sha256 of the bytes)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path

from . import readers
from .errors import SourceError
from .models import Document
from .readers.plain import decode

TEXT_SUFFIXES = {".txt", ".text"} | readers.SUFFIXES
BYTES_PER_CHAR = 20
"""Peak memory a character of one reading may take: its bytes, the decoded text and the copies
made of it while reading, and the items it gives. (A long reading is analysed in parts,
books.py, so the analysis itself does not grow with the reading.)"""
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


def available_memory() -> int:
    """Bytes of memory free for this process now (MemAvailable), else 8 GB where that is unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            for line in info:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 8 * 1000**3


def max_chars() -> int:
    """The longest reading this machine can hold now: no fixed limit, only its free memory."""
    return available_memory() // BYTES_PER_CHAR


def read_document(path: Path) -> Document:
    limit = max_chars()
    try:
        # a plain-text file more than 4 bytes a character over the limit cannot decode to less
        if not readers.handles(path) and path.stat().st_size > 4 * limit:
            raise SourceError(too_long(path, path.stat().st_size, "bytes", limit))
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror or exc}); check that you may read it") from None
    extracted = extract(data, path)
    if len(extracted.text) > limit:
        raise SourceError(too_long(path, len(extracted.text), "characters", limit))
    return Document(
        id=path.stem,
        path=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        text=extracted.text,
        pages=extracted.pages,
    )


def too_long(path: Path, size: int, unit: str, limit: int) -> str:
    return (
        f"{path}: {size:,} {unit} is more than this machine's free memory lets quizwright read from one source "
        f"({limit:,} characters); split it into parts, or free some memory"
    )


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
