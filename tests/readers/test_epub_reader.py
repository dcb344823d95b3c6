"""E-books, made here with ebooklib: chapters in spine order."""

from __future__ import annotations

from ebooklib import epub

from quizwright.sources import read_document


def test_epub_chapters_come_in_spine_order(tmp_path):
    book = epub.EpubBook()
    book.set_identifier("quizwright-test-book")
    book.set_title("A Short Book of Cells")
    book.set_language("en")
    first = epub.EpubHtml(title="Membranes", file_name="b_membranes.xhtml", lang="en")
    first.content = (
        "<h1>Membranes</h1><p>The cell membrane controls what enters the cell.</p><nav><p>Next chapter</p></nav>"
    )
    second = epub.EpubHtml(title="Energy", file_name="a_energy.xhtml", lang="en")
    second.content = (
        "<h1>Energy</h1><p>Mitochondria release energy from food.</p><ul><li>Plants also have chloroplasts.</li></ul>"
    )
    book.add_item(second)
    book.add_item(first)
    book.toc = (first, second)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", first, second]  # reading order differs from file names and from the order added
    path = tmp_path / "cells.epub"
    epub.write_epub(str(path), book)
    assert read_document(path).text == (
        "Membranes\n\nThe cell membrane controls what enters the cell.\n\n"
        "Energy\n\nMitochondria release energy from food.\n\nPlants also have chloroplasts.\n"
    )
