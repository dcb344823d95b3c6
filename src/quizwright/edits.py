"""A teacher's decisions written into a bank one at a time, through the same round-trip YAML
and atomic write as a rebuild: comments, key order and every other item stay as they were,
and an interrupted write leaves the bank as it was before that one decision. Each decision
holds the bank's lock (files.locked) and is made on the bank as it is on disk then, so a
build that merged into it meanwhile loses nothing, and neither does the decision."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .bank import flow_value, give_id, load_bank, parse_bank, round_trip_yaml
from .errors import BankError
from .files import locked, write_atomic, write_problem
from .matching import CLOZE
from .models import Bank, Item, Status


class BankEditor:
    """A bank file open for decisions: each method changes one thing and writes the bank at once."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.bank = load_bank(self.path)

    def item(self, item_id: str) -> Item:
        found = next((item for item in self.bank.items if item.id == item_id), None)
        if found is None:
            raise BankError(f"{self.path}: no item with the id '{item_id}'")
        return found

    def set_status(self, item_ids: Iterable[str], status: Status) -> list[Item]:
        """Every item named takes the status, in one write; an unknown id changes nothing."""
        ids = list(dict.fromkeys(item_ids))

        def change(tree: CommentedMap) -> None:
            nodes = [self._node(tree, item_id) for item_id in ids]  # all found before any changes
            for node in nodes:
                node["status"] = status.value

        self._save(change)
        return [self.item(item_id) for item_id in ids]

    def set_prompt(self, item_id: str, text: str) -> Item:
        """A new question (MCQ) or cloze text; a cloze's answer follows its first deletion."""
        is_mcq = self.item(item_id).is_mcq

        def change(tree: CommentedMap) -> None:
            node = self._node(tree, item_id)
            if is_mcq:
                node["question"] = text
                return
            node["text"] = text
            deletion = CLOZE.search(text)
            if deletion is not None:
                node["answer"] = deletion.group(2)

        self._save(change)
        return self.item(item_id)

    def set_option(self, item_id: str, index: int, text: str) -> Item:
        """A new text for an MCQ's option: 0 is the answer, 1 and on the distractors in bank order."""

        def change(tree: CommentedMap) -> None:
            node = self._node(tree, item_id)
            if index == 0:
                node["answer"] = text
                return
            distractors = node.get("distractors")
            if not isinstance(distractors, CommentedSeq) or not 0 < index <= len(distractors):
                raise BankError(f"{self.path}: item '{item_id}' has no option {index + 1}")
            distractors[index - 1] = flow_value(text)

        self._save(change)
        return self.item(item_id)

    def _node(self, tree: CommentedMap, item_id: str) -> CommentedMap:
        for node in tree.get("items") or []:
            if isinstance(node, CommentedMap) and str(node.get("id")) == item_id:
                return node
        raise BankError(f"{self.path}: no item with the id '{item_id}'")

    def _save(self, change: Callable[[CommentedMap], None]) -> None:
        """Make the change to the bank as it is on disk now, and write it, holding the lock."""
        with locked(self.path):
            try:
                current = self.path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise BankError(f"{self.path}: cannot read the bank ({exc})") from None
            tree = round_trip_yaml().load(current)
            change(tree)
            give_id(tree)
            out = io.StringIO()
            round_trip_yaml().dump(tree, out)
            text = out.getvalue()
            bank: Bank = parse_bank(text, str(self.path))  # what was written reads back, with its lines
            try:
                write_atomic(self.path, text.encode("utf-8"), keep_backup=True)
            except OSError as exc:
                raise BankError(f"{self.path}: cannot write the bank: {write_problem(self.path, exc)}") from None
        self.bank = bank
