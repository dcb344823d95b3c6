"""`quizwright setup`: the NLTK data into the user's own data folder, found there by every command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import SEEDS, invoke, one_error_line
from quizwright.analysis import resources

SHARED = Path(os.environ["NLTK_DATA"])
"""The offline copy of the NLTK data beside the repository (conftest points NLTK_DATA at it)."""


def run_quizwright(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from quizwright.cli import main; main()", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def fresh_terminal(tmp_path: Path) -> dict[str, str]:
    """A new terminal of a user with no NLTK_DATA and no ~/nltk_data, and their own data folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NLTK")}
    (tmp_path / "home").mkdir(exist_ok=True)
    env.update(HOME=str(tmp_path / "home"), XDG_DATA_HOME=str(tmp_path / "data"))
    return env


def test_build_without_nltk_data_names_the_package_and_setup(tmp_path):
    shutil.copy(SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0], tmp_path / "reading.txt")
    proc = run_quizwright(["build", "reading.txt", "-o", "out/bank.yaml"], tmp_path, fresh_terminal(tmp_path))
    assert proc.returncode == 2, proc.stdout + proc.stderr
    line = one_error_line(proc.stderr)
    first_missing = next(iter(resources.PACKAGES))
    assert f"NLTK data package '{first_missing}' is not installed" in line
    assert "quizwright setup" in line
    assert not (tmp_path / "out").exists()


def test_setup_from_a_folder_installs_the_data_where_every_command_finds_it_without_nltk_data(tmp_path):
    env = fresh_terminal(tmp_path)
    installed = run_quizwright(["setup", "--from", str(SHARED)], tmp_path, env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    folder = tmp_path / "data" / "quizwright" / "nltk_data"
    assert installed.stdout.splitlines() == [
        *(f"copied   {package}" for package in resources.PACKAGES),
        f"NLTK data in {folder}: every quizwright command finds it there",
    ]
    assert (folder / "corpora" / "wordnet.zip").is_file() and (folder / "tokenizers" / "punkt_tab").is_dir()
    # a new terminal: no NLTK_DATA, yet a build finds everything
    shutil.copy(SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0], tmp_path / "reading.txt")
    built = run_quizwright(["build", "reading.txt", "-o", "bank.yaml"], tmp_path, env)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "bank.yaml").is_file()
    again = run_quizwright(["setup"], tmp_path, env)
    assert again.returncode == 0 and again.stdout.splitlines()[0] == f"ok       {next(iter(resources.PACKAGES))}"


def test_setup_from_a_folder_without_the_packages_says_which_are_missing(tmp_path):
    (tmp_path / "empty").mkdir()
    result = invoke("setup", "--from", tmp_path / "empty")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"error: {tmp_path / 'empty'} does not have " + ", ".join(resources.PACKAGES) + " (no network?); "
        "copy them from an nltk_data folder that has them: quizwright setup --from FOLDER"
    )
    missing = invoke("setup", "--from", tmp_path / "nowhere")
    assert one_error_line(missing.stderr).startswith(f"error: {tmp_path / 'nowhere'}: no such folder")


def test_setup_keeps_a_copy_of_what_nltk_data_points_at_so_the_next_terminal_needs_none(tmp_path):
    env = fresh_terminal(tmp_path)
    once = run_quizwright(["setup"], tmp_path, {**env, "NLTK_DATA": str(SHARED)})
    assert once.returncode == 0, once.stdout + once.stderr
    first = once.stdout.splitlines()[0]
    assert first.startswith("copied   punkt_tab (from ") and Path(first[25:-1]).resolve() == SHARED.resolve()
    again = run_quizwright(["setup"], tmp_path, env)
    assert again.stdout.splitlines()[:-1] == [f"ok       {package}" for package in resources.PACKAGES]
