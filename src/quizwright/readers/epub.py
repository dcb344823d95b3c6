"""E-books (.epub) -> text of their chapters in spine (reading) order (ebooklib, lxml)."""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ebooklib
from ebooklib import epub
from lxml import etree, html

from ..errors import SourceError
from . import join_blocks
from .limits import check_archive, limited

BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "td", "th", "figcaption", "pre"}
SKIPPED = {"script", "style", "nav", "head", "aside"}


def read_epub(data: bytes, path: Path) -> str:
    check_archive(data, path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ebooklib announces future defaults
            book = epub.read_epub(io.BytesIO(data), {"ignore_ncx": True})
    except Exception as exc:
        raise SourceError(f"{path}: not a readable EPUB ({exc.__class__.__name__}: {exc})") from None
    blocks = list(limited(_spine_blocks(book), path))
    if not blocks:
        raise SourceError(f"{path}: this EPUB has no chapter text")
    return join_blocks(blocks)


def _spine_blocks(book: Any) -> Iterator[str]:
    """The blocks of every chapter in reading order, one chapter parsed at a time."""
    for idref, linear in book.spine:
        item = book.get_item_with_id(idref)
        if item is None or item.get_type() != ebooklib.ITEM_DOCUMENT or str(linear).lower() == "no":
            continue
        yield from _chapter_blocks(item.get_content())


def _chapter_blocks(content: bytes) -> list[str]:
    """Text of the outermost block elements (paragraphs, headings, list items, cells) of one XHTML chapter."""
    try:
        root = html.document_fromstring(content)
    except (etree.ParserError, ValueError):
        return []
    blocks: list[str] = []
    _collect(root, blocks)
    return blocks


def _collect(element: Any, blocks: list[str]) -> None:
    for child in element:
        if not isinstance(child.tag, str) or child.tag.lower() in SKIPPED:
            continue
        if child.tag.lower() in BLOCKS and not any(
            isinstance(d.tag, str) and d.tag.lower() in BLOCKS for d in child.iterdescendants()
        ):
            blocks.append(child.text_content())
        else:
            _collect(child, blocks)
