"""How much quizwright reads from one source, and the checks that stop a small file that
expands (a zip bomb, a compressed PDF stream) before it costs gigabytes and minutes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import SourceError

MAX_CHARS = 2_000_000
"""Text quizwright analyses from one source (a 700-page book); analysis holds every sentence's
tokens in memory, so a larger source is refused rather than left to exhaust the machine."""
MAX_TEXT_BYTES = 4 * MAX_CHARS
"""A plain-text or Markdown file larger than this cannot decode to MAX_CHARS or fewer."""
MAX_MARKUP_BYTES = 64 * 1024 * 1024
"""Markup parsed for one source: a web page, or the XML and XHTML parts of a Word file or an
e-book, unpacked (markup around 2,000,000 characters of text, with room to spare)."""
MAX_FILE_BYTES = 256 * 1024 * 1024
"""The largest PDF, Word file or e-book quizwright opens, and the most any of them may unpack
to in all (pictures included)."""
MAX_PDF_STREAM_BYTES = 128 * 1024 * 1024
"""What a PDF's compressed streams (page contents, fonts, object streams) may inflate to in all:
pdfminer decodes each stream whole. Pictures are not decoded to read the text."""
MARKUP_SUFFIXES = (".xml", ".xhtml", ".html", ".htm", ".rels", ".opf", ".ncx")


def too_long(path: Path, size: int, unit: str) -> str:
    return (
        f"{path}: {size:,} {unit} is more than quizwright reads from one source ({MAX_CHARS:,} characters); "
        "split it into chapters"
    )


def max_bytes(path: Path) -> int:
    """The largest file of this kind quizwright reads."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return MAX_MARKUP_BYTES
    if suffix in (".pdf", ".docx", ".epub"):
        return MAX_FILE_BYTES
    return MAX_TEXT_BYTES  # plain text and Markdown, and any other suffix (read as plain text)


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
    """The blocks, until they hold more than MAX_CHARS characters: then SourceError, before the
    rest of a huge document is extracted."""
    count = 0
    for block in blocks:
        count += len(block)
        if count > MAX_CHARS:
            raise SourceError(too_long(path, count, "characters or more"))
        yield block
