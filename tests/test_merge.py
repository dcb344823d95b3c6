"""A teacher's weeks of review survive a rebuild: tests that act as the teacher would."""

import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from quizwright.bank import load_bank
from quizwright.cli import app

SEEDS = Path(__file__).parents[1] / "seeds"
SIXTH = (
    "Seoul and Tokyo Hold Talks\n\n"
    "South Korean Foreign Minister Cho Hyun met Japanese Foreign Minister Toshimitsu Motegi in Tokyo on Friday. "
    "The two ministers agreed to expand youth exchanges between Seoul and Tokyo in 2026. "
    "Japan is South Korea\u2019s third-largest trading partner after China and the United States.\n"
)
runner = CliRunner()


def set_field(text: str, item_id: str, key: str, value: str) -> str:
    """Edit one field of one item in the YAML text, as a teacher does in an editor."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {item_id}")
    for i in range(start + 1, len(lines)):
        if lines[i].lstrip().startswith(f"{key}:"):
            indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
            lines[i] = f"{indent}{key}: {value}\n"
            return "".join(lines)
    raise AssertionError(f"{item_id} has no {key}")


@pytest.fixture()
def course(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    bank = tmp_path / "banks" / "visit.yaml"
    assert runner.invoke(app, ["build", str(tmp_path / "seeds"), "-o", str(bank)]).exit_code == 0
    return tmp_path, bank


def test_rebuild_keeps_every_edit_adds_new_text_and_marks_vanished_sentences(course):
    root, bank_path = course
    bank = load_bank(bank_path)
    mcqs = [i for i in bank.items if i.type == "mcq"]
    approved, rejected, reworded = mcqs[0], mcqs[1], mcqs[2]
    edited_source = next(
        i
        for i in bank.items
        if i.source.doc == "003_a0269e133547853c" and i.id not in {approved.id, rejected.id, reworded.id}
    )

    text = bank_path.read_text(encoding="utf-8")
    text = set_field(text, approved.id, "status", "approved  # good for the unit test")
    text = set_field(text, rejected.id, "status", "rejected")
    text = set_field(text, reworded.id, "distractors", "[Mongolia, " + ", ".join(reworded.distractors[1:]) + "]")
    bank_path.write_text(text, encoding="utf-8")

    seed_file = root / "seeds" / "003_a0269e133547853c.txt"
    seed_file.write_text(
        seed_file.read_text(encoding="utf-8").replace(edited_source.source.sentence, ""), encoding="utf-8"
    )
    (root / "seeds" / "005_sixth.txt").write_text(SIXTH, encoding="utf-8")

    result = runner.invoke(app, ["build", str(root / "seeds"), "-o", str(bank_path)])
    assert result.exit_code == 0, result.output
    after = load_bank(bank_path)
    by_id = {i.id: i for i in after.items}

    assert by_id[approved.id].status == "approved"
    assert "approved  # good for the unit test" in bank_path.read_text(encoding="utf-8")
    assert by_id[rejected.id].status == "rejected"
    assert [i.id for i in after.items].count(rejected.id) == 1
    assert by_id[reworded.id].distractors[0] == "Mongolia"
    assert by_id[edited_source.id].stale == "the source sentence is no longer in 003_a0269e133547853c"
    new_items = [i for i in after.items if i.source.doc == "005_sixth"]
    assert new_items and all(i.status == "draft" for i in new_items)
    assert "005_sixth" in {s.id for s in after.sources}
    assert f"stale {edited_source.id}" in result.output
    assert "source 003_a0269e133547853c changed since the last build" in result.output
    assert (bank_path.parent / "visit.yaml.bak").read_text(encoding="utf-8") == text


def test_dry_run_reports_and_writes_nothing(course):
    root, bank_path = course
    before = bank_path.read_bytes()
    (root / "seeds" / "005_sixth.txt").write_text(SIXTH, encoding="utf-8")
    result = runner.invoke(app, ["build", str(root / "seeds"), "-o", str(bank_path), "--dry-run"])
    assert result.exit_code == 0
    assert "new items would be added" in result.output
    assert bank_path.read_bytes() == before


def test_untouched_drafts_follow_the_generator_but_edited_ones_do_not(course):
    root, bank_path = course
    bank = load_bank(bank_path)
    mcqs = [i for i in bank.items if i.type == "mcq"]
    untouched, edited = mcqs[3], mcqs[4]
    yaml = YAML()
    tree = yaml.load(bank_path.read_text(encoding="utf-8"))
    for node in tree["items"]:
        if node["id"] == untouched.id:  # as if an older quizwright had written other options
            node["distractors"] = ["Old", "Options", "Here"]
            node["fingerprint"] = load_bank_item_hash(untouched, ("Old", "Options", "Here"))
        if node["id"] == edited.id:
            node["question"] = "A question I wrote myself?"
    with bank_path.open("w", encoding="utf-8") as fh:
        yaml.dump(tree, fh)
    assert runner.invoke(app, ["build", str(root / "seeds"), "-o", str(bank_path)]).exit_code == 0
    by_id = {i.id: i for i in load_bank(bank_path).items}
    assert by_id[untouched.id].distractors == untouched.distractors
    assert by_id[edited.id].question == "A question I wrote myself?"


def load_bank_item_hash(item, distractors):
    from dataclasses import replace

    return replace(item, distractors=distractors).content_hash()


def test_validate_flags_exactly_the_planted_errors_with_their_lines(course):
    root, bank_path = course
    bank = load_bank(bank_path)
    mcqs = [i for i in bank.items if i.type == "mcq"]
    clozes = [i for i in bank.items if i.type == "cloze"]
    text = bank_path.read_text(encoding="utf-8")
    text = set_field(text, mcqs[0].id, "answer", "Atlantis")
    text = set_field(text, mcqs[1].id, "distractors", f"[{mcqs[1].answer}, {', '.join(mcqs[1].distractors[1:])}]")
    text = set_field(text, clozes[0].id, "text", "'" + clozes[0].text.replace("}}", "", 1) + "'")
    text = set_field(text, clozes[1].id, "status", "pending")
    text = "# my notes on this bank\n" + text  # shifts every line by one
    bank_path.write_text(text, encoding="utf-8")

    result = runner.invoke(app, ["validate", str(bank_path)])
    assert result.exit_code == 1
    lines = text.splitlines()

    def line_of(item_id):
        return next(n for n, line in enumerate(lines, 1) if line.strip() == f"- id: {item_id}")

    expected = {
        f"{bank_path}:{line_of(mcqs[0].id)}: {mcqs[0].id}: the answer 'Atlantis' does not occur in the source sentence",
        f"{bank_path}:{line_of(mcqs[1].id)}: {mcqs[1].id}: the distractor '{mcqs[1].answer}' is the answer (or a variant of it)",
        f"{bank_path}:{line_of(clozes[0].id)}: {clozes[0].id}: the cloze text has a broken {{{{c1::...}}}} deletion",
        f"{bank_path}:{line_of(clozes[1].id)}: {clozes[1].id}: unknown status 'pending' (expected draft, approved, rejected)",
    }
    assert set(result.output.strip().splitlines()) == expected
