"""The quizwright command on the seed articles, as a teacher runs it."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizwright.bank import load_bank
from quizwright.cli import app

SEEDS = Path(__file__).parents[1] / "seeds"
runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seeds copied to a temporary folder and built once into bank.yaml."""
    root = tmp_path_factory.mktemp("course")
    shutil.copytree(SEEDS, root / "seeds")
    bank = root / "banks" / "bank.yaml"
    result = runner.invoke(app, ["build", str(root / "seeds"), "-o", str(bank)])
    assert result.exit_code == 0, result.output
    return root, bank, result.output


def test_build_writes_a_valid_bank_of_at_least_40_items(built):
    root, bank_path, output = built
    bank = load_bank(bank_path)
    assert len(bank.items) >= 40
    assert {i.type for i in bank.items} == {"mcq", "cloze"}
    assert f"{len(bank.items)} items" in output
    result = runner.invoke(app, ["validate", str(bank_path)])
    assert result.exit_code == 0
    assert result.output.strip().endswith("all valid")


def test_every_item_quotes_its_sentence_verbatim(built):
    root, bank_path, _ = built
    bank = load_bank(bank_path)
    texts = {s.id: (bank_path.parent / s.path).read_text(encoding="utf-8") for s in bank.sources}
    assert all(i.source.sentence in texts[i.source.doc] for i in bank.items)
    assert any("\u2019" in i.source.sentence for i in bank.items)
    assert all(s.path.startswith("../seeds/") for s in bank.sources)


def test_same_inputs_and_seed_give_a_byte_identical_bank(built, tmp_path):
    root, bank_path, _ = built
    again = tmp_path / "again.yaml"
    assert runner.invoke(app, ["build", str(root / "seeds"), "-o", str(again)]).exit_code == 0
    # paths are relative to each bank's folder, so compare with the same folder depth
    assert load_bank(again).items == load_bank(bank_path).items


def test_building_again_merges_and_keeps_the_teachers_edits(built, tmp_path):
    root, bank_path, _ = built
    edited = tmp_path / "banks" / "edited.yaml"
    edited.parent.mkdir()
    text = bank_path.read_text(encoding="utf-8").replace("status: draft", "status: rejected  # not for my class", 1)
    edited.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["build", str(root / "seeds"), "-o", str(edited)])
    assert result.exit_code == 0
    assert "merged, 0 new items added" in result.output
    assert edited.read_text(encoding="utf-8") == text
    assert (tmp_path / "banks" / "edited.yaml.bak").read_text(encoding="utf-8") == text


def test_validate_reports_a_planted_error_with_its_line(built, tmp_path):
    root, bank_path, _ = built
    bank = load_bank(bank_path)
    first = bank.items[0]
    planted = bank_path.parent / "planted.yaml"
    text = bank_path.read_text(encoding="utf-8")
    text = text.replace(f"    answer: {first.answer}\n", "    answer: Atlantis\n", 1)
    planted.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(planted)])
    assert result.exit_code == 1
    assert f"{planted}:{first.line}: {first.id}: the answer 'Atlantis' does not occur in the source sentence" in result.output
    as_json = runner.invoke(app, ["validate", "--format", "json", str(planted)])
    assert as_json.exit_code == 1
    assert [f["item_id"] for f in json.loads(as_json.output)] == [first.id]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["validate", "no-such-bank.yaml"], "error: no-such-bank.yaml: no such bank file"),
        (["build", "no-such-folder", "-o", "x.yaml"], "error: no-such-folder: no such file or folder"),
    ],
)
def test_unusable_input_is_one_line_and_exit_2(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.output.strip() == message
    assert not (tmp_path / "x.yaml").exists()


def run_quizwright(args, **env):
    code = "from quizwright.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env={**os.environ, **env}, timeout=120)


def test_missing_nltk_data_names_the_package_and_the_fix(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run_quizwright(["build", str(SEEDS), "-o", str(tmp_path / "b.yaml")], NLTK_DATA=str(empty), HOME=str(tmp_path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "NLTK data package 'punkt_tab' is not installed" in lines[0]
    assert "quizwright setup" in lines[0] and "NLTK_DATA" in lines[0]


def test_setup_lists_each_package_as_present():
    result = run_quizwright(["setup"])
    assert result.returncode == 0
    for package in ("punkt_tab", "averaged_perceptron_tagger_eng", "wordnet", "stopwords", "names", "gazetteers", "words"):
        assert f"ok       {package}" in result.stdout
