"""Checks every item against its source sentence and the rules of item writing. Never prints."""

from __future__ import annotations

import hashlib
import os
import re
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import OutOfReachError, SourceError
from .matching import BLANK, CLOZE, occurs_in, same_entity, sentence_at
from .models import MIN_DISTRACTORS, AnswerKind, Bank, Finding, Item, ItemType, Status
from .sources import extract, read_bytes

ALL_OR_NONE = re.compile(r"^(all|none|both|neither) of (the )?(above|these|them)", re.I)
# Case matters only for initialisms: "an FBI agent", "an M.A." but "a fact".
VOWEL_SOUND = re.compile(r"^(?:(?i:[aeio]|u(?![nr]?[aeiou])|hour|honest|honou?r)|[fhlmnrsxFHLMNRSX]\b|[FHLMNRSX][A-Z])")


def item_problems(item: Item) -> list[str]:
    """What is wrong with one item on its own terms (its text against its source sentence)."""
    problems = []
    if not isinstance(item.type, ItemType):
        return [f"unknown type '{item.type}' {ItemType.unknown(item.type, ' or ')}"]
    if not isinstance(item.status, Status):
        problems.append(f"unknown status '{item.status}' {Status.unknown(item.status)}")
    sentence, answer = item.source.sentence, item.answer
    if not answer.strip():
        problems.append("the answer is empty")
    elif item.source.by_teacher:
        pass  # a teacher's own question quotes no sentence: only its form is checked
    elif answer not in sentence:
        problems.append(f"the answer '{answer}' does not occur in the source sentence")
    elif item.context and occurs_in(answer, item.context):
        problems.append(f"the context sentence gives the answer away ('{answer}' appears in it)")
    checks = _cloze_problems if item.type == ItemType.CLOZE else _mcq_problems
    return problems + checks(item)


def _cloze_problems(item: Item) -> list[str]:
    text = item.text or ""
    deletions = list(CLOZE.finditer(text))
    rest = CLOZE.sub("", text)
    if "{{" in rest or "}}" in rest:
        return ["the cloze text has a broken {{c1::...}} deletion"]
    if not deletions:
        return ["the cloze text has no {{c1::...}} deletion"]
    problems = []
    filled = CLOZE.sub(lambda m: m.group(2), text)
    if filled != item.source.sentence and not item.source.by_teacher:
        problems.append("the cloze text with its deletion filled in is not the source sentence")
    if not any(m.group(2) == item.answer for m in deletions):
        problems.append(f"the deletion does not hold the answer '{item.answer}'")
    return problems


def _mcq_problems(item: Item) -> list[str]:
    problems = []
    question, answer, wrong = (item.question or "").strip(), item.answer, item.distractors
    if not question:
        return ["the question is empty"]
    if len(wrong) < MIN_DISTRACTORS:
        problems.append(f"needs at least {MIN_DISTRACTORS} distractors, has {len(wrong)}")
    folded = [d.strip().lower() for d in wrong]
    if len(set(folded)) != len(folded):
        problems.append("two distractors are the same")
    for d in wrong:
        if not d.strip():
            problems.append("a distractor is empty")
        elif (
            (d.strip().lower() == answer.strip().lower())
            if item.answer_kind == AnswerKind.TERM
            else same_entity(d, answer)
        ):
            problems.append(f"the distractor '{d}' is the answer (or a variant of it)")
        elif not item.source.by_teacher and occurs_in(
            d, item.source.sentence.replace(answer, " ", 1) if answer else item.source.sentence
        ):
            problems.append(f"the distractor '{d}' occurs in the source sentence, so it may be true")
    if answer.strip() and occurs_in(answer, question.replace(BLANK, " ")):
        problems.append(f"the question gives the answer away ('{answer}' appears in it)")
    if question.count(BLANK) > 1:
        problems.append("the question has more than one blank")
    return problems + _writing_flaws(question, answer, wrong)


def _writing_flaws(question: str, answer: str, wrong: tuple[str, ...]) -> list[str]:
    problems = []
    if any(ALL_OR_NONE.match(o.strip()) for o in (answer, *wrong)):
        problems.append("an option is 'all/none of the above'")
    longest = max((len(d) for d in wrong), default=0)
    if wrong and len(answer) > 2 * longest and len(answer) - longest >= 10:
        problems.append("the answer is far longer than every distractor")
    article = re.search(r"\b(a|an)\s+" + re.escape(BLANK), question, flags=re.I)
    if article:
        wants_vowel = article.group(1).lower() == "an"
        if bool(VOWEL_SOUND.match(answer)) != wants_vowel:
            problems.append(f"'{article.group(1)}' before the blank does not fit the answer")
        elif any(bool(VOWEL_SOUND.match(d)) != wants_vowel for d in wrong):
            problems.append(f"'{article.group(1)}' before the blank rules out a distractor, giving the answer away")
    return problems


def validate_bank(
    bank: Bank, bank_path: str | Path, readings: Sequence[str | Path] = (), refuse_out_of_reach: bool = True
) -> list[Finding]:
    """All findings for a bank, each tied to the item's line in the YAML file.

    The bank names its readings, and a bank may come from anyone: validate reads only those
    inside the bank's folder and inside the `readings` folders the user allows, and only regular
    files its readers take (OutOfReachError, else, or with refuse_out_of_reach False a finding
    that the reading was not checked; a missing one is a finding).
    """
    path = str(bank_path)
    texts, findings = source_texts(bank, bank_path, readings, refuse_out_of_reach)
    lines = lines_by_id(bank.items)
    known = {source.id for source in bank.sources}  # not bank.source() per item: a course has thousands
    for item in bank.items:
        problems = [_duplicate(lines[item.id], item.line)] if len(lines[item.id]) > 1 else []
        for problem in problems + sourcing_problems(item, known, texts) + item_problems(item):
            findings.append(Finding(path, item.line, item.id or None, problem))
    return findings


def lines_by_id(items: Iterable[Item]) -> dict[str, list[int | None]]:
    """Each id and the lines of the items that have it: more than one line, a duplicate id."""
    lines: dict[str, list[int | None]] = {}
    for item in items:
        lines.setdefault(item.id, []).append(item.line)
    return lines


def _duplicate(lines: list[int | None], line: int | None) -> str:
    others = ", ".join(str(n) for n in lines if n != line)
    return f"duplicate id: the item at line {others} has it too" if others else "duplicate id"


def sourcing_problems(item: Item, known: set[str], texts: dict[str, str]) -> list[str]:
    """What is wrong with where the item says it comes from: an unknown reading (known: the
    bank's source ids), a sentence not in it."""
    if item.source.by_teacher:
        return []  # a teacher's own question: no reading to find it in
    if item.source.doc not in known:
        return [f"cites unknown source '{item.source.doc}'"]
    text = texts.get(item.source.doc)
    if text is not None and sentence_at(text, item.source.sentence) < 0:
        return [f"the source sentence is not in {item.source.doc}"]
    if text is not None and item.context and item.context not in text:
        return [f"the context sentence is not in {item.source.doc}"]
    return []


def source_texts(
    bank: Bank, bank_path: str | Path, readings: Sequence[str | Path] = (), refuse_out_of_reach: bool = True
) -> tuple[dict[str, str], list[Finding]]:
    """Each reading's text by source id, as the build read it; and what is wrong with the readings.
    Only readings inside the bank's folder or a `readings` folder are read (see validate_bank)."""
    path = str(bank_path)
    base = Path(bank_path).parent
    roots = [Path(os.path.realpath(folder)) for folder in (base, *readings)]
    findings: list[Finding] = []
    texts: dict[str, str] = {}
    for source in bank.sources:
        file = base / source.path
        try:
            data = _read_within_reach(file, roots, source.id, source.path, path)
        except OSError:
            findings.append(Finding(path, None, None, f"source '{source.id}': file {source.path} is missing"))
            continue
        except OutOfReachError as exc:
            if refuse_out_of_reach:
                raise
            advice = "; allow its folder with --readings to check it" if exc.folder is not None else ""
            findings.append(
                Finding(
                    path, None, None, f"source '{source.id}': not checked against its reading ({exc.reason}){advice}"
                )
            )
            continue
        if source.sha256 and hashlib.sha256(data).hexdigest() != source.sha256:
            findings.append(
                Finding(path, None, None, f"source '{source.id}': {source.path} changed since the bank was built")
            )
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                texts[source.id] = extract(data, file).text
        except SourceError as exc:
            findings.append(Finding(path, None, None, f"source '{source.id}': {exc}"))
    return texts, findings


def _read_within_reach(file: Path, roots: list[Path], source_id: str, written: str, bank_path: str) -> bytes:
    """The reading's bytes; OutOfReachError for one outside every allowed folder (links followed),
    before anything looks at it, or one its reader would not take."""
    real = Path(os.path.realpath(file))
    if not any(real.is_relative_to(root) for root in roots):
        raise OutOfReachError(
            f"{bank_path}: source '{source_id}' is {written}, outside the bank's folder; "
            "validate reads no reading elsewhere unless told the folder may be read",
            real.parent,
            reason=f"{written} is outside the bank's folder",
        )
    try:
        return read_bytes(file)
    except SourceError as exc:
        raise OutOfReachError(f"{bank_path}: source '{source_id}': {exc}", None, reason=str(exc)) from None
