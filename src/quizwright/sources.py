"""Source files and folders -> Documents (decoded text and the sha256 of the bytes)."""

from __future__ import annotations

import hashlib
import os
import warnings
from pathlib import Path

from . import readers
from .errors import SourceError
from .models import Document

TEXT_SUFFIXES = {".txt", ".text"} | readers.SUFFIXES


def find_source_files(paths: list[str | Path]) -> list[Path]:
    """Files named directly, and the text files inside folders (sorted, not recursing into links)."""
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
            if not found:
                raise SourceError(f"{path}: no text files (.txt, .md) in this folder")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise SourceError(f"{path}: no such file or folder")
    return files


def read_document(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot read ({exc.strerror or exc})") from None
    extracted = extract(data, path)
    return Document(
        id=path.stem, path=str(path), sha256=hashlib.sha256(data).hexdigest(), text=extracted.text, pages=extracted.pages
    )


def extract(data: bytes, path: Path) -> readers.Extracted:
    """The text a file is reduced to, by its suffix: what items cite and what validate re-derives."""
    return readers.read(data, path) if readers.handles(path) else readers.Extracted(decode(data, path))


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 with a warning."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    elif b"\x00" in data[:4096]:
        raise SourceError(f"{path}: not a text file (binary data); give quizwright plain text")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            warnings.warn(f"{path}: not UTF-8; read as Windows-1252", stacklevel=2)
            text = data.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(f"{path}: the file is empty")
    return text


def read_documents(paths: list[str | Path]) -> list[Document]:
    docs = [read_document(p) for p in find_source_files(paths)]
    seen: dict[str, str] = {}
    for doc in docs:
        if doc.id in seen:
            raise SourceError(
                f"two sources share the name '{doc.id}' ({seen[doc.id]} and {doc.path}); rename one"
            )
        seen[doc.id] = doc.path
    return docs


def relative_path(path: str | Path, start: str | Path) -> str:
    """A path as stored in a bank: relative to the bank's folder, with forward slashes."""
    return Path(os.path.relpath(Path(path).resolve(), Path(start).resolve())).as_posix()
