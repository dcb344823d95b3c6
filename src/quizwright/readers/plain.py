"""Plain text files: bytes -> text, whatever encoding a teacher's editor saved them in."""

from __future__ import annotations

import warnings
from pathlib import Path

from ..errors import NotUtf8Warning, SourceError

SIGNATURES = {
    b"%PDF-": "it is a PDF: name it .pdf",
    b"PK\x03\x04": "it is a zip archive (a Word file or an e-book? name it .docx or .epub)",
    b"\x89PNG": "it is a PNG image",
    b"\xff\xd8\xff": "it is a JPEG image",
    b"GIF8": "it is a GIF image",
    b"\xd0\xcf\x11\xe0": "it is an old Office document: save it as .docx",
    b"\x1f\x8b": "it is a gzip archive",
}


def decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 (with BOM, or plain English without), else Windows-1252 with a warning."""
    head = data[:4096]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    elif encoding := utf16_without_bom(head):
        text = data.decode(encoding, errors="replace")
    elif kind := binary_kind(head):
        raise SourceError(f"{path}: not a text file: {kind}")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            warnings.warn(f"{path}: not UTF-8; read as Windows-1252", NotUtf8Warning, stacklevel=2)
            text = data.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise SourceError(
            f"{path}: the file is empty" if not text else f"{path}: the file has only blank space, no text"
        )
    return text


def utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte is NUL, as in UTF-16 text of Latin script."""
    pairs = len(head) // 2
    if pairs < 2:
        return None
    even, odd = head[0 : 2 * pairs : 2].count(0), head[1 : 2 * pairs : 2].count(0)
    if odd >= 0.9 * pairs and even == 0:
        return "utf-16-le"
    if even >= 0.9 * pairs and odd == 0:
        return "utf-16-be"
    return None


def binary_kind(head: bytes) -> str | None:
    """What the start of a file says it is, if it is not text."""
    for signature, kind in SIGNATURES.items():
        if head.startswith(signature):
            return kind
    controls = sum(1 for b in head if b < 0x20 and b not in b"\t\n\r\f")
    if b"\x00" in head or controls > len(head) // 10:
        return "it holds binary data"
    return None
