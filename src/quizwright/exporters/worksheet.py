"""What a worksheet and its answer key hold, as reportlab flowables (pdf.py lays them on pages)."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Indenter, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..matching import Deletion
from ..models import AnswerKind, Bank, Item
from . import cloze_parts, letter, source_label
from .fonts import FontSet
from .forms import Form, Question

Story = list[Any]
"""reportlab flowables (Paragraph, Table, Spacer, ...), which carry no types."""
Styles = dict[str, ParagraphStyle]
WRITING_LINE = "_" * 16
"""A cloze's gap on paper: long enough to write the answer on."""
OPTIONS_WIDTH = 160 * mm  # fits A4 and Letter inside the margins, after the options' indent
WORD_BANK_WIDTH = 172 * mm
OPTION_INDENT = 20  # points: the letter before an option in a cell (style option_cell)
CELL_PADDING = 8  # points: a cell's right padding, and a little air
BODY_SIZE = 11
NAME_KINDS = (AnswerKind.PERSON, AnswerKind.PLACE, AnswerKind.ORGANIZATION, AnswerKind.GROUP, AnswerKind.DATE)
"""Answers that are proper nouns (or dates: 'January'), printed in the word bank as written."""
SENTENCE_END = (".", "!", "?", ":", "\u201d", '"')


def make_styles(fonts: FontSet) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "body",
        fontName=fonts.regular,
        bulletFontName=fonts.regular,
        fontSize=BODY_SIZE,
        bulletFontSize=BODY_SIZE,
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
        # never break a word in a narrow cell (options_per_row and the word bank make room for it)
        "option_cell": ParagraphStyle(
            "option_cell", body, leftIndent=OPTION_INDENT, bulletIndent=0, spaceAfter=0, splitLongWords=0
        ),
        "cloze": ParagraphStyle(
            "cloze", body, leftIndent=22, bulletIndent=0, bulletFontName=fonts.bold, leading=20, spaceAfter=8
        ),
        "cell": ParagraphStyle("cell", body, spaceAfter=0, splitLongWords=0),
        "small": ParagraphStyle("small", body, fontSize=8, leading=10, spaceAfter=0, textColor=colors.dimgrey),
    }


def worksheet(bank: Bank, form: Form, fonts: FontSet, styles: Styles, word_bank: bool) -> Story:
    story = [Paragraph(fonts.markup(bank.title, bold=True), styles["title"])]
    if form.label:
        story.append(Paragraph(f"Form {form.label}", styles["heading"]))
    story += [student_lines(fonts, styles), Spacer(1, 4 * mm)]
    story.append(Paragraph(instructions(form, word_bank), styles["body"]))
    both = bool(form.mcqs and form.clozes)
    if form.mcqs:
        story.append(Paragraph(("Part 1 · " if both else "") + "Multiple choice", styles["heading"]))
        story += [mcq_block(q, fonts, styles) for q in form.mcqs]
    if form.clozes:
        heading = Paragraph(("Part 2 · " if both else "") + "Fill in the blanks", styles["heading"])
        if word_bank:
            heading = KeepTogether([heading, word_bank_box(form, fonts, styles), Spacer(1, 4 * mm)])
        story.append(heading)
        story += [
            Paragraph(
                context_markup(q.item, fonts) + cloze_markup(q.item, fonts), styles["cloze"], bulletText=f"{q.number}."
            )
            for q in form.clozes
        ]
    return story


def instructions(form: Form, word_bank: bool) -> str:
    """What to do, naming only the parts the sheet has."""
    choose = "circle the letter of the best answer"
    write = "write the missing word or words on each line" + (", choosing from the word bank" if word_bank else "")
    if form.mcqs and form.clozes:
        return f"Read each question carefully. In Part 1, {choose}. In Part 2, {write}."
    if form.mcqs:
        return f"Read each question carefully and {choose}."
    return f"Read each sentence carefully and {write}."


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


def context_markup(item: Item, fonts: FontSet) -> str:
    """The sentence the item leans on, in grey on a line of its own above it."""
    return f'<font color="dimgrey">{fonts.markup(item.context)}</font><br/>' if item.context else ""


def cell_font(fonts: FontSet) -> list[tuple[Any, ...]]:
    """Plain-string (empty) cells would otherwise pull in Helvetica."""
    return [("FONTNAME", (0, 0), (-1, -1), fonts.regular)]


def mcq_block(question: Question, fonts: FontSet, styles: Styles) -> KeepTogether:
    """The question and its options: never split across pages; short options side by side."""
    parts: Story = [
        Paragraph(
            context_markup(question.item, fonts) + fonts.markup(question.item.question or ""),
            styles["question"],
            bulletText=f"{question.number}.",
        )
    ]
    options = [
        Paragraph(fonts.markup(o), styles["option_cell"], bulletText=f"{letter(i)}.")
        for i, o in enumerate(question.options)
    ]
    per_row = options_per_row(question.options, fonts)
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


def options_per_row(options: tuple[str, ...], fonts: FontSet) -> int:
    """Four options to a row, or two, when every one fits its cell unbroken; else one per line."""
    widest = max((fonts.width(o, BODY_SIZE) for o in options), default=0.0)
    for per_row in (4, 2):
        if widest + OPTION_INDENT + CELL_PADDING <= OPTIONS_WIDTH / per_row:
            return per_row
    return 1


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


def word_bank(form: Form) -> list[str]:
    """The fill-in answers as a word bank: one entry each, sorted, in lower case unless a proper
    noun, so a capital does not tell which blank starts a sentence."""
    entries: dict[str, str] = {}
    for question in form.clozes:
        for part, before in deletions_in(question.item):
            entry = bank_entry(question.item, part.answer, before)
            entries.setdefault(entry.casefold(), entry)
    return [entries[key] for key in sorted(entries)]


def deletions_in(item: Item) -> list[tuple[Deletion, str]]:
    """Each deletion of a cloze, with the text before it."""
    found, before = [], ""
    for part in cloze_parts(item):
        if isinstance(part, Deletion):
            found.append((part, before))
            before += part.answer
        else:
            before += part
    return found


def bank_entry(item: Item, answer: str, before: str) -> str:
    """The answer in lower case where only its place at the start of a sentence capitalised it."""
    first = answer.split()[0] if answer.split() else answer
    starts_sentence = not before.strip() or before.rstrip().endswith(SENTENCE_END)
    if item.answer_kind in NAME_KINDS or not starts_sentence or any(c.isupper() for c in first[1:]):
        return answer
    return answer[:1].lower() + answer[1:]


def word_bank_box(form: Form, fonts: FontSet, styles: Styles) -> Table:
    words = word_bank(form)
    widest = max((fonts.width(w, BODY_SIZE) for w in words), default=0.0)
    columns = next((n for n in (4, 3, 2) if widest + 2 * CELL_PADDING <= WORD_BANK_WIDTH / n), 1)
    cells = [Paragraph(fonts.markup(w), styles["cell"]) for w in words]
    rows = [
        cells[i : i + columns] + [""] * (columns - len(cells[i : i + columns])) for i in range(0, len(cells), columns)
    ]
    heading = [Paragraph("<b>Word bank</b>", ParagraphStyle("wb", styles["cell"], fontName=fonts.bold))]
    table = Table(
        [heading + [""] * (columns - 1), *rows], colWidths=[WORD_BANK_WIDTH / columns] * columns, splitInRow=1
    )  # splitInRow: an answer of a page or more
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
            Paragraph(key_source(bank, q.item, fonts), styles["small"]),
        ]
        for q in form.questions
    ]
    chunks = [[header, *rows[:KEY_ROWS_PER_TABLE]]] + [
        rows[i : i + KEY_ROWS_PER_TABLE] for i in range(KEY_ROWS_PER_TABLE, len(rows), KEY_ROWS_PER_TABLE)
    ]
    style = TableStyle(
        [
            *cell_font(fonts),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.lightgrey),
        ]
    )
    # the header heads the key once: a later table cannot repeat it on the pages it starts
    # splitInRow: a row taller than a page (a long source sentence) goes on over the next page
    tables = [Table(chunk, colWidths=[12 * mm, 50 * mm, 110 * mm], style=style, splitInRow=1) for chunk in chunks]
    return [*story, *tables]


def key_source(bank: Bank, item: Item, fonts: FontSet) -> str:
    """The source sentence and, where the bank has several readings, which reading (its title) and page."""
    if item.source.by_teacher:
        return "<i>your own question</i>"
    label = source_label(bank, item) if len(bank.sources) > 1 or item.source.page else ""
    return fonts.markup(item.source.sentence) + (f" <i>({fonts.markup(label)})</i>" if label else "")


def key_answer(question: Question, fonts: FontSet) -> str:
    if question.item.is_mcq:
        return f"<b>{letter(question.correct)}</b> {fonts.markup(question.item.answer)}"
    return "; ".join(fonts.markup(a) for a in cloze_answers(question.item))
