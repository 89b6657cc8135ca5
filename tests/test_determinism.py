"""Same input, same output, hash included; the hash follows the rules, not the order of files."""

import json

from council_sm.engine import assess, build_casebook


def test_the_same_answers_give_the_same_result_every_time(casebook, answers_for):
    answers = answers_for(uses_council_resources="unsure", content_risks=["names_staff"])
    first = json.dumps(assess(answers, casebook).to_contract(), sort_keys=True)
    again = json.dumps(
        assess(answers, build_casebook(casebook.to_data())).to_contract(), sort_keys=True
    )
    assert first == again


def test_the_ruleset_hash_is_sha256_and_stable_across_rebuilds(casebook, fixture_data):
    assert len(casebook.sha256) == 64
    assert build_casebook(fixture_data).sha256 == casebook.sha256


def test_the_hash_ignores_the_order_cases_are_listed_in(raw_casebook, casebook):
    raw_casebook["cases"].reverse()
    assert build_casebook(raw_casebook).sha256 == casebook.sha256


def test_changing_one_weight_changes_the_hash(raw_casebook, casebook):
    raw_casebook["factors"][0]["values"]["personal"]["weight"] += 0.25
    assert build_casebook(raw_casebook).sha256 != casebook.sha256


def test_the_result_names_the_ruleset_it_used(casebook, answers_for):
    result = assess(answers_for(), casebook).to_contract()
    assert result["contract"] == 1
    assert result["ruleset"] == {"version": casebook.version, "sha256": casebook.sha256}
