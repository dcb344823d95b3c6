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
    assert item["id"]["pattern"] == "^(" + "|".join(t.value for t in ItemType) + ")-[0-9a-f]{8}$"
    assert schema()["properties"]["schema"]["const"] == SCHEMA
