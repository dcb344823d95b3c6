"""The JSON Schema shipped in the package describes the banks quizwright writes."""

import json
from importlib import resources

import jsonschema
from ruamel.yaml import YAML

from conftest import EXAMPLE_BANK

EXAMPLE = EXAMPLE_BANK


def schema() -> dict:
    return json.loads(resources.files("quizwright").joinpath("schema/bank.schema.json").read_text())


def test_example_bank_matches_the_shipped_schema():
    bank = YAML(typ="safe").load(EXAMPLE.read_text(encoding="utf-8"))
    jsonschema.validate(bank, schema())


def test_schema_rejects_an_unknown_status():
    bank = YAML(typ="safe").load(EXAMPLE.read_text(encoding="utf-8"))
    bank["items"][0]["status"] = "maybe"
    errors = list(jsonschema.Draft202012Validator(schema()).iter_errors(bank))
    assert any("maybe" in e.message for e in errors)


def test_schema_enums_are_the_models_vocabularies():
    from quizwright.models import SCHEMA, AnswerKind, ItemType, Status

    item = schema()["properties"]["items"]["items"]["properties"]
    assert item["type"]["enum"] == [t.value for t in ItemType]
    assert item["status"]["enum"] == [s.value for s in Status]
    assert item["answer_kind"]["enum"] == [k.value for k in AnswerKind]
    assert item["id"]["pattern"] == "^(" + "|".join(t.value for t in ItemType) + ")-[0-9A-Za-z_-]+$"
    assert schema()["properties"]["schema"]["const"] == SCHEMA


def test_the_schema_takes_a_teachers_own_item_and_the_banks_build_record():
    bank = YAML(typ="safe").load(EXAMPLE.read_text(encoding="utf-8"))
    bank["id"] = "5f1c2a9e0b7d4c11"
    bank["build"] = {"readings": ["../seeds"], "settings": {"seed": 0, "mcq_per_doc": 8}}
    bank["sources"][0]["title"] = "Why South Korea’s President Went to China"
    own = dict(bank["items"][0], id="mcq-my-own-1", source="teacher")
    bank["items"].append(own)
    jsonschema.validate(bank, schema())
    own["source"] = "a colleague"
    assert list(jsonschema.Draft202012Validator(schema()).iter_errors(bank))
