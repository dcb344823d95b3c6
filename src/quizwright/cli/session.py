"""`quizwright review | approve | reject`: a teacher's decisions, each written to the bank at once.

`review` walks the items one key at a time; every decision goes through edits.BankEditor
(round-trip YAML, atomic write), so Ctrl-C or a closed terminal loses nothing already decided.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from .. import api
from ..checks import source_texts
from ..edits import BankEditor
from ..errors import QuizwrightError
from ..exporters import letter, page_label
from ..models import Item, Status
from ..review import findings_for, in_reading, review_order
from . import console
from .console import DocFilter, ReadingsOption, StatusFilter, TypeFilter, fail, interrupted

KEYS = "a approve · r reject · e edit the question · o edit an option · s skip · b back · q quit"
QUIT = "q"


def review(
    bank: Annotated[Path, typer.Argument(help="The bank to review (YAML).")],
    status: StatusFilter = None,
    type: TypeFilter = None,
    doc: DocFilter = None,
    readings: ReadingsOption = None,
) -> None:
    """Review the bank item by item, drafts first, one key per decision, each saved at once.

    Shows each item with its source sentence and the sentences around it, and what validate
    says about it. Edits open $VISUAL or $EDITOR when one is set, else ask on the line.
    Ctrl-C stops; every decision made so far is already in the bank.
    """
    editor = _open(bank)
    try:
        texts, _ = source_texts(editor.bank, bank, api.allowed_folders(bank, readings or []), refuse_out_of_reach=False)
    except QuizwrightError as exc:
        raise fail(exc) from None
    order = [item.id for item in review_order(editor.bank, status, type, doc)]
    if not order:
        console.out.print(f"{bank}: no items to review", highlight=False)
        return
    tally: Counter[str] = Counter()
    at = 0
    try:
        while 0 <= at < len(order):
            item = editor.item(order[at])
            _show(item, at, len(order), editor, texts)
            at = max(0, at + _decide(_key(), item, editor, tally))
    except KeyboardInterrupt:
        raise interrupted(f"every decision so far is saved in {bank}") from None
    except QuizwrightError as exc:
        raise fail(exc) from None
    done = ", ".join(f"{n} {what}" for what, n in tally.items()) or "no changes"
    console.out.print(f"{bank}: {done}; each was saved as it was made", highlight=False)


def approve(
    bank: Annotated[Path, typer.Argument(help="The bank (YAML).")],
    ids: Annotated[list[str], typer.Argument(help="Ids of the items to approve.", show_default=False)],
) -> None:
    """Approve the items with these ids (for scripts; quizwright review does it one by one)."""
    _set_status(bank, ids, Status.APPROVED)


def reject(
    bank: Annotated[Path, typer.Argument(help="The bank (YAML).")],
    ids: Annotated[list[str], typer.Argument(help="Ids of the items to reject.", show_default=False)],
) -> None:
    """Reject the items with these ids: they are never exported, and a rebuild never brings them back."""
    _set_status(bank, ids, Status.REJECTED)


def _set_status(bank: Path, ids: list[str], status: Status) -> None:
    editor = _open(bank)
    try:
        changed = editor.set_status(ids, status)
    except QuizwrightError as exc:
        raise fail(exc) from None
    except KeyboardInterrupt:
        raise interrupted(f"{bank} is as it was") from None
    console.out.print(f"{bank}: {status.value} {len(changed)} item{'s' * (len(changed) != 1)}", highlight=False)


def _open(bank: Path) -> BankEditor:
    try:
        return BankEditor(bank)
    except QuizwrightError as exc:
        raise fail(exc) from None


def _decide(key: str, item: Item, editor: BankEditor, tally: Counter[str]) -> int:
    """Carry out one key; how far to move (1 on, -1 back, 0 stay, a large number to quit)."""
    if key == "a":
        editor.set_status([item.id], Status.APPROVED)
        tally["approved"] += 1
        return 1
    if key == "r":
        editor.set_status([item.id], Status.REJECTED)
        tally["rejected"] += 1
        return 1
    if key == "e":
        label = "question" if item.is_mcq else "cloze text (keep its {{c1::...}} around the answer)"
        new = _ask(label, (item.question if item.is_mcq else item.text) or "")
        if new is not None:
            editor.set_prompt(item.id, new)
            tally["edited"] += 1
        return 0
    if key == "o":
        return _edit_option(item, editor, tally)
    if key == "s":
        return 1
    if key == "b":
        return -1
    if key == QUIT:
        return 1 << 30
    _say(KEYS)
    return 0


def _edit_option(item: Item, editor: BankEditor, tally: Counter[str]) -> int:
    if not item.is_mcq:
        _say("a cloze has no options: its answer is the text inside {{c1::...}}; press e to edit the text")
        return 0
    options = item.options
    _say(f"which option, A to {letter(len(options) - 1)}?")
    chosen = _key().upper()
    if len(chosen) != 1 or not "A" <= chosen < letter(len(options)):
        _say("no such option")
        return 0
    index = ord(chosen) - ord("A")
    new = _ask(f"option {chosen}", options[index])
    if new is not None:
        editor.set_option(item.id, index, new)
        tally["edited"] += 1
    return 0


def _key() -> str:
    """One key press, without Enter; end of input quits, Ctrl-C stops."""
    try:
        key = typer.getchar()
    except EOFError:
        return QUIT
    if key == "\x03":  # a terminal in raw mode hands Ctrl-C over as a character
        raise KeyboardInterrupt
    if key in ("", "\x04"):
        return QUIT
    return key.lower() if key.isalpha() and len(key) == 1 else key


def _ask(label: str, current: str) -> str | None:
    """A new text, in $VISUAL or $EDITOR when one is set, else on the line; None keeps the old one."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if editor:
        new = " ".join(_in_editor(editor, current).split())
    else:
        _say(f"{label} now: {current}")
        new = " ".join(typer.prompt(f"new {label} (Enter keeps it)", default="", show_default=False).split())
    return new if new and new != current else None


def _in_editor(editor: str, text: str) -> str:
    """The text as the teacher left it in their editor (the old text if the editor failed)."""
    with tempfile.TemporaryDirectory(prefix="quizwright-") as folder:
        path = Path(folder) / "edit.txt"
        path.write_text(text + "\n", encoding="utf-8")
        try:
            done = subprocess.run([*shlex.split(editor, posix=os.name != "nt"), str(path)], check=False)
        except OSError as exc:
            _say(f"could not start the editor {editor!r} ({exc.strerror or exc}); nothing changed")
            return text
        if done.returncode != 0:
            _say(f"the editor exited with status {done.returncode}; nothing changed")
            return text
        return path.read_text(encoding="utf-8")


def _show(item: Item, at: int, total: int, editor: BankEditor, texts: dict[str, str]) -> None:
    bank = editor.bank
    where = f" · line {item.line}" if item.line else ""
    lines = [f"── {at + 1} of {total} ── {item.id} · {item.status} · {item.answer_kind}{where}"]
    if item.context:
        lines.append(f"  ({item.context})")
    if item.is_mcq:
        lines.append(item.question or "")
        for n, option in enumerate(item.options):
            lines.append(f"  {letter(n)}. {option}" + ("   <- answer" if n == 0 else ""))
    else:
        lines.append(item.text or "")
        lines.append(f"  answer: {item.answer}")
    if item.source.by_teacher:
        lines.append("your own question (source: teacher)")
    else:
        page = f", {page_label(bank, item)}" if item.source.page else ""
        lines.append(f"in “{bank.reading_title(item.source.doc)}”{page}:")
        found = in_reading(item, texts)
        if found is None:
            lines.append(f"  {item.source.sentence}")
        else:
            lines += [f"  {found.before}" if found.before else "", f"  >> {found.sentence} <<", f"  {found.after}"]
    problems = findings_for(item, bank, texts)
    lines.append("validate: " + ("; ".join(problems) if problems else "ok"))
    lines.append(KEYS)
    console.out.print("\n".join(line for line in lines if line), highlight=False, markup=False)


def _say(message: str) -> None:
    console.out.print(message, highlight=False, markup=False)
