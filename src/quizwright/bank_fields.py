"""What one field of a loaded bank may hold: text, numbers, lists, characters; each refusal
one line naming the bank, the line and the field. (bank.py reads the bank with these.)"""

from __future__ import annotations

import datetime
import re
from typing import Any

from .errors import BankError

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters a bank may not hold: all but tab, line feed and carriage return."""
SURROGATE = re.compile(r"[\ud800-\udfff]")


def unreadable_value(text: str, name: str, exc: ValueError) -> str:
    """Where the value is that YAML took for a number or a date and could not make one of."""
    long = re.search(r"(?<![\w.])[-+]?(?:0x)?[0-9a-fA-F_]{4000,}", text)
    if long is not None:
        line = text.count("\n", 0, long.start()) + 1
        return f"{name}:{line}: a number of {len(long.group()):,} digits; if it is text, put it in quotes"
    for date in re.finditer(r"(?<=: )(\d{4})-(\d\d?)-(\d\d?)\b", text):
        try:
            datetime.date(*map(int, date.groups()))
        except ValueError as wrong:
            line = text.count("\n", 0, date.start()) + 1
            return f"{name}:{line}: YAML reads {date.group()} as a date, and it is none ({wrong}); put it in quotes"
    return f"{name}: not valid YAML: {exc}"


def sequence(data: Any, key: str, name: str) -> list[Any]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise BankError(f"{name}:{line_of(data)}: '{key}' must be a list")
    return value


def line_of(node: Any) -> int | None:
    lc = getattr(node, "lc", None)
    return lc.line + 1 if lc is not None else None


def text_field(node: Any, key: str, name: str, required: bool = True, owner: str = "", at: Any = None) -> str | None:
    """The field as text. A message about its characters names `owner` ('item ID: ') at the line
    of `at` (the item, for a field of its source), else of `node`."""
    value = node.get(key)
    if value is None:
        if required:
            raise BankError(f"{name}:{line_of(node)}: missing required field '{key}'")
        return None
    if is_text(value):
        return characters(str(value), f"{name}:{line_of(node if at is None else at)}: {owner}field '{key}'")
    if isinstance(value, (dict, list)):
        raise BankError(f"{name}:{line_of(node)}: field '{key}' must be text")
    # 1.50, 007, 0x1F, true, 2024-01-01: YAML reads these as something else and would change them.
    raise BankError(
        f"{name}:{line_of(node)}: field '{key}' must be text; YAML reads {value!s} as a {kind_of(value)}: put it in quotes"
    )


def is_text(value: Any) -> bool:
    return isinstance(value, str) or type(value) is int  # 1950 unquoted is still the text 1950


def kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false value"
    if isinstance(value, (int, float)):
        return "number"
    return "date" if hasattr(value, "isoformat") else type(value).__name__


def characters(text: str, where: str) -> str:
    """The text, if every character in it can go into a bank and out to every export.

    YAML's escapes let a file hold what no export can carry: control characters (a \\x1f makes
    Anki refuse the whole deck) and lone UTF-16 surrogates ("\\ud800", half of a character,
    which cannot even be encoded). An escaped surrogate pair is read as the one character it is.
    """
    if SURROGATE.search(text):
        try:
            text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
        except UnicodeDecodeError:
            lone = SURROGATE.search(text)
            assert lone is not None
            raise BankError(
                f"{where} holds a lone surrogate (\\u{ord(lone.group()):04x}), half of a character, "
                "which cannot be written out; delete it or write the character itself"
            ) from None
    control = CONTROL.search(text)
    if control:
        raise BankError(
            f"{where} holds the control character U+{ord(control.group()):04X} (invisible in an editor); delete it"
        )
    return text


def number_field(node: Any, key: str, name: str, kind: type) -> Any:
    value = node.get(key)
    if value is None:
        return None
    wanted = "a whole number" if kind is int else "a number"
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (kind is int and not isinstance(value, int)):
        raise BankError(f"{name}:{line_of(node)}: field '{key}' must be {wanted}, not {value!r}")
    try:
        return kind(value)
    except OverflowError:  # a whole number of hundreds of digits as a float
        raise BankError(f"{name}:{line_of(node)}: field '{key}' must be {wanted} of a sensible size") from None
