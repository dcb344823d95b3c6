"""NLTK data that is there but damaged (an interrupted download): one line naming the package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bad_inputs import READING
from conftest import one_error_line

SHARED = Path(os.environ["NLTK_DATA"])


def damaged_copy(root: Path, damaged: str, damage) -> Path:
    """A copy of the NLTK data (18 MB) with one file in it (`damaged`, a path in it) spoilt."""
    data = root / "nltk_data"
    shutil.copytree(SHARED, data, copy_function=shutil.copyfile)
    for folder in (data, *(p for p in data.rglob("*") if p.is_dir())):
        folder.chmod(0o755)  # the shared copy is read-only; this one is spoilt on purpose
    damage(data / damaged)
    return data


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 3])


@pytest.mark.parametrize(
    ("package", "damaged", "damage", "problem", "remove"),
    [
        ("wordnet", "corpora/wordnet.zip", truncate, "BadZipFile: File is not a zip file", "corpora/wordnet.zip"),
        ("stopwords", "corpora/stopwords.zip", truncate, "BadZipFile: File is not a zip file", "corpora/stopwords.zip"),
        (
            "averaged_perceptron_tagger_eng",
            "taggers/averaged_perceptron_tagger_eng/averaged_perceptron_tagger_eng.weights.json",
            truncate,
            "JSONDecodeError: ",
            "taggers/averaged_perceptron_tagger_eng",
        ),
        (
            "punkt_tab",
            "tokenizers/punkt_tab/english/ortho_context.tab",
            Path.unlink,
            "LookupError: The Punkt model in ",
            "tokenizers/punkt_tab",
        ),
    ],
)
def test_a_damaged_package_is_named_with_how_to_reinstall_it(tmp_path, package, damaged, damage, problem, remove):
    data = damaged_copy(tmp_path, damaged, damage)
    (tmp_path / "reading.txt").write_text(READING, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NLTK")} | {"NLTK_DATA": str(data)}
    proc = subprocess.run(
        [sys.executable, "-c", "from quizwright.cli import main; main()", "build", "reading.txt", "-o", "bank.yaml"],
        cwd=tmp_path,
        env=env | {"XDG_CACHE_HOME": str(tmp_path / "cache")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    line = one_error_line(proc.stderr)
    assert line.startswith(f"error: NLTK data package '{package}' is damaged and cannot be read ({problem}")
    assert line.endswith(
        f"reinstall it: delete {data / remove}, then run `quizwright setup` (or python -m nltk.downloader {package})"
    )
    assert not (tmp_path / "bank.yaml").exists()
