"""What would change the outcome: each suggested change really moves the band, and the list is
short and made of the smallest changes."""

import pytest

from council_sm.engine import assess

SCENARIOS = {
    "quiet-personal-post": {},
    "borderline-business-post": {
        "audience": "public",
        "discusses_council_business": True,
        "concerns_authority_area": True,
    },
    "councillor-account": {"account_type": "councillor", "audience": "public"},
    "unsure-everywhere": {
        "discusses_council_business": "unsure",
        "uses_role_information": "unsure",
        "uses_council_resources": "unsure",
    },
}


@pytest.mark.parametrize("changes", SCENARIOS.values(), ids=SCENARIOS.keys())
def test_applying_a_counterfactual_gives_the_band_and_score_it_promises(
    casebook, answers_for, changes
):
    answers = answers_for(**changes)
    result = assess(answers, casebook)
    assert len(result.counterfactuals) <= 5
    for item in result.counterfactuals:
        changed = assess(answers.with_changes(item.change), casebook).official_capacity
        assert item.band != result.official_capacity.band
        assert (changed.band, changed.score) == (item.band, item.score)


def test_single_changes_are_offered_before_pairs(casebook, answers_for):
    result = assess(answers_for(**SCENARIOS["borderline-business-post"]), casebook)
    assert result.counterfactuals
    assert all(len(item.change) == 1 for item in result.counterfactuals)


def test_a_borderline_result_can_move_either_way(casebook, answers_for):
    result = assess(answers_for(**SCENARIOS["borderline-business-post"]), casebook)
    assert result.official_capacity.band == "borderline"
    assert {item.band for item in result.counterfactuals} == {"likely", "unlikely"}


def test_pairs_are_offered_when_no_single_change_moves_the_band(casebook, answers_for):
    result = assess(answers_for(), casebook)
    assert result.official_capacity.band == "unlikely"
    sizes = {len(item.change) for item in result.counterfactuals}
    single = [
        (key, value)
        for factor in casebook.capacity_factors
        for key, value in [(factor.key, token) for token in factor.values]
        if assess(answers_for().with_changes({key: value}), casebook).official_capacity.band
        != "unlikely"
    ]
    assert sizes == ({1} if single else {2})
