"""Small files that expand: zip bombs, compressed PDF streams, text beyond the limit; refused early."""

from __future__ import annotations

import io
import re
import resource
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from ebooklib import epub

from bad_inputs import PDF_TEXT, pdf_with_content
from quizwright.errors import SourceError
from quizwright.readers import limits
from quizwright.sources import read_document

SENTENCE = b"Seoul is the capital of South Korea."


TEXT = PDF_TEXT


def test_a_small_pdf_of_ours_reads(tmp_path):
    path = tmp_path / "small.pdf"
    path.write_bytes(pdf_with_content(TEXT))
    assert read_document(path).text.strip() == SENTENCE.decode()


def test_a_pdf_whose_stream_inflates_past_the_budget_is_refused_without_unpacking_it_all(tmp_path):
    """150 MB of spaces after the text, in a 150 KB file; pdfminer would inflate it whole."""
    path = tmp_path / "bomb.pdf"
    path.write_bytes(pdf_with_content([TEXT] + [b" " * (1 << 20)] * 150))
    assert path.stat().st_size < 200_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(SourceError) as refused:
        read_document(path)
    assert str(refused.value) == (
        f"{path}: its compressed streams unpack to more than 134,217,728 bytes, more than quizwright "
        "reads from one PDF (is it a zip bomb?)"
    )
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 400_000  # KB: never the whole stream


def test_the_budget_is_pdfminers_for_the_read_only(tmp_path):
    from pdfminer import pdftypes

    path = tmp_path / "small.pdf"
    path.write_bytes(pdf_with_content(TEXT))
    read_document(path)
    assert pdftypes.zlib is zlib


def test_a_pdf_stops_being_read_at_the_page_where_its_text_passes_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "max_chars", lambda: 20)
    path = tmp_path / "long.pdf"
    path.write_bytes(pdf_with_content(TEXT))
    with pytest.raises(
        SourceError,
        match=r"long\.pdf: 37 characters or more is more than this machine's free memory lets quizwright read",
    ):
        read_document(path)


def word_file(path: Path, paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_file_that_unpacks_to_70_mb_is_refused_before_unpacking(tmp_path):
    """A zip bomb: 70 MB of markup in a file of less than 100 KB; parsing it took gigabytes."""
    path = tmp_path / "bomb.docx"
    with (
        zipfile.ZipFile(io.BytesIO(word_file(path, [SENTENCE.decode()]))) as small,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb,
    ):
        for info in small.infolist():
            with bomb.open(info.filename, "w", force_zip64=True) as part:
                part.write(small.read(info))
                if info.filename == "word/document.xml":
                    for _ in range(70):
                        part.write(b" " * (1 << 20))  # blank space after the document element: well-formed XML
    assert path.stat().st_size < 200_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(SourceError) as refused:
        read_document(path)
    assert str(refused.value).startswith(f"{path}: unpacks to 74,")
    assert str(refused.value).endswith("split it into chapters (or is it a zip bomb?)")
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KB


def test_slides_that_unpack_to_70_mb_are_refused_before_unpacking(tmp_path):
    path = tmp_path / "bomb.pptx"
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb,
        bomb.open("ppt/slides/slide1.xml", "w", force_zip64=True) as part,
    ):
        for _ in range(70):
            part.write(b" " * (1 << 20))
    assert path.stat().st_size < 200_000
    with pytest.raises(
        SourceError, match=r"bomb\.pptx: unpacks to 73,400,320 bytes \(73,400,320 of them text and markup\)"
    ):
        read_document(path)


def long_word_file(path: Path) -> None:
    path.write_bytes(word_file(path, [SENTENCE.decode()] * 2000))


def long_e_book(path: Path) -> None:
    book = epub.EpubBook()
    book.set_identifier("x")
    book.set_title("Long")
    book.set_language("en")
    chapters = []
    for n in range(20):
        chapter = epub.EpubHtml(title=f"Chapter {n}", file_name=f"c{n}.xhtml", lang="en")
        chapter.content = "<p>" + "</p><p>".join([SENTENCE.decode()] * 50) + "</p>"
        book.add_item(chapter)
        chapters.append(chapter)
    book.spine = chapters
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    epub.write_epub(str(path), book)


@pytest.mark.parametrize(("name", "make"), [("long.docx", long_word_file), ("long.epub", long_e_book)])
def test_a_zipped_reading_of_much_markup_is_refused_and_a_long_one_stops_at_the_limit(
    tmp_path, monkeypatch, name, make
):
    path = tmp_path / name
    make(path)
    monkeypatch.setattr(limits, "max_chars", lambda: 1000)
    with pytest.raises(
        SourceError,
        match=rf"{name}: 1,0\d\d characters or more is more than this machine's free memory lets quizwright read",
    ):
        read_document(path)
    monkeypatch.setattr(limits, "MAX_MARKUP_BYTES", 10_000)
    with pytest.raises(SourceError, match=rf"{name}: unpacks to [\d,]+ bytes \([\d,]+ of them text and markup\)"):
        read_document(path)


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("page.html", "quizwright reads from one .html file (1,000)"),
        ("notes.md", "this machine's free memory lets quizwright read from one source (250 characters)"),
    ],
)
def test_a_web_page_or_markdown_file_larger_than_its_limit_is_refused_before_it_is_read(
    tmp_path, monkeypatch, name, why
):
    monkeypatch.setattr(limits, "MAX_MARKUP_BYTES", 1000)
    monkeypatch.setattr(limits, "available_memory", lambda: 20 * 250)  # 250 characters: 1,000 bytes of text
    path = tmp_path / name
    path.write_bytes(b"<p>" + SENTENCE * 100 + b"</p>")
    with pytest.raises(
        SourceError,
        match=rf"{name}: 3,607 bytes is more than {re.escape(why)}",
    ):
        read_document(path)
