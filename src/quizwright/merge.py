"""Rebuilding into a bank a teacher has edited: add what is new, keep what is theirs.

Works on ruamel's round-trip tree, so comments, key order and formatting of everything
not changed here survive byte for byte. Linear in the bank: its values are read once (with
LibYAML), its tree once, each item visited once against the build's items indexed by id, the
retired dropped in one pass; progress is told as the tree is read, merged and written.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import io
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .bank import build_map, give_id, item_map, key_position, round_trip_yaml, save_bank, source_map
from .checks import lines_by_id
from .errors import BankError
from .fastbank import parse_bank_fast
from .files import locked, write_atomic
from .matching import sentence_at
from .models import Bank, Item, MergeReport, Status

GENERATED_FIELDS = ("question", "text", "answer", "distractors", "answer_kind", "score", "fingerprint")
Progress = Callable[[str, int, int], None]
"""progress(what is being done, done, in all): characters read or written, items merged."""


def merge_bank(
    existing_text: str,
    new: Bank,
    doc_texts: dict[str, str],
    name: str = "<bank>",
    title: str | None = None,
    progress: Progress | None = None,
) -> tuple[str, MergeReport]:
    """The existing bank's YAML with the new build merged in, and what changed.

    - an item the teacher touched (status not draft, or edited since generated) stays as it is;
    - a rejected item stays rejected, and its id is never added again;
    - an untouched draft that the build produced again takes the new text; one it no longer
      produces from a document it read again is retired (removed), unless it carries a comment;
    - an item whose sentence is gone from its (re-read) document is kept and marked stale;
    - new items are appended as drafts; sources are added or their sha256 updated;
    - the bank keeps its id (a bank from before ids takes its title as its id, which keeps its
      Anki GUIDs); `title`, when given, replaces the title; the build record is replaced.
    """
    current = parse_bank_fast(existing_text, name)  # the values; the round-trip tree below is what is written
    _refuse_duplicate_ids(current.items, name)
    tree = round_trip_yaml().load(_Told(existing_text, "reading", progress))
    if tree.get("items") is None:
        tree["items"] = []
    if tree.get("sources") is None:
        tree["sources"] = []
    _merge_header(tree, new, title)
    report = MergeReport(into_existing=True)
    fresh_by_id = {item.id: item for item in new.items}
    noted = _commented_above(existing_text, current.items)
    every = max(1, len(current.items) // 100)
    for n, (node, item) in enumerate(zip(tree["items"], current.items)):
        _merge_item(node, item, fresh_by_id.get(item.id), doc_texts, report, item.id in noted)
        if progress and (n + 1) % every == 0:
            progress("merging", n + 1, len(current.items))
    retired = set(report.retired)
    _drop(tree["items"], {n for n, item in enumerate(current.items) if item.id in retired})
    known = {item.id for item in current.items}
    for item in new.items:
        if item.id not in known:
            tree["items"].append(item_map(item))
            report.added.append(item.id)
    _merge_sources(tree["sources"], new, report)
    out = _Told("", "writing", progress, len(existing_text))
    round_trip_yaml().dump(tree, out)
    return out.getvalue(), report


def _drop(nodes: CommentedSeq, indices: set[int]) -> None:
    """Delete the nodes at these indices in one pass, as `del nodes[i]` would one by one (each
    of which moves every node after it: quadratic when a build retires many): a comment
    ruamel filed under a dropped index goes with it, those under later ones move up."""
    if not indices:
        return
    kept = [node for n, node in enumerate(nodes) if n not in indices]
    comments = {n: c for n, c in nodes.ca.items.items() if n not in indices}
    gone = sorted(indices)
    list.__delitem__(nodes, slice(None))
    list.extend(nodes, kept)
    nodes.ca.items.clear()
    for n, comment in comments.items():
        nodes.ca.items[n - bisect.bisect_left(gone, n)] = comment  # less the dropped before it


class _Told(io.StringIO):
    """Text read or written through, with progress told every 1 % of `total` characters."""

    def __init__(self, text: str, label: str, progress: Progress | None, total: int | None = None) -> None:
        super().__init__(text)
        self.label, self.progress, self.total = label, progress, total if total is not None else len(text)
        self.done, self.told = 0, 0

    def read(self, size: int | None = -1, /) -> str:
        chunk = super().read(size)
        self._tell(len(chunk))
        return chunk

    def write(self, text: str, /) -> int:
        self._tell(len(text))
        return super().write(text)

    def _tell(self, count: int) -> None:
        self.done += count
        if self.progress and self.total and self.done - self.told >= self.total // 100:
            self.told = self.done
            self.progress(self.label, min(self.done, self.total), self.total)


def _merge_item(
    node: CommentedMap,
    item: Item,
    fresh: Item | None,
    doc_texts: dict[str, str],
    report: MergeReport,
    noted: bool = False,
) -> None:
    if item.source.by_teacher:  # quotes no reading: never stale, never retired
        report.kept += 1
        return
    text = doc_texts.get(item.source.doc)
    if text is not None and sentence_at(text, item.source.sentence) < 0:
        reason = f"the source sentence is no longer in {item.source.doc}"
        if node.get("stale") != reason:
            node["stale"] = reason
        report.stale.append((item.id, reason))
        return
    if text is not None and "stale" in node:
        del node["stale"]  # the sentence is back
    touched = item.status != Status.DRAFT or item.edited or noted or _has_comment(node) or _unverifiable(item, fresh)
    if fresh is None and text is not None and not touched and not node.get("stale"):
        report.retired.append(item.id)
        return
    if fresh is not None and not touched and fresh.content_hash() != item.content_hash():
        fresh_node = item_map(fresh)
        for key in GENERATED_FIELDS:
            if key in fresh_node:
                node[key] = fresh_node[key]
        report.refreshed.append(item.id)
        return
    if fresh is not None and not touched and item.legacy_fingerprint:
        node["fingerprint"] = fresh.fingerprint  # the same item: now fingerprinted in full
    report.kept += 1


def _unverifiable(item: Item, fresh: Item | None) -> bool:
    """An item whose fingerprint (quizwright 0.1's) does not cover its answer kind or source, and
    that the build did not make again with the same ones: whether they were edited cannot be told,
    so it counts as touched and is left as it is."""
    if not item.legacy_fingerprint:
        return False
    return fresh is None or (fresh.answer_kind, fresh.source) != (item.answer_kind, item.source)


def _refuse_duplicate_ids(items: tuple[Item, ...], name: str) -> None:
    """A copied item keeps its original's id; merging by id would treat the two as one."""
    shared = [
        f"{item_id} (lines {', '.join(str(n or '?') for n in at)})"
        for item_id, at in lines_by_id(items).items()
        if len(at) > 1
    ]
    if shared:
        raise BankError(
            f"{name}: items share an id: {'; '.join(shared)}; give each copy an id of its own "
            "(or delete it), then build again"
        )


def _commented_above(text: str, items: tuple[Item, ...]) -> set[str]:
    """Ids of items with a comment line right above them (ruamel files it under the item before)."""
    lines = text.splitlines()
    noted = set()
    for item in items:
        at = (item.line or 1) - 2
        while at >= 0 and (not lines[at].strip() or lines[at].lstrip().startswith("#")):
            if lines[at].lstrip().startswith("#"):
                noted.add(item.id)
                break
            at -= 1
    return noted


def _has_comment(node: object) -> bool:
    """A comment on or inside the item (ruamel also hangs the next item's leading comment here)."""
    ca = getattr(node, "ca", None)
    if ca and (ca.comment or any(ca.items.values())):
        return True
    values = node.values() if hasattr(node, "values") else node if isinstance(node, list) else ()
    return any(_has_comment(value) for value in values)


def _merge_header(tree: CommentedMap, new: Bank, title: str | None) -> None:
    """The bank's own fields: its id (never changed once there), its title, its build record."""
    give_id(tree)
    if title is not None and tree.get("title") != title:
        tree["title"] = title
    if new.build is not None:
        if "build" in tree:
            tree["build"] = build_map(new.build)
        else:
            tree.insert(key_position(tree, "title"), "build", build_map(new.build))


def _merge_sources(nodes: CommentedSeq, new: Bank, report: MergeReport) -> None:
    by_id = {str(node.get("id")): node for node in nodes}
    for source in new.sources:
        node = by_id.get(source.id)
        if node is None:
            nodes.append(source_map(source))
            report.new_sources.append(source.id)
            continue
        if node.get("sha256") != source.sha256:
            node["sha256"] = source.sha256
            report.changed_sources.append(source.id)
        if source.title and not node.get("title"):
            node["title"] = source.title


def new_bank_id(bank: Bank) -> str:
    """A new bank's id: from its title and readings when it is created, and kept from then on."""
    parts = [bank.title, *(f"{s.id}:{s.sha256}" for s in bank.sources)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def save_or_merge(
    bank: Bank,
    doc_texts: dict[str, str],
    path: Path,
    dry_run: bool = False,
    title: str | None = None,
    progress: Progress | None = None,
) -> MergeReport:
    """Write a new bank (giving it its id), or merge into the one at `path` (`title`, when
    given, replaces its title); with dry_run, only report.

    The bank is locked from reading it to writing it: a second build into it waits, then
    merges into what the first wrote.
    """
    with contextlib.nullcontext() if dry_run else locked(path):
        if not path.exists():
            report = MergeReport(added=[i.id for i in bank.items], new_sources=[s.id for s in bank.sources])
            if not dry_run:
                save_bank(bank if bank.id else replace(bank, id=new_bank_id(bank)), path)
            return report
        try:
            existing = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise BankError(f"{path}: cannot read the existing bank ({exc})") from None
        told = (lambda label, done, total: progress(f"{label} {path}", done, total)) if progress else None
        text, report = merge_bank(existing, bank, doc_texts, str(path), title, told)
        if not dry_run and text != existing:
            write_atomic(path, text.encode("utf-8"), keep_backup=True)
        return report
