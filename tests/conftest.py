"""Shared fixtures: valid items to spoil one field at a time, and a small bank on disk."""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import replace
from pathlib import Path

# The NLTK data lives beside the repository (../shared/nltk_data), here and in CI.
os.environ.setdefault("NLTK_DATA", str(Path(__file__).parents[2] / "shared" / "nltk_data"))
# Builds cache their analysis; never in the real user cache (module-scoped fixtures build too).
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="quizwright-test-cache-")

import pytest

from quizwright.bank import bank_to_yaml
from quizwright.builders.items import item_id
from quizwright.matching import BLANK
from quizwright.models import Bank, Item, Source, SourceRef

SOURCE_TEXT = (
    "Why Seoul Talks to Beijing\n"
    "\n"
    "China is South Korea\u2019s biggest trading partner, ahead of the United States.\n"
    "President Lee Jae-myung visited Beijing in January.\n"
    "The alliance with Washington remains the core of South Korea\u2019s security policy.\n"
)
"""A small reading; every sentence is on its own line so tests can quote them verbatim."""

MCQ_SENTENCE = "China is South Korea\u2019s biggest trading partner, ahead of the United States."
CLOZE_SENTENCE = "President Lee Jae-myung visited Beijing in January."


@pytest.fixture()
def seeds_dir() -> Path:
    path = Path(__file__).parents[1] / "seeds"
    assert path.is_dir(), path
    return path


@pytest.fixture()
def source_text() -> str:
    return SOURCE_TEXT


@pytest.fixture()
def make_item():
    """A valid MCQ item; keyword overrides replace fields (source=... takes a SourceRef)."""

    def make(**overrides) -> Item:
        item = Item(
            id=item_id("mcq", "doc", MCQ_SENTENCE, "China"),
            type="mcq",
            status="draft",
            answer="China",
            answer_kind="place",
            source=SourceRef("doc", MCQ_SENTENCE),
            question="Which country is South Korea\u2019s biggest trading partner?",
            distractors=("Japan", "Taiwan", "North Korea"),
        )
        return replace(item, **overrides)

    return make


@pytest.fixture()
def make_cloze(tmp_path):
    """A valid cloze item whose sentence is quoted from SOURCE_TEXT (also written to tmp_path)."""
    doc = tmp_path / "src" / "doc.txt"
    doc.parent.mkdir(parents=True, exist_ok=True)
    if not doc.exists():
        doc.write_text(SOURCE_TEXT, encoding="utf-8")
    text = doc.read_text(encoding="utf-8")
    sentence = next(line for line in text.splitlines() if line == CLOZE_SENTENCE)

    def make(**overrides) -> Item:
        answer = "Lee Jae-myung"
        item = Item(
            id=item_id("cloze", "doc", sentence, answer),
            type="cloze",
            status="draft",
            answer=answer,
            answer_kind="person",
            source=SourceRef("doc", sentence),
            text=sentence.replace(answer, "{{c1::" + answer + "}}", 1),
        )
        return replace(item, **overrides)

    return make


@pytest.fixture()
def write_bank(tmp_path, make_item, make_cloze):
    """Write a bank and its source: bank at tmp_path/bank.yaml, source at tmp_path/src/doc.txt.

    write_bank(items=None, source_text=None, sha256=None) -> (bank_path, Bank); items default
    to one valid MCQ and one valid cloze; sha256 defaults to the real hash of the source.
    """

    def write(items=None, source_text: str | None = None, sha256: str | None = None, path: str = "src/doc.txt"):
        doc = tmp_path / "src" / "doc.txt"
        doc.parent.mkdir(parents=True, exist_ok=True)
        data = (SOURCE_TEXT if source_text is None else source_text).encode("utf-8")
        doc.write_bytes(data)
        if items is None:
            items = [make_item(), make_cloze()]
        source = Source("doc", path, hashlib.sha256(data).hexdigest() if sha256 is None else sha256)
        bank = Bank(title="Seoul and Beijing", sources=(source,), items=tuple(items))
        bank_path = tmp_path / "bank.yaml"
        bank_path.write_text(bank_to_yaml(bank), encoding="utf-8")
        return bank_path, bank

    return write


def line_of(yaml_text: str, item_id: str) -> int:
    """1-based line of the item's `- id: ...` line in a bank's YAML text."""
    lines = yaml_text.splitlines()
    hits = [n for n, line in enumerate(lines, 1) if line.strip() == f"- id: {item_id}"]
    assert len(hits) >= 1, f"{item_id} not in the YAML"
    return hits[0]


@pytest.fixture()
def find_line():
    return line_of


__all__ = ["BLANK", "CLOZE_SENTENCE", "MCQ_SENTENCE", "SOURCE_TEXT", "line_of"]


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user cache: builds cache into a fresh folder per test."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
