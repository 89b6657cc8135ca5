"""GET /api/v1/casebook publishes the rules the assessments use: the decided cases with their
outcomes and sources, the factors with their weights, the default Code with its paragraphs,
and the ruleset's version and hash (the same hash every result names)."""

import json

import pytest

from council_sm.caselaw.services import get_casebook

from .support import QUIET_PERSONAL_POST

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(client):
    response = client.get("/api/v1/casebook")
    assert response.status_code == 200
    return response.json()


def test_the_ruleset_is_named_by_the_version_and_hash_results_carry(client, published):
    casebook = get_casebook()
    assert published["ruleset"] == {"version": casebook.version, "sha256": casebook.sha256}
    result = client.post(
        "/api/v1/assessments", json.dumps(QUIET_PERSONAL_POST), content_type="application/json"
    ).json()
    assert result["ruleset"] == published["ruleset"]


def test_the_decided_cases_come_with_their_outcomes_and_citations(published):
    cases = {case["id"]: case for case in published["cases"]}
    assert set(cases) == {"mullaney", "mctigue", "johnson", "sharratt", "barnbrook"}
    assert cases["mullaney"]["outcome"]["official_capacity"] is True
    assert cases["barnbrook"]["outcome"]["official_capacity"] is False
    assert cases["mullaney"]["citation"].startswith("APE 0400")
    assert all(case["sources"] for case in cases.values())


def test_the_factors_come_with_their_weights(published):
    casebook = get_casebook()
    factors = {factor["key"]: factor for factor in published["factors"]}
    assert factors["account_type"]["values"]["council_provided"]["weight"] == 6.0
    for factor in casebook.factors:
        for token, value in factor.values.items():
            assert factors[factor.key]["values"][token]["weight"] == value.weight


def test_the_default_code_comes_with_its_paragraphs(published, settings):
    regime = published["default_regime"]
    assert regime["id"] == settings.CASEBOOK_DEFAULT_REGIME
    paragraphs = [item["paragraph"] for item in regime["paragraphs"]]
    assert "4(b)" in paragraphs and "6(1)(a)" in paragraphs


def test_authorities_resolve_the_citations(published):
    ids = {authority["id"] for authority in published["authorities"]}
    assert "ECHR art 10" in ids
