"""`quizwright setup` and a build without the NLTK data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from conftest import SEEDS, invoke, one_error_line
from quizwright.analysis import resources


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
