"""PDFs, made here with reportlab: reading order, running heads dropped, pages cited, bad PDFs refused."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph
from ruamel.yaml import YAML
from typer.testing import CliRunner

from conftest import FIXTURE, requires_poppler
from quizwright.bank import SCHEMA_FILE, bank_to_yaml, load_bank, parse_bank, save_bank
from quizwright.checks import validate_bank
from quizwright.cli import app
from quizwright.errors import SourceError
from quizwright.pipeline import build_bank
from quizwright.readers import page_at
from quizwright.sources import read_document

TITLE = "The Discovery of Cells"


# "|" marks a forced line break: "photo-|synthesis" is a word hyphenated across lines,
# "self-|pollinating" a compound the text also writes whole, so its hyphen must stay.
PARAGRAPHS = [
    "Robert Hooke first described cells in 1665, when he looked at a thin slice of cork through a microscope he had built himself. He called the tiny empty boxes cells because they reminded him of the rooms in a monastery. The word comes from the Latin cella, which means a small room.",
    "Antonie van Leeuwenhoek, a cloth merchant in Delft, ground better lenses for his microscopes. In 1674 he became the first person to see living bacteria, and he sent hundreds of letters about them to the Royal Society in London.",
    "Green plants capture light energy in a process called photo-|synthesis, which takes place inside the chloroplasts of leaf cells.",
    "In 1838 the German botanist Matthias Schleiden concluded that all plants are made of cells. A year later Theodor Schwann, a physiologist working in Berlin, showed that the same is true of animals.",
    "Peas have self-|pollinating flowers, which made them ideal for the experiments of Gregor Mendel in Brno. Because the flowers are self-pollinating, each plant keeps its traits from one generation to the next.",
    "Rudolf Virchow argued in 1855 that every cell arises from another cell. His idea completed the cell theory that students still learn today.",
    "The electron microscope was built by Ernst Ruska and Max Knoll in Berlin in 1931. It showed details inside the cell that no light microscope could reveal.",
    "Camillo Golgi, an Italian physician working in Pavia, described the Golgi apparatus in 1898. Many scientists doubted that the structure was real until electron microscopes confirmed it.",
    "Lynn Margulis proposed in 1967 that mitochondria were once free-living bacteria. Her theory of endosymbiosis is now accepted by most biologists.",
    "The nucleus was named by Robert Brown, a Scottish botanist, in 1831. He noticed it while studying orchids under the microscope.",
    "Barbara McClintock discovered jumping genes in maize in the 1940s and received the Nobel Prize in 1983. Her work showed that genomes can change during a lifetime.",
    "Louis Pasteur showed in 1859 that microbes do not arise from broth by themselves, but come from other microbes carried in the air.",
    "Rosalind Franklin made the X-ray photographs that revealed the shape of DNA in 1952. James Watson and Francis Crick used her data to build their model of the double helix.",
    "Santiago Ramón y Cajal drew the first clear pictures of nerve cells in Madrid. He shared the Nobel Prize with Camillo Golgi in 1906.",
    "Christian de Duve found lysosomes in 1955 while studying liver cells in Louvain. A lysosome is an organelle that breaks down worn-out parts of the cell.",
    "George Palade described ribosomes in 1955 using an electron microscope. Ribosomes build the proteins a cell needs.",
    "Elizabeth Blackburn and Carol Greider discovered telomerase in 1984. The enzyme protects the ends of chromosomes when a cell divides.",
    "Shinya Yamanaka showed in 2006 that skin cells from adult mice can be turned back into stem cells. He received the Nobel Prize in 2012.",
]


HEADER, SCHOOL = "Biology Year 9 - Unit 3: Cells", "Greenfield School"


def as_read(paragraph: str) -> str:
    """A paragraph as the reader should give it back: line-break hyphens of split words removed."""
    return paragraph.replace("photo-|", "photo").replace("|", "")


def write_pdf(path: Path) -> Path:
    """Two columns on A5, a running header (title left, school right), "Page n" and a bare n at the foot."""

    def running(page_canvas, doc):
        page_canvas.saveState()
        page_canvas.setFont("Helvetica", 8)
        page_canvas.drawString(1.5 * cm, A5[1] - 1 * cm, HEADER)
        page_canvas.drawRightString(A5[0] - 1.5 * cm, A5[1] - 1 * cm, SCHOOL)
        page_canvas.drawCentredString(A5[0] / 2, 0.8 * cm, f"Page {doc.page}")
        page_canvas.drawRightString(A5[0] - 1.5 * cm, 0.8 * cm, str(doc.page))
        page_canvas.restoreState()

    gap = 0.6 * cm
    width = (A5[0] - 3 * cm - gap) / 2
    frames = [Frame(1.5 * cm + n * (width + gap), 1.5 * cm, width, A5[1] - 3 * cm, id=f"column{n}") for n in (0, 1)]
    doc = BaseDocTemplate(
        str(path), pagesize=A5, pageTemplates=[PageTemplate(frames=frames, onPage=running)], invariant=1
    )
    styles = getSampleStyleSheet()
    story = [Paragraph(TITLE, styles["Heading1"])]
    story += [Paragraph(p.replace("|", "<br/>"), styles["BodyText"]) for p in PARAGRAPHS]
    doc.build(story)
    return path


@pytest.fixture(scope="module")
def pdf_file(tmp_path_factory) -> Path:
    return write_pdf(tmp_path_factory.mktemp("pdf") / "cells.pdf")


@pytest.fixture(scope="module")
def pdf_bank(pdf_file):
    """A bank built from the PDF and saved beside it."""
    bank_path = pdf_file.parent / "cells.yaml"
    bank = build_bank([pdf_file], bank_path).bank
    save_bank(bank, bank_path)
    return bank_path, bank


def pdftotext_page(path: Path, page: int) -> str:
    """One page's letters and digits as poppler reads them (an independent reader)."""
    out = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(path), "-"], capture_output=True, text=True, check=True
    )
    return letters(out.stdout)


def letters(text: str) -> str:
    """Only letters and digits: poppler keeps line-end hyphens and breaks lines where we do not."""
    return re.sub(r"[\W_]+", "", text)


def test_pdf_text_is_the_paragraphs_in_reading_order(pdf_file):
    doc = read_document(pdf_file)
    # Left column before right, page 1 before page 2; a paragraph split by the page break is one paragraph.
    assert doc.text == "\n\n".join([TITLE, *map(as_read, PARAGRAPHS)]) + "\n"


def test_pdf_drops_running_heads_and_page_numbers_and_rejoins_hyphenated_words(pdf_file):
    text = read_document(pdf_file).text
    assert HEADER not in text and SCHOOL not in text
    assert not re.search(r"Page \d|^\d+$", text, flags=re.M)
    assert "a process called photosynthesis, which" in text and "photo-" not in text
    assert "Peas have self-pollinating flowers" in text


@requires_poppler
def test_pdf_pages_match_what_poppler_reads_on_each_page(pdf_file):
    doc = read_document(pdf_file)
    assert shutil.which("pdftotext"), "poppler-utils is needed (see .ci/run)"
    assert len(doc.pages) == 2 and doc.pages[0] == 0
    for paragraph in map(as_read, PARAGRAPHS):
        opening = letters(" ".join(paragraph.split()[:6]))
        page = page_at(doc.pages, doc.text.index(paragraph))
        assert opening in pdftotext_page(pdf_file, page), (page, opening)
    # The sentence cut by the page break starts on page 1, the paragraph after it on page 2.
    assert page_at(doc.pages, doc.text.index("Louis Pasteur showed in 1859")) == 1
    assert page_at(doc.pages, doc.text.index("Rosalind Franklin made")) == 2


@requires_poppler
def test_items_built_from_a_pdf_cite_its_sentences_and_pages(pdf_file, pdf_bank):
    bank_path, bank = pdf_bank
    assert len(bank.items) >= 3  # what matters here: items on both pages cite them
    for item in bank.items:
        assert item.source.doc == "cells" and item.source.page in (1, 2)
        assert letters(" ".join(item.source.sentence.split()[:5])) in pdftotext_page(pdf_file, item.source.page)
    assert {item.source.page for item in bank.items} == {1, 2}
    reloaded = load_bank(bank_path)
    assert [i.source.page for i in reloaded.items] == [i.source.page for i in bank.items]
    assert bank_path.read_text(encoding="utf-8").count("      page: ") == len(bank.items)
    jsonschema.validate(
        YAML(typ="safe").load(bank_path.read_text(encoding="utf-8")), json.loads(SCHEMA_FILE.read_text())
    )
    # validate re-reads the PDF the same way, so every citation checks out
    assert validate_bank(reloaded, bank_path) == []


def test_validate_reports_a_pdf_citation_whose_sentence_is_not_in_the_pdf(pdf_bank):
    bank_path, bank = pdf_bank
    item = bank.items[0]
    altered = item.source.sentence.replace(" ", "  ", 1)  # a sentence the PDF does not have
    spoiled = bank_path.with_name("spoiled.yaml")
    spoiled.write_text(
        bank_path.read_text(encoding="utf-8").replace(f"sentence: {item.source.sentence}", f"sentence: {altered}"),
        encoding="utf-8",
    )
    findings = validate_bank(load_bank(spoiled), spoiled)
    assert [f.message for f in findings if f.item_id == item.id and "not in" in f.message] == [
        "the source sentence is not in cells"
    ]


def test_banks_from_text_readings_carry_no_page_and_round_trip_unchanged():
    fixture = FIXTURE.read_text(encoding="utf-8")
    assert "page:" not in fixture
    assert bank_to_yaml(parse_bank(fixture)) == fixture


def make_encrypted_pdf(path: Path) -> Path:
    page = canvas.Canvas(str(path), encrypt="secret")
    page.drawString(100, 700, "The nucleus controls the cell.")
    page.save()
    return path


def make_scanned_pdf(path: Path) -> Path:
    page = canvas.Canvas(str(path))
    page.rect(100, 100, 300, 500, fill=1)  # a picture of a page, no text layer
    page.save()
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (make_encrypted_pdf, "the PDF is encrypted and needs a password"),
        (make_scanned_pdf, "this PDF has no text layer (a scan?); quizwright does not do OCR"),
        (lambda p: (p.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog"), p)[1], "not a readable PDF"),
    ],
    ids=["encrypted", "scanned", "truncated"],
)
def test_unreadable_pdfs_stop_the_build_with_one_line(tmp_path, make, message):
    pdf = make(tmp_path / "reading.pdf")
    with pytest.raises(SourceError, match=re.escape(message)):
        read_document(pdf)
    result = CliRunner().invoke(app, ["build", str(pdf), "-o", str(tmp_path / "bank.yaml")])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"error: {pdf}: ") and message in lines[0]
    assert not (tmp_path / "bank.yaml").exists()
