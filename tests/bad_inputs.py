"""Every bad input quizwright is promised to handle, what it says, and its exit status: one table.

tests/test_bad_input.py runs each case through the real CLI in a scratch folder and checks that
stderr is exactly `says` and the exit status is `exit` (plus the case's own `check`, if any);
docs/bad-input.md is rendered from this same table, and a test fails if the file differs.
Regenerate it with:

    python -m tests.bad_inputs
"""

from __future__ import annotations

import errno
import hashlib
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from quizwright.bank import bank_to_yaml
from quizwright.models import Bank, Item, Source, SourceRef

DOC = Path(__file__).parents[1] / "docs" / "bad-input.md"

READING = (
    "Trade in Asia\n"
    "\n"
    "China is South Korea\u2019s biggest trading partner, ahead of the United States.\n"
    "President Lee Jae-myung visited Beijing in January with 200 business leaders.\n"
    "The talks in Beijing covered trade and security for three days in 2019.\n"
)
"""A small reading that yields items (both kinds) from every one of its sentences."""

NOT_ENGLISH = {
    "Korean": "한국과 중국\n\n이재명 대통령은 1월에 베이징을 방문했다. 중국은 한국의 가장 큰 무역 상대국이다.\n",
    "Chinese": "中韩关系\n\n李在明总统一月访问了北京。中国是韩国最大的贸易伙伴，领先于美国。\n",
    "Russian": "Корея и Китай\n\nПрезидент Ли Чжэ Мён посетил Пекин в январе. Китай является крупнейшим "
    "торговым партнёром Южной Кореи.\n",
    "Arabic": "كوريا والصين\n\nزار الرئيس لي جاي ميونغ بكين في يناير. الصين هي أكبر شريك تجاري لكوريا الجنوبية.\n",
}
"""READING's news in four languages quizwright does not read."""

Make = Callable[[Path], None]
Patch = Callable[[pytest.MonkeyPatch], None]


@dataclass(frozen=True)
class Case:
    group: str
    given: str
    """The bad input, in the words of the table."""
    args: tuple[str, ...]
    """The command line, run in a scratch folder that `make` filled."""
    make: Make
    says: str
    """Everything quizwright prints on stderr, exactly ('' for nothing)."""
    exit: int
    then: str = ""
    """What else holds afterwards, for the table; tests/test_bad_input.py checks it."""
    patch: Patch | None = None
    """Simulates what a test cannot arrange for real (root reads any file; disks are not full)."""


# --- files the cases write ------------------------------------------------------------------


def write(name: str, data: bytes | str) -> Make:
    def make(root: Path) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))

    return make


def both(*makers: Make) -> Make:
    def make(root: Path) -> None:
        for maker in makers:
            maker(root)

    return make


def zip_bytes() -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    return buffer.getvalue()


def fifo(name: str) -> Make:
    def make(root: Path) -> None:
        import os

        os.mkfifo(root / name)

    return make


def folder(name: str, *links: tuple[str, str]) -> Make:
    def make(root: Path) -> None:
        (root / name).mkdir(parents=True, exist_ok=True)
        for link, target in links:
            (root / name / link).symlink_to(target)

    return make


def pdf_with_content(content: bytes | list[bytes]) -> bytes:
    """A one-page PDF whose page content stream is `content` (chunks, for a big one), Flate-compressed."""
    import zlib

    squeeze = zlib.compressobj(9)
    data = b"".join(squeeze.compress(chunk) for chunk in (content if isinstance(content, list) else [content]))
    data += squeeze.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


PDF_TEXT = b"BT /F1 12 Tf 72 700 Td (Seoul is the capital of South Korea.) Tj ET\n"
MB = 1 << 20


def zip_bomb(name: str, part: str, megabytes: int) -> Make:
    """A zip (named .docx or .epub) whose one part unpacks to `megabytes` of blank space."""

    def make(root: Path) -> None:
        with zipfile.ZipFile(root / name, "w", zipfile.ZIP_DEFLATED) as bomb, bomb.open(part, "w") as inside:
            inside.write(b"<?xml version='1.0'?><document/>")
            for _ in range(megabytes):
                inside.write(b" " * MB)

    return make


def big_file(name: str, megabytes: int) -> Make:
    def make(root: Path) -> None:
        with open(root / name, "wb") as fh:
            fh.write(b"<p>Trade in Asia grew in 2019.</p>\n" * (megabytes * MB // 35))

    return make


def tiny_bank(items: int = 1) -> str:
    """A valid bank whose one source is reading.txt (READING)."""
    sentence = "President Lee Jae-myung visited Beijing in January with 200 business leaders."
    made = tuple(
        Item(
            id=f"cloze-{n}",
            type="cloze",
            status="draft",
            answer="Beijing",
            answer_kind="place",
            source=SourceRef("reading", sentence),
            text=sentence.replace("Beijing", "{{c1::Beijing}}"),
        )
        for n in range(items)
    )
    source = Source("reading", "reading.txt", hashlib.sha256(READING.encode("utf-8")).hexdigest())
    return bank_to_yaml(Bank(title="Trade in Asia", sources=(source,), items=made))


OLD_BANK = both(write("reading.txt", READING), write("bank.yaml", tiny_bank()))
"""A reading and a bank built before, to see that a failed or interrupted run leaves it alone."""


def bank_with(body: str) -> Make:
    return write("bank.yaml", body)


GOOD_ITEM = "  - id: c1\n    type: cloze\n    text: '{{c1::Seoul}} is big.'\n    answer: Seoul\n    source: {doc: d, sentence: Seoul is big.}\n"


def exportable(*items: tuple[str, str, str, str]) -> Make:
    """A bank of cloze items that pass validate, (id, answer, the rest of its sentence, more
    fields), each sentence a line of the reading d.txt beside it: an export takes every one."""
    body, reading = "", ""
    for item_id, answer, rest, more in items:
        text, sentence = json.dumps("{{c1::" + answer + "}}" + rest), json.dumps(answer + rest)
        body += f"  - id: {item_id}\n    type: cloze\n{more}    text: {text}\n    answer: {json.dumps(answer)}\n"
        body += f"    source: {{doc: d, sentence: {sentence}}}\n"
        reading += f"{answer}{rest}\n\n"
    sources = "sources:\n  - {id: d, path: d.txt, sha256: ''}\n"
    return both(write("d.txt", reading), write("bank.yaml", f"schema: quizwright/1\n{sources}items:\n{body}"))


def bank_with_item(old: str, new: str) -> Make:
    """A bank of one good item with `old` in it replaced by `new`."""
    return bank_with("schema: quizwright/1\nitems:\n" + GOOD_ITEM.replace(old, new))


# --- simulated failures -----------------------------------------------------------------------


def raise_in(module: str, attr: str, error: BaseException, when: Callable[..., bool] = lambda *a, **k: True) -> Patch:
    """Make `module.attr` (attr may be dotted: "Path.read_bytes") raise `error` when `when(*args)` holds."""

    def patch(monkeypatch: pytest.MonkeyPatch) -> None:
        import importlib

        owner = importlib.import_module(module)
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = getattr(owner, name)

        def failing(*args, **kwargs):
            if when(*args, **kwargs):
                raise error
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, failing)

    return patch


def setting(name: str, value: object) -> Patch:
    """Set module.NAME (a dotted name) to value."""

    def patch(monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(name, value)

    return patch


def both_patches(*patches: Patch) -> Patch:
    def patch(monkeypatch: pytest.MonkeyPatch) -> None:
        for each in patches:
            each(monkeypatch)

    return patch


DENIED = PermissionError(errno.EACCES, "Permission denied")
DISK_FULL = OSError(errno.ENOSPC, "No space left on device")


# --- the table --------------------------------------------------------------------------------


def build(*sources: str) -> tuple[str, ...]:
    return ("build", *sources, "-o", "bank.yaml")


CASES: tuple[Case, ...] = (
    # Sources
    Case(
        "Sources",
        "an empty file",
        build("empty.txt"),
        write("empty.txt", b""),
        "error: empty.txt: the file is empty",
        2,
    ),
    Case(
        "Sources",
        "a file of spaces and blank lines",
        build("blank.txt"),
        write("blank.txt", " \n\t\n  \n"),
        "error: blank.txt: the file has only blank space, no text",
        2,
    ),
    Case(
        "Sources",
        "PNG bytes named .txt",
        build("photo.txt"),
        write("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
        "error: photo.txt: not a text file: it is a PNG image",
        2,
    ),
    Case(
        "Sources",
        "PDF bytes named .txt",
        build("paper.txt"),
        write("paper.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        "error: paper.txt: not a text file: it is a PDF: name it .pdf",
        2,
    ),
    Case(
        "Sources",
        "zip bytes named .txt",
        build("bundle.txt"),
        write("bundle.txt", zip_bytes()),
        "error: bundle.txt: not a text file: it is a zip archive (a Word file or an e-book? name it .docx or .epub)",
        2,
    ),
    Case(
        "Sources",
        "a binary file with an unknown suffix",
        build("data.bin"),
        write("data.bin", bytes(range(256)) * 4),
        "error: data.bin: not a text file: it holds binary data",
        2,
    ),
    Case(
        "Sources",
        "UTF-8 with a byte-order mark",
        build("bom.txt"),
        write("bom.txt", b"\xef\xbb\xbf" + READING.encode()),
        "",
        0,
        "the mark is not part of the text; items validate",
    ),
    Case(
        "Sources",
        "UTF-16 with a byte-order mark",
        build("wide.txt"),
        write("wide.txt", READING.encode("utf-16")),
        "",
        0,
        "read as UTF-16; items validate",
    ),
    Case(
        "Sources",
        "UTF-16 without a byte-order mark",
        build("wide.txt"),
        write("wide.txt", READING.encode("utf-16-le")),
        "",
        0,
        "read as UTF-16; items validate",
    ),
    Case(
        "Sources",
        "Windows-1252 (Latin-1) text",
        build("latin.txt"),
        write("latin.txt", READING.replace("\u2019", "'").replace("Trade", "Trad\xe9").encode("cp1252")),
        "warning: latin.txt: not UTF-8; read as Windows-1252",
        0,
        "é read as é; items validate",
    ),
    Case(
        "Sources",
        "CRLF line endings",
        build("dos.txt"),
        write("dos.txt", READING.replace("\n", "\r\n")),
        "",
        0,
        "no carriage return in the bank; items validate",
    ),
    Case(
        "Sources",
        "one 20,000-character sentence without punctuation",
        build("long.txt"),
        write(
            "long.txt", " ".join(["Beijing", "traders", "met", "in", "1999", "Seoul", "and", "talked"] * 500)[:20000]
        ),
        "",
        0,
        "no item from it (too long to be a fact); the bank validates",
    ),
    Case(
        "Sources",
        "a text file larger than free memory allows (simulated: 200 MB free)",
        build("huge.txt"),
        write("huge.txt", b"Trade in Asia grew in 2019.\n" * 1872458),
        "error: huge.txt: 52,428,824 bytes is more than this machine's free memory lets quizwright read from one "
        "source (10,000,000 characters); split it into parts, or free some memory",
        2,
        "refused before it is read: memory stays small",
        patch=lambda mp: mp.setattr("quizwright.readers.limits.available_memory", lambda: 200_000_000),
    ),
    Case(
        "Sources",
        "a 150 KB PDF whose page stream unpacks to 150 MB",
        build("bomb.pdf"),
        write("bomb.pdf", pdf_with_content([PDF_TEXT] + [b" " * MB] * 150)),
        "error: bomb.pdf: its compressed streams unpack to more than 134,217,728 bytes, more than quizwright reads "
        "from one PDF (is it a zip bomb?)",
        2,
        "inflated no further than 128 MB",
    ),
    Case(
        "Sources",
        "a 70 KB Word file that unpacks to 70 MB (a zip bomb)",
        build("bomb.docx"),
        zip_bomb("bomb.docx", "word/document.xml", 70),
        "error: bomb.docx: unpacks to 73,400,352 bytes (73,400,352 of them text and markup), more than quizwright "
        "reads from one source (67,108,864 of markup, 268,435,456 in all); split it into chapters (or is it a zip "
        "bomb?)",
        2,
        "refused from the zip's directory, before anything is unpacked",
    ),
    Case(
        "Sources",
        "a 70 MB web page",
        build("page.html"),
        big_file("page.html", 70),
        "error: page.html: 73,400,320 bytes is more than quizwright reads from one .html file (67,108,864); "
        "split it into parts",
        2,
        "refused before it is read",
    ),
    Case(
        "Sources",
        "a folder with no readings",
        build("pictures"),
        both(folder("pictures"), write("pictures/cat.png", b"\x89PNG")),
        "error: pictures: no readings (.docx, .epub, .htm, .html, .markdown, .md, .pdf, .pptx, .text, .txt) in this folder",
        2,
    ),
    Case(
        "Sources",
        "a path that does not exist",
        build("missing.txt"),
        folder("."),
        "error: missing.txt: no such file or folder",
        2,
    ),
    Case(
        "Sources",
        "a file you may not read",
        build("secret.txt"),
        write("secret.txt", READING),
        "error: secret.txt: cannot read (Permission denied); check that you may read it",
        2,
        patch=raise_in("quizwright.sources", "os.open", DENIED, when=lambda path, *a: Path(path).name == "secret.txt"),
    ),
    Case(
        "Sources",
        "a named pipe or device",
        build("pipe.txt"),
        fifo("pipe.txt"),
        "error: pipe.txt: not a regular file (a pipe or a device?); give a file or a folder",
        2,
    ),
    Case(
        "Sources",
        "two sources with the same file name",
        build("a/notes.txt", "b/notes.txt"),
        both(write("a/notes.txt", READING), write("b/notes.txt", READING)),
        "error: two sources share the name 'notes' (a/notes.txt and b/notes.txt); rename one",
        2,
    ),
    Case(
        "Sources",
        "a symlink loop inside a folder",
        build("course"),
        both(write("course/reading.txt", READING), folder("course", ("loop", "."), ("back", "../course"))),
        "",
        0,
        "the reading is read once; the links are not followed",
    ),
    Case(
        "Sources",
        "a link that loops onto itself",
        build("self.txt"),
        folder(".", ("self.txt", "self.txt")),
        "error: self.txt: a link that leads nowhere (broken, or a loop)",
        2,
    ),
    *(
        Case(
            "Sources",
            f"a reading in {language}",
            build(f"{language.lower()}.txt"),
            write(f"{language.lower()}.txt", text),
            f"error: {language.lower()}.txt: this reading is not in English (it looks like {language}); "
            "quizwright reads English texts only, so it would give no questions",
            2,
            "no bank is written",
        )
        for language, text in NOT_ENGLISH.items()
    ),
    # Text content: each of these builds, validates and exports to every format.
    Case(
        "Text",
        "HTML and Anki markup (`<script>`, `<b>`, `&amp;`)",
        build("markup.txt"),
        write(
            "markup.txt",
            READING.replace("biggest trading", "biggest <b>trading</b>")
            .replace("ahead of", "<script>alert(1)</script> ahead of")
            .replace("trade and", "trade &amp;"),
        ),
        "",
        0,
        "quoted as written; Anki fields and GIFT HTML-escape it",
    ),
    Case(
        "Text",
        "reportlab markup characters (`<font>`, `<para>`, `&`)",
        build("reportlab.txt"),
        write(
            "reportlab.txt",
            READING.replace("States.", "States <font color=red> & Japan.").replace("leaders.", "leaders <para>."),
        ),
        "",
        0,
        "printed as written in the answer key",
    ),
    Case(
        "Text",
        "`{{c1::…}}` already in the reading",
        build("cloze.txt"),
        write(
            "cloze.txt", READING.replace("States.", "States {{c1::Japan}}.").replace("Beijing in", "{{c1::Beijing}} in")
        ),
        "",
        0,
        "no cloze from such a sentence (validate would reject it); one deletion per cloze",
    ),
    Case(
        "Text",
        "emoji",
        build("emoji.txt"),
        write(
            "emoji.txt",
            READING.replace("China", "China \U0001f1e8\U0001f1f3").replace(
                "leaders.", "leaders \U0001f469\u200d\U0001f4bc."
            ),
        ),
        "",
        0,
        "kept; the PDF export names the emoji no font covers",
    ),
    Case(
        "Text",
        "right-to-left text",
        build("rtl.txt"),
        write(
            "rtl.txt",
            READING.replace(
                "States.",
                "States (\u0627\u0644\u0648\u0644\u0627\u064a\u0627\u062a \u0627\u0644\u0645\u062a\u062d\u062f\u0629).",
            ),
        ),
        "",
        0,
        "kept as written",
    ),
    Case(
        "Text",
        "zero-width characters",
        build("zw.txt"),
        write(
            "zw.txt",
            READING.replace("South Korea", "South\u200b Korea").replace("business leaders", "business\u2060 leaders"),
        ),
        "",
        0,
        "kept as written; items validate",
    ),
    Case(
        "Text",
        "control characters (bell, escape, form feed)",
        build("ctrl.txt"),
        write(
            "ctrl.txt",
            READING.replace("ahead", "\x07ahead")
            .replace("January", "January\x1b[31m")
            .replace("\nThe talks", "\x0cThe talks"),
        ),
        "",
        0,
        "each becomes a space (a form feed a line break); none reaches the bank or an export",
    ),
    # Banks: validate, show, stats and every export read a bank the same way.
    Case(
        "Banks",
        "malformed YAML",
        ("validate", "bank.yaml"),
        bank_with("schema: quizwright/1\ntitle: [unclosed\nitems: []\n"),
        "error: bank.yaml:3:6: not valid YAML: expected ',' or ']', but got ':'; a list in [brackets] is not "
        "closed, or an entry in it holds a colon: close the bracket, and put such an entry in quotes",
        2,
        "line and column of the problem",
    ),
    Case(
        "Banks",
        "a YAML list, not a mapping",
        ("validate", "bank.yaml"),
        bank_with("- one\n- two\n"),
        "error: bank.yaml: not a quizwright bank (expected a mapping with schema, title, sources, items)",
        2,
    ),
    Case(
        "Banks",
        "an unknown schema version",
        ("validate", "bank.yaml"),
        bank_with("schema: quizwright/9\nitems: []\n"),
        "error: bank.yaml: unknown schema 'quizwright/9'; this quizwright reads quizwright/1",
        2,
    ),
    Case(
        "Banks",
        "a missing required field",
        ("validate", "bank.yaml"),
        bank_with_item("    answer: Seoul\n", ""),
        "error: bank.yaml:3: missing required field 'answer'",
        2,
    ),
    Case(
        "Banks",
        "a number where text is expected",
        ("validate", "bank.yaml"),
        bank_with_item("answer: Seoul", "answer: 1.50"),
        "error: bank.yaml:3: field 'answer' must be text; YAML reads 1.5 as a number: put it in quotes",
        2,
    ),
    Case(
        "Banks",
        "a list where text is expected",
        ("validate", "bank.yaml"),
        bank_with_item("answer: Seoul", "answer: [Seoul, Busan]"),
        "error: bank.yaml:3: field 'answer' must be text",
        2,
    ),
    Case(
        "Banks",
        "text where a number is expected",
        ("validate", "bank.yaml"),
        bank_with_item("answer: Seoul\n", "answer: Seoul\n    score: high\n"),
        "error: bank.yaml:3: field 'score' must be a number, not 'high'",
        2,
    ),
    Case(
        "Banks",
        "a date among the distractors",
        ("validate", "bank.yaml"),
        bank_with_item(
            "type: cloze", "type: mcq\n    question: Which city?\n    distractors: [Busan, 2024-01-01, Incheon]"
        ),
        "error: bank.yaml:3: distractor 2 must be text (in quotes if YAML could read it otherwise)",
        2,
    ),
    Case(
        "Banks",
        "a duplicate key",
        ("validate", "bank.yaml"),
        bank_with("schema: quizwright/1\ntitle: a\ntitle: b\n"),
        'error: bank.yaml:3:1: not valid YAML: found duplicate key "title" with value "b" (original value: "a")',
        2,
    ),
    Case(
        "Banks",
        "a YAML bomb (nested aliases)",
        ("validate", "bank.yaml"),
        bank_with(
            "schema: quizwright/1\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "".join(
                f"l{n}: &l{n} [{', '.join([f'*{p}'] * 9)}]\n" for n, p in enumerate(["b"] + [f"l{k}" for k in range(8)])
            )
            + "title: *l8\n"
        ),
        "error: bank.yaml:3:8: not valid YAML: found an alias (*a); write the value out instead",
        2,
        "refused at the first alias, before anything expands",
    ),
    Case(
        "Banks",
        "brackets nested thousands deep",
        ("validate", "bank.yaml"),
        bank_with("schema: quizwright/1\ntitle: " + "[" * 5000 + "]" * 5000 + "\n"),
        "error: bank.yaml:2:57: not valid YAML: nested too deeply for a bank",
        2,
    ),
    Case(
        "Banks",
        "a bank that is not UTF-8",
        ("validate", "bank.yaml"),
        bank_with(b"schema: quizwright/1\ntitle: caf\xe9\n"),
        "error: bank.yaml: cannot read the bank (UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 31: "
        "invalid continuation byte)",
        2,
    ),
    Case(
        "Banks",
        "a folder given as the bank",
        ("validate", "bank.yaml"),
        folder("bank.yaml"),
        "error: bank.yaml: is a folder; give the bank's .yaml file",
        2,
    ),
    Case(
        "Banks",
        "a bank file that does not exist",
        ("show", "bank.yaml"),
        folder("."),
        "error: bank.yaml: no such bank file",
        2,
    ),
    Case(
        "Banks",
        "a control character escaped in a field (`\\x1f`)",
        ("validate", "bank.yaml"),
        bank_with_item("answer: Seoul", 'answer: "Seo\\x1ful"'),
        "error: bank.yaml:3: item c1: field 'answer' holds the control character U+001F (invisible in an editor); "
        "delete it",
        2,
        "show, stats and every export say the same (Anki would have refused the whole deck)",
    ),
    Case(
        "Banks",
        "a lone surrogate escaped in a field (`\\ud800`)",
        ("validate", "bank.yaml"),
        bank_with_item("answer: Seoul", 'answer: "Seo\\ud800ul"'),
        "error: bank.yaml:3: item c1: field 'answer' holds a lone surrogate (\\ud800), half of a character, "
        "which cannot be written out; delete it or write the character itself",
        2,
        "show, stats and every export say the same",
    ),
    Case(
        "Banks",
        "a NUL in a source's path",
        ("validate", "bank.yaml"),
        bank_with('schema: quizwright/1\nsources:\n  - {id: d, path: "d\\0.txt"}\n'),
        "error: bank.yaml:3: source d: field 'path' holds the control character U+0000 (invisible in an editor); "
        "delete it",
        2,
    ),
    Case(
        "Banks",
        "a number of 5,000 digits",
        ("validate", "bank.yaml"),
        bank_with_item("answer: Seoul", "answer: " + "7" * 5000),
        "error: bank.yaml:6: a number of 5,000 digits; if it is text, put it in quotes",
        2,
    ),
    Case(
        "Banks",
        "a date that is none (`2024-02-30`)",
        ("validate", "bank.yaml"),
        bank_with_item("answer: Seoul", "answer: 2024-02-30"),
        "error: bank.yaml:6: YAML reads 2024-02-30 as a date, and it is none (day is out of range for month); "
        "put it in quotes",
        2,
    ),
    Case(
        "Banks",
        "a score too large for a number",
        ("validate", "bank.yaml"),
        bank_with_item("answer: Seoul\n", "answer: Seoul\n    score: " + "9" * 400 + "\n"),
        "error: bank.yaml:3: field 'score' must be a number of a sensible size",
        2,
    ),
    Case(
        "Banks",
        "a status typed `Approved`",
        ("export", "csv", "bank.yaml", "-o", "bank.csv"),
        exportable(("c1", "Seoul", " is big.", ""), ("c2", "Busan", " is by the sea.", "    status: Approved\n")),
        "warning: 1 item has the unknown status 'Approved' (expected draft, approved, rejected): "
        "did you mean 'approved'?; not exported (first: c2, line 10)",
        0,
        "validate reports it with the same suggestion, exit 1",
    ),
    Case(
        "Banks",
        "a bank that names `/etc/passwd` as a reading",
        ("validate", "bank.yaml"),
        bank_with("schema: quizwright/1\nsources:\n  - {id: passwd, path: /etc/passwd, sha256: ''}\n"),
        "error: bank.yaml: source 'passwd' is /etc/passwd, outside the bank's folder; validate reads no reading "
        "elsewhere unless told the folder may be read: if you trust this bank, add --readings /etc",
        2,
        "nothing outside the bank's folder is opened (its findings would tell what the file holds)",
    ),
    Case(
        "Banks",
        "a bank whose reading climbs out of its folder (`../notes.txt`)",
        ("validate", "course/bank.yaml"),
        both(
            write("notes.txt", READING),
            write("course/bank.yaml", "schema: quizwright/1\nsources:\n  - {id: notes, path: ../notes.txt}\n"),
        ),
        "error: course/bank.yaml: source 'notes' is ../notes.txt, outside the bank's folder; validate reads no "
        "reading elsewhere unless told the folder may be read: if you trust this bank, add --readings .",
        2,
        "with `--readings .` it is read",
    ),
    Case(
        "Banks",
        "a bank whose reading is a named pipe",
        ("validate", "bank.yaml"),
        both(fifo("pipe.txt"), bank_with("schema: quizwright/1\nsources:\n  - {id: pipe, path: pipe.txt}\n")),
        "error: bank.yaml: source 'pipe': pipe.txt: not a regular file (a pipe or a device?)",
        2,
        "it does not wait for a writer",
    ),
    Case(
        "Banks",
        "two items with the same id (a copied item, reworded)",
        build("reading.txt"),
        both(write("reading.txt", READING), write("bank.yaml", tiny_bank(2).replace("cloze-1", "cloze-0"))),
        "error: bank.yaml: items share an id: cloze-0 (lines 9, 18); give each copy an id of its own "
        "(or delete it), then build again",
        2,
        "the bank is unchanged; validate reports the id at both items, each naming the other's line",
    ),
    Case(
        "Banks",
        "the bank among its own readings",
        ("build", "reading.txt", "bank.yaml", "-o", "bank.yaml"),
        OLD_BANK,
        "error: bank.yaml: is a quizwright question bank, not a reading; leave it out of the readings",
        2,
        "the old bank is unchanged",
    ),
    # Outputs
    Case(
        "Outputs",
        "a bank in a folder that does not exist",
        ("build", "reading.txt", "-o", "new/folder/bank.yaml"),
        write("reading.txt", READING),
        "",
        0,
        "the folders are made",
    ),
    Case(
        "Outputs",
        "an export into a folder that does not exist",
        ("export", "csv", "bank.yaml", "-o", "new/folder/bank.csv"),
        OLD_BANK,
        "",
        0,
        "the folders are made",
    ),
    Case(
        "Outputs",
        "an export written over the bank (`-o bank.yaml`)",
        ("export", "csv", "bank.yaml", "-o", "bank.yaml"),
        OLD_BANK,
        "error: bank.yaml is a question bank; an export never writes over one: name another file for it",
        2,
        "the old bank is unchanged",
    ),
    Case(
        "Outputs",
        "an export written over one of the bank's readings",
        ("export", "quizlet", "bank.yaml", "-o", "reading.txt"),
        OLD_BANK,
        "error: reading.txt is a reading of bank.yaml; an export never writes over one: name another file for it",
        2,
        "the reading is unchanged",
    ),
    Case(
        "Outputs",
        "a formula in an item, exported to a spreadsheet (`=HYPERLINK(…)`)",
        ("export", "csv", "bank.yaml", "-o", "bank.csv"),
        exportable(("c1", '=HYPERLINK("http://evil.example","Seoul")', " is big.", "")),
        "",
        0,
        "the cell begins with an apostrophe: Excel and Sheets show it as text (the Quizlet file too)",
    ),
    Case(
        "Outputs",
        "two items asking the same question, exported for Canvas",
        ("export", "qti", "bank.yaml", "-o", "quiz.zip"),
        both(write("reading.txt", READING), write("bank.yaml", tiny_bank(2))),
        "error: items cloze-0 (line 9) and cloze-1 (line 18) ask the same question, which a QTI quiz cannot hold; "
        "reword one of them or reject it",
        2,
        "no zip is written",
    ),
    Case(
        "Outputs",
        "a source sentence longer than a page, exported to PDF",
        ("export", "pdf", "bank.yaml", "-o", "sheet.pdf"),
        exportable(("c1", "Seoul", " is big" + " and bigger" * 3000 + ".", "")),
        "",
        0,
        "the answer key's row goes on over the next page",
    ),
    Case(
        "Outputs",
        "a bank path inside a file",
        ("build", "reading.txt", "-o", "notes.txt/bank.yaml"),
        both(write("reading.txt", READING), write("notes.txt", "x")),
        "error: notes.txt/bank.yaml: cannot write the bank: notes.txt is a file, not a folder",
        2,
    ),
    Case(
        "Outputs",
        "an export path inside a file",
        ("export", "anki", "bank.yaml", "-o", "notes.txt/deck.apkg"),
        both(OLD_BANK, write("notes.txt", "x")),
        "error: notes.txt/deck.apkg: cannot write the export: notes.txt is a file, not a folder",
        2,
    ),
    Case(
        "Outputs",
        "a folder given as the bank to write",
        ("build", "reading.txt", "-o", "banks"),
        both(write("reading.txt", READING), folder("banks")),
        "error: banks is a folder; give the bank a file name, such as banks/bank.yaml",
        2,
    ),
    Case(
        "Outputs",
        "a folder you may not write in",
        ("build", "reading.txt", "-o", "locked/bank.yaml"),
        both(write("reading.txt", READING), folder("locked")),
        "error: locked/bank.yaml: cannot write the bank: no permission to write in locked",
        2,
        patch=raise_in("quizwright.files", "tempfile.mkstemp", DENIED),
    ),
    Case(
        "Outputs",
        "a full disk while writing the bank",
        ("build", "reading.txt", "-o", "bank.yaml", "--title", "New"),
        OLD_BANK,
        "error: bank.yaml: cannot write the bank: the disk is full",
        2,
        "the old bank is unchanged; no temporary file is left",
        patch=raise_in("quizwright.files", "os.fsync", DISK_FULL),
    ),
    Case(
        "Outputs",
        "a full disk while writing an export",
        ("export", "csv", "bank.yaml", "-o", "out.csv"),
        both(OLD_BANK, write("out.csv", "old export\n")),
        "error: out.csv: cannot write the export: the disk is full",
        2,
        "the old export is unchanged; no temporary file is left",
        patch=raise_in("quizwright.files", "os.fsync", DISK_FULL),
    ),
    Case(
        "Outputs",
        "another quizwright writing the same bank",
        build("reading.txt"),
        both(OLD_BANK, write("bank.yaml.lock", "4242\n")),
        "error: bank.yaml: another quizwright (process 4242) is writing this bank; try again when it has finished",
        2,
        "the old bank is unchanged (a build waits a minute for the other to finish first)",
        patch=both_patches(
            raise_in("quizwright.files", "fcntl.flock", BlockingIOError()), setting("quizwright.files.LOCK_WAIT", 0)
        ),
    ),
    Case(
        "Outputs",
        "a link planted where the backup goes (`bank.yaml.bak → ~/.bashrc`)",
        build("reading.txt"),
        both(OLD_BANK, write("bashrc", "alias ls='ls -F'\n"), folder(".", ("bank.yaml.bak", "bashrc"))),
        "",
        0,
        "the link is replaced by the backup; the file it led to is untouched",
    ),
    Case(
        "Outputs",
        "a bank that is a link (to a synced folder)",
        build("reading.txt"),
        both(
            write("reading.txt", READING),
            write("synced/bank.yaml", tiny_bank()),
            folder(".", ("bank.yaml", "synced/bank.yaml")),
        ),
        "",
        0,
        "written through: the link stays a link, the bank it leads to is the new one",
    ),
    Case(
        "Outputs",
        "Ctrl-C while reading the sources",
        ("build", "reading.txt", "-o", "bank.yaml"),
        OLD_BANK,
        "error: interrupted; bank.yaml is as it was",
        130,
        "the old bank is unchanged",
        patch=raise_in("quizwright.sources", "decode", KeyboardInterrupt()),
    ),
    Case(
        "Outputs",
        "Ctrl-C while the bank is being written",
        ("build", "reading.txt", "-o", "bank.yaml", "--seed", "7"),
        OLD_BANK,
        "error: interrupted; bank.yaml is as it was",
        130,
        "the old bank is unchanged; no temporary file is left",
        patch=raise_in("quizwright.files", "os.replace", KeyboardInterrupt()),
    ),
    Case(
        "Outputs",
        "Ctrl-C during an export",
        ("export", "pdf", "bank.yaml", "-o", "sheet.pdf"),
        both(OLD_BANK, write("sheet.pdf", b"%PDF old")),
        "error: interrupted; no file was left half-written",
        130,
        "the old PDF is unchanged; no temporary file is left",
        patch=raise_in("quizwright.files", "os.replace", KeyboardInterrupt()),
    ),
    Case(
        "Outputs",
        "Ctrl-C while validating",
        ("validate", "bank.yaml"),
        OLD_BANK,
        "error: interrupted; nothing was changed",
        130,
        "the bank is unchanged",
        patch=raise_in("quizwright.api", "validate_bank", KeyboardInterrupt()),
    ),
)


def case_id(case: Case) -> str:
    return f"{case.group}: {case.given}"


def render(cases: tuple[Case, ...] = CASES) -> str:
    lines = [
        "# Bad input: what quizwright says",
        "",
        "Generated by `python -m tests.bad_inputs` from the table in `tests/bad_inputs.py`;",
        "`tests/test_bad_input.py` runs every row through the real command and checks that stderr is",
        "exactly what is shown here and the exit status too (2: unusable input, 130: interrupted). Do",
        "not edit by hand. Without `--debug` quizwright never prints a traceback; with it, the",
        "traceback comes before the same line. A bug in quizwright itself ends in one `error:` line",
        "too, exit status 3.",
        "",
        "Rows marked *(simulated)* make one call fail the way the system would (a permission error,",
        "a full disk, Ctrl-C): the tests run as root, whom file permissions do not stop, on a disk",
        "that is not full. A real Ctrl-C (SIGINT) during a build is tested separately, as is the",
        "memory a refused 50 MB reading takes, and a multi-megabyte reading built in parts under a memory limit.",
        "So are a SIGTERM, handled as Ctrl-C is, and a `kill -9` of a parallel build (its workers end",
        "with it); fifty builds killed at random moments while merging into an edited bank (the bank is",
        "the old one or the new one, with every edit); and two builds into one bank at once (the second",
        "waits for the first and merges: both sets of items are kept).",
        "",
        "Size: there is no fixed limit on a reading, only the machine's free memory (20 bytes a",
        "character); a reading longer than 200,000 characters is analysed in parts, so its peak memory",
        "does not grow with its length. Timings and peaks of long readings and large banks are in the",
        "README's Performance section (bench/perf.py).",
    ]
    for group in dict.fromkeys(case.group for case in CASES):
        lines += [
            "",
            f"## {group}",
            "",
            "| input | command | quizwright says (stderr) | exit | and then |",
            "|---|---|---|---:|---|",
        ]
        for case in (c for c in cases if c.group == group):
            given = f"{case.given} (simulated)" if case.patch else case.given
            command = "quizwright " + " ".join(case.args)
            says = f"`{case.says}`".replace("|", "\\|") if case.says else "—"
            lines.append(f"| {given} | `{command}` | {says} | {case.exit} | {case.then} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(render(), encoding="utf-8")
    print(f"wrote {DOC}")
