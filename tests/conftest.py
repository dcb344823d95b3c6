"""What tests share: paths, valid items to spoil one field at a time, a small bank on disk, a
course folder holding the export fixture, the CLI runner, an .apkg reader, the bench modules.

tests/ mirrors src/quizwright/ (tests/analysis/ for analysis/, and so on); a helper two test
modules need lives here. bad_inputs.py and test_bad_input.py, test_properties.py and
test_architecture.py are about the whole program and have no one module to mirror.
"""

from __future__ import annotations

import functools
import hashlib
import html
import importlib.util
import json
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from typing import Any

# The NLTK data lives beside the repository (../shared/nltk_data), here and in CI.
os.environ.setdefault("NLTK_DATA", str(Path(__file__).parents[2] / "shared" / "nltk_data"))
# Builds cache their analysis; never in the real user cache (module-scoped fixtures build too).
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="quizwright-test-cache-")
os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="quizwright-test-state-")  # nor the real state folder

import pytest
from click.testing import Result
from typer.testing import CliRunner

from quizwright.analysis.entities import find_mentions
from quizwright.analysis.resolution import resolve
from quizwright.analysis.text import analyse
from quizwright.bank import bank_to_yaml, load_bank
from quizwright.builders.candidates import reading_candidates
from quizwright.builders.entity_candidates import answer_span, entity_mcq
from quizwright.builders.items import cloze_item, item_id, mcq_item
from quizwright.builders.pool import build_pool
from quizwright.cli import app
from quizwright.exporters import select_items
from quizwright.facts import Fact
from quizwright.matching import BLANK
from quizwright.models import AnswerKind, Bank, Document, Item, Source, SourceRef
from quizwright.pipeline import BuildOptions, plan_items

ROOT = Path(__file__).parents[1]
SEEDS = ROOT / "seeds"
"""The five seed articles."""
EXAMPLE_BANK = ROOT / "question_banks" / "korea-china-visit.yaml"
FIXTURE = Path(__file__).parent / "fixtures" / "export_bank.yaml"
"""A small hand-made bank the exporters are tested on (approved, draft, rejected and stale items)."""

SOURCE_TEXT = (
    "Why Seoul Talks to Beijing\n"
    "\n"
    "China is South Korea\u2019s biggest trading partner, ahead of the United States.\n"
    "President Lee Jae-myung visited Beijing in January.\n"
    "The alliance with Washington remains the core of South Korea\u2019s security policy.\n"
)
"""A small reading; every sentence is on its own line so tests can quote them verbatim."""

MCQ_SENTENCE = "China is South Korea\u2019s biggest trading partner, ahead of the United States."
CLOZE_SENTENCE = "President Lee Jae-myung visited Beijing in January."


@pytest.fixture()
def seeds_dir() -> Path:
    assert SEEDS.is_dir(), SEEDS
    return SEEDS


@pytest.fixture()
def source_text() -> str:
    return SOURCE_TEXT


@pytest.fixture()
def make_item():
    """A valid MCQ item; keyword overrides replace fields (source=... takes a SourceRef)."""

    def make(**overrides) -> Item:
        item = Item(
            id=item_id("mcq", "doc", MCQ_SENTENCE, "China"),
            type="mcq",
            status="draft",
            answer="China",
            answer_kind="place",
            source=SourceRef("doc", MCQ_SENTENCE),
            question="Which country is South Korea\u2019s biggest trading partner?",
            distractors=("Japan", "Taiwan", "North Korea"),
        )
        return replace(item, **overrides)

    return make


@pytest.fixture()
def make_cloze(tmp_path):
    """A valid cloze item whose sentence is quoted from SOURCE_TEXT (also written to tmp_path)."""
    doc = tmp_path / "src" / "doc.txt"
    doc.parent.mkdir(parents=True, exist_ok=True)
    if not doc.exists():
        doc.write_text(SOURCE_TEXT, encoding="utf-8")
    text = doc.read_text(encoding="utf-8")
    sentence = next(line for line in text.splitlines() if line == CLOZE_SENTENCE)

    def make(**overrides) -> Item:
        answer = "Lee Jae-myung"
        item = Item(
            id=item_id("cloze", "doc", sentence, answer),
            type="cloze",
            status="draft",
            answer=answer,
            answer_kind="person",
            source=SourceRef("doc", sentence),
            text=sentence.replace(answer, "{{c1::" + answer + "}}", 1),
        )
        return replace(item, **overrides)

    return make


@pytest.fixture()
def write_bank(tmp_path, make_item, make_cloze):
    """Write a bank and its source: bank at tmp_path/bank.yaml, source at tmp_path/src/doc.txt.

    write_bank(items=None, source_text=None, sha256=None) -> (bank_path, Bank); items default
    to one valid MCQ and one valid cloze; sha256 defaults to the real hash of the source.
    """

    def write(items=None, source_text: str | None = None, sha256: str | None = None, path: str = "src/doc.txt"):
        doc = tmp_path / "src" / "doc.txt"
        doc.parent.mkdir(parents=True, exist_ok=True)
        data = (SOURCE_TEXT if source_text is None else source_text).encode("utf-8")
        doc.write_bytes(data)
        if items is None:
            items = [make_item(), make_cloze()]
        source = Source("doc", path, hashlib.sha256(data).hexdigest() if sha256 is None else sha256)
        bank = Bank(title="Seoul and Beijing", sources=(source,), items=tuple(items))
        bank_path = tmp_path / "bank.yaml"
        bank_path.write_text(bank_to_yaml(bank), encoding="utf-8")
        return bank_path, bank

    return write


def line_of(yaml_text: str, item_id: str) -> int:
    """1-based line of the item's `- id: ...` line in a bank's YAML text."""
    lines = yaml_text.splitlines()
    hits = [n for n, line in enumerate(lines, 1) if line.strip() == f"- id: {item_id}"]
    assert len(hits) >= 1, f"{item_id} not in the YAML"
    return hits[0]


@pytest.fixture()
def find_line():
    return line_of


__all__ = [
    "BIOLOGY",
    "BLANK",
    "CLOZE_SENTENCE",
    "COURSE",
    "EXAMPLE_BANK",
    "FIXTURE",
    "MCQ_SENTENCE",
    "NEWLINE_SENTENCE",
    "NEWS",
    "REVIEW_BANK",
    "ROOT",
    "SEEDS",
    "SOURCE_TEXT",
    "SPECIAL_SENTENCE",
    "TEXTBOOK",
    "analysed",
    "bench_module",
    "exported",
    "facts_in",
    "invoke",
    "line_of",
    "one_error_line",
    "parse_gift",
    "read_apkg",
    "requires_fonts",
    "requires_poppler",
    "runner",
    "sentence_with",
    "textbook_items",
]

runner = CliRunner()


def _requires(present: bool, reason: str) -> pytest.MarkDecorator:
    """Skip where a system package is absent, saying which; never in CI, which installs it (.ci/run)."""
    return pytest.mark.skipif(not present and not os.environ.get("CI"), reason=reason)


requires_poppler = _requires(
    all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdfinfo", "pdftoppm")),
    "needs pdftotext, pdffonts, pdfinfo and pdftoppm: install Debian's poppler-utils",
)
"""For tests that read a written PDF back."""


def _font_installed(name: str) -> bool:
    from quizwright.exporters.fonts import find_font

    return find_font(name, name) is not None


requires_fonts = _requires(
    _font_installed("DejaVuSans.ttf") and _font_installed("NanumGothic.ttf"),
    "needs the DejaVu Sans and Nanum Gothic fonts: install Debian's fonts-dejavu-core and fonts-nanum",
)
"""For tests that expect DejaVu Sans or Hangul and CJK text in a worksheet."""


def invoke(*args: object) -> Result:
    """`quizwright ARGS` in this process; stdout and stderr apart, exceptions not caught."""
    return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def course(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding the fixture bank as banks/week3.yaml; the default output/ goes here."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "banks").mkdir()
    shutil.copy(FIXTURE, tmp_path / "banks" / "week3.yaml")
    return tmp_path


def read_apkg(path: Path) -> tuple[list[tuple[Any, ...]], list[str]]:
    """(guid, mid, mod, tags, fields) of each note in an .apkg, read straight from its SQLite; and the deck names."""
    with zipfile.ZipFile(path) as apkg:
        data = apkg.read("collection.anki2")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    rows = conn.execute("select guid, mid, mod, tags, flds from notes order by id").fetchall()
    decks = json.loads(conn.execute("select decks from col").fetchone()[0])
    conn.close()
    notes = [(g, m, mod, tags.split(), flds.split("\x1f")) for g, m, mod, tags, flds in rows]
    return notes, sorted(d["name"] for d in decks.values())


def one_error_line(stderr: str) -> str:
    """The one line a failed command prints, checked to be one line, an error, and no traceback."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Result]:
    """The seeds copied to a scratch folder and built twice with seed 0: tmp/bank.yaml, tmp/again.yaml."""
    work = tmp_path_factory.mktemp("course")
    shutil.copytree(SEEDS, work / "seeds")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(work)
        first = invoke("build", "seeds", "-o", "tmp/bank.yaml")
        second = invoke("build", "seeds", "-o", "tmp/again.yaml", "--seed", "0")
    assert first.exit_code == 0, first.stdout + first.stderr
    assert second.exit_code == 0, second.stdout + second.stderr
    return work, first


@pytest.fixture(scope="module")
def bank_path(built: tuple[Path, Result]) -> Path:
    """The seeds' bank as `quizwright build` wrote it."""
    return built[0] / "tmp" / "bank.yaml"


@functools.cache
def bench_module(name: str) -> ModuleType:
    """bench/NAME.py, loaded from its file (bench/ holds scripts, not a package on the path)."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """No test reads or writes the real user cache, data or state folder: builds cache into a
    fresh folder per test, `quizwright setup` installs into a fresh one, and the folders builds
    read are remembered in a fresh one."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("xdg-state")))  # reading_folders.py


# --- a bank that is hard to export, and Moodle's reading of GIFT -----------------------------

SPECIAL_SENTENCE = 'In the rule {a: b} = c ~ d, the sign "#" marks a comment and C:\\temp is a path.'


NEWLINE_SENTENCE = 'Seoul, the capital, is "special": it has 9.4 million people.'


def tricky_items() -> list[Item]:
    """Items whose text carries every GIFT control character, CSV separators, Markdown, a tab, a page."""
    return [
        Item(
            id="mcq-00000001",
            type="mcq",
            status="approved",
            answer="a {hash} = #1",
            answer_kind="term",
            question='In {a: b} = c ~ d, what does "#" mark? (See C:\\notes *and* _this_ [link](x) & <b>.)',
            distractors=("~tilde", "colon: here", "back\\slash"),
            source=SourceRef("rules", SPECIAL_SENTENCE, page=4),
        ),
        Item(
            id="mcq-00000002",
            type="mcq",
            status="draft",
            answer="Seoul, Korea",
            answer_kind="place",
            question='Which city, "the capital",\nhas 9.4 million people?',
            distractors=('Busan, "the port"', "Incheon\nairport", "Daegu"),
            source=SourceRef("cities", NEWLINE_SENTENCE),
        ),
        Item(
            id="cloze-00000003",
            type="cloze",
            status="draft",
            answer="= c ~ d",
            answer_kind="term",
            text='In the rule {a: b} {{c1::= c ~ d}}, the sign "#" marks a comment and C:\\temp is a path.',
            source=SourceRef("rules", SPECIAL_SENTENCE, page=4),
        ),
        Item(
            id="cloze-00000004",
            type="cloze",
            status="approved",
            answer="9.4 million",
            answer_kind="number",
            text='Seoul, the capital,\tis "special": it has {{c1::9.4 million}} people.',
            source=SourceRef("cities", NEWLINE_SENTENCE),
        ),
        Item(
            id="mcq-00000005",
            type="mcq",
            status="rejected",
            answer="Busan",
            answer_kind="place",
            question="Which rejected city?",
            distractors=("Incheon", "Daegu", "Gwangju"),
            source=SourceRef("cities", NEWLINE_SENTENCE),
        ),
        Item(
            id="cloze-00000006",
            type="cloze",
            status="draft",
            answer="Seoul",
            answer_kind="place",
            text="{{c1::Seoul}} was the capital.",
            stale="the source sentence is no longer in cities",
            source=SourceRef("cities", "Seoul was the capital."),
        ),
    ]


@pytest.fixture()
def tricky(tmp_path) -> tuple[Path, Bank]:
    bank = Bank(
        title="Rules / Cities: a {tricky} bank",
        sources=(
            Source("rules", "rules.pdf", "", title="Notation: the rules"),
            Source("cities", "cities.txt", "", title="Korea's cities"),
        ),
        items=tuple(tricky_items()),
    )
    path = tmp_path / "tricky.yaml"
    path.write_text(bank_to_yaml(bank), encoding="utf-8")
    return path, load_bank(path)


def exported(bank: Bank, approved_only: bool = False) -> list[Item]:
    return list(select_items(bank, approved_only))


PLACEHOLDERS = {
    "\\:": "&&058;",
    "\\#": "&&035;",
    "\\=": "&&061;",
    "\\{": "&&123;",
    "\\}": "&&125;",
    "\\~": "&&126;",
    "\\n": "&&010",
}


UNESCAPED = {":": "&&058;", "#": "&&035;", "=": "&&061;", "{": "&&123;", "}": "&&125;", "~": "&&126;", "\n": "&&010"}


def pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in PLACEHOLDERS.items():
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def post(text: str) -> str:
    for char, placeholder in UNESCAPED.items():
        text = text.replace(placeholder, char)
    return text


def with_format(text: str, default: str = "moodle") -> tuple[str, str]:
    fmt = default
    if text.startswith("[") and text[1 : text.find("]")] in ("moodle", "html", "plain", "markdown"):
        fmt, text = text[1 : text.find("]")], text[text.find("]") + 1 :]
    return fmt, post(text).strip()


def shown(fmt: str, text: str) -> str:
    """What a student sees: HTML-format text unescaped."""
    return html.unescape(text) if fmt == "html" else text


def parse_gift(source: str) -> list[dict]:
    """Moodle's qformat_gift import: questions split by blank lines, each read by readquestion()."""
    questions, category = [], None
    for block in re.split(r"\n[ \t]*\n", source):
        lines = [line for line in block.split("\n") if not line.strip().startswith("//")]
        text = "\n".join(lines).strip()
        if not text:
            continue
        text = pre(text)
        if text.startswith("$CATEGORY:"):
            category = text[10:].strip()
            continue
        question = {"category": category, "name": None}
        if text.startswith("::"):
            end = text.index("::", 2)
            question["name"], text = post(text[2:end]), text[end + 2 :].strip()
        start, finish = text.find("{"), text.find("}")
        assert start >= 0 and finish > start, f"brace error in {text!r}"
        answers = text[start + 1 : finish].strip()
        stem = text[:start] + text[finish + 1 :] if text.endswith("}") else text[:start] + "_____" + text[finish + 1 :]
        feedback = ""
        if "####" in answers:
            answers, feedback = answers[: answers.rindex("####")].strip(), answers[answers.rindex("####") + 4 :]
        fmt, question["text"] = with_format(stem)
        question["text"] = shown(fmt, question["text"])
        question["feedback"] = shown(*with_format(feedback, fmt))
        if "~" in answers:
            question["type"] = "multichoice"
            options = [a.strip() for a in answers.replace("=", "~=").split("~")]
            options = options[1:] if not options[0] else options
            question["right"] = [shown(*with_format(o[1:].split("#")[0], fmt)) for o in options if o.startswith("=")]
            question["wrong"] = [shown(*with_format(o.split("#")[0], fmt)) for o in options if not o.startswith("=")]
        else:
            assert "->" not in answers and answers not in ("T", "TRUE", "F", "FALSE")
            question["type"] = "shortanswer"
            options = [a.strip() for a in answers.split("=")]
            question["right"] = [post(o.split("#")[0]).strip() for o in (options[1:] if not options[0] else options)]
        questions.append(question)
    return questions


# --- small readings for the generator's tests ------------------------------------------------

NEWS = (
    "China is South Korea\u2019s biggest trading partner. "
    "Japan is an important regional partner and shares security concerns. "
    "The United States is South Korea\u2019s key military ally and helps defend it against threats from North Korea. "
    "Taiwan was discussed at length by officials in Seoul, Beijing, Tokyo and Shanghai. "
    "President Lee Jae Myung met Chinese President Xi Jinping and Premier Li Qiang in Beijing. "
    "The visit was welcomed by Kang Jun-young, a professor at Hankuk University of Foreign Studies. "
    "This visit marks the first by a South Korean leader since 2019, highlighting the gap that remains."
)


BIOLOGY = (
    "Cells and Tissues\n\n"
    "A tissue is a group of many similar cells that work together to perform a specific function. "
    "An organ is a structure made of several different tissues that perform a particular job. "
    "A group of organs that work together to do a job is called an organ system. "
    "A cell is the smallest unit of life that can carry out all the processes of living things."
)


# Options and stems that give the answer away through another name for the same country.
COURSE = NEWS + (
    " Without Chinese backing, North Korea would struggle to survive."
    " China remains North Korea\u2019s primary economic benefactor, making Beijing\u2019s influence indispensable."
    " Lee wants to rebuild ties with North Korea, where Beijing\u2019s influence is crucial."
    " Pyongyang fired a missile toward Japan, and Washington protested to the United Nations."
    " In an interview with Chinese state broadcaster CCTV, Lee affirmed the importance of peace."
    " China was accused of not enforcing UN sanctions against Pyongyang in the region."
    " Japanese Prime Minister Sanae Takaichi met National Security Adviser Wi Sung Lac in Seoul on Friday."
    " Former President Yoon Suk Yeol had taken a more critical stance towards Beijing."
    " The itinerary includes a summit with President Xi on Monday and trade talks with Premier Li Qiang on Tuesday."
)


TEXTBOOK = BIOLOGY + (
    " Photosynthesis is the process by which plants use sunlight, water and carbon dioxide to make glucose."
    " Cellular respiration is the process that releases energy from glucose in the mitochondria."
    " The heart is an organ that pumps blood through the body."
)


def analysed(text: str, doc_id: str = "news"):
    document = Document(doc_id, f"{doc_id}.txt", "", text)
    sentences = analyse(document)
    mentions = resolve([m for s in sentences for m in find_mentions(s)])
    return document, sentences, mentions


def model_of(text: str, doc_id: str = "news"):
    """The reading model of one small reading, as a build plans it."""
    document, sentences, _ = analysed(text, doc_id)
    return plan_items([document], [sentences], BuildOptions()).models[0]


def sentence_with(sentences, fragment: str):
    return next(s for s in sentences if fragment in s.text)


def facts_in(text: str, fragment: str, answer: str):
    """The Fact asking for `answer` in the sentence holding `fragment`, and the reading's name pool."""
    _, sentences, mentions = analysed(text)
    sentence = sentence_with(sentences, fragment)
    here = [m for m in mentions if m.sentence is sentence]
    mention = next(m for m in here if m.text == answer)
    kind = AnswerKind.TERM if mention.kind == "proper" else AnswerKind(mention.kind)
    return Fact(mention, kind, context=tuple(m for m in here if m is not mention)), build_pool(mentions)


def fact_of(sentence, mentions, test) -> Fact:
    """The Fact asking for the first mention in `sentence` that passes test(mention)."""
    here = [m for m in mentions if m.sentence == sentence]
    mention = next(m for m in here if test(m))
    kind = AnswerKind.TERM if mention.kind == "proper" else AnswerKind(mention.kind)
    return Fact(mention, kind, context=tuple(m for m in here if m is not mention))


def mcq_of(fact: Fact, pool, seed: int = 0) -> Item | None:
    """The multiple-choice item the generator asks for a named or numeric fact, or None."""
    found = entity_mcq(fact, pool, seed)
    if found is None:
        return None
    start, end = answer_span(fact.answer)
    return mcq_item(fact.answer.sentence, start, end, fact.kind, *found)


def cloze_of(fact: Fact) -> Item:
    start, end = answer_span(fact.answer)
    return cloze_item(fact.answer.sentence, start, end, fact.kind)


def candidates_of(text: str, doc_id: str = "news", seed: int = 0) -> list[Item]:
    """Every valid item the generator could ask of one reading, best first, before the count
    for its length is chosen (pipeline.plan_items, builders.candidates)."""
    document, sentences, _ = analysed(text, doc_id)
    plan = plan_items([document], [sentences], BuildOptions(seed=seed))
    built = reading_candidates(plan.models[0], [], plan.where(0), plan.pool(0), seed)
    return [c.item for c in sorted(built.candidates, key=lambda c: (-c.score, c.item.id))]


def textbook_items():
    """The MCQs and clozes TEXTBOOK can give, by answer (lower case), the best of each."""
    items = candidates_of(TEXTBOOK, "biology")
    mcqs: dict[str, Item] = {}
    clozes: dict[str, Item] = {}
    for item in items:
        (mcqs if item.type == "mcq" else clozes).setdefault(item.answer.lower(), item)
    return mcqs, clozes


# --- a bank to review -------------------------------------------------------------------------

_S = "Lee met Xi Jinping in Beijing in 2019 to discuss trade."


_MCQ = Item(
    "mcq-00000001",
    "mcq",
    "draft",
    "Beijing",
    "place",
    SourceRef("a", _S),
    question="Lee met Xi Jinping in _____ in 2019 to discuss trade.",
    distractors=("Seoul", "Tokyo", "Shanghai"),
)


_CLOZE = Item(
    "cloze-00000001",
    "cloze",
    "approved",
    "2019",
    "date",
    SourceRef("b", _S),
    text="Lee met Xi Jinping in Beijing in {{c1::2019}} to discuss trade.",
)


_REJECTED = replace(_MCQ, id="mcq-00000002", status="rejected", answer_kind="person", source=SourceRef("b", _S))


# A draft MCQ, an approved cloze and a rejected MCQ from two sources, for show and stats.
REVIEW_BANK = Bank("Visit", (Source("a", "a.txt", ""), Source("b", "b.txt", "")), (_MCQ, _CLOZE, _REJECTED))


MEMBRANE = (
    "Membrane Proteins\n\n"
    "An integral protein is a protein that is embedded in the membrane. "
    "A peripheral protein is a protein that is found on the surface of the membrane. "
    "A recognition protein is a protein that marks a cell as its own. "
    "A channel protein is a protein that lets ions cross the membrane. "
    "Integral membrane proteins and peripheral proteins differ in where they sit. "
    "Membrane proteins make up half of the mass of the membrane."
)
