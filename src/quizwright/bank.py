"""Question banks: YAML on disk <-> Bank records, written atomically."""

from __future__ import annotations

import datetime
import io
import os
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer, ComposerError, MaxDepthExceededError
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import AliasEvent
from ruamel.yaml.scalarstring import SingleQuotedScalarString

from .errors import BankError
from .files import locked, write_atomic
from .models import SCHEMA, AnswerKind, Bank, Item, ItemType, Source, SourceRef, Status

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters a bank may not hold: all but tab, line feed and carriage return."""
SURROGATE = re.compile(r"[\ud800-\udfff]")

HEADER = "# quizwright question bank: review each item, then set status to approved or rejected.\n"
SCHEMA_FILE = Path(__file__).parent / "schema" / "bank.schema.json"


def schema_comment(bank_path: str | Path) -> str:
    """Points a YAML language server at the shipped JSON Schema, relative to the bank."""
    target = Path(os.path.relpath(SCHEMA_FILE.resolve(), Path(bank_path).resolve().parent)).as_posix()
    return f"# yaml-language-server: $schema={target}\n"


class NoAliasComposer(Composer):
    """Refuses YAML aliases (`*name`): a bank never needs them, and nested aliases can expand a
    few lines into gigabytes (a "billion laughs" bomb) once anything walks the data."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.parser.check_event(AliasEvent):
            event = self.parser.peek_event()
            raise ComposerError(
                None, None, f"found an alias (*{event.anchor}); write the value out instead", event.start_mark
            )
        return super().compose_node(parent, index)


def round_trip_yaml() -> YAML:
    yaml = YAML()  # round-trip: keeps comments, key order and line numbers
    yaml.width = 4096  # one sentence per line, so diffs stay readable
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_duplicate_keys = False
    yaml.Composer = NoAliasComposer
    yaml.max_depth = 50  # a bank nests four levels; thousands of brackets would exhaust the stack
    return yaml


def load_bank(path: str | Path) -> Bank:
    """Read a bank file; raise BankError with a one-line reason if it is not a usable bank."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BankError(f"{path}: no such bank file") from None
    except IsADirectoryError:
        raise BankError(f"{path}: is a folder; give the bank's .yaml file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BankError(f"{path}: cannot read the bank ({exc.__class__.__name__}: {exc})") from None
    return parse_bank(text, str(path))


def parse_bank(text: str, name: str = "<bank>") -> Bank:
    try:
        data = round_trip_yaml().load(text)
    except ValueError as exc:  # a number of thousands of digits, a date that is none: YAML's reading of them fails
        raise BankError(_unreadable_value(text, name, exc)) from None
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if isinstance(exc, MaxDepthExceededError):
            problem = "nested too deeply for a bank"
        raise BankError(f"{where}: not valid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise BankError(f"{name}: not a quizwright bank (expected a mapping with schema, title, sources, items)")
    if "schema" not in data:
        raise BankError(f"{name}: no 'schema' field; a quizwright bank starts with 'schema: {SCHEMA}'")
    if data.get("schema") != SCHEMA:
        raise BankError(f"{name}: unknown schema {data.get('schema')!r}; this quizwright reads {SCHEMA}")
    sources = tuple(_source(s, name) for s in _seq(data, "sources", name))
    items = tuple(_item(i, name) for i in _seq(data, "items", name))
    return Bank(title=_text(data, "title", name, required=False) or "", sources=sources, items=items)


def _unreadable_value(text: str, name: str, exc: ValueError) -> str:
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


def _seq(data: Any, key: str, name: str) -> list[Any]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise BankError(f"{name}:{_line(data)}: '{key}' must be a list")
    return value


def _line(node: Any) -> int | None:
    lc = getattr(node, "lc", None)
    return lc.line + 1 if lc is not None else None


def _text(node: Any, key: str, name: str, required: bool = True, owner: str = "", at: Any = None) -> str | None:
    """The field as text. A message about its characters names `owner` ('item ID: ') at the line
    of `at` (the item, for a field of its source), else of `node`."""
    value = node.get(key)
    if value is None:
        if required:
            raise BankError(f"{name}:{_line(node)}: missing required field '{key}'")
        return None
    if _is_text(value):
        return _characters(str(value), f"{name}:{_line(node if at is None else at)}: {owner}field '{key}'")
    if isinstance(value, (dict, list)):
        raise BankError(f"{name}:{_line(node)}: field '{key}' must be text")
    # 1.50, 007, 0x1F, true, 2024-01-01: YAML reads these as something else and would change them.
    raise BankError(
        f"{name}:{_line(node)}: field '{key}' must be text; YAML reads {value!s} as a {_kind(value)}: put it in quotes"
    )


def _is_text(value: Any) -> bool:
    return isinstance(value, str) or type(value) is int  # 1950 unquoted is still the text 1950


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false value"
    if isinstance(value, (int, float)):
        return "number"
    return "date" if hasattr(value, "isoformat") else type(value).__name__


def _characters(text: str, where: str) -> str:
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


def _number(node: Any, key: str, name: str, kind: type) -> Any:
    value = node.get(key)
    if value is None:
        return None
    wanted = "a whole number" if kind is int else "a number"
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (kind is int and not isinstance(value, int)):
        raise BankError(f"{name}:{_line(node)}: field '{key}' must be {wanted}, not {value!r}")
    try:
        return kind(value)
    except OverflowError:  # a whole number of hundreds of digits as a float
        raise BankError(f"{name}:{_line(node)}: field '{key}' must be {wanted} of a sensible size") from None


def _source(node: Any, name: str) -> Source:
    if not isinstance(node, dict):
        raise BankError(f"{name}: each source must be a mapping with id, path and sha256")
    source_id = _text(node, "id", name) or ""
    owner = f"source {source_id}: "
    return Source(
        id=source_id,
        path=_text(node, "path", name, owner=owner) or "",
        sha256=_text(node, "sha256", name, required=False, owner=owner) or "",
    )


def _item(node: Any, name: str) -> Item:
    if not isinstance(node, dict):
        raise BankError(f"{name}: each item must be a mapping")
    source = node.get("source")
    if not isinstance(source, dict):
        raise BankError(f"{name}:{_line(node)}: item needs a 'source' with doc and sentence")
    distractors = node.get("distractors") or []
    if not isinstance(distractors, list):
        raise BankError(f"{name}:{_line(node)}: 'distractors' must be a list")
    item_id = _text(node, "id", name) or ""
    owner = f"item {item_id}: "

    def text(key: str, required: bool = False, within: Any = node) -> str | None:
        return _text(within, key, name, required, owner, at=node)

    return Item(
        fingerprint=text("fingerprint"),
        stale=text("stale"),
        id=item_id,
        type=text("type", True) or "",
        status=text("status") or Status.DRAFT,
        answer=text("answer", True) or "",
        answer_kind=text("answer_kind") or AnswerKind.TERM,
        source=SourceRef(
            doc=text("doc", True, source) or "",
            sentence=text("sentence", True, source) or "",
            page=_number(source, "page", name, int),
        ),
        question=text("question"),
        context=text("context"),
        distractors=tuple(_distractor(d, n, node, name, owner) for n, d in enumerate(distractors, 1)),
        text=text("text"),
        score=_number(node, "score", name, float),
        line=_line(node),
    )


def _distractor(value: Any, n: int, item: Any, name: str, owner: str) -> str:
    if not _is_text(value):
        raise BankError(
            f"{name}:{_line(item)}: distractor {n} must be text (in quotes if YAML could read it otherwise)"
        )
    return _characters(str(value), f"{name}:{_line(item)}: {owner}distractor {n}")


def bank_to_yaml(bank: Bank, header: str = HEADER) -> str:
    """The bank as YAML text: deterministic, one key order, one sentence per line."""
    doc = CommentedMap()
    doc["schema"] = bank.schema
    doc["title"] = bank.title
    doc["sources"] = [source_map(s) for s in bank.sources]
    doc["items"] = [item_map(i) for i in bank.items]
    out = io.StringIO()
    round_trip_yaml().dump(doc, out)
    return header + out.getvalue()


def source_map(source: Source) -> CommentedMap:
    m = CommentedMap()
    m["id"], m["path"], m["sha256"] = source.id, source.path, source.sha256
    return m


def item_map(item: Item) -> CommentedMap:
    m = CommentedMap()
    # ruamel writes only plain str as a YAML string: the members go out as their values
    m["id"], m["type"], m["status"] = item.id, _plain(item.type), _plain(item.status)
    if item.context:
        m["context"] = item.context
    if item.type == ItemType.MCQ:
        m["question"] = item.question
        m["answer"] = item.answer
        m["distractors"] = _flow(item.distractors)
    else:
        m["text"] = item.text
        m["answer"] = item.answer
    m["answer_kind"] = _plain(item.answer_kind)
    if item.score is not None:
        m["score"] = round(item.score, 3)
    if item.fingerprint:
        m["fingerprint"] = item.fingerprint
    if item.stale:
        m["stale"] = item.stale
    src = CommentedMap()
    src["doc"], src["sentence"] = item.source.doc, item.source.sentence
    if item.source.page is not None:
        src["page"] = item.source.page
    m["source"] = src
    return m


def _plain(value: str) -> str:
    return str.__str__(value)


def _flow(values: tuple[str, ...]) -> CommentedSeq:
    # ruamel leaves "? x" plain inside a flow list, where it reads back as a mapping key.
    seq = CommentedSeq(SingleQuotedScalarString(v) if v[:1] in "?:-" else v for v in values)
    seq.fa.set_flow_style()
    return seq


def save_bank(bank: Bank, path: str | Path) -> None:
    """Write the bank to `path` atomically, keeping the file it replaces as PATH.bak, holding
    the bank's lock (files.locked) while it does."""
    with locked(path):
        write_atomic(path, bank_to_yaml(bank, schema_comment(path) + HEADER).encode("utf-8"), keep_backup=True)
