"""PowerPoint slides, made here with python-pptx: a block per text frame, slide numbers as pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation
from pptx.util import Inches

from conftest import TEXTBOOK, invoke
from quizwright.bank import load_bank
from quizwright.errors import SourceError
from quizwright.exporters import source_label
from quizwright.readers import page_at
from quizwright.sources import read_document


def slides(path: Path) -> Path:
    deck = Presentation()
    title = deck.slides.add_slide(deck.slide_layouts[0])
    title.shapes.title.text = "Cells and Tissues"
    title.placeholders[1].text = "Unit 3, lesson 1"
    bullets = deck.slides.add_slide(deck.slide_layouts[1])
    bullets.shapes.title.text = "What a tissue is"
    frame = bullets.placeholders[1].text_frame
    frame.text = "A tissue is a group of many similar cells that work together."
    frame.add_paragraph().text = "An organ is a structure made of several different tissues."
    deck.slides.add_slide(deck.slide_layouts[6])  # a blank slide: no text, still counted
    table_slide = deck.slides.add_slide(deck.slide_layouts[5])
    table_slide.shapes.title.text = "Organelles"
    table = table_slide.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(6), Inches(1)).table
    for (row, col), text in {(0, 0): "Nucleus", (0, 1): "It controls the cell.", (1, 0): "Ribosome"}.items():
        table.cell(row, col).text = text
    table.cell(1, 1).text = "It builds proteins."
    prose = deck.slides.add_slide(deck.slide_layouts[1])
    prose.shapes.title.text = "Summary"
    prose.placeholders[1].text_frame.text = " ".join(TEXTBOOK.split("\n\n")[1:])
    deck.save(str(path))
    return path


def test_pptx_gives_a_block_per_text_frame_and_where_each_slide_starts(tmp_path):
    doc = read_document(slides(tmp_path / "cells.pptx"))
    assert doc.text.startswith(
        "Cells and Tissues\n\nUnit 3, lesson 1\n\n"
        "What a tissue is\n\n"
        "A tissue is a group of many similar cells that work together. "
        "An organ is a structure made of several different tissues.\n\n"
        "Organelles\n\nNucleus\n\nIt controls the cell.\n\nRibosome\n\nIt builds proteins.\n\nSummary\n\n"
    )
    assert len(doc.pages) == 5
    assert [page_at(doc.pages, doc.text.index(t)) for t in ("Unit 3", "An organ is", "Ribosome", "Summary")] == [
        1,
        2,
        4,
        5,
    ]


def test_a_bank_built_from_slides_records_each_items_slide(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    slides(tmp_path / "cells.pptx")
    result = invoke("build", "cells.pptx")
    assert result.exit_code == 0, result.output
    bank = load_bank(tmp_path / "question_banks" / "cells.yaml")
    assert bank.items and all(item.source.page in (2, 5) for item in bank.items)
    assert bank.title == "Cells and Tissues"
    assert source_label(bank, bank.items[0]).startswith("Cells and Tissues, slide ")
    assert invoke("validate", "question_banks/cells.yaml").exit_code == 0


def test_a_corrupt_pptx_is_one_clear_error(tmp_path):
    path = tmp_path / "talk.pptx"
    path.write_bytes(b"PK\x03\x04 not a presentation")
    with pytest.raises(SourceError, match=r"talk\.pptx: not a readable PowerPoint file \(\.pptx\)"):
        read_document(path)
