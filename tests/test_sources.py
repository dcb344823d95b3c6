"""Source files and folders -> Documents: which files a folder gives, ids, hashes, paths, limits."""

from __future__ import annotations

import hashlib

import pytest

from quizwright.errors import SourceError
from quizwright.readers import limits
from quizwright.sources import find_source_files, read_document, read_documents, relative_path


def test_folders_pick_up_every_supported_format(tmp_path):
    for name in ("a.pdf", "b.html", "c.md", "d.png", "e.txt", "f.docx", "g.epub", "h.markdown", "i.htm", "j.text"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "k.txt").write_bytes(b"x")
    names = [p.relative_to(tmp_path).as_posix() for p in find_source_files([tmp_path])]
    assert names == [
        "a.pdf",
        "b.html",
        "c.md",
        "e.txt",
        "f.docx",
        "g.epub",
        "h.markdown",
        "i.htm",
        "j.text",
        "sub/k.txt",
    ]


def test_a_document_is_its_stem_its_hash_and_its_text_with_controls_as_spaces(tmp_path):
    path = tmp_path / "week1.txt"
    data = b"Seoul\x07 is big.\fNew page.\n"
    path.write_bytes(data)
    doc = read_document(path)
    assert (doc.id, doc.path, doc.sha256) == ("week1", str(path), hashlib.sha256(data).hexdigest())
    assert doc.text == "Seoul  is big.\nNew page.\n"  # one for one: offsets into the text still hold
    assert doc.pages == ()


def test_two_sources_with_one_name_are_refused(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "notes.txt").write_text("Seoul is big.\n", encoding="utf-8")
    with pytest.raises(SourceError, match="two sources share the name 'notes'"):
        read_documents([tmp_path / "a", tmp_path / "b"])


def test_a_source_longer_than_free_memory_allows_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "available_memory", lambda: 20 * 1000)  # room for 1,000 characters
    path = tmp_path / "long.md"
    path.write_text("word " * 210, encoding="utf-8")
    with pytest.raises(
        SourceError,
        match=r"1,050 characters is more than this machine's free memory lets quizwright read from one source \(1,000 characters\)",
    ):
        read_document(path)
    (tmp_path / "short.md").write_text("word " * 150, encoding="utf-8")
    assert read_document(tmp_path / "short.md").text


def test_a_bank_stores_paths_relative_to_its_folder_with_forward_slashes(tmp_path):
    (tmp_path / "seeds").mkdir()
    reading = tmp_path / "seeds" / "a.txt"
    assert relative_path(reading, tmp_path / "banks") == "../seeds/a.txt"
    assert relative_path(reading, tmp_path) == "seeds/a.txt"
