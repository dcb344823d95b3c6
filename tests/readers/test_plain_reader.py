"""Plain text in whatever encoding an editor saved it: UTF-8 (BOM or not), UTF-16, else Windows-1252."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizwright.errors import NotUtf8Warning, SourceError
from quizwright.readers.plain import binary_kind, decode, utf16_without_bom

TEXT = "Seoul\u2019s trade grew in 2019.\r\nIt grew again.\n"
PATH = Path("reading.txt")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_unicode_encodings_read_as_the_text_with_plain_line_ends(encoding):
    assert decode(TEXT.encode(encoding), PATH) == "Seoul\u2019s trade grew in 2019.\nIt grew again.\n"


def test_windows_1252_is_read_with_a_warning():
    with pytest.warns(NotUtf8Warning, match="reading.txt: not UTF-8; read as Windows-1252"):
        assert decode("Caf\xe9 in Seoul.\n".encode("cp1252"), PATH) == "Caf\xe9 in Seoul.\n"


def test_utf16_without_a_mark_is_told_by_its_zero_bytes():
    assert utf16_without_bom("Seoul".encode("utf-16-le")) == "utf-16-le"
    assert utf16_without_bom("Seoul".encode("utf-16-be")) == "utf-16-be"
    assert utf16_without_bom(b"Seoul") is None


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7", "it is a PDF: name it .pdf"),
        (b"\x89PNG\r\n", "it is a PNG image"),
        (b"\x00\x01\x02", "it holds binary data"),
    ],
)
def test_binary_files_are_named_for_what_they_are(head, kind):
    assert binary_kind(head) == kind
    with pytest.raises(SourceError, match=f"not a text file: {kind}"):
        decode(head, PATH)


def test_an_empty_or_blank_file_is_refused():
    with pytest.raises(SourceError, match="the file is empty"):
        decode(b"", PATH)
    with pytest.raises(SourceError, match="only blank space"):
        decode(b" \n\t\n", PATH)
