"""Reading a bank fast, for the commands that only read it (validate, show, stats, export).

bank.parse_bank reads with ruamel.yaml's round-trip loader, which keeps comments and
formatting for a rebuild to write back, but is pure Python: a 5,000-item bank takes seconds.
Here LibYAML (PyYAML's C parser; its pure-Python parser where LibYAML is missing) gives the
events, and one loop turns them into the same values under the same rules as the round-trip
loader: YAML 1.2 scalars as ruamel reads them, duplicate keys and aliases refused with
ruamel's messages and line numbers, the same nesting limit. The values then go through the
very code parse_bank uses (bank.bank_from_data), so every later message is the same too.

Where the two parsers could differ, the round-trip loader decides: a file with a YAML
directive, an explicit tag, an anchor, a merge key (<<), a key that is not a scalar, a tab, or a line
break YAML 1.1 knows and 1.2 does not (NEL, U+2028, U+2029) is read by it whole; a syntax error
LibYAML reports, and an alias, are reported in the round-trip loader's words (it reads the
file up to just past them).
A test holds the two loaders equal on generated banks (tests/test_fastbank.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml.error import YAMLError as RuamelError

from .bank import bank_from_data, parse_bank, read_bank_text, round_trip_yaml
from .errors import BankError
from .models import Bank

try:
    from yaml import CSafeLoader as Loader
except ImportError:  # PyYAML built without LibYAML: its own parser, slower but the same events
    from yaml import SafeLoader as Loader

MAX_DEPTH = 50
"""As bank.round_trip_yaml's max_depth: a bank nests four levels."""
ROUND_TRIP_ONLY = re.compile("[\t\x85\u2028\u2029]|^%", re.M)
"""Text the round-trip loader reads whole: a tab (ruamel refuses tabs LibYAML takes; bank_to_yaml
writes none), line breaks of YAML 1.1 only, directives."""
BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
NULLS = {"", "~", "null", "Null", "NULL"}
PLAIN_INT = re.compile(r"0|[1-9][0-9]*")
"""Read by ruamel as a plain int; every other integer form is a ScalarInt subclass."""
PLAIN_FLOAT = re.compile(r"-?[0-9]+\.[0-9]+")
"""Read by ruamel as a float of the same value (a ScalarFloat, which prints the same)."""
SPECIAL = re.compile(  # ruamel's YAML 1.2 int, float and timestamp patterns (resolver.py)
    r"""^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+
    |[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
    |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
    |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
    |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
    |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
     (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""",
    re.X,
)
"""Plain scalars ruamel reads as something other than text, bool or null: made by ruamel itself."""


class RoundTripNeededError(Exception):
    """Something the round-trip loader must read itself."""


class LineCol:
    """Where a mapping starts, as ruamel's `.lc` says it (0-based); bank_fields.line_of reads it."""

    __slots__ = ("line",)

    def __init__(self, line: int) -> None:
        self.line = line


class Mapping(dict[Any, Any]):
    """A YAML mapping that knows its line, like ruamel's CommentedMap."""

    __slots__ = ("lc",)
    lc: LineCol


def load_bank_fast(path: str | Path) -> Bank:
    """bank.load_bank, read with LibYAML: the same Bank, or the same BankError."""
    return parse_bank_fast(read_bank_text(path), str(path))


def parse_bank_fast(text: str, name: str = "<bank>") -> Bank:
    """bank.parse_bank, read with LibYAML: the same Bank, or the same BankError."""
    if ROUND_TRIP_ONLY.search(text):
        return parse_bank(text, name)
    try:
        data = load_yaml(text, name)
    except (RoundTripNeededError, ValueError):  # ValueError: a value YAML cannot make (5,000 digits, 2024-02-30)
        return parse_bank(text, name)
    except yaml.MarkedYAMLError as exc:  # a syntax error or an alias: in the round-trip loader's words
        mark = exc.problem_mark or exc.context_mark
        return round_trip_error(text, name, mark.line if mark else None)
    return bank_from_data(data, name)


def load_yaml(text: str, name: str) -> Any:
    """The document's value, built from LibYAML's events as ruamel's round-trip loader builds it."""
    loader = Loader(text)
    try:
        return _construct(loader, name)
    finally:
        loader.dispose()


def _construct(loader: Any, name: str) -> Any:
    get = loader.get_event
    get()  # stream start
    event = get()
    if isinstance(event, yaml.StreamEndEvent):
        return None  # an empty file, or only comments
    if event.version or event.tags:
        raise RoundTripNeededError
    stack: list[list[Any]] = []  # [container, key or NO_KEY, key's mark] per open collection
    duplicate: BankError | None = None  # ruamel reports one after the whole file has parsed
    root: Any = None
    scalar, alias = yaml.ScalarEvent, yaml.AliasEvent
    seq_start, map_start = yaml.SequenceStartEvent, yaml.MappingStartEvent
    while True:
        event = get()
        kind = type(event)
        if kind is scalar:
            if event.tag is not None or event.anchor is not None:
                raise RoundTripNeededError  # an explicit tag; an anchor (the parsers differ on what may name one)
            if len(stack) >= MAX_DEPTH:
                raise _too_deep(event, name)
            value = event.value
            if event.implicit[0]:  # plain: its text decides what it is
                if value == "<<" or value == "=":
                    raise RoundTripNeededError  # a merge key, YAML's "value" key
                value = _scalar(value)
        elif kind is map_start or kind is seq_start:
            if event.tag is not None or event.anchor is not None:
                raise RoundTripNeededError
            if len(stack) >= MAX_DEPTH:
                raise _too_deep(event, name)
            if kind is map_start:
                mapping = Mapping()
                mapping.lc = LineCol(event.start_mark.line)
                stack.append([mapping, NO_KEY, None])
            else:
                stack.append([[], NO_KEY, None])
            continue
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            value = stack.pop()[0]
        elif kind is alias:  # refused; the round-trip loader names it (the parsers differ on alias names)
            raise yaml.MarkedYAMLError(problem="an alias", problem_mark=event.start_mark)
        else:  # document end
            after = get()
            if not isinstance(after, yaml.StreamEndEvent):  # a second document
                raise yaml.MarkedYAMLError(problem="another document", problem_mark=after.start_mark)
            if duplicate is not None:
                raise duplicate
            return root
        if not stack:
            root = value
            continue
        frame = stack[-1]
        container = frame[0]
        if type(container) is list:
            container.append(value)
        elif frame[1] is NO_KEY:
            if kind is not scalar:
                raise RoundTripNeededError  # a mapping or list as a key
            frame[1], frame[2] = value, event.start_mark
        else:
            key = frame[1]
            if key in container:
                if duplicate is None:
                    duplicate = _duplicate(key, value, container[key], frame[2], name)
            else:
                container[key] = value
            frame[1] = NO_KEY


NO_KEY = object()
"""A mapping frame waiting for its next key."""


def _scalar(value: str) -> Any:
    """A plain scalar as ruamel's YAML 1.2 round-trip loader reads it."""
    first = value[:1]
    if first in "tTfF" and value in BOOLS:
        return BOOLS[value]
    if value in NULLS:
        return None
    if first in "-+0123456789." and SPECIAL.match(value):
        if PLAIN_INT.fullmatch(value):
            return int(value)
        if PLAIN_FLOAT.fullmatch(value):
            return float(value)
        # 0x1F, 007, 2024-01-01: ruamel's own object prints as ruamel's does (a new loader each
        # time: one that raised keeps its state)
        return round_trip_yaml().load(value)
    return value


def _too_deep(event: Any, name: str) -> BankError:
    return BankError(
        f"{name}:{event.start_mark.line + 1}:{event.start_mark.column + 1}: not valid YAML: nested too deeply for a bank"
    )


def _duplicate(key: Any, value: Any, original: Any, mark: Any, name: str) -> BankError:
    problem = f'found duplicate key "{key}" with value "{value}" (original value: "{original}")'
    return BankError(f"{name}:{mark.line + 1}:{mark.column + 1}: not valid YAML: {problem}")


MARGIN = 50
"""Lines read past a syntax error when asking the round-trip loader for its words."""


def round_trip_error(text: str, name: str, line: int | None) -> Bank:
    """The round-trip loader's verdict on a file LibYAML found a syntax error in (0-based
    `line`): it reads the file up to MARGIN lines past that line, and its error there is the
    error (an error near the cut may be the cut's own, so then it reads the whole file)."""
    if line is not None:
        lines = text.splitlines(keepends=True)
        cut = line + MARGIN
        if cut < len(lines):
            head = "".join(lines[:cut])
            try:
                round_trip_yaml().load(head)
            except RuamelError as exc:
                mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
                if mark is not None and mark.line < cut - 3:
                    return parse_bank(head, name)  # raises that error, in parse_bank's words
    return parse_bank(text, name)
