"""`quizwright review`, driven by keystrokes, and `approve`/`reject`: each decision on disk at once."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CLOZE_SENTENCE, invoke, one_error_line
from quizwright.bank import load_bank
from quizwright.cli import app

COMMENT = "# checked with Ms Park on Monday\n"


@pytest.fixture()
def bank_file(write_bank, monkeypatch) -> Path:
    """Two drafts (an MCQ, then a cloze) over a reading on disk, with a teacher's comment in the file."""
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    path, _ = write_bank()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("items:\n", "items:\n" + COMMENT, 1), encoding="utf-8")
    return path


def press(path: Path, keys: str, **env: str):
    return CliRunner().invoke(app, ["review", str(path)], input=keys, env=env or None, catch_exceptions=False)


def statuses(path: Path) -> list[str]:
    return [str(item.status) for item in load_bank(path).items]


def test_review_shows_the_item_its_reading_around_it_and_what_validate_says(bank_file):
    result = press(bank_file, "q")
    assert result.exit_code == 0, result.output
    screen = result.output
    assert "1 of 2" in screen and "· draft ·" in screen
    assert "Which country is South Korea’s biggest trading partner?" in screen
    assert "A. China   <- answer" in screen and "D. North Korea" in screen
    assert "in “Seoul and Beijing”:" in screen
    assert "  Why Seoul Talks to Beijing\n  >> China is South Korea’s biggest trading partner" in screen
    assert f"  {CLOZE_SENTENCE}\n" in screen  # the sentence after it
    assert "validate: ok" in screen
    assert "a approve · r reject · e edit the question · o edit an option · s skip · b back · q quit" in screen
    assert statuses(bank_file) == ["draft", "draft"]


def test_approve_reject_edit_ctrl_c_and_resume_each_on_disk_at_once(bank_file):
    # approve the first item, then Ctrl-C: the approval is already in the file
    stopped = press(bank_file, "a\x03")
    assert stopped.exit_code == 130
    assert stopped.stderr.strip() == f"error: interrupted; every decision so far is saved in {bank_file}"
    assert statuses(bank_file) == ["approved", "draft"]
    assert COMMENT in bank_file.read_text(encoding="utf-8")
    # resume: the draft left comes first; edit its cloze text inline, then Ctrl-C
    new_text = "President Lee Jae-myung visited {{c1::Beijing}} in January."
    edited = press(bank_file, "e" + new_text + "\n\x03")
    assert edited.exit_code == 130, edited.output
    assert "1 of 2" in edited.output and "cloze" in edited.output
    cloze = load_bank(bank_file).items[1]
    assert (cloze.text, cloze.answer, cloze.status) == (new_text, "Beijing", "draft")
    assert statuses(bank_file) == ["approved", "draft"]
    # resume again: reject it, and end of input quits
    rejected = press(bank_file, "r")
    assert rejected.exit_code == 0, rejected.output
    assert statuses(bank_file) == ["approved", "rejected"]
    assert rejected.stdout.splitlines()[-1] == f"{bank_file}: 1 rejected; each was saved as it was made"
    assert COMMENT in bank_file.read_text(encoding="utf-8")


def test_editing_an_option_skip_back_and_a_validate_finding(bank_file):
    # skip the MCQ, go back to it, edit option B (a distractor) to one the sentence names
    result = press(bank_file, "sbob" + "the United States\n" + "q")
    assert result.exit_code == 0, result.output
    mcq = load_bank(bank_file).items[0]
    assert mcq.distractors[0] == "the United States" and mcq.status == "draft"
    assert result.output.count("1 of 2") == 3  # shown, back to it, shown again after the edit
    assert "validate: the distractor 'the United States' occurs in the source sentence, so it may be true" in (
        result.output
    )


def test_editing_the_question_in_the_teachers_editor(bank_file, tmp_path):
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('biggest', 'largest'))\n",
        encoding="utf-8",
    )
    result = press(bank_file, "eq", EDITOR=f"{sys.executable} {editor}")
    assert result.exit_code == 0, result.output
    assert load_bank(bank_file).items[0].question == "Which country is South Korea’s largest trading partner?"


def test_a_review_filtered_like_show(bank_file):
    result = press(bank_file, "a", **{})
    assert statuses(bank_file) == ["approved", "draft"]
    only_cloze = CliRunner().invoke(app, ["review", str(bank_file), "--type", "cloze"], input="r")
    assert only_cloze.exit_code == 0 and "1 of 1" in only_cloze.output
    assert statuses(bank_file) == ["approved", "rejected"]
    assert result.exit_code == 0


def test_approve_and_reject_by_id_for_scripts(bank_file):
    first, second = (item.id for item in load_bank(bank_file).items)
    assert invoke("approve", bank_file, first, second).stdout.strip() == f"{bank_file}: approved 2 items"
    assert statuses(bank_file) == ["approved", "approved"]
    assert invoke("reject", bank_file, second).exit_code == 0
    assert statuses(bank_file) == ["approved", "rejected"]
    before = bank_file.read_bytes()
    unknown = invoke("approve", bank_file, first, "mcq-nothere")
    assert unknown.exit_code == 2
    assert one_error_line(unknown.stderr) == f"error: {bank_file}: no item with the id 'mcq-nothere'"
    assert bank_file.read_bytes() == before  # all or nothing
    assert COMMENT in bank_file.read_text(encoding="utf-8")


def test_a_bank_from_before_ids_records_its_title_as_its_id_on_the_first_decision(bank_file):
    assert load_bank(bank_file).id == ""
    invoke("approve", bank_file, load_bank(bank_file).items[0].id)
    assert load_bank(bank_file).id == "Seoul and Beijing"
