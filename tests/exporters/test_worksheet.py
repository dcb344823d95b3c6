"""What a worksheet says: instructions for the parts it has, a fair word bank, words never broken, every font embedded."""

from __future__ import annotations

import dataclasses
import re
import subprocess

import pytest

from conftest import FIXTURE, requires_poppler
from quizwright.bank import load_bank
from quizwright.exporters import fonts as fonts_module
from quizwright.exporters.forms import make_form
from quizwright.exporters.pdf import PdfOptions, export_pdf
from quizwright.exporters.worksheet import word_bank
from quizwright.models import Bank, Item, SourceRef


def text_of(path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", out)


def cloze(n: int, text: str, answer: str, kind: str = "term") -> Item:
    sentence = re.sub(r"\{\{c1::([^}]*)\}\}", r"\1", text)
    return Item(f"cloze-{n:08d}", "cloze", "approved", answer, kind, SourceRef("d", sentence), text=text)


def mcq(n: int, question: str, answer: str, distractors: tuple[str, ...]) -> Item:
    return Item(
        f"mcq-{n:08d}",
        "mcq",
        "approved",
        answer,
        "term",
        SourceRef("d", ""),
        question=question,
        distractors=distractors,
    )


CLOZES = (
    cloze(1, "{{c1::Photosynthesis}} is the process by which plants make glucose.", "Photosynthesis"),
    cloze(2, "Plants store energy as {{c1::glucose}}.", "glucose"),
    cloze(3, "{{c1::Glucose}} feeds the cell.", "Glucose"),
    cloze(4, "The summit was held in {{c1::Beijing}}.", "Beijing", "place"),
    cloze(5, "{{c1::Beijing}} hosted it again.", "Beijing", "place"),
    cloze(6, "{{c1::DNA}} carries the code.", "DNA"),
    cloze(7, "It ended. {{c1::Respiration}} releases the energy.", "Respiration"),
)
LONG_WORDS = mcq(9, "Which value matters most?", "Responsiveness", ("Accountability", "Transparency", "Legitimacy"))


def test_the_word_bank_is_one_entry_each_sorted_and_lower_case_but_for_proper_nouns():
    form = make_form(CLOZES, "", "")
    assert word_bank(form) == ["Beijing", "DNA", "glucose", "photosynthesis", "respiration"]


@requires_poppler
def test_a_blanks_only_sheet_speaks_of_no_part_1_and_a_questions_only_sheet_of_no_blanks(tmp_path):
    blanks = Bank("Cells", (), CLOZES)
    text = text_of(export_pdf(blanks, tmp_path / "b.pdf", PdfOptions(key="none", word_bank=True)).paths[0])
    assert (
        "Read each sentence carefully and write the missing word or words on each line, choosing from the word bank."
        in text
    )
    assert "Part 1" not in text and "Part 2" not in text and "Fill in the blanks" in text
    assert "Word bank Beijing DNA glucose photosynthesis respiration" in text
    questions = Bank("Values", (), (LONG_WORDS,))
    text = text_of(export_pdf(questions, tmp_path / "q.pdf", PdfOptions(key="none")).paths[0])
    assert "Read each question carefully and circle the letter of the best answer." in text
    assert "Part" not in text and "missing word" not in text and "Multiple choice" in text


@requires_poppler
def test_no_word_is_broken_across_lines_in_options_word_bank_or_key(tmp_path):
    long_answers = (
        cloze(10, "Parliament prized {{c1::Responsiveness}} above all.", "Responsiveness"),
        cloze(11, "Courts valued {{c1::Incomprehensibilities}} least.", "Incomprehensibilities"),
    )
    items = tuple(dataclasses.replace(LONG_WORDS, id=f"mcq-{n:08d}") for n in range(3)) + long_answers
    result = export_pdf(Bank("Civics", (), items), tmp_path / "w.pdf", PdfOptions(word_bank=True))
    words = {"Responsiveness", "Accountability", "Transparency", "Legitimacy", "Incomprehensibilities"}
    for path in result.paths:
        raw = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
        tokens = set(raw.stdout.split())
        for word in words & {w.strip(".;") for w in " ".join(raw.stdout.split()).split()}:
            assert word in tokens or word.lower() in tokens
        for word in words:
            assert not any(t != w and w.startswith(t) and len(t) > 4 for t in tokens for w in (word, word.lower())), (
                path
            )


@requires_poppler
@pytest.mark.parametrize("system_fonts", [True, False])
def test_every_font_in_a_worksheet_and_its_key_is_embedded(tmp_path, monkeypatch, system_fonts):
    if not system_fonts:
        monkeypatch.setattr(fonts_module, "FONT_DIRS", ())  # a machine without Debian's fonts: reportlab's Vera
    result = export_pdf(load_bank(FIXTURE), tmp_path / "ws.pdf", PdfOptions(word_bank=True, key="separate"))
    for path in result.paths:
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        rows = listing.splitlines()[2:]
        assert rows, listing
        assert all(re.search(r"\byes\s+yes\s+yes\b", row) for row in rows), listing
        assert "Helvetica" not in listing
