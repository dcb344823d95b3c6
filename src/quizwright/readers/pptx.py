"""PowerPoint slides (.pptx) -> text, one block per text frame, slide by slide (python-pptx).

Each slide's shapes are read in the order the slide lists them (titles come first in the
layouts PowerPoint and LibreOffice make); a table gives a block per cell and a group its
shapes' blocks. Speaker notes are the teacher's, not the reading's, and are left out. Where
each slide starts is recorded as a PDF's pages are, so each item says which slide it quotes.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pptx import Presentation

from ..errors import SourceError
from . import Extracted, join_blocks
from .limits import check_archive


def read_pptx(data: bytes, path: Path) -> Extracted:
    check_archive(data, path)  # a zip: refused before python-pptx unpacks what it declares too large
    try:
        slides = list(Presentation(io.BytesIO(data)).slides)
    except Exception as exc:  # not a zip, no presentation part, broken XML: all the same to a teacher
        raise SourceError(
            f"{path}: not a readable PowerPoint file (.pptx) ({exc.__class__.__name__}); "
            "open it in PowerPoint or LibreOffice Impress and save it again"
        ) from None
    text = ""
    starts: list[int] = []
    for slide in slides:
        starts.append(len(text))
        block = join_blocks(list(_blocks(slide.shapes)))
        if block.strip():
            text += ("\n" if text else "") + block
    return Extracted(text, tuple(starts))


def _blocks(shapes: Iterable[Any]) -> Iterator[str]:
    """The text of each text frame, each table cell, and the shapes of each group, in order."""
    for shape in shapes:
        if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
            yield " ".join(p.text for p in shape.text_frame.paragraphs)
        elif getattr(shape, "has_table", False) and shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    if not cell.is_spanned:  # a merged cell once, not once per grid cell it covers
                        yield " ".join(p.text for p in cell.text_frame.paragraphs)
        elif hasattr(shape, "shapes"):  # a group
            yield from _blocks(shape.shapes)
