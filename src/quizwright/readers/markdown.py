"""Markdown -> text of its headings, paragraphs, list items and table cells (markdown-it-py).

Code blocks, raw HTML and images are left out; links keep their text, emphasis its words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from . import join_blocks
from .plain import decode

INLINE_TEXT = {"text", "code_inline"}
BREAKS = {"softbreak", "hardbreak"}


def read_markdown(data: bytes, path: Path) -> str:
    tokens = MarkdownIt("commonmark").enable("table").parse(decode(data, path))
    # Every heading, paragraph and table cell holds one "inline" token; code blocks hold none.
    return join_blocks([_inline_text(token) for token in tokens if token.type == "inline"])


def _inline_text(token: Any) -> str:
    parts = []
    for child in token.children or []:
        if child.type in INLINE_TEXT:
            parts.append(child.content)
        elif child.type in BREAKS:
            parts.append(" ")
    return "".join(parts)
