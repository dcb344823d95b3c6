"""What a teacher who edited a bank by hand can do about a YAML error, in plain words."""

from __future__ import annotations

from typing import Any

QUOTE_IT = "put the value in quotes (\"...\", or '...' if it holds a double quote)"


def yaml_advice(problem: str, context: str, text: str, mark: Any) -> str:
    """What a teacher who edited the bank by hand can do about a YAML error, in plain words."""
    line = text.splitlines()[mark.line] if mark is not None and mark.line < len(text.splitlines()) else ""
    if "mapping values are not allowed" in problem:
        first_colon = line.find(": ")
        if mark is not None and 0 <= first_colon < mark.column:
            return f"a colon followed by a space inside an unquoted value: {QUOTE_IT}"
        return "this line is indented differently from the field above it: line up each field of an item under the one before"
    if "'\\t'" in problem or "'\t'" in problem:
        return "a tab: YAML indents with spaces only; replace the tab with spaces"
    if "cannot start any token" in problem:
        return f"a value cannot start with that character: {QUOTE_IT}"
    if "end of stream" in problem and "quoted" in context:
        return "a quote opened here is never closed: close it at the end of the value"
    if "expected <block end>" in problem:
        if "<scalar>" in problem:
            return f"text goes on after a closing quote: {QUOTE_IT}"
        return "this line is indented differently from the field above it: line up each field of an item under the one before"
    if "expected ',' or ']'" in problem:
        return "a list in [brackets] is not closed, or an entry in it holds a colon: close the bracket, and put such an entry in quotes"
    return ""
