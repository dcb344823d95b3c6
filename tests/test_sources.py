"""Readings in other formats: PDF, Word, EPUB, web pages, Markdown, made here with the real libraries.

Each test reads a file a teacher might have and checks the text quizwright reduces it to: that
text is what items cite and what `validate` checks them against."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

from conftest import SEEDS
from quizwright.sources import find_source_files

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
    "Christian de Duve found lysosomes in 1955 while studying liver cells in Louvain. They break down worn-out parts of the cell.",
    "George Palade described ribosomes in 1955 using an electron microscope. Ribosomes build the proteins a cell needs.",
    "Elizabeth Blackburn and Carol Greider discovered telomerase in 1984. The enzyme protects the ends of chromosomes when a cell divides.",
    "Shinya Yamanaka showed in 2006 that skin cells from adult mice can be turned back into stem cells. He received the Nobel Prize in 2012.",
]


HEADER, SCHOOL = "Biology Year 9 - Unit 3: Cells", "Greenfield School"


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


NAVIGATION = ["Home", "World news", "Asia Pacific", "Subscribe"]


SHARE = "Share on Facebook"


COMMENT_FORM = "Post your comment"


LEGAL = "© 2026 The Daily Example. All rights reserved."


def web_page(text: str) -> str:
    """A reading as a news site serves it: menu, article, share buttons, comment form, legal footer."""
    blocks = [b.strip() for b in text.split("\n") if b.strip()]
    body = [f"<h1>{html.escape(blocks[0])}</h1>"] + [f"<p>{html.escape(b)}</p>" for b in blocks[1:]]
    menu = "".join(f'<li><a href="/{n}">{n}</a></li>' for n in NAVIGATION)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(blocks[0])} | The Daily Example</title>
<script>window.analytics = [];</script><style>nav li {{ display: inline; }}</style></head>
<body>
<header><a class="logo" href="/">The Daily Example</a><nav><ul>{menu}</ul></nav></header>
<main><article>
{chr(10).join(body)}
<div class="share-buttons"><a href="#">{SHARE}</a> <a href="#">Share on X</a> <a href="#">Email</a></div>
</article>
<section id="comments"><h2>Leave a comment</h2>
<form action="/comment" method="post"><label for="c">Comment</label><textarea id="c" name="c"></textarea>
<label for="n">Name</label><input id="n" name="n"><button type="submit">{COMMENT_FORM}</button></form></section>
</main>
<footer><p>{LEGAL}</p><p><a href="/privacy">Privacy policy</a> · <a href="/terms">Terms of use</a> · <a href="/cookies">Cookie settings</a></p></footer>
</body></html>
"""


def test_folders_pick_up_every_supported_format(tmp_path, pdf_file):
    shutil.copy(pdf_file, tmp_path / "a.pdf")
    (tmp_path / "b.html").write_text(
        web_page((SEEDS / "004_ae020cc17fe06cd4.txt").read_text(encoding="utf-8")), encoding="utf-8"
    )
    (tmp_path / "c.md").write_text("# Notes\n\nRibosomes build proteins.\n", encoding="utf-8")
    (tmp_path / "d.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert [p.name for p in find_source_files([tmp_path])] == ["a.pdf", "b.html", "c.md"]
