"""Word files, made here with python-docx: headings, paragraphs and table cells in order."""

from __future__ import annotations

import docx
import pytest

from quizwright.errors import SourceError
from quizwright.sources import read_document


def test_docx_gives_headings_paragraphs_and_table_cells_in_order(tmp_path):
    document = docx.Document()
    document.add_heading("Cells and Tissues", level=1)
    document.add_paragraph("A tissue is a group of similar cells that work together.")
    table = document.add_table(rows=3, cols=2)
    for row, (organelle, job) in enumerate(
        [("Organelle", "Job"), ("Nucleus", "It controls the cell."), ("Ribosome", "It builds proteins.")]
    ):
        table.cell(row, 0).text, table.cell(row, 1).text = organelle, job
    merged = document.add_table(rows=1, cols=2)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Cells divide by mitosis."
    document.add_paragraph("Organs are made of tissues.")
    path = tmp_path / "tissues.docx"
    document.save(str(path))
    assert read_document(path).text == (
        "Cells and Tissues\n\nA tissue is a group of similar cells that work together.\n\n"
        "Organelle\n\nJob\n\nNucleus\n\nIt controls the cell.\n\nRibosome\n\nIt builds proteins.\n\n"
        "Cells divide by mitosis.\n\nOrgans are made of tissues.\n"
    )


def test_a_corrupt_docx_is_one_clear_error(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a Word file")
    with pytest.raises(SourceError, match=r"notes\.docx: not a readable Word document \(\.docx\)"):
        read_document(path)
