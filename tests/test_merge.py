"""Rebuilding into an edited bank: the teacher's edits, comments and rejections survive."""

from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
from ruamel.yaml import YAML

from conftest import SEEDS, SOURCE_TEXT, line_of, runner
from quizwright.bank import (
    bank_to_yaml,
    load_bank,
    parse_bank,
)
from quizwright.builders.items import item_id
from quizwright.cli import app
from quizwright.errors import BankError
from quizwright.merge import merge_bank
from quizwright.models import Bank, BuildRecord, Item, Source, SourceRef


def fingerprinted(item: Item) -> Item:
    return replace(item, fingerprint=item.content_hash())


def mcq(make_item, answer: str, sentence: str, question: str, distractors: tuple[str, ...], **kw) -> Item:
    return fingerprinted(
        make_item(
            id=item_id("mcq", "doc", sentence, answer),
            answer=answer,
            source=SourceRef("doc", sentence),
            question=question,
            distractors=distractors,
            **kw,
        )
    )


@pytest.fixture()
def builds(make_item, make_cloze):
    """(first build, second build) of the same readings: the second finds one more item."""
    china = fingerprinted(make_item())
    lee = fingerprinted(make_cloze())
    washington = mcq(
        make_item,
        "Washington",
        "The alliance with Washington remains the core of South Korea\u2019s security policy.",
        "The alliance with _____ remains the core of South Korea\u2019s security policy.",
        ("Tokyo", "Moscow", "Pyongyang"),
    )
    beijing = fingerprinted(
        make_cloze(
            id=item_id("cloze", "doc", make_cloze().source.sentence, "Beijing"),
            answer="Beijing",
            answer_kind="place",
            text="President Lee Jae-myung visited {{c1::Beijing}} in January.",
        )
    )
    source = (Source("doc", "src/doc.txt", "ab" * 32),)
    first = Bank("t", source, (china, lee, washington), id="0123456789abcdef")
    # the rebuild offers other distractors for the rejected item, and one new item
    second = Bank("t", source, (china, lee, replace(washington, distractors=("Tokyo", "Moscow", "Hanoi")), beijing))
    second = replace(second, items=tuple(fingerprinted(i) for i in second.items))
    return first, second


def set_status(text: str, item: str, status: str) -> str:
    lines = text.splitlines(keepends=True)
    at = line_of(text, item)  # 1-based line of '- id:'; status is two lines below
    assert lines[at + 1] == "    status: draft\n", lines[at + 1]
    lines[at + 1] = f"    status: {status}\n"
    return "".join(lines)


def test_merge_keeps_the_teachers_edits_and_comments_and_appends_new_items(builds):
    first, second = builds
    china, lee, washington = first.items
    text = bank_to_yaml(first)
    text = set_status(text, china.id, "approved")
    text = set_status(text, washington.id, "rejected")
    text = text.replace(f"  - id: {lee.id}\n", f"  # ask the class about Lee first\n  - id: {lee.id}\n")
    text = text.replace(f"question: {china.question}", f"question: {china.question}  # good one")

    merged, report = merge_bank(text, second, {"doc": SOURCE_TEXT}, "bank.yaml")

    assert report.added == [second.items[3].id]
    assert report.stale == [] and report.refreshed == []
    assert report.kept == 3
    # everything the teacher wrote is still there, byte for byte, and the new item follows
    assert merged.startswith(text)
    assert "# ask the class about Lee first\n" in merged and "# good one" in merged
    again = parse_bank(merged)
    assert [i.id for i in again.items] == [china.id, lee.id, washington.id, second.items[3].id]
    assert len({i.id for i in again.items}) == len(again.items)
    by_id = {i.id: i for i in again.items}
    assert by_id[china.id].status == "approved"
    assert by_id[washington.id].status == "rejected"
    assert by_id[washington.id].distractors == ("Tokyo", "Moscow", "Pyongyang")  # not the rebuild's
    assert by_id[second.items[3].id].status == "draft"


def test_merging_the_same_build_twice_changes_nothing(builds):
    first, second = builds
    text = set_status(bank_to_yaml(first), first.items[2].id, "rejected")
    once, _ = merge_bank(text, second, {"doc": SOURCE_TEXT})
    twice, report = merge_bank(once, second, {"doc": SOURCE_TEXT})
    assert twice == once
    assert report.added == [] and report.refreshed == [] and report.kept == 4


def test_a_rejected_item_missing_from_the_rebuild_stays_rejected(builds):
    first, _ = builds
    text = set_status(bank_to_yaml(first), first.items[2].id, "rejected")
    empty = Bank("t", first.sources, ())
    merged, report = merge_bank(text, empty, {"doc": SOURCE_TEXT})
    assert [(i.id, i.status) for i in parse_bank(merged).items] == [(first.items[2].id, "rejected")]
    assert report.added == []
    # the two untouched drafts the generator no longer makes are retired, and said so
    assert report.retired == [first.items[0].id, first.items[1].id]


def test_a_draft_the_generator_dropped_stays_when_the_teacher_commented_on_it(builds):
    first, _ = builds
    china, lee, washington = first.items
    text = bank_to_yaml(first).replace(f"  - id: {lee.id}\n", f"  # keep this one for Friday\n  - id: {lee.id}\n")
    text = text.replace(f"question: {washington.question}", f"question: {washington.question}  # check")
    merged, report = merge_bank(text, Bank("t", first.sources, ()), {"doc": SOURCE_TEXT})
    # ruamel hangs a leading comment on the item before it: that item stays too, with the comment
    assert [i.id for i in parse_bank(merged).items] == [china.id, lee.id, washington.id]
    assert "# keep this one for Friday\n" in merged and "# check" in merged
    assert report.retired == []


def test_an_untouched_draft_takes_the_rebuilds_text_but_an_edited_one_does_not(builds):
    first, second = builds
    _, _, washington = first.items
    fresh = next(i for i in second.items if i.id == washington.id)
    merged, report = merge_bank(bank_to_yaml(first), second, {"doc": SOURCE_TEXT})
    assert report.refreshed == [washington.id]
    assert {i.id: i for i in parse_bank(merged).items}[washington.id].distractors == fresh.distractors

    edited = bank_to_yaml(first).replace("[Tokyo, Moscow, Pyongyang]", "[Tokyo, Moscow, Manila]")
    merged, report = merge_bank(edited, second, {"doc": SOURCE_TEXT})
    assert report.refreshed == []
    assert {i.id: i for i in parse_bank(merged).items}[washington.id].distractors == ("Tokyo", "Moscow", "Manila")


def test_merge_marks_an_item_whose_sentence_left_its_document_stale_and_keeps_it(builds):
    first, second = builds
    china = first.items[0]
    new_text = SOURCE_TEXT.replace("biggest", "largest")
    merged, report = merge_bank(bank_to_yaml(first), second, {"doc": new_text})
    assert report.stale == [(china.id, "the source sentence is no longer in doc")]
    kept = {i.id: i for i in parse_bank(merged).items}[china.id]
    assert kept.stale == "the source sentence is no longer in doc"
    assert kept.source.sentence == china.source.sentence


def test_merge_records_a_changed_source_hash(builds):
    first, second = builds
    second = replace(second, sources=(Source("doc", "src/doc.txt", "cd" * 32),))
    merged, report = merge_bank(bank_to_yaml(first), second, {"doc": SOURCE_TEXT})
    assert report.changed_sources == ["doc"]
    assert parse_bank(merged).sources == second.sources


def test_merge_refuses_a_broken_existing_bank(builds):
    _, second = builds
    with pytest.raises(BankError, match=r"^bank\.yaml: unknown schema"):
        merge_bank("schema: nope\n", second, {}, "bank.yaml")


SIXTH = (
    "Seoul and Tokyo Hold Talks\n\n"
    "South Korean Foreign Minister Cho Hyun met Japanese Foreign Minister Toshimitsu Motegi in Tokyo on Friday. "
    "The two ministers agreed to expand youth exchanges between Seoul and Tokyo in 2026. "
    "Japan is South Korea\u2019s third-largest trading partner after China and the United States.\n"
)


def set_field(text: str, item_id: str, key: str, value: str) -> str:
    """Edit one field of one item in the YAML text, as a teacher does in an editor."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.strip() == f"- id: {item_id}")
    for i in range(start + 1, len(lines)):
        if lines[i].lstrip().startswith(f"{key}:"):
            indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
            lines[i] = f"{indent}{key}: {value}\n"
            return "".join(lines)
    raise AssertionError(f"{item_id} has no {key}")


@pytest.fixture()
def seeded(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    bank = tmp_path / "banks" / "visit.yaml"
    assert runner.invoke(app, ["build", str(tmp_path / "seeds"), "-o", str(bank)]).exit_code == 0
    return tmp_path, bank


def test_rebuild_keeps_every_edit_adds_new_text_and_marks_vanished_sentences(seeded):
    root, bank_path = seeded
    bank = load_bank(bank_path)
    reworded = next(i for i in bank.items if i.type == "mcq")
    approved, rejected = [i for i in bank.items if i.id != reworded.id][:2]
    edited_source = next(i for i in bank.items if i.id not in {approved.id, rejected.id, reworded.id})
    changed = edited_source.source.doc

    text = bank_path.read_text(encoding="utf-8")
    text = set_field(text, approved.id, "status", "approved  # good for the unit test")
    text = set_field(text, rejected.id, "status", "rejected")
    text = set_field(text, reworded.id, "distractors", "[Mongolia, " + ", ".join(reworded.distractors[1:]) + "]")
    bank_path.write_text(text, encoding="utf-8")

    seed_file = root / "seeds" / f"{changed}.txt"
    seed_file.write_text(
        seed_file.read_text(encoding="utf-8").replace(edited_source.source.sentence, ""), encoding="utf-8"
    )
    (root / "seeds" / "005_sixth.txt").write_text(SIXTH, encoding="utf-8")

    result = runner.invoke(app, ["build", str(root / "seeds"), "-o", str(bank_path)])
    assert result.exit_code == 0, result.output
    after = load_bank(bank_path)
    by_id = {i.id: i for i in after.items}

    assert by_id[approved.id].status == "approved"
    assert "approved  # good for the unit test" in bank_path.read_text(encoding="utf-8")
    assert by_id[rejected.id].status == "rejected"
    assert [i.id for i in after.items].count(rejected.id) == 1
    assert by_id[reworded.id].distractors[0] == "Mongolia"
    assert by_id[edited_source.id].stale == f"the source sentence is no longer in {changed}"
    new_items = [i for i in after.items if i.source.doc == "005_sixth"]
    assert new_items and all(i.status == "draft" for i in new_items)
    assert "005_sixth" in {s.id for s in after.sources}
    assert f"stale {edited_source.id}" in result.output
    assert f"source {changed} changed since the last build" in result.output
    assert (bank_path.parent / "visit.yaml.bak").read_text(encoding="utf-8") == text


def test_dry_run_reports_and_writes_nothing(seeded):
    root, bank_path = seeded
    before = bank_path.read_bytes()
    (root / "seeds" / "005_sixth.txt").write_text(SIXTH, encoding="utf-8")
    result = runner.invoke(app, ["build", str(root / "seeds"), "-o", str(bank_path), "--dry-run"])
    assert result.exit_code == 0
    assert "new items would be added" in result.output
    assert bank_path.read_bytes() == before


def test_untouched_drafts_follow_the_generator_but_edited_ones_do_not(seeded):
    root, bank_path = seeded
    bank = load_bank(bank_path)
    mcqs = [i for i in bank.items if i.type == "mcq"]
    untouched, edited = mcqs[-2], mcqs[-1]
    yaml = YAML()
    tree = yaml.load(bank_path.read_text(encoding="utf-8"))
    for node in tree["items"]:
        if node["id"] == untouched.id:  # as if an older quizwright had written other options
            node["distractors"] = ["Old", "Options", "Here"]
            node["fingerprint"] = load_bank_item_hash(untouched, ("Old", "Options", "Here"))
        if node["id"] == edited.id:
            node["question"] = "A question I wrote myself?"
    with bank_path.open("w", encoding="utf-8") as fh:
        yaml.dump(tree, fh)
    assert runner.invoke(app, ["build", str(root / "seeds"), "-o", str(bank_path)]).exit_code == 0
    by_id = {i.id: i for i in load_bank(bank_path).items}
    assert by_id[untouched.id].distractors == untouched.distractors
    assert by_id[edited.id].question == "A question I wrote myself?"


def load_bank_item_hash(item, distractors):
    from dataclasses import replace

    return replace(item, distractors=distractors).content_hash()


def test_validate_flags_exactly_the_planted_errors_with_their_lines(seeded):
    root, bank_path = seeded
    bank = load_bank(bank_path)
    mcqs = [i for i in bank.items if i.type == "mcq"]
    clozes = [i for i in bank.items if i.type == "cloze"]
    text = bank_path.read_text(encoding="utf-8")
    text = set_field(text, mcqs[0].id, "answer", "Atlantis")
    text = set_field(text, mcqs[1].id, "distractors", f"[{mcqs[1].answer}, {', '.join(mcqs[1].distractors[1:])}]")
    text = set_field(text, clozes[0].id, "text", "'" + clozes[0].text.replace("}}", "", 1) + "'")
    text = set_field(text, clozes[1].id, "status", "pending")
    text = "# my notes on this bank\n" + text  # shifts every line by one
    bank_path.write_text(text, encoding="utf-8")

    result = runner.invoke(app, ["validate", str(bank_path), "--readings", str(root / "seeds")])
    assert result.exit_code == 1
    lines = text.splitlines()

    def line_of(item_id):
        return next(n for n, line in enumerate(lines, 1) if line.strip() == f"- id: {item_id}")

    expected = {
        f"{bank_path}:{line_of(mcqs[0].id)}: {mcqs[0].id}: the answer 'Atlantis' does not occur in the source sentence",
        f"{bank_path}:{line_of(mcqs[1].id)}: {mcqs[1].id}: the distractor '{mcqs[1].answer}' is the answer (or a variant of it)",
        f"{bank_path}:{line_of(clozes[0].id)}: {clozes[0].id}: the cloze text has a broken {{{{c1::...}}}} deletion",
        f"{bank_path}:{line_of(clozes[1].id)}: {clozes[1].id}: unknown status 'pending' (expected draft, approved, rejected)",
    }
    assert set(result.output.strip().splitlines()) == expected


def test_a_bank_from_before_ids_takes_its_title_as_its_id_and_keeps_it(builds):
    first, second = builds
    old = bank_to_yaml(replace(first, id=""))
    merged, _ = merge_bank(old, replace(second, title="A new title"), {"doc": SOURCE_TEXT}, "bank.yaml")
    assert merged.splitlines()[1:4] == ["schema: quizwright/1", "id: t", "title: t"]
    retitled, _ = merge_bank(merged, second, {"doc": SOURCE_TEXT}, "bank.yaml", title="Renamed")
    assert parse_bank(retitled).id == "t" and parse_bank(retitled).title == "Renamed"


def test_merge_records_the_build_and_fills_in_source_titles(builds):
    first, second = builds
    record = BuildRecord(("../readings",), {"seed": 1, "mcq_per_doc": 8})
    titled = replace(second, build=record, sources=(replace(second.sources[0], title="Why Seoul Talks to Beijing"),))
    merged, _ = merge_bank(bank_to_yaml(first), titled, {"doc": SOURCE_TEXT}, "bank.yaml")
    bank = parse_bank(merged)
    assert bank.build == record and bank.sources[0].title == "Why Seoul Talks to Beijing"
    assert "build:\n  readings:\n    - ../readings\n  settings: {seed: 1, mcq_per_doc: 8}\nsources:" in merged


def test_a_teachers_own_item_is_never_marked_stale_or_retired(builds, make_item):
    first, second = builds
    own = make_item(id="mcq-t0000001", source=SourceRef("teacher", ""), question="Which country buys most?")
    merged, report = merge_bank(bank_to_yaml(replace(first, items=(*first.items, own))), second, {"doc": ""}, "b")
    assert own.id not in report.retired and own.id not in [i for i, _ in report.stale]
    assert parse_bank(merged).items[3] == replace(own, line=parse_bank(merged).items[3].line)
    assert "stale" not in merged.split("mcq-t0000001")[1]


# --- every field a teacher can change counts as an edit (issue 16) ----------------------------


def set_kind(text: str, item_id: str, kind: str) -> str:
    lines = text.splitlines(keepends=True)
    start = line_of(text, item_id)
    at = next(n for n in range(start, len(lines)) if lines[n].strip().startswith("answer_kind:"))
    lines[at] = lines[at].split("answer_kind:")[0] + f"answer_kind: {kind}\n"
    return "".join(lines)


def test_an_answer_kind_edited_alone_survives_a_rebuild_that_drops_or_rewrites_the_item(builds):
    first, second = builds
    _, lee, washington = first.items
    text = set_kind(set_kind(bank_to_yaml(first), lee.id, "term"), washington.id, "person")
    # the generator no longer makes Lee's cloze: a draft it dropped is retired, unless edited
    dropped = Bank("t", first.sources, tuple(i for i in second.items if i.id != lee.id))
    merged, report = merge_bank(text, dropped, {"doc": SOURCE_TEXT})
    by_id = {i.id: i for i in parse_bank(merged).items}
    assert lee.id not in report.retired
    assert by_id[lee.id].answer_kind == "term"
    # the generator writes Washington's options anew: an untouched draft takes them, an edited one not
    assert washington.id not in report.refreshed
    assert by_id[washington.id].answer_kind == "person"
    assert by_id[washington.id].distractors == washington.distractors


@pytest.mark.parametrize(
    "field, value",
    [("id", "mcq-0000beef"), ("source", "{doc: doc, sentence: President Lee Jae-myung visited Beijing in January.}")],
)
def test_an_id_or_a_source_edited_alone_counts_as_an_edit(builds, field, value):
    first, _ = builds
    china = first.items[0]
    text = bank_to_yaml(first)
    lines = text.splitlines(keepends=True)
    start = line_of(text, china.id) - 1
    at = next(n for n in range(start, len(lines)) if lines[n].lstrip(" -").startswith(f"{field}:"))
    lines[at] = lines[at].split(f"{field}:")[0] + f"{field}: {value}\n"
    if field == "source":  # the source map spans two lines in block style: drop the second
        del lines[at + 1 : at + 3]
    merged, report = merge_bank("".join(lines), Bank("t", first.sources, ()), {"doc": SOURCE_TEXT})
    assert len(report.retired) == 2  # the two untouched drafts
    assert len(parse_bank(merged).items) == 1


def legacy(item: Item) -> Item:
    """As quizwright 0.1 fingerprinted it: the prompt, answer and options only."""
    return replace(item, fingerprint=item.legacy_hash())


def test_a_legacy_fingerprint_still_tells_an_untouched_draft_and_is_renewed_when_the_item_recurs(builds):
    first, second = builds
    china, lee, washington = first.items
    old = Bank("t", first.sources, tuple(legacy(i) for i in first.items))
    merged, report = merge_bank(bank_to_yaml(old), second, {"doc": SOURCE_TEXT})
    by_id = {i.id: i for i in parse_bank(merged).items}
    assert report.refreshed == [washington.id]  # untouched: follows the generator
    assert by_id[china.id].fingerprint == china.content_hash()  # the same item again: fingerprinted in full
    assert not by_id[china.id].edited


def test_a_legacy_fingerprint_cannot_vouch_for_the_answer_kind_so_such_an_item_is_kept(builds):
    first, second = builds
    _, lee, washington = first.items
    old = Bank("t", first.sources, tuple(legacy(i) for i in first.items))
    text = set_kind(bank_to_yaml(old), washington.id, "person")
    merged, report = merge_bank(text, Bank("t", first.sources, (second.items[3],)), {"doc": SOURCE_TEXT})
    by_id = {i.id: i for i in parse_bank(merged).items}
    assert report.retired == []  # nothing can be told of them: all kept
    assert by_id[washington.id].answer_kind == "person"
    merged, report = merge_bank(text, second, {"doc": SOURCE_TEXT})
    assert report.refreshed == []  # Washington's kind differs from the rebuild's: left as the teacher has it
    assert {i.id: i for i in parse_bank(merged).items}[washington.id].answer_kind == "person"


def test_a_build_refuses_to_merge_into_a_bank_with_duplicate_ids(builds):
    first, second = builds
    china = first.items[0]
    copy = replace(china, question="Which country trades most with South Korea?")
    text = bank_to_yaml(Bank("t", first.sources, (*first.items, copy)))
    lines = [line_of(text, china.id), text.splitlines().index(f"  - id: {china.id}", line_of(text, china.id)) + 1]
    with pytest.raises(BankError) as refused:
        merge_bank(text, Bank("t", first.sources, ()), {"doc": SOURCE_TEXT}, "bank.yaml")
    assert str(refused.value) == (
        f"bank.yaml: items share an id: {china.id} (lines {lines[0]}, {lines[1]}); "
        "give each copy an id of its own (or delete it), then build again"
    )


def test_dropping_retired_items_in_one_pass_is_deleting_them_one_by_one():
    """merge._drop, against ruamel's own `del seq[i]` (comments filed under indices move too)."""
    import io

    from quizwright.bank import round_trip_yaml
    from quizwright.merge import _drop

    text = "".join(f"- a{n}: {n}  # on {n}\n" if n % 3 == 0 else f"- a{n}: {n}\n" for n in range(12))
    text += "# after the last\n"
    gone = {0, 2, 3, 7, 11}
    by_one, at_once = round_trip_yaml().load(text), round_trip_yaml().load(text)
    for n in sorted(gone, reverse=True):
        del by_one[n]
    _drop(at_once, gone)

    def dumped(tree) -> str:
        out = io.StringIO()
        round_trip_yaml().dump(tree, out)
        return out.getvalue()

    assert dumped(at_once) == dumped(by_one)
    assert "a0" not in dumped(at_once) and "# on 6" in dumped(at_once) and "a10: 10" in dumped(at_once)


def test_a_merge_tells_its_progress_reading_merging_and_writing(builds):
    first, second = builds
    copies = (fingerprinted(replace(first.items[0], id=f"{first.items[0].id}-{n}")) for n in range(300))
    big = Bank("t", first.sources, tuple(copies))  # untouched drafts the build no longer makes: retired
    told: list[tuple[str, int, int]] = []
    merged, report = merge_bank(bank_to_yaml(big), second, {"doc": SOURCE_TEXT}, progress=lambda *a: told.append(a))
    assert list(dict.fromkeys(label for label, *_ in told)) == ["reading", "merging", "writing"]
    assert all(0 < done <= total for _, done, total in told)
    assert ("merging", 300, 300) in told
    assert len(told) <= 3 * 101  # every 1 %, not every chunk or item
    quiet, _ = merge_bank(bank_to_yaml(big), second, {"doc": SOURCE_TEXT})
    assert merged == quiet and len(report.retired) == 300
