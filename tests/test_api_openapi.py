"""/api/v1/openapi.json describes both operations, and its answers schema is generated from the
engine's ANSWER_KEYS: every key with exactly the values the engine accepts."""

import json

import pytest

from council_sm.engine.answers import ANSWER_KEYS, CONTENT_RISKS

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_document_is_openapi_with_both_operations(document):
    assert document["openapi"].startswith("3.1")
    assert set(document["paths"]) == {"/api/v1/assessments", "/api/v1/casebook"}
    create = document["paths"]["/api/v1/assessments"]["post"]
    assert set(create["responses"]) == {"200", "400", "413", "503"}
    body = create["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/Answers"}
    assert "get" in document["paths"]["/api/v1/casebook"]


def test_the_answers_schema_lists_the_engine_s_keys_and_values(document):
    answers = document["components"]["schemas"]["Answers"]
    assert answers["additionalProperties"] is False
    assert set(answers["properties"]) == {spec.key for spec in ANSWER_KEYS}
    assert answers["required"] == [spec.key for spec in ANSWER_KEYS if spec.required]
    for spec in ANSWER_KEYS:
        schema = answers["properties"][spec.key]
        if spec.kind == "choice":
            assert schema["enum"] == list(spec.choices)
        elif spec.kind == "tristate":
            assert schema["anyOf"] == [
                {"type": "boolean"},
                {"type": "string", "enum": ["unsure"]},
            ]
        elif spec.kind == "flag":
            assert schema["type"] == "boolean"
    assert answers["properties"]["content_risks"]["items"]["enum"] == list(CONTENT_RISKS)
    assert answers["properties"]["regime"]["enum"] == ["england-lga-2020", "wales-2008"]


def test_the_result_schema_names_the_contract_s_parts(document):
    result = document["components"]["schemas"]["AssessmentResult"]
    assert set(result["required"]) == {
        "contract",
        "regime",
        "official_capacity",
        "paragraphs",
        "precedents",
        "counterfactuals",
        "advice",
        "ruleset",
    }
