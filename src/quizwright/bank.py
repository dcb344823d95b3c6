"""Question banks: YAML on disk <-> Bank records, written atomically."""

from __future__ import annotations

import io
import os
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


def _text(node: Any, key: str, name: str, required: bool = True) -> str | None:
    value = node.get(key)
    if value is None:
        if required:
            raise BankError(f"{name}:{_line(node)}: missing required field '{key}'")
        return None
    if _is_text(value):
        return str(value)
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


def _number(node: Any, key: str, name: str, kind: type) -> Any:
    value = node.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (kind is int and not isinstance(value, int)):
        wanted = "a whole number" if kind is int else "a number"
        raise BankError(f"{name}:{_line(node)}: field '{key}' must be {wanted}, not {value!r}")
    return kind(value)


def _source(node: Any, name: str) -> Source:
    if not isinstance(node, dict):
        raise BankError(f"{name}: each source must be a mapping with id, path and sha256")
    return Source(
        id=_text(node, "id", name) or "",
        path=_text(node, "path", name) or "",
        sha256=_text(node, "sha256", name, required=False) or "",
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
    return Item(
        fingerprint=_text(node, "fingerprint", name, required=False),
        stale=_text(node, "stale", name, required=False),
        id=_text(node, "id", name) or "",
        type=_text(node, "type", name) or "",
        status=_text(node, "status", name, required=False) or Status.DRAFT,
        answer=_text(node, "answer", name) or "",
        answer_kind=_text(node, "answer_kind", name, required=False) or AnswerKind.TERM,
        source=SourceRef(
            doc=_text(source, "doc", name) or "",
            sentence=_text(source, "sentence", name) or "",
            page=_number(source, "page", name, int),
        ),
        question=_text(node, "question", name, required=False),
        context=_text(node, "context", name, required=False),
        distractors=tuple(_distractor(d, n, node, name) for n, d in enumerate(distractors, 1)),
        text=_text(node, "text", name, required=False),
        score=_number(node, "score", name, float),
        line=_line(node),
    )


def _distractor(value: Any, n: int, item: Any, name: str) -> str:
    if not _is_text(value):
        raise BankError(
            f"{name}:{_line(item)}: distractor {n} must be text (in quotes if YAML could read it otherwise)"
        )
    return str(value)


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
