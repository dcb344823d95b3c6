"""A new bank's items as YAML text, written line by line rather than through ruamel.yaml's
emitter, which took over a tenth of a build's time on its own (3.8 s for 1,300 items; this,
0.3 s). The text is the very text ruamel.yaml writes with the bank's settings (bank.py's
round_trip_yaml): a value is written here only in the plain or quoted form ruamel.yaml would
choose for it, and an item holding any value this module cannot vouch for (a line break, a
character Python does not call printable, runs of spaces, a very long line, a double quote
beside a single one) is written by ruamel.yaml itself. tests/test_bank_text.py holds the two
writers to the same text on real banks and on generated ones."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.scalarstring import SingleQuotedScalarString

LONGEST = 3000
"""Characters in a value written here; ruamel.yaml breaks a line past its width (4096)."""
NOT_FIRST = frozenset("#,[]{}&*!|>'\"%@`")
"""YAML indicators that cannot open a plain value."""
FLOW_INDICATORS = frozenset(",[]{}")
"""What cannot stand anywhere in a plain value in a flow list (YAML 1.2, as ruamel.yaml's emitter
sees it: 'a?b', 'x:y', 'a#b' stay plain there; ': ', ' #' and a closing ':' are caught as in a block)."""
FLOAT = re.compile(r"\d+\.\d+")
TEXT_TAG = "tag:yaml.org,2002:str"


def items_text(items: list[CommentedMap], by_ruamel: Callable[[CommentedMap], str]) -> str:
    """The lines of a bank's `items:` list, as ruamel.yaml writes them after that key;
    by_ruamel(item) writes one item's lines where this module cannot."""
    return "".join(item_text(item, by_ruamel) for item in items)


def item_text(item: CommentedMap, by_ruamel: Callable[[CommentedMap], str]) -> str:
    lines = _mapping_lines(item, 4)
    if lines is None or not lines:
        return by_ruamel(item)
    lines[0] = "  - " + lines[0][4:]
    return "".join(line + "\n" for line in lines)


def _mapping_lines(mapping: CommentedMap, indent: int) -> list[str] | None:
    pad = " " * indent
    lines: list[str] = []
    for key, value in mapping.items():
        if isinstance(value, CommentedMap):
            inner = _mapping_lines(value, indent + 2)
            if inner is None or not inner:
                return None
            lines.append(f"{pad}{key}:")
            lines.extend(inner)
            continue
        text = _value_text(value)
        if text is None:
            return None
        lines.append(f"{pad}{key}: {text}")
    return lines


def _value_text(value: Any) -> str | None:
    if isinstance(value, CommentedSeq):  # the distractors, as a flow list
        parts = [_scalar(v, flow=True) if isinstance(v, str) else None for v in value]
        return None if None in parts else "[" + ", ".join(p for p in parts if p is not None) + "]"
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        return text if FLOAT.fullmatch(text) else None
    if isinstance(value, str):
        return _scalar(value, flow=False)
    return None


def _scalar(value: str, flow: bool) -> str | None:
    """The value as ruamel.yaml writes it: plain where it may be, else in double quotes where it
    holds an apostrophe, else in single quotes; None where this module does not vouch for it."""
    if not (0 < len(value) <= LONGEST and value.isprintable() and value.strip(" ") == value and "  " not in value):
        return None
    if isinstance(value, SingleQuotedScalarString):  # the bank asked for single quotes ('? x' in a flow list)
        doubled: str = value.replace("'", "''")
        return f"'{doubled}'"
    if _plain(value, flow):
        return value
    if "'" in value:
        return None if '"' in value or "\\" in value else f'"{value}"'
    return f"'{value}'"


def _plain(value: str, flow: bool) -> bool:
    first = value[0]
    if first in NOT_FIRST or (first in "?:-" and (len(value) == 1 or value[1] == " ")):
        return False
    if value.startswith(("---", "...")) or ": " in value or " #" in value or value.endswith(":"):
        return False
    if flow and any(c in FLOW_INDICATORS for c in value):
        return False
    return _resolves_to_text(value)


def _resolves_to_text(value: str) -> bool:
    """YAML reads it back as text, not as a number, date, boolean or null ('1.5', 'no' is text in YAML 1.2)."""
    return bool(_resolver().resolve(ScalarNode, value, (True, False)) == TEXT_TAG)


@cache
def _resolver() -> Any:
    return YAML().resolver
