"""An item whose sentence leans on the one before it carries that sentence as its `context`:
every export shows it above the item, and validate checks it against the reading."""

import csv
import dataclasses
import io
import re
import subprocess
import zipfile

import pytest

from conftest import parse_gift, read_apkg, requires_poppler
from quizwright.bank import bank_to_yaml, load_bank
from quizwright.checks import item_problems, validate_bank
from quizwright.exporters.anki import AnkiOptions, export_anki
from quizwright.exporters.gift import export_gift
from quizwright.exporters.pdf import PdfOptions, export_pdf
from quizwright.exporters.qti import export_qti
from quizwright.exporters.tabular import export_csv, export_quizlet
from quizwright.matching import BLANK
from quizwright.models import Bank, Item, Source, SourceRef

READING = (
    "Stardust released its cargo during a flyby of Earth at about 46,000 kilometres per hour.\n"
    "This makes it the fastest human-made object, topping the record set in 1969 by Apollo 10.\n"
)
CONTEXT, SENTENCE = READING.splitlines()


def items() -> tuple[Item, ...]:
    mcq = Item(
        id="mcq-context1",
        type="mcq",
        status="approved",
        answer="1969",
        answer_kind="date",
        source=SourceRef("stardust", SENTENCE),
        question=SENTENCE.replace("1969", BLANK),
        distractors=("1959", "1979", "1989"),
        context=CONTEXT,
    )
    cloze = Item(
        id="cloze-context1",
        type="cloze",
        status="approved",
        answer="fastest human-made object",
        answer_kind="term",
        source=SourceRef("stardust", SENTENCE),
        text=SENTENCE.replace("fastest human-made object", "{{c1::fastest human-made object}}"),
        context=CONTEXT,
    )
    return mcq, cloze


@pytest.fixture()
def bank(tmp_path):
    (tmp_path / "stardust.txt").write_text(READING, encoding="utf-8")
    bank = Bank("Stardust", (Source("stardust", "stardust.txt", ""),), items())
    (tmp_path / "bank.yaml").write_text(bank_to_yaml(bank), encoding="utf-8")
    return bank


def test_context_round_trips_through_the_bank_and_counts_as_content(bank, tmp_path):
    again = load_bank(tmp_path / "bank.yaml")
    assert [i.context for i in again.items] == [CONTEXT, CONTEXT]
    mcq = again.items[0]
    plain = dataclasses.replace(mcq, context=None)
    assert mcq.content_hash() != plain.content_hash()
    assert "\n    context:" not in bank_to_yaml(Bank("t", bank.sources, (plain,)))
    assert "\n    context: Stardust released" in bank_to_yaml(bank)


def test_validate_checks_the_context_against_the_reading(bank, tmp_path):
    assert validate_bank(bank, tmp_path / "bank.yaml") == []
    (tmp_path / "stardust.txt").write_text(SENTENCE + "\n", encoding="utf-8")
    messages = [f.message for f in validate_bank(bank, tmp_path / "bank.yaml")]
    assert messages == ["the context sentence is not in stardust"] * 2


def test_a_context_that_names_the_answer_gives_it_away():
    mcq = items()[0]
    spoiled = dataclasses.replace(mcq, context="Apollo 10 set the record in 1969.")
    assert "the context sentence gives the answer away ('1969' appears in it)" in item_problems(spoiled)
    assert item_problems(mcq) == []


def test_anki_notes_show_the_context_above_the_question_and_the_cloze(bank, tmp_path):
    export_anki(bank, tmp_path / "deck.apkg", AnkiOptions())
    notes, _ = read_apkg(tmp_path / "deck.apkg")
    fields = {n[4][0] for n in notes}
    assert any(f.startswith(f'<div class="context"><i>{CONTEXT}</i></div>This makes it') for f in fields)
    assert any(
        f.endswith("{{c1::fastest human-made object}}, topping the record set in 1969 by Apollo 10.") for f in fields
    )
    assert all(f.startswith('<div class="context">') for f in fields)


def test_gift_csv_quizlet_and_qti_put_the_context_first(bank, tmp_path):
    export_gift(bank, tmp_path / "q.gift")
    questions = parse_gift((tmp_path / "q.gift").read_text(encoding="utf-8"))
    assert all(re.match(rf"<i>{re.escape(CONTEXT)}</i><br>This makes it", q["text"]) for q in questions)

    export_csv(bank, tmp_path / "q.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "q.csv").read_text(encoding="utf-8-sig"))))
    assert [r["question"].split("\n")[0] for r in rows] == [CONTEXT, CONTEXT]

    export_quizlet(bank, tmp_path / "q.txt")
    lines = (tmp_path / "q.txt").read_text(encoding="utf-8").splitlines()
    assert all(line.startswith(CONTEXT + " This makes it") for line in lines)

    export_qti(bank, tmp_path / "q.zip")
    with zipfile.ZipFile(tmp_path / "q.zip") as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    assert xml.count("Stardust released its cargo during a flyby of Earth") == 2


@requires_poppler
def test_the_worksheet_prints_the_context_line_above_each_item(bank, tmp_path):
    export_pdf(bank, tmp_path / "ws.pdf", PdfOptions(key="none"))
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "ws.pdf"), "-"], capture_output=True, text=True
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    starts = [n for n, line in enumerate(lines) if "Stardust released its cargo" in line]
    assert len(starts) == 2
    assert all("This makes it" in " ".join(lines[n : n + 3]) for n in starts)
