"""A bank as printable worksheets (PDF): forms A, B, ... each with its answer key.

forms.py orders each form's questions and options, worksheet.py says what the pages hold,
this module renders them to PDF files (fonts.py: which font prints which character).
"""

from __future__ import annotations

import functools
import io
import warnings
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, SimpleDocTemplate

from ..errors import ExportError, MissingGlyphsWarning
from ..models import Bank, Item
from . import ExportResult, letter, require_items, write_output
from .fonts import FontSet, load_fonts
from .forms import Form, make_form
from .options import ANSWER_KEYS, PAPER_SIZES, PdfOptions
from .worksheet import Story, answer_key, make_styles, worksheet

PAPERS = dict(zip(PAPER_SIZES, (A4, LETTER), strict=True))
MARGIN = 18 * mm


def export_pdf(bank: Bank, output: str | Path, options: PdfOptions = PdfOptions()) -> ExportResult:
    """Write the worksheet(s) and answer key(s) for the bank's exportable items."""
    check_options(options)
    items = require_items(bank, options)
    fonts = load_fonts(options.font)
    # Build every file before writing any, so a bad item leaves no half-written set of forms.
    forms = make_forms(items, options)
    files = [f for form in forms for f in form_files(bank, form, Path(output), fonts, options)]
    for path, data in files:
        write_output(path, data)
    for message in fonts.warnings():
        warnings.warn(message, MissingGlyphsWarning, stacklevel=2)
    roles = tuple(role for form in forms for role in form_roles(form, options))
    return ExportResult(paths=tuple(p for p, _ in files), items=len(items), roles=roles)


def check_options(options: PdfOptions) -> None:
    if options.key not in ANSWER_KEYS:
        raise ExportError(f"unknown answer-key mode {options.key!r}; use one of {', '.join(ANSWER_KEYS)}")
    if options.paper not in PAPERS:
        raise ExportError(f"unknown paper size {options.paper!r}; use one of {', '.join(PAPERS)}")
    if not 1 <= options.versions <= 26:
        raise ExportError(f"a PDF export has 1 to 26 versions (forms A to Z), not {options.versions}")


def make_forms(items: tuple[Item, ...], options: PdfOptions) -> list[Form]:
    if options.versions == 1 and options.seed is None:
        return [make_form(items, "", salt="")]  # bank order, and the same option letters as the Anki deck
    labels = [letter(i) for i in range(options.versions)] if options.versions > 1 else [""]
    return [make_form(items, label, salt=f"{options.seed or 0}:{label}") for label in labels]


def form_path(output: Path, label: str, key: bool = False) -> Path:
    stem = output.stem + (f"-{label}" if label else "") + ("-key" if key else "")
    return output.with_name(stem + (output.suffix or ".pdf"))


def form_roles(form: Form, options: PdfOptions) -> list[str]:
    """What each of a form's files is, for the teacher: which to hand out, which to keep."""
    form_ = f"Form {form.label} " if form.label else ""
    if options.key == "append":
        return [f"{form_}worksheet with its answer key on the last pages: take them off before copying"]
    sheet = f"{form_}worksheet, for students"
    return [sheet, f"{form_}answer key: keep it from students"] if options.key == "separate" else [sheet]


def form_files(bank: Bank, form: Form, output: Path, fonts: FontSet, options: PdfOptions) -> list[tuple[Path, bytes]]:
    """The worksheet of one form, and its key if that goes in a file of its own."""
    styles = make_styles(fonts)
    story = worksheet(bank, form, fonts, styles, options.word_bank)
    if options.key == "append":
        story += [PageBreak(), *answer_key(bank, form, fonts, styles)]
    files = [(form_path(output, form.label), render(story, bank, form, fonts, options.paper))]
    if options.key == "separate":
        key = render(answer_key(bank, form, fonts, styles), bank, form, fonts, options.paper)
        files.append((form_path(output, form.label, key=True), key))
    return files


def render(story: Story, bank: Bank, form: Form, fonts: FontSet, paper: str) -> bytes:
    """The PDF bytes; invariant=1 fixes the creation date and document id, so builds repeat exactly."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=PAPERS[paper],
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6 * mm,
        title=bank.title + (f" (Form {form.label})" if form.label else ""),
        author="quizwright",
        creator="quizwright",
        invariant=1,
        # else the canvas starts every page in Helvetica, a font the PDF would name but not embed
        initialFontName=fonts.regular,
    )
    footer = f"Form {form.label}" if form.label else ""
    canvasmaker = functools.partial(NumberedCanvas, footer_font=fonts.regular, footer_label=footer)
    doc.build(story, canvasmaker=canvasmaker)
    return buffer.getvalue()


class NumberedCanvas(canvas.Canvas):  # type: ignore[misc]  # reportlab ships no types: the base is Any
    """Holds every page back until the end, so each can say "Page n of m"."""

    def __init__(self, *args: Any, footer_font: str, footer_label: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self._footer = (footer_font, footer_label)

    def showPage(self) -> None:  # noqa: N802  (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for state in self._pages:
            self.__dict__.update(state)
            self.draw_footer(len(self._pages))
            super().showPage()
        super().save()

    def draw_footer(self, total: int) -> None:
        font, label = self._footer
        width = self._pagesize[0]
        self.setFont(font, 9)
        self.setFillColor(colors.dimgrey)
        self.drawCentredString(width / 2, MARGIN - 2 * mm, f"Page {self._pageNumber} of {total}")
        if label:
            self.drawRightString(width - MARGIN, MARGIN - 2 * mm, label)
