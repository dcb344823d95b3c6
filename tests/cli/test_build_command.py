"""`quizwright build` end to end: the seed readings built, merged, cached, in parallel; errors in one line."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from conftest import SEEDS, invoke, one_error_line, runner
from quizwright.bank import load_bank
from quizwright.cli import app


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


def test_cli_jobs_option(tmp_path, seeds_dir):
    src = tmp_path / "src"
    shutil.copytree(seeds_dir, src)
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"bank{jobs}.yaml"
        result = runner.invoke(app, ["build", str(src), "-o", str(out), "--jobs", jobs, "--no-cache"])
        assert result.exit_code == 0, result.output
        outs.append(out.read_text())
    assert outs[0] == outs[1]
    bad = runner.invoke(app, ["build", str(src), "-o", str(tmp_path / "x.yaml"), "--jobs", "0"])
    assert bad.exit_code != 0


def _analyses(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.pickle") if not p.name.endswith(".build.pickle"))


def _builds(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.build.pickle"))


def test_cli_uses_xdg_cache_home_and_no_cache_writes_nothing(tmp_path, seeds_dir, monkeypatch):
    xdg = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    src = tmp_path / "src"
    shutil.copytree(seeds_dir, src)
    result = runner.invoke(app, ["build", str(src), "-o", str(tmp_path / "a.yaml"), "--no-cache", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert not xdg.exists() or not any(xdg.rglob("*"))
    result = runner.invoke(app, ["build", str(src), "-o", str(tmp_path / "b.yaml"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert len(_analyses(xdg / "quizwright")) == len(list(src.glob("*.txt")))
    assert len(_builds(xdg / "quizwright")) == 1
    assert oct(os.stat(xdg / "quizwright").st_mode & 0o777) == "0o700"
    assert (tmp_path / "a.yaml").read_text() == (tmp_path / "b.yaml").read_text()


@pytest.mark.parametrize("option", ["--mcq", "--cloze"])
def test_a_negative_count_is_a_usage_error_not_zero(tmp_path, monkeypatch, option):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text("Seoul is the capital of South Korea.\n", encoding="utf-8")
    result = invoke("build", "r.txt", "-o", "bank.yaml", option, "-1")
    assert result.exit_code == 2
    assert f"Invalid value for '{option}'" in result.stderr
    assert not (tmp_path / "bank.yaml").exists()


def test_the_library_refuses_a_negative_count_too():
    from quizwright.pipeline import BuildOptions

    with pytest.raises(ValueError, match="BuildOptions.mcq_per_doc must be 0 or more, not -1"):
        BuildOptions(mcq_per_doc=-1)


def test_a_reading_named_like_markup_is_reported_by_its_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "[b]notes.txt").write_text(
        "Seoul Today\n\nSeoul is the capital of South Korea, with 9.4 million people in 2024.\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["build", "[b]notes.txt", "-o", "bank.yaml"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "[b]notes" in result.stdout
