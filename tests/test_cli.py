"""The `quizwright` command end to end: build the seed readings, validate, merge, fail clearly."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizwright.analysis import resources
from quizwright.bank import load_bank
from quizwright.cli import app

SEEDS = Path(__file__).parents[1] / "seeds"
runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


def one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seeds copied to a scratch folder and built twice with seed 0: tmp/bank.yaml, tmp/again.yaml."""
    work = tmp_path_factory.mktemp("course")
    shutil.copytree(SEEDS, work / "seeds")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(work)
        first = invoke("build", "seeds", "-o", "tmp/bank.yaml")
        second = invoke("build", "seeds", "-o", "tmp/again.yaml", "--seed", "0")
    assert first.exit_code == 0, first.stdout + first.stderr
    assert second.exit_code == 0, second.stdout + second.stderr
    return work, first


@pytest.fixture(scope="module")
def bank_path(built) -> Path:
    return built[0] / "tmp" / "bank.yaml"


def test_build_reports_what_it_wrote(built, bank_path):
    _, result = built
    items = load_bank(bank_path).items
    assert f"tmp/bank.yaml: {len(items)} items written" in result.stdout
    for seed in sorted(SEEDS.glob("*.txt")):
        assert seed.stem in result.stdout  # one row per document


def test_the_built_bank_has_enough_items_of_both_types(bank_path):
    bank = load_bank(bank_path)
    assert len(bank.items) >= 40
    types = {item.type for item in bank.items}
    assert types == {"mcq", "cloze"}
    assert all(item.status == "draft" for item in bank.items)
    assert len({item.id for item in bank.items}) == len(bank.items)
    assert {s.id for s in bank.sources} == {p.stem for p in SEEDS.glob("*.txt")}


def test_every_built_item_passes_validate(bank_path):
    result = invoke("validate", bank_path)
    count = len(load_bank(bank_path).items)
    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip() == f"{bank_path}: {count} items, all valid"


def test_every_sentence_is_quoted_verbatim_from_its_reading(built, bank_path):
    work, _ = built
    bank = load_bank(bank_path)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (work / "seeds").glob("*.txt")}
    for item in bank.items:
        assert item.source.sentence in texts[item.source.doc], item.id
        assert item.answer in item.source.sentence, item.id
    # the readings use typographic apostrophes; the items keep them rather than ASCII-fying
    curly = [item for item in bank.items if "\u2019" in item.source.sentence]
    assert curly
    for item in curly:
        assert item.source.sentence.replace("\u2019", "'") not in texts[item.source.doc]


def test_the_bank_records_each_source_relative_to_itself_with_its_hash(built, bank_path):
    work, _ = built
    for source in load_bank(bank_path).sources:
        assert source.path == f"../seeds/{source.id}.txt"
        data = (bank_path.parent / source.path).read_bytes()
        assert source.sha256 == hashlib.sha256(data).hexdigest()


def test_the_same_seed_builds_a_byte_identical_bank(built):
    work, _ = built
    first = (work / "tmp" / "bank.yaml").read_bytes()
    assert (work / "tmp" / "again.yaml").read_bytes() == first


def test_building_into_an_existing_bank_merges_and_keeps_hand_edits(built, bank_path, tmp_path):
    work, _ = built
    target = work / "tmp" / "merge.yaml"
    text = bank_path.read_text(encoding="utf-8")
    first_id = load_bank(bank_path).items[0].id
    edited = text.replace(
        f"  - id: {first_id}\n    type: mcq\n    status: draft\n",
        f"  # checked with my class\n  - id: {first_id}\n    type: mcq\n    status: approved\n",
        1,
    )
    assert edited != text
    target.write_text(edited, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(work)
        result = invoke("build", "seeds", "-o", "tmp/merge.yaml")
    assert result.exit_code == 0, result.stdout + result.stderr
    count = len(load_bank(bank_path).items)
    assert f"tmp/merge.yaml: merged: 0 new items added, {count} kept as they are" in result.stdout
    assert target.read_text(encoding="utf-8") == edited  # nothing to change, so nothing changed
    merged = load_bank(target)
    assert merged.items[0].status == "approved"
    assert len(merged.items) == count


def plant_error(bank_path: Path, tmp_path: Path) -> tuple[Path, str, int]:
    """A copy of the bank (with its sources reachable) whose first MCQ has a wrong answer."""
    target = bank_path.parent / f"planted-{tmp_path.name}.yaml"
    text = bank_path.read_text(encoding="utf-8")
    item = next(i for i in load_bank(bank_path).items if i.type == "mcq")
    lines = text.splitlines(keepends=True)
    at = item.line - 1
    answer_at = next(n for n in range(at, len(lines)) if lines[n].startswith("    answer: "))
    lines[answer_at] = "    answer: Atlantis\n"
    target.write_text("".join(lines), encoding="utf-8")
    return target, item.id, item.line


def test_validate_reports_a_planted_error_at_its_line(bank_path, tmp_path):
    target, item_id, line = plant_error(bank_path, tmp_path)
    result = invoke("validate", target)
    assert result.exit_code == 1
    assert f"{target}:{line}: {item_id}: the answer 'Atlantis' does not occur in the source sentence" in (
        result.stdout.splitlines()
    )
    assert "all valid" not in result.stdout


def test_validate_json_lists_the_findings(bank_path, tmp_path):
    target, item_id, line = plant_error(bank_path, tmp_path)
    result = invoke("validate", target, "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)
    assert isinstance(findings, list) and findings
    assert {
        "path": str(target),
        "line": line,
        "item_id": item_id,
        "message": "the answer 'Atlantis' does not occur in the source sentence",
    } in findings


def test_validate_json_of_a_valid_bank_is_an_empty_list(bank_path):
    result = invoke("validate", bank_path, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_validate_a_missing_bank_is_one_error_line(tmp_path):
    missing = tmp_path / "nope.yaml"
    result = invoke("validate", missing)
    assert result.exit_code == 2
    assert one_error_line(result.stderr) == f"error: {missing}: no such bank file"
    assert result.stdout == ""


def test_validate_a_broken_bank_is_one_error_line(tmp_path):
    broken = tmp_path / "bank.yaml"
    broken.write_text("schema: quizwright/1\nitems: [\n", encoding="utf-8")
    result = invoke("validate", broken)
    assert result.exit_code == 2
    assert one_error_line(result.stderr).startswith(f"error: {broken}:3:")


def test_build_of_a_missing_path_is_one_error_line(tmp_path):
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp_path)
        result = invoke("build", "no-such-readings", "-o", "tmp/bank.yaml")
    assert result.exit_code == 2
    assert one_error_line(result.stderr) == "error: no-such-readings: no such file or folder"
    assert not (tmp_path / "tmp").exists()


def test_build_of_an_empty_folder_is_one_error_line(tmp_path):
    (tmp_path / "readings").mkdir()
    result = invoke("build", tmp_path / "readings", "-o", tmp_path / "bank.yaml")
    assert result.exit_code == 2
    assert (
        one_error_line(result.stderr)
        == f"error: {tmp_path / 'readings'}: no readings (.docx, .epub, .htm, .html, .markdown, .md, .pdf, .text, .txt) in this folder"
    )


def test_build_without_nltk_data_names_the_package_and_setup(tmp_path):
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0], tmp_path / "reading.txt")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NLTK")}
    env.update(NLTK_DATA=str(empty), HOME=str(home))
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from quizwright.cli import main; main()",
            "build",
            "reading.txt",
            "-o",
            "out/bank.yaml",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stdout + proc.stderr
    line = one_error_line(proc.stderr)
    first_missing = next(iter(resources.PACKAGES))
    assert f"NLTK data package '{first_missing}' is not installed" in line
    assert "quizwright setup" in line
    assert not (tmp_path / "out").exists()


def test_setup_with_all_data_present_lists_each_package_as_ok():
    result = invoke("setup")
    assert result.exit_code == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines == [f"ok       {package}" for package in resources.PACKAGES]
    assert result.stderr == ""


def test_a_terminal_sees_what_a_slow_command_is_doing_and_a_pipe_does_not(bank_path, monkeypatch):
    """A 100,000-item bank takes minutes to read and check: a terminal gets a spinner line."""
    import io

    from rich.console import Console

    import quizwright.cli.console as cli

    screen = io.StringIO()
    monkeypatch.setattr(cli, "err", Console(file=screen, force_terminal=True, width=200))
    assert runner.invoke(app, ["validate", str(bank_path)]).exit_code == 0
    assert f"reading {bank_path}" in screen.getvalue() and "items against their sources" in screen.getvalue()
    piped = io.StringIO()
    monkeypatch.setattr(cli, "err", Console(file=piped, force_terminal=False))
    assert runner.invoke(app, ["validate", str(bank_path)]).exit_code == 0
    assert piped.getvalue() == ""
