"""A bank as printable worksheets (PDF): forms A, B, ... each with its answer key."""

from __future__ import annotations

import functools
import io
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    Indenter,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ..errors import ExportError, MissingGlyphsWarning
from ..matching import Deletion
from ..models import Bank, Item
from ..seeding import seeded_rng
from . import ExportOptions, ExportResult, cloze_parts, letter, require_items, setting, shuffled_options, write_output
from .fonts import FontSet, load_fonts

PAPERS = {"a4": A4, "letter": LETTER}
Story = list[Any]
"""reportlab flowables (Paragraph, Table, Spacer, ...), which carry no types."""
Styles = dict[str, ParagraphStyle]
KEYS = ("append", "separate", "none")
WRITING_LINE = "_" * 16
"""A cloze's gap on paper: long enough to write the answer on."""
MARGIN = 18 * mm
OPTIONS_WIDTH = 160 * mm  # fits A4 and Letter inside the margins, after the options' indent
SHORT_OPTION, MEDIUM_OPTION = 14, 30  # characters: four options to a row, or two
INSTRUCTIONS = (
    "Read each question carefully. In Part 1, circle the letter of the best answer. "
    "In Part 2, write the missing word or words on each line."
)


@dataclass(frozen=True)
class PdfOptions(ExportOptions):
    word_bank: bool = setting(False, "Print the fill-in answers, shuffled, in a box.")
    key: str = setting("append", "Answer key: after the worksheet, in NAME-key.pdf, or none.", choices=KEYS)
    """append: the key follows the worksheet; separate: NAME-key.pdf; none: no key."""
    versions: int = setting(1, "Forms A, B, ... with questions and options shuffled.", minimum=1, maximum=26)
    seed: int | None = setting(None, "Seed for the shuffles; same bank and seed, same forms.")
    paper: str = setting("a4", "Paper size.", choices=tuple(PAPERS))
    font: str | Path | None = setting(None, "A TrueType (.ttf) font to print with.")


@dataclass(frozen=True)
class Question:
    number: int
    item: Item
    options: tuple[str, ...] = ()
    correct: int = 0


@dataclass(frozen=True)
class Form:
    label: str
    """"A", "B", ...; empty when there is a single version."""
    mcqs: tuple[Question, ...]
    clozes: tuple[Question, ...]
    salt: str

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.mcqs + self.clozes


def export_pdf(bank: Bank, output: str | Path, options: PdfOptions = PdfOptions()) -> ExportResult:
    """Write the worksheet(s) and answer key(s) for the bank's exportable items."""
    check_options(options)
    items = require_items(bank, options.approved_only)
    fonts = load_fonts(options.font)
    # Build every file before writing any, so a bad item leaves no half-written set of forms.
    files = [f for form in make_forms(items, options) for f in form_files(bank, form, Path(output), fonts, options)]
    for path, data in files:
        write_output(path, data)
    for message in fonts.warnings():
        warnings.warn(message, MissingGlyphsWarning, stacklevel=2)
    return ExportResult(paths=tuple(p for p, _ in files), items=len(items))


def check_options(options: PdfOptions) -> None:
    if options.key not in KEYS:
        raise ExportError(f"unknown answer-key mode {options.key!r}; use one of {', '.join(KEYS)}")
    if options.paper not in PAPERS:
        raise ExportError(f"unknown paper size {options.paper!r}; use one of {', '.join(PAPERS)}")
    if not 1 <= options.versions <= 26:
        raise ExportError(f"a PDF export has 1 to 26 versions (forms A to Z), not {options.versions}")


def make_forms(items: tuple[Item, ...], options: PdfOptions) -> list[Form]:
    if options.versions == 1 and options.seed is None:
        return [make_form(items, "", salt="")]  # bank order, and the same option letters as the Anki deck
    labels = [letter(i) for i in range(options.versions)] if options.versions > 1 else [""]
    return [make_form(items, label, salt=f"{options.seed or 0}:{label}") for label in labels]


def make_form(items: tuple[Item, ...], label: str, salt: str) -> Form:
    mcqs = [i for i in items if i.is_mcq]
    clozes = [i for i in items if not i.is_mcq]
    if salt:
        seeded_rng("question order", salt).shuffle(mcqs)
        seeded_rng("question order", salt).shuffle(clozes)
    numbered = []
    for number, item in enumerate(mcqs, start=1):
        shuffled, correct = shuffled_options(item, salt)
        numbered.append(Question(number, item, shuffled, correct))
    gaps = tuple(Question(number, item) for number, item in enumerate(clozes, start=len(mcqs) + 1))
    return Form(label, tuple(numbered), gaps, salt)


def form_path(output: Path, label: str, key: bool = False) -> Path:
    stem = output.stem + (f"-{label}" if label else "") + ("-key" if key else "")
    return output.with_name(stem + (output.suffix or ".pdf"))


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
    )
    footer = f"Form {form.label}" if form.label else ""
    doc.build(story, canvasmaker=functools.partial(NumberedCanvas, footer_font=fonts.regular, footer_label=footer))
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


def make_styles(fonts: FontSet) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName=fonts.regular,
        bulletFontName=fonts.regular,
        fontSize=11,
        bulletFontSize=11,
        leading=14.5,
        spaceAfter=4,
    )
    return {
        "body": body,
        "title": ParagraphStyle("title", body, fontName=fonts.bold, fontSize=18, leading=22, spaceAfter=6),
        "heading": ParagraphStyle(
            "heading", body, fontName=fonts.bold, fontSize=13, leading=16, spaceBefore=10, spaceAfter=6, keepWithNext=1
        ),
        "question": ParagraphStyle(
            "question", body, leftIndent=22, bulletIndent=0, bulletFontName=fonts.bold, spaceAfter=2
        ),
        "option": ParagraphStyle("option", body, leftIndent=44, bulletIndent=24, spaceAfter=1),
        "option_cell": ParagraphStyle("option_cell", body, leftIndent=20, bulletIndent=0, spaceAfter=0),
        "cloze": ParagraphStyle(
            "cloze", body, leftIndent=22, bulletIndent=0, bulletFontName=fonts.bold, leading=20, spaceAfter=8
        ),
        "cell": ParagraphStyle("cell", body, spaceAfter=0),
        "small": ParagraphStyle("small", body, fontSize=8, leading=10, spaceAfter=0, textColor=colors.dimgrey),
    }


def worksheet(bank: Bank, form: Form, fonts: FontSet, styles: Styles, word_bank: bool) -> Story:
    story = [Paragraph(fonts.markup(bank.title, bold=True), styles["title"])]
    if form.label:
        story.append(Paragraph(f"Form {form.label}", styles["heading"]))
    story += [student_lines(fonts, styles), Spacer(1, 4 * mm)]
    story.append(Paragraph(INSTRUCTIONS, styles["body"]))
    if form.mcqs:
        story.append(Paragraph("Part 1 · Multiple choice", styles["heading"]))
        story += [mcq_block(q, fonts, styles) for q in form.mcqs]
    if form.clozes:
        heading = Paragraph("Part 2 · Fill in the blanks", styles["heading"])
        if word_bank:
            heading = KeepTogether([heading, word_bank_box(form, fonts, styles), Spacer(1, 4 * mm)])
        story.append(heading)
        story += [
            Paragraph(cloze_markup(q.item, fonts), styles["cloze"], bulletText=f"{q.number}.") for q in form.clozes
        ]
    return story


def student_lines(fonts: FontSet, styles: Styles) -> Table:
    cells = [[Paragraph(label, styles["body"]), ""] for label in ("Name", "Class", "Date")]
    table = Table(
        [[cell for pair in cells for cell in pair]], colWidths=[14 * mm, 62 * mm, 14 * mm, 30 * mm, 12 * mm, 32 * mm]
    )
    underline = [("LINEBELOW", (col, 0), (col, 0), 0.6, colors.black) for col in (1, 3, 5)]
    table.setStyle(
        TableStyle(
            [
                *underline,
                *cell_font(fonts),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    table.hAlign = "LEFT"
    return table


def cell_font(fonts: FontSet) -> list[tuple[Any, ...]]:
    """Plain-string (empty) cells would otherwise pull in Helvetica."""
    return [("FONTNAME", (0, 0), (-1, -1), fonts.regular)]


def mcq_block(question: Question, fonts: FontSet, styles: Styles) -> KeepTogether:
    """The question and its options: never split across pages; short options side by side."""
    parts: Story = [
        Paragraph(fonts.markup(question.item.question or ""), styles["question"], bulletText=f"{question.number}.")
    ]
    options = [
        Paragraph(fonts.markup(o), styles["option_cell"], bulletText=f"{letter(i)}.")
        for i, o in enumerate(question.options)
    ]
    longest = max((len(o) for o in question.options), default=0)
    per_row = 4 if longest <= SHORT_OPTION else 2 if longest <= MEDIUM_OPTION else 1
    if per_row == 1:
        parts += [
            Paragraph(fonts.markup(o), styles["option"], bulletText=f"{letter(i)}.")
            for i, o in enumerate(question.options)
        ]
    else:
        rows = [options[i : i + per_row] for i in range(0, len(options), per_row)]
        rows[-1] += [""] * (per_row - len(rows[-1]))
        table = Table(rows, colWidths=[OPTIONS_WIDTH / per_row] * per_row, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    *cell_font(fonts),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        parts.append(Indenter(left=24))
        parts.append(table)
        parts.append(Indenter(left=-24))
    return KeepTogether([*parts, Spacer(1, 3 * mm)])


def cloze_markup(item: Item, fonts: FontSet) -> str:
    """The cloze text with each deletion as a fixed-length blank (and its hint, if any)."""
    out = []
    for part in cloze_parts(item):
        if isinstance(part, Deletion):
            out.append(WRITING_LINE + (f" ({fonts.markup(part.hint)})" if part.hint else ""))
        else:
            out.append(fonts.markup(part))
    return "".join(out)


def cloze_answers(item: Item) -> list[str]:
    return [p.answer for p in cloze_parts(item) if isinstance(p, Deletion)]


def word_bank_box(form: Form, fonts: FontSet, styles: Styles) -> Table:
    words = [answer for q in form.clozes for answer in cloze_answers(q.item)]
    seeded_rng("word bank", form.salt, *words).shuffle(words)
    cells = [Paragraph(fonts.markup(w), styles["cell"]) for w in words]
    rows = [cells[i : i + 4] + [""] * (4 - len(cells[i : i + 4])) for i in range(0, len(cells), 4)]
    heading = [Paragraph("<b>Word bank</b>", ParagraphStyle("wb", styles["cell"], fontName=fonts.bold)), "", "", ""]
    table = Table([heading, *rows], colWidths=[43 * mm] * 4)
    box = [("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("SPAN", (0, 0), (-1, 0)), ("TOPPADDING", (0, 0), (-1, -1), 4)]
    table.setStyle(TableStyle([*box, *cell_font(fonts)]))
    return table


KEY_ROWS_PER_TABLE = 25
"""The key is a stack of tables this long that reads as one: reportlab measures a table's rows
in time quadratic in their number, so one table for a 20,000-item key took minutes."""


def answer_key(bank: Bank, form: Form, fonts: FontSet, styles: Styles) -> Story:
    heading = "Answer key" + (f" — Form {form.label}" if form.label else "")
    story = [
        Paragraph(heading, styles["title"]),
        Paragraph(fonts.markup(bank.title), styles["body"]),
        Spacer(1, 3 * mm),
    ]
    header = [
        Paragraph("<b>No.</b>", styles["cell"]),
        Paragraph("<b>Answer</b>", styles["cell"]),
        Paragraph("<b>Source sentence</b>", styles["cell"]),
    ]
    rows = [
        [
            Paragraph(f"{q.number}.", styles["cell"]),
            Paragraph(key_answer(q, fonts), styles["cell"]),
            Paragraph(fonts.markup(q.item.source.sentence), styles["small"]),
        ]
        for q in form.questions
    ]
    chunks = [[header, *rows[:KEY_ROWS_PER_TABLE]]] + [
        rows[i : i + KEY_ROWS_PER_TABLE] for i in range(KEY_ROWS_PER_TABLE, len(rows), KEY_ROWS_PER_TABLE)
    ]
    style = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.lightgrey)])
    # the header heads the key once: a later table cannot repeat it on the pages it starts
    tables = [Table(chunk, colWidths=[12 * mm, 50 * mm, 110 * mm], style=style) for chunk in chunks]
    return [*story, *tables]


def key_answer(question: Question, fonts: FontSet) -> str:
    if question.item.is_mcq:
        return f"<b>{letter(question.correct)}</b> {fonts.markup(question.item.answer)}"
    return "; ".join(fonts.markup(a) for a in cloze_answers(question.item))
