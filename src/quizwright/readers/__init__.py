"""Readers for formats other than plain text: each reduces a file's bytes to plain text.

The text a reader returns is what items cite and what `validate` re-derives, so every
reader is deterministic. Text comes out as blocks (a paragraph, a heading, a list item,
a table cell, a slide's text frame) one per line, separated by blank lines, the way the
analysis expects it.

Each format's module is imported only when a file of that format is read: the libraries
behind them (trafilatura, pdfminer.six, python-docx, ebooklib) are slow to import.
"""

from __future__ import annotations

import importlib
from bisect import bisect_right
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import SourceError
from ..matching import sentence_at
from ..models import Document, Item

READERS = {
    ".md": ("markdown", "read_markdown"),
    ".markdown": ("markdown", "read_markdown"),
    ".html": ("html", "read_html"),
    ".htm": ("html", "read_html"),
    ".pdf": ("pdf", "read_pdf"),
    ".docx": ("docx", "read_docx"),
    ".epub": ("epub", "read_epub"),
    ".pptx": ("pptx", "read_pptx"),
}
SUFFIXES = frozenset(READERS)


@dataclass(frozen=True)
class Extracted:
    """A document reduced to text; for a PDF, where each page starts in that text."""

    text: str
    pages: tuple[int, ...] = ()
    """Offset in `text` of each page's (or slide's) first character (page 1 first); empty if not paged."""


def handles(path: Path) -> bool:
    return path.suffix.lower() in READERS


def read(data: bytes, path: Path) -> Extracted:
    """The file's text by its suffix; raises SourceError when the file cannot be read as one."""
    module_name, function_name = READERS[path.suffix.lower()]
    reader = getattr(importlib.import_module(f"{__name__}.{module_name}"), function_name)
    result = reader(data, path)
    extracted = result if isinstance(result, Extracted) else Extracted(result)
    if not extracted.text.strip():
        raise SourceError(f"{path}: no text in this document")
    return extracted


def join_blocks(blocks: list[str]) -> str:
    """Blocks as one text: whitespace inside a block collapsed, one blank line between blocks."""
    cleaned = (" ".join(block.split()) for block in blocks)
    return "\n\n".join(block for block in cleaned if block) + "\n"


def page_at(pages: tuple[int, ...], offset: int) -> int | None:
    """1-based page holding the character at `offset`, or None for a document without pages."""
    return bisect_right(pages, offset) if pages else None


def with_pages(items: list[Item], docs: list[Document]) -> list[Item]:
    """Items of paged documents (PDFs) with the page their sentence starts on."""
    by_id = {doc.id: doc for doc in docs if doc.pages}
    out = []
    for item in items:
        doc = by_id.get(item.source.doc)
        offset = sentence_at(doc.text, item.source.sentence) if doc else -1
        if doc and offset >= 0:
            item = replace(item, source=replace(item.source, page=page_at(doc.pages, offset)))
        out.append(item)
    return out
