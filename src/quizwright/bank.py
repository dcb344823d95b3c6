"""Question banks: YAML on disk <-> Bank records, written atomically."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from .errors import BankError
from .models import SCHEMA, Bank, Item, Source, SourceRef

HEADER = "# quizwright question bank: review each item, then set status to approved or rejected.\n"


def _yaml() -> YAML:
    yaml = YAML()  # round-trip: keeps comments, key order and line numbers
    yaml.width = 4096  # one sentence per line, so diffs stay readable
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_duplicate_keys = False
    return yaml


def load_bank(path: str | Path) -> Bank:
    """Read a bank file; raise BankError with a one-line reason if it is not a usable bank."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BankError(f"{path}: no such bank file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BankError(f"{path}: cannot read the bank ({exc.__class__.__name__}: {exc})") from None
    return parse_bank(text, str(path))


def parse_bank(text: str, name: str = "<bank>") -> Bank:
    try:
        data = _yaml().load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise BankError(f"{where}: not valid YAML: {problem}") from None
    if not isinstance(data, dict):
        raise BankError(f"{name}: not a quizwright bank (expected a mapping with schema, title, sources, items)")
    if data.get("schema") != SCHEMA:
        raise BankError(f"{name}: unknown schema {data.get('schema')!r}; this quizwright reads {SCHEMA}")
    sources = tuple(_source(s, name) for s in _seq(data, "sources", name))
    items = tuple(_item(i, name) for i in _seq(data, "items", name))
    return Bank(title=str(data.get("title") or ""), sources=sources, items=items)


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
    if isinstance(value, (dict, list)):
        raise BankError(f"{name}:{_line(node)}: field '{key}' must be text")
    return str(value)


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
    score = node.get("score")
    return Item(
        id=_text(node, "id", name) or "",
        type=_text(node, "type", name) or "",
        status=_text(node, "status", name, required=False) or "draft",
        answer=_text(node, "answer", name) or "",
        answer_kind=_text(node, "answer_kind", name, required=False) or "term",
        source=SourceRef(doc=_text(source, "doc", name) or "", sentence=_text(source, "sentence", name) or ""),
        question=_text(node, "question", name, required=False),
        distractors=tuple(str(d) for d in distractors),
        text=_text(node, "text", name, required=False),
        score=float(score) if isinstance(score, (int, float)) else None,
        line=_line(node),
    )


def bank_to_yaml(bank: Bank) -> str:
    """The bank as YAML text: deterministic, one key order, one sentence per line."""
    doc = CommentedMap()
    doc["schema"] = bank.schema
    doc["title"] = bank.title
    doc["sources"] = [_source_map(s) for s in bank.sources]
    doc["items"] = [_item_map(i) for i in bank.items]
    out = io.StringIO()
    _yaml().dump(doc, out)
    return HEADER + out.getvalue()


def _source_map(source: Source) -> CommentedMap:
    m = CommentedMap()
    m["id"], m["path"], m["sha256"] = source.id, source.path, source.sha256
    return m


def _item_map(item: Item) -> CommentedMap:
    m = CommentedMap()
    m["id"], m["type"], m["status"] = item.id, item.type, item.status
    if item.type == "mcq":
        m["question"] = item.question
        m["answer"] = item.answer
        m["distractors"] = _flow(item.distractors)
    else:
        m["text"] = item.text
        m["answer"] = item.answer
    m["answer_kind"] = item.answer_kind
    if item.score is not None:
        m["score"] = round(item.score, 3)
    src = CommentedMap()
    src["doc"], src["sentence"] = item.source.doc, item.source.sentence
    m["source"] = src
    return m


def _flow(values: tuple[str, ...]) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def write_text_atomic(path: str | Path, text: str, keep_backup: bool = True) -> None:
    """Write via a temporary file in the same folder, fsync, then rename over the target.

    An interrupted write leaves the old file as it was; the old file is kept as PATH.bak.
    """
    write_bytes_atomic(path, text.encode("utf-8"), keep_backup)


def write_bytes_atomic(path: str | Path, data: bytes, keep_backup: bool = False) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if keep_backup and path.exists():
            backup = path.with_name(path.name + ".bak")
            backup.write_bytes(path.read_bytes())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_bank(bank: Bank, path: str | Path) -> None:
    write_text_atomic(path, bank_to_yaml(bank))


def merge_bank_text(existing: str, new: Bank) -> tuple[str, int]:
    """Add the new bank's unseen items to an existing bank's YAML, touching nothing else.

    Every existing item stays exactly as the teacher left it (comments and formatting
    included, through ruamel's round trip), rejected ones too, so they are not generated
    again; sources are added or their sha256 updated. Returns the text and how many items
    were added.
    """
    parse_bank(existing)  # refuse a file that is not a readable bank
    yaml = _yaml()
    doc = yaml.load(existing)
    if doc.get("items") is None:
        doc["items"] = CommentedSeq()
    if doc.get("sources") is None:
        doc["sources"] = CommentedSeq()
    known = {str(item.get("id")) for item in doc["items"]}
    added = [item for item in new.items if item.id not in known]
    for item in added:
        doc["items"].append(_item_map(item))
    by_id = {str(s.get("id")): s for s in doc["sources"]}
    for source in new.sources:
        if source.id in by_id:
            by_id[source.id]["sha256"] = source.sha256
        else:
            doc["sources"].append(_source_map(source))
    out = io.StringIO()
    yaml.dump(doc, out)
    return out.getvalue(), len(added)
