"""The Anki exporter: stable identities, escaped fields, and real imports with the anki library."""

import dataclasses
import time

import genanki
import pytest

from conftest import FIXTURE, read_apkg
from quizwright.bank import load_bank
from quizwright.errors import ExportError
from quizwright.exporters import select_items
from quizwright.exporters.anki import (
    CLOZE_MODEL,
    MCQ_MODEL,
    AnkiOptions,
    build_package,
    cloze_html,
    deck_id,
    export_anki,
    package_bytes,
    tag,
)
from quizwright.models import Item, SourceRef

TITLE = "Why South Korea’s President Went to China"


@pytest.fixture(scope="module")
def bank():
    return load_bank(FIXTURE)


def edited(bank, item_id, **changes):
    items = tuple(dataclasses.replace(i, **changes) if i.id == item_id else i for i in bank.items)
    return dataclasses.replace(bank, items=items)


def test_note_types_have_fixed_ids_and_the_promised_fields():
    assert MCQ_MODEL.model_id == 1607392319 and CLOZE_MODEL.model_id == 1607392320
    assert [f["name"] for f in MCQ_MODEL.fields] == ["Question", "Options", "Answer", "Source"]
    assert [f["name"] for f in CLOZE_MODEL.fields] == ["Text", "Source"]
    assert CLOZE_MODEL.model_type == genanki.Model.CLOZE


def test_guid_depends_on_title_and_id_not_on_fields(bank):
    notes = {n.guid: n for d in build_package(bank, select_items(bank)).decks for n in d.notes}
    assert set(notes) == {genanki.guid_for(TITLE, i.id) for i in select_items(bank)}
    fixed = edited(bank, "mcq-e48902d2", answer="the People’s Republic of China")
    again = {n.guid for d in build_package(fixed, select_items(fixed)).decks for n in d.notes}
    assert again == set(notes)


def test_deck_ids_are_derived_from_the_name():
    assert deck_id(TITLE) == deck_id(TITLE)
    assert deck_id(TITLE) != deck_id(TITLE + "::000_1485ad31a31b4fb2")
    assert 1 << 30 <= deck_id(TITLE) < 1 << 31


def test_mcq_fields_are_escaped_and_mark_the_correct_option(tmp_path, bank):
    notes, _ = read_apkg(export_anki(bank, tmp_path / "d.apkg").paths[0])
    question, options, answer, source = next(f for *_, f in notes if "broadcaster" in f[0])
    assert question == "Which broadcaster reported that a &lt;script&gt; snippet ran on the ministry’s homepage?"
    assert "<script>" not in question + options + source
    assert source == (
        "The outage began when a &lt;b&gt; tag was left unclosed &amp; a &lt;script&gt; snippet "
        "ran on the ministry’s homepage, KBS reported."
    )
    assert options.count('class="option"') == 3 and options.count('class="option correct"') == 1
    assert answer in ("A. KBS", "B. KBS", "C. KBS", "D. KBS")
    assert f'<div class="option correct">{answer}</div>' in options


def test_cloze_markers_survive_escaping(tmp_path, bank):
    notes, _ = read_apkg(export_anki(bank, tmp_path / "d.apkg").paths[0])
    texts = [f[0] for _, mid, *_, f in notes if mid == CLOZE_MODEL.model_id]
    assert "Samsung &amp; SK Hynix make most of the world’s {{c1::memory chips}}, analysts said." in texts
    assert any("{{c1::Lee Jae-myung::the president’s name}}’s visit" in t for t in texts)
    tricky = Item("c", "cloze", "draft", "x", "term", SourceRef("d", "s"), text="A <i> {{c1::x & <y>::<z>}} &")
    assert cloze_html(tricky) == "A &lt;i&gt; {{c1::x &amp; &lt;y&gt;::&lt;z&gt;}} &amp;"


def test_tags_carry_kind_and_document_without_spaces(tmp_path, bank):
    notes, _ = read_apkg(export_anki(bank, tmp_path / "d.apkg").paths[0])
    assert ["doc::002_fbda891dc0323af4", "kind::term"] in [sorted(tags) for *_, tags, _ in notes]
    assert tag("doc", "week 3 reading") == "doc::week_3_reading"


def test_rejected_and_drafts_follow_the_selection_rule(tmp_path, bank):
    all_notes, _ = read_apkg(export_anki(bank, tmp_path / "all.apkg").paths[0])
    approved, _ = read_apkg(export_anki(bank, tmp_path / "ok.apkg", AnkiOptions(approved_only=True)).paths[0])
    assert len(all_notes) == 8 and len(approved) == 2
    assert not any("Busan" in "".join(f) or "Friday" in "".join(f) for *_, f in all_notes)


def test_subdecks_one_per_reading_named_after_its_title_never_its_file(tmp_path, bank):
    _, decks = read_apkg(export_anki(bank, tmp_path / "d.apkg", AnkiOptions(subdecks=True)).paths[0])
    readings = (
        "Why South Korea’s President Went to China at a Tense Moment in Asia",
        "South Korean President Lee Jae Myung Visits China to Strengthen Trade and Ease Regional Tensions",
        "Reading 3",  # a source with no title recorded (a bank built before titles were): never its file name
    )
    assert set(decks) - {"Default", TITLE} == {f"{TITLE}::{r}" for r in readings}
    _, flat = read_apkg(export_anki(bank, tmp_path / "f.apkg").paths[0])
    assert TITLE in flat and not any("::" in d for d in flat)


def test_modification_time_is_now_not_frozen(tmp_path, bank):
    before = int(time.time())
    notes, _ = read_apkg(export_anki(bank, tmp_path / "d.apkg").paths[0])
    assert all(before <= mod <= time.time() + 1 for _, _, mod, *_ in notes)


def test_one_bank_and_timestamp_give_the_same_deck_whenever_it_is_written(bank, monkeypatch):
    """The zip's own entries carried the wall clock (zipfile dates writestr(name) now): two
    exports either side of a two-second tick differed though the notes did not."""
    first = package_bytes(build_package(bank, bank.items), 1_800_000_000.0)
    later = time.time() + 3600
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(time, "localtime", lambda *_: time.gmtime(later))
    assert package_bytes(build_package(bank, bank.items), 1_800_000_000.0) == first


def test_cloze_without_deletion_is_an_error(tmp_path, bank):
    broken = edited(bank, "cloze-7e2a51c0", text="President Lee arrived in Beijing.")
    with pytest.raises(ExportError, match="cloze-7e2a51c0.*no \\{\\{c1::"):
        export_anki(broken, tmp_path / "d.apkg")
    assert not (tmp_path / "d.apkg").exists()


def test_nothing_to_export_and_unwritable_output_are_errors(tmp_path, bank):
    drafts_only = dataclasses.replace(bank, items=tuple(i for i in bank.items if i.status != "approved"))
    with pytest.raises(ExportError, match="no approved items"):
        export_anki(drafts_only, tmp_path / "d.apkg", AnkiOptions(approved_only=True))
    (tmp_path / "file").write_text("not a folder")
    with pytest.raises(ExportError, match="cannot write"):
        export_anki(bank, tmp_path / "file" / "d.apkg")


@pytest.fixture
def collection(tmp_path):
    anki_collection = pytest.importorskip("anki.collection")
    (tmp_path / "collection").mkdir()
    col = anki_collection.Collection(str(tmp_path / "collection" / "collection.anki2"))
    yield col
    col.close()


def import_apkg(col, path):
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
    from anki.import_export_pb2 import IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER as IF_NEWER

    options = ImportAnkiPackageOptions(update_notes=IF_NEWER, update_notetypes=IF_NEWER, with_scheduling=False)
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=options)).log


def note_by_guid(col, guid):
    return next(col.get_note(nid) for nid in col.find_notes("") if col.get_note(nid).guid == guid)


@pytest.mark.anki
def test_anki_imports_the_deck_and_updates_edited_notes(tmp_path, bank, collection):
    now = time.time()
    first = export_anki(bank, tmp_path / "first.apkg", AnkiOptions(timestamp=now)).paths[0]
    log = import_apkg(collection, first)
    assert len(log.new) == 8 and collection.note_count() == 8 and collection.card_count() == 8
    mcq_type = collection.models.by_name("quizwright multiple choice")
    cloze_type = collection.models.by_name("quizwright cloze")
    assert collection.models.field_names(mcq_type) == ["Question", "Options", "Answer", "Source"]
    assert collection.models.field_names(cloze_type) == ["Text", "Source"]
    assert TITLE in [d.name for d in collection.decks.all_names_and_ids()]
    assert len(collection.find_cards(f'"deck:{TITLE}"')) == 8

    again = import_apkg(collection, first)
    assert len(again.new) == 0 and len(again.updated) == 0 and collection.note_count() == 8

    fixed = edited(
        bank, "mcq-e48902d2", answer="the People’s Republic of China", distractors=("Taiwan", "Mongolia", "Japan")
    )
    second = export_anki(fixed, tmp_path / "second.apkg", AnkiOptions(timestamp=now + 2)).paths[0]
    log = import_apkg(collection, second)
    assert len(log.new) == 0 and collection.note_count() == 8 and collection.card_count() == 8
    note = note_by_guid(collection, genanki.guid_for(TITLE, "mcq-e48902d2"))
    assert note["Answer"].endswith("the People’s Republic of China")
    assert "Mongolia" in note["Options"] and "North Korea" not in note["Options"]
    assert sorted(note.tags) == ["doc::000_1485ad31a31b4fb2", "kind::place"]


@pytest.mark.anki
def test_anki_renders_cloze_cards_with_escaped_text_and_subdecks(tmp_path, bank, collection):
    path = export_anki(bank, tmp_path / "d.apkg", AnkiOptions(subdecks=True)).paths[0]
    import_apkg(collection, path)
    names = {d.name for d in collection.decks.all_names_and_ids()}
    assert (
        f"{TITLE}::South Korean President Lee Jae Myung Visits China to Strengthen Trade and Ease Regional Tensions"
        in names
    )
    note = note_by_guid(collection, genanki.guid_for(TITLE, "cloze-4b90f1d2"))
    card = note.cards()[0]
    assert "[...]" in card.question() and "memory chips" not in card.question()
    assert "memory chips" in card.answer() and "Samsung &amp; SK Hynix" in card.answer()
    hinted = note_by_guid(collection, genanki.guid_for(TITLE, "cloze-1a9d5f35")).cards()[0]
    assert "[the president’s name]" in hinted.question()


def test_renaming_a_bank_keeps_its_notes_guids(bank):
    with_id = dataclasses.replace(bank, id="5f1c2a9e0b7d4c11")
    guids = {n.guid for d in build_package(with_id, select_items(with_id)).decks for n in d.notes}
    renamed = dataclasses.replace(with_id, title="Korea and China, week 3")
    assert {n.guid for d in build_package(renamed, select_items(renamed)).decks for n in d.notes} == guids
    assert guids == {genanki.guid_for("5f1c2a9e0b7d4c11", i.id) for i in select_items(bank)}
