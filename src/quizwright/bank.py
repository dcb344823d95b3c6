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

from .bank_fields import characters, is_text, line_of, number_field, sequence, text_field, unreadable_value
from .bank_text import items_text
from .errors import BankError
from .files import locked, write_atomic
from .models import SCHEMA, TEACHER, AnswerKind, Bank, BuildRecord, Item, ItemType, Source, SourceRef, Status
from .yaml_advice import yaml_advice

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
    return parse_bank(read_bank_text(path), str(path))


def read_bank_text(path: str | Path) -> str:
    """A bank file's text; BankError with a one-line reason if it cannot be read."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BankError(f"{path}: no such bank file") from None
    except IsADirectoryError:
        raise BankError(f"{path}: is a folder; give the bank's .yaml file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BankError(f"{path}: cannot read the bank ({exc.__class__.__name__}: {exc})") from None


def parse_bank(text: str, name: str = "<bank>") -> Bank:
    try:
        data = round_trip_yaml().load(text)
    except ValueError as exc:  # a number of thousands of digits, a date that is none: YAML's reading of them fails
        raise BankError(unreadable_value(text, name, exc)) from None
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if isinstance(exc, MaxDepthExceededError):
            problem = "nested too deeply for a bank"
        if "end of stream" in problem and getattr(exc, "context_mark", None) is not None:
            mark = getattr(
                exc, "context_mark", None
            )  # where the unclosed quote or bracket opened, not the end of the file
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        advice = yaml_advice(problem, str(getattr(exc, "context", "") or ""), text, mark)
        raise BankError(f"{where}: not valid YAML: {problem}" + (f"; {advice}" if advice else "")) from None
    return bank_from_data(data, name)


def bank_from_data(data: Any, name: str) -> Bank:
    """The Bank a loaded YAML document describes (mappings carry their line as `.lc.line`)."""
    if not isinstance(data, dict):
        raise BankError(f"{name}: not a quizwright bank (expected a mapping with schema, title, sources, items)")
    if "schema" not in data:
        raise BankError(f"{name}: no 'schema' field; a quizwright bank starts with 'schema: {SCHEMA}'")
    if data.get("schema") != SCHEMA:
        raise BankError(f"{name}: unknown schema {data.get('schema')!r}; this quizwright reads {SCHEMA}")
    sources = tuple(_source(s, name) for s in sequence(data, "sources", name))
    items = tuple(_item(i, name) for i in sequence(data, "items", name))
    return Bank(
        title=text_field(data, "title", name, required=False) or "",
        sources=sources,
        items=items,
        id=text_field(data, "id", name, required=False) or "",
        build=_build(data, name),
    )


def _build(data: Any, name: str) -> BuildRecord | None:
    node = data.get("build")
    if node is None:
        return None
    if not isinstance(node, dict):
        raise BankError(f"{name}:{line_of(data)}: 'build' must be a mapping with readings and settings")
    readings = tuple(str(r) for r in sequence(node, "readings", name) if is_text(r))
    settings = node.get("settings") or {}
    if not isinstance(settings, dict):
        raise BankError(f"{name}:{line_of(node)}: 'settings' under 'build' must be a mapping")
    return BuildRecord(readings, {str(k): v for k, v in settings.items()})


def _source(node: Any, name: str) -> Source:
    if not isinstance(node, dict):
        raise BankError(f"{name}: each source must be a mapping with id, path and sha256")
    source_id = text_field(node, "id", name) or ""
    owner = f"source {source_id}: "
    return Source(
        id=source_id,
        path=text_field(node, "path", name, owner=owner) or "",
        sha256=text_field(node, "sha256", name, required=False, owner=owner) or "",
        title=text_field(node, "title", name, required=False, owner=owner),
    )


def _item(node: Any, name: str) -> Item:
    if not isinstance(node, dict):
        raise BankError(f"{name}: each item must be a mapping")
    source = node.get("source")
    if source == TEACHER:
        source = {"doc": TEACHER, "sentence": ""}
    elif not isinstance(source, dict):
        raise BankError(
            f"{name}:{line_of(node)}: item needs a 'source' with doc and sentence (or 'source: {TEACHER}' for your own question)"
        )
    distractors = node.get("distractors") or []
    if not isinstance(distractors, list):
        raise BankError(f"{name}:{line_of(node)}: 'distractors' must be a list")
    item_id = text_field(node, "id", name) or ""
    owner = f"item {item_id}: "

    def text(key: str, required: bool = False, within: Any = node) -> str | None:
        return text_field(within, key, name, required, owner, at=node)

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
            sentence=text("sentence", source.get("doc") != TEACHER, source) or "",
            page=number_field(source, "page", name, int),
        ),
        question=text("question"),
        context=text("context"),
        distractors=tuple(_distractor(d, n, node, name, owner) for n, d in enumerate(distractors, 1)),
        text=text("text"),
        score=number_field(node, "score", name, float),
        line=line_of(node),
    )


def _distractor(value: Any, n: int, item: Any, name: str, owner: str) -> str:
    if not is_text(value):
        raise BankError(
            f"{name}:{line_of(item)}: distractor {n} must be text (in quotes if YAML could read it otherwise)"
        )
    return characters(str(value), f"{name}:{line_of(item)}: {owner}distractor {n}")


def bank_to_yaml(bank: Bank, header: str = HEADER) -> str:
    """The bank as YAML text: deterministic, one key order, one sentence per line; as
    ruamel.yaml writes bank_tree(bank), its items written by bank_text (the same text, faster)."""
    tree = bank_tree(bank)
    items = tree["items"]
    if not items:
        return header + dumped(tree)
    tree["items"] = []
    head = dumped(tree)  # ends 'items: []'
    return header + head.removesuffix(" []\n") + "\n" + items_text(items, _item_by_ruamel)


def bank_tree(bank: Bank) -> CommentedMap:
    """The bank as the tree ruamel.yaml writes."""
    tree = CommentedMap()
    tree["schema"] = bank.schema
    if bank.id:
        tree["id"] = bank.id
    tree["title"] = bank.title
    if bank.build is not None:
        tree["build"] = build_map(bank.build)
    tree["sources"] = [source_map(s) for s in bank.sources]
    tree["items"] = [item_map(i) for i in bank.items]
    return tree


def dumped(tree: CommentedMap) -> str:
    out = io.StringIO()
    round_trip_yaml().dump(tree, out)
    return out.getvalue()


def _item_by_ruamel(item: CommentedMap) -> str:
    return dumped(CommentedMap(items=[item])).removeprefix("items:\n")


def source_map(source: Source) -> CommentedMap:
    m = CommentedMap()
    m["id"], m["path"], m["sha256"] = source.id, source.path, source.sha256
    if source.title:
        m["title"] = source.title
    return m


def build_map(record: BuildRecord) -> CommentedMap:
    m = CommentedMap()
    m["readings"] = list(record.readings)
    settings = CommentedMap(record.settings)
    settings.fa.set_flow_style()
    m["settings"] = settings
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
    if item.source.by_teacher:
        m["source"] = TEACHER
        return m
    src = CommentedMap()
    src["doc"], src["sentence"] = item.source.doc, item.source.sentence
    if item.source.page is not None:
        src["page"] = item.source.page
    m["source"] = src
    return m


def give_id(tree: CommentedMap) -> None:
    """Record a bank's id where a bank from before ids has none: its title, which its Anki GUIDs
    were made from, so that they stay as they were (inserted after `schema:`)."""
    if not tree.get("id"):
        tree.insert(key_position(tree, "schema"), "id", str(tree.get("title") or ""))


def key_position(tree: CommentedMap, key: str) -> int:
    """Where a new key goes to follow `key` (at the end if there is none)."""
    keys = list(tree)
    return keys.index(key) + 1 if key in keys else len(keys)


def flow_value(value: str) -> str:
    """A distractor as it can go into a flow list: ruamel leaves "? x" plain there, where it reads back as a key."""
    return SingleQuotedScalarString(value) if value[:1] in "?:-" else value


def _plain(value: str) -> str:
    return str.__str__(value)


def _flow(values: tuple[str, ...]) -> CommentedSeq:
    # ruamel leaves "? x" plain inside a flow list, where it reads back as a mapping key.
    seq = CommentedSeq(flow_value(v) for v in values)
    seq.fa.set_flow_style()
    return seq


def save_bank(bank: Bank, path: str | Path) -> None:
    """Write the bank to `path` atomically, keeping the file it replaces as PATH.bak, holding
    the bank's lock (files.locked) while it does."""
    with locked(path):
        write_atomic(path, bank_to_yaml(bank, schema_comment(path) + HEADER).encode("utf-8"), keep_backup=True)
