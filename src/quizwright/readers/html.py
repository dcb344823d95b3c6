"""Web pages -> their main text (trafilatura), without navigation, comments, share buttons or footers."""

from __future__ import annotations

import logging
from pathlib import Path

import trafilatura

from ..errors import SourceError
from . import join_blocks

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # it logs its guesses as warnings


def read_html(data: bytes, path: Path) -> str:
    text = trafilatura.extract(
        data,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_recall=True,  # a short reading is still a reading: keep its every paragraph
        deduplicate=False,
    )
    if not text or not text.strip():
        raise SourceError(f"{path}: no main text found in this web page")
    return join_blocks(text.splitlines())
