"""How much quizwright reads from one source, and the checks that stop a small file that
expands (a zip bomb, a compressed PDF stream) before it costs gigabytes and minutes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import SourceError

BYTES_PER_CHAR = 20
"""Peak memory a character of one reading may take: its bytes, the decoded text and the copies
made of it while reading, and the items it gives. (A long reading is analysed in parts,
books.py, so the analysis itself does not grow with the reading.)"""
MAX_MARKUP_BYTES = 64 * 1024 * 1024
"""Markup parsed for one source: a web page, or the XML and XHTML parts of a Word file or an
e-book, unpacked (markup around a 700-page book's text, with room to spare)."""
MAX_FILE_BYTES = 256 * 1024 * 1024
"""The largest PDF, Word file or e-book quizwright opens, and the most any of them may unpack
to in all (pictures included)."""
MAX_PDF_STREAM_BYTES = 128 * 1024 * 1024
"""What a PDF's compressed streams (page contents, fonts, object streams) may inflate to in all:
pdfminer decodes each stream whole. Pictures are not decoded to read the text."""
MARKUP_SUFFIXES = (".xml", ".xhtml", ".html", ".htm", ".rels", ".opf", ".ncx")


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
    """The longest text quizwright takes from one source: no fixed limit, only the machine's
    free memory now (a reading past it would exhaust the machine rather than fail)."""
    return available_memory() // BYTES_PER_CHAR


def too_long(path: Path, size: int, unit: str, limit: int) -> str:
    return (
        f"{path}: {size:,} {unit} is more than this machine's free memory lets quizwright read from one source "
        f"({limit:,} characters); split it into parts, or free some memory"
    )


def max_bytes(path: Path, chars: int) -> int:
    """The largest file of this kind quizwright reads, when it may take `chars` characters of text."""
    return _fixed_limit(path) or 4 * chars  # plain text and Markdown: more bytes cannot decode to fewer characters


def too_large(path: Path, size: int, chars: int) -> str:
    """Why a file of `size` bytes is refused (max_bytes(path, chars) is less)."""
    fixed = _fixed_limit(path)
    if fixed is None:
        return too_long(path, size, "bytes", chars)
    return f"{path}: {size:,} bytes is more than quizwright reads from one {path.suffix.lower()} file ({fixed:,}); split it into parts"


def _fixed_limit(path: Path) -> int | None:
    """A web page, PDF, Word file or e-book has a limit of its own, whatever the free memory."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return MAX_MARKUP_BYTES
    if suffix in (".pdf", ".docx", ".epub", ".pptx"):
        return MAX_FILE_BYTES
    return None


def check_archive(data: bytes, path: Path) -> None:
    """Refuse a zip (a .docx, an .epub) whose parts unpack to more than quizwright reads, from
    the sizes its directory declares, before anything is unpacked. (Python's zipfile unpacks no
    part beyond its declared size, so a lying directory cannot get past this.)"""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        return  # not a zip: the reader says what it is
    markup = sum(p.file_size for p in parts if p.filename.lower().endswith(MARKUP_SUFFIXES))
    total = sum(p.file_size for p in parts)
    if markup > MAX_MARKUP_BYTES or total > MAX_FILE_BYTES:
        raise SourceError(
            f"{path}: unpacks to {total:,} bytes ({markup:,} of them text and markup), more than quizwright "
            f"reads from one source ({MAX_MARKUP_BYTES:,} of markup, {MAX_FILE_BYTES:,} in all); "
            "split it into chapters (or is it a zip bomb?)"
        )


def limited(blocks: Iterable[str], path: Path) -> Iterator[str]:
    """The blocks, until they hold more than max_chars() characters: then SourceError, before
    the rest of a huge document is extracted."""
    limit, count = max_chars(), 0
    for block in blocks:
        count += len(block)
        if count > limit:
            raise SourceError(too_long(path, count, "characters or more", limit))
        yield block
