"""PDF -> text in reading order, with where each page starts (pdfminer.six layout analysis).

pdfminer groups characters into lines and lines into text boxes, ordering boxes column by
column. On top of that:
- running headers and footers (lines in the top or bottom tenth of the page that recur at the
  same height on other pages, digits aside) and bare page numbers ("7", "Page 7", "7 of 12")
  in those margins are dropped;
- a box splits where the font size changes, so a heading is not glued to its paragraph;
- a paragraph that continues in the next column or on the next page (the next box starts in
  lower case, or the last line ends in a hyphen) is joined again;
- a word hyphenated across lines is rejoined ("photo-" + "synthesis"), unless the document
  writes the same word with its hyphen elsewhere ("self-" + "ruled" when "self-ruled" occurs).

There is no OCR: a scanned PDF without a text layer is reported, not read.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pdfminer import pdftypes
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from ..errors import SourceError
from . import Extracted, limits

logging.getLogger("pdfminer").setLevel(logging.ERROR)  # it warns about every odd font

MARGIN = 0.1
"""Running headers and footers sit in the top and bottom tenth of the page."""
ROMAN = r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
PAGE_NUMBER = re.compile(rf"^[\W_]*(?:page\s+)?(?:\d+|{ROMAN})(?:\s*(?:of|/)\s*\d+)?[\W_]*$", re.IGNORECASE)
TERMINAL = re.compile(r"""[.!?:;]["')\]\u201d\u2019]*$""")
LINE_HYPHEN = re.compile(r"(\w+)[-\u00ad]$")
COMPOUND = re.compile(r"\b(\w+)-(\w+)\b")
LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"})
DASHES = ("\u2013", "\u2014", "/")


@dataclass(frozen=True)
class Line:
    text: str
    page: int
    """1-based."""
    size: float
    """Font size of its largest character."""
    top: float
    """Distance from the page's top edge to the line's top, as a fraction of the page height."""
    bottom: float
    """Distance from the line's bottom to the page's bottom edge, likewise."""


def read_pdf(data: bytes, path: Path) -> Extracted:
    boxes, page_count = _boxes(data, path)
    if not any(line for box in boxes for line in box):
        raise SourceError(
            f"{path}: this PDF has no text layer (a scan?); quizwright does not do OCR — "
            "run it through an OCR tool first (for example ocrmypdf), then build from the result"
        )
    furniture = _running_lines([line for box in boxes for line in box])
    paragraphs: list[list[Line]] = []
    for box in boxes:
        for part in _split_at_size_changes([line for line in box if line not in furniture]):
            if paragraphs and _continues(paragraphs[-1], part):
                paragraphs[-1].extend(part)
            else:
                paragraphs.append(part)
    compounds = {m.group(0).lower() for box in boxes for line in box for m in COMPOUND.finditer(line.text)}
    return _compose(paragraphs, page_count, compounds)


def _boxes(data: bytes, path: Path) -> tuple[list[list[Line]], int]:
    """Every text box of every page, in pdfminer's reading order, as lines; page by page, until
    the text is longer than quizwright reads (SourceError)."""
    boxes: list[list[Line]] = []
    page_count = chars = 0
    limit = limits.max_chars()
    try:
        with inflating_at_most(limits.MAX_PDF_STREAM_BYTES, path):
            for page_count, page in enumerate(extract_pages(io.BytesIO(data), laparams=LAParams()), start=1):
                height = page.height or 1
                for element in page:
                    if isinstance(element, LTTextBox):
                        boxes.append(
                            [
                                _line(line, page_count, page.y0, height)
                                for line in element
                                if isinstance(line, LTTextLine)
                            ]
                        )
                        chars += sum(len(line.text) + 1 for line in boxes[-1])
                if chars > limit:
                    raise SourceError(limits.too_long(path, chars, "characters or more", limit))
    except SourceError:
        raise
    except PDFPasswordIncorrect:
        raise SourceError(
            f"{path}: the PDF is encrypted and needs a password; save an unprotected copy and build from that"
        ) from None
    except PDFEncryptionError as exc:
        raise SourceError(f"{path}: the PDF is encrypted in a way quizwright cannot open ({exc})") from None
    except Exception as exc:  # pdfminer raises many kinds of errors on damaged files
        raise SourceError(f"{path}: not a readable PDF ({exc.__class__.__name__}); is the file complete?") from None
    return [[line for line in box if line.text] for box in boxes], page_count


@contextlib.contextmanager
def inflating_at_most(budget: int, path: Path) -> Iterator[None]:
    """While the block runs, pdfminer inflates (zlib) no more than `budget` bytes in all: a
    small PDF whose compressed streams expand to gigabytes is refused, not unpacked.

    pdfminer.pdftypes decodes Flate streams with the zlib module it imported; for the block it
    gets this stand-in, which inflates through a budget, and the real one back after.
    """
    left = budget

    def spend(out: bytes) -> bytes:
        nonlocal left
        left -= len(out)
        if left < 0:
            raise SourceError(
                f"{path}: its compressed streams unpack to more than {budget:,} bytes, more than quizwright "
                "reads from one PDF (is it a zip bomb?)"
            )
        return out

    class Counted:
        def __init__(self) -> None:
            self.real = zlib.decompressobj()

        def decompress(self, data: bytes) -> bytes:
            return spend(self.real.decompress(data, max(left, 0) + 1))

    class BudgetedZlib:
        error = zlib.error

        @staticmethod
        def decompressobj() -> Counted:
            return Counted()

        @staticmethod
        def decompress(data: bytes) -> bytes:
            inflater = zlib.decompressobj()
            out = spend(inflater.decompress(data, max(left, 0) + 1))
            if not inflater.eof:  # what zlib.decompress says of a stream cut short
                raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
            return out

    module: Any = pdftypes  # typed as a module whose zlib is the real one: this is the one place it is not
    real, module.zlib = module.zlib, BudgetedZlib
    try:
        yield
    finally:
        module.zlib = real


def _line(line: LTTextLine, page: int, page_y0: float, height: float) -> Line:
    sizes = [char.size for char in line if isinstance(char, LTChar)]
    text = " ".join(line.get_text().translate(LIGATURES).split())
    return Line(
        text=text,
        page=page,
        size=round(max(sizes, default=0.0), 1),
        top=(height - (line.y1 - page_y0)) / height,
        bottom=(line.y0 - page_y0) / height,
    )


def _running_lines(lines: list[Line]) -> set[Line]:
    """Lines in the margins that are page numbers, or recur at the same height on another page (digits aside)."""
    in_margin = [line for line in lines if line.top < MARGIN or line.bottom < MARGIN]
    pages_by_key: dict[tuple[str, float], set[int]] = defaultdict(set)
    for line in in_margin:
        pages_by_key[_furniture_key(line)].add(line.page)
    return {line for line in in_margin if PAGE_NUMBER.match(line.text) or len(pages_by_key[_furniture_key(line)]) > 1}


def _furniture_key(line: Line) -> tuple[str, float]:
    """What a running head keeps from page to page: its words and where it sits ("Chapter 3" at the
    top of one page and "Chapter 4" lower down on another are headings, not furniture)."""
    height = round(line.top, 2) if line.top < MARGIN else -round(line.bottom, 2)
    return re.sub(r"\d+", "#", line.text.lower()), height


def _split_at_size_changes(lines: list[Line]) -> list[list[Line]]:
    parts: list[list[Line]] = []
    for line in lines:
        if parts and abs(parts[-1][-1].size - line.size) < 1:
            parts[-1].append(line)
        else:
            parts.append([line])
    return parts


def _continues(paragraph: list[Line], part: list[Line]) -> bool:
    """The part carries on the paragraph's last sentence (in the next column or on the next page)."""
    last, first = paragraph[-1].text, part[0].text
    if TERMINAL.search(last) or abs(paragraph[-1].size - part[0].size) >= 1:
        return False
    return first[:1].islower() or bool(LINE_HYPHEN.search(last))


def _compose(paragraphs: list[list[Line]], page_count: int, compounds: set[str]) -> Extracted:
    """Paragraphs as one text (a blank line between them), and the offset where each page starts."""
    text = ""
    starts: dict[int, int] = {}
    for paragraph in paragraphs:
        if text:
            text += "\n\n"
        previous = ""
        for line in paragraph:
            if previous:
                text, separator = _join(text, previous, line.text, compounds)
                text += separator
            starts.setdefault(line.page, len(text))
            text += line.text
            previous = line.text
    text += "\n"
    pages: list[int] = []
    for page in range(page_count, 0, -1):  # a page without text starts where the next one does
        pages.append(starts.get(page, pages[-1] if pages else len(text)))
    return Extracted(text, tuple(reversed(pages)))


def _join(text: str, previous: str, following: str, compounds: set[str]) -> tuple[str, str]:
    """The text so far (a line-end hyphen removed if it only split a word) and what goes before the next line."""
    hyphen = LINE_HYPHEN.search(previous)
    if hyphen and following[:1].islower():
        next_word = re.match(r"\w+", following)
        compound = f"{hyphen.group(1)}-{next_word.group(0) if next_word else ''}".lower()
        if previous.endswith("\u00ad") or compound not in compounds:
            return text[:-1], ""
        return text, ""
    if previous.endswith(DASHES):
        return text, ""
    return text, " "
