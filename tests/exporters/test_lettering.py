"""Answer keys balanced over the letters, on every worksheet form and in every lettered export."""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import subprocess
from collections import Counter

import pytest

from conftest import FIXTURE, read_apkg, requires_poppler
from quizwright.bank import load_bank
from quizwright.exporters import select_items
from quizwright.exporters.anki import export_anki
from quizwright.exporters.gift import gift_text
from quizwright.exporters.lettering import MAX_RUN, SPREAD, lettered
from quizwright.exporters.pdf import PdfOptions, export_pdf, make_forms
from quizwright.exporters.qti import quiz_text
from quizwright.exporters.tabular import csv_text
from quizwright.models import Bank

LETTERS = "ABCD"


@pytest.fixture(scope="module")
def bank() -> Bank:
    """The fixture bank's MCQs, each copied eight times under other ids: 32 questions of four options."""
    fixture = load_bank(FIXTURE)
    mcqs = [i for i in select_items(fixture) if i.is_mcq]
    items = tuple(
        dataclasses.replace(item, id=f"mcq-{copy:02d}{n:06d}", question=f"{item.question} ({copy})")
        for copy in range(8)
        for n, item in enumerate(mcqs)
    )
    return dataclasses.replace(fixture, items=items)


def assert_fair(keys: str) -> None:
    """Each letter within SPREAD of every other, no letter more than MAX_RUN times running."""
    counts = Counter(keys)
    assert set(keys) <= set(LETTERS)
    assert max(counts[c] for c in LETTERS) - min(counts[c] for c in LETTERS) <= SPREAD, (keys, counts)
    assert not re.search(r"(.)\1{" + str(MAX_RUN) + "}", keys), keys


def test_the_letters_are_balanced_without_long_runs_and_repeat_for_a_salt(bank):
    for salt in ("", "0:A", "0:B", "7:C"):
        letters = lettered(bank.items, salt)
        assert_fair("".join(LETTERS[letters[i.id].correct] for i in bank.items))
        assert all(letters[i.id].options[letters[i.id].correct] == i.answer for i in bank.items)
        assert all(sorted(letters[i.id].options) == sorted(i.options) for i in bank.items)
        assert lettered(bank.items, salt) == letters


def test_a_question_added_at_the_end_moves_no_letter_before_it(bank):
    before = lettered(bank.items[:-1])
    after = lettered(bank.items)
    assert all(after[i.id] == before[i.id] for i in bank.items[:-1])


def test_every_anki_gift_qti_and_csv_key_is_balanced(bank, tmp_path):
    items = select_items(bank)
    notes, _ = read_apkg(export_anki(bank, tmp_path / "d.apkg").paths[0])
    assert_fair("".join(fields[2][0] for *_, fields in notes))
    gift = [
        [line[1] for line in block.splitlines() if line.startswith(("\t=", "\t~"))]
        for block in gift_text(bank, items).split("\n\n")
        if block.startswith("::")
    ]
    assert_fair("".join(LETTERS[marks.index("=")] for marks in gift))
    qti = re.findall(r"^\*([a-d])\) ", quiz_text(bank, items), flags=re.MULTILINE)
    assert_fair("".join(qti).upper())
    rows = list(csv.DictReader(io.StringIO(csv_text(bank, items))))
    assert_fair("".join(next(o[0] for o in row["options"].splitlines() if o[3:] == row["answer"]) for row in rows))


@requires_poppler
def test_every_worksheet_forms_printed_key_is_balanced(bank, tmp_path):
    options = PdfOptions(versions=3, seed=5, key="separate")
    result = export_pdf(bank, tmp_path / "ws.pdf", options)
    forms = make_forms(select_items(bank), options)
    for form, key in zip(forms, result.paths[1::2]):
        text = subprocess.run(["pdftotext", "-layout", str(key), "-"], capture_output=True, text=True, check=True)
        printed = re.findall(r"^\s*\d+\.\s+([A-D]) ", text.stdout, flags=re.MULTILINE)
        assert len(printed) == len(bank.items)
        assert "".join(printed) == "".join(LETTERS[q.correct] for q in form.mcqs)
        assert_fair("".join(printed))
