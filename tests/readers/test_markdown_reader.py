"""Markdown: prose kept, code and markup dropped."""

from __future__ import annotations

from quizwright.sources import read_document


def test_markdown_keeps_prose_and_drops_code_and_markup(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(
        "# Cell Theory\n\nAll living things are made of *cells*, as [Schwann](https://example.org) wrote\n"
        "in 1839.\n\n```python\nprint('not prose')\n```\n\n    indented_code = True\n\n"
        "- The cell is the unit of life.\n- Cells come from cells.\n\n<div>raw html</div>\n",
        encoding="utf-8",
    )
    assert read_document(path).text == (
        "Cell Theory\n\nAll living things are made of cells, as Schwann wrote in 1839.\n\n"
        "The cell is the unit of life.\n\nCells come from cells.\n"
    )
