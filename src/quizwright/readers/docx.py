"""Word documents (.docx) -> text of paragraphs and headings, and of table cells, in document order (python-docx)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docx import Document as open_docx  # noqa: N813  (a function that opens a file, despite its name)
from docx.table import Table
from docx.text.paragraph import Paragraph

from ..errors import SourceError
from . import join_blocks
from .limits import check_archive, limited


def read_docx(data: bytes, path: Path) -> str:
    check_archive(data, path)
    try:
        document = open_docx(io.BytesIO(data))
    except Exception as exc:  # not a zip, a zip without Word parts, broken XML: all the same to a teacher
        raise SourceError(
            f"{path}: not a readable Word document (.docx) ({exc.__class__.__name__}); "
            "open it in Word or LibreOffice and save it again"
        ) from None
    return join_blocks(list(limited(_blocks(document), path)))


def _blocks(container: Any) -> Iterator[str]:
    """Paragraph texts, and each table cell's paragraphs, in the order they appear."""
    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block.text
        elif isinstance(block, Table):
            yield from _table_blocks(block)


def _table_blocks(table: Table) -> Iterator[str]:
    seen: set[object] = set()  # holds the cell elements themselves, so they stay alive and compare by identity
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:  # a merged cell is listed once per grid column it spans
                continue
            seen.add(cell._tc)
            yield from _blocks(cell)
