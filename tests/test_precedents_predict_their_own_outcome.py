"""Each decided case, assessed from its own factor profile with itself left out of the casebook,
agrees with the tribunal: official capacity found means "likely"; not found means not "likely"."""

import pytest

from council_sm.engine import assess

CASE_IDS = ["mullaney", "mctigue", "johnson", "sharratt", "barnbrook"]


@pytest.mark.parametrize("case_id", CASE_IDS, ids=CASE_IDS)
def test_a_case_left_out_of_the_casebook_is_predicted_as_decided(casebook, case_id):
    case = casebook.case(case_id)
    held_out = casebook.without_case(case_id)
    assert case_id not in {other.id for other in held_out.cases}

    band = assess(case.profile, held_out).official_capacity.band

    if case.outcome.official_capacity:
        assert band == "likely"
    else:
        assert band != "likely"


def test_the_casebook_holds_the_five_precedents_with_their_outcomes(casebook):
    found = {case.id: case.outcome.official_capacity for case in casebook.cases}
    assert found == {
        "mullaney": True,
        "mctigue": True,
        "johnson": True,
        "sharratt": False,
        "barnbrook": False,
    }


def test_every_precedent_is_listed_most_similar_first(casebook, answers_for):
    precedents = assess(answers_for(), casebook).precedents
    assert sorted(item.case.id for item in precedents) == sorted(CASE_IDS)
    similarities = [item.similarity for item in precedents]
    assert similarities == sorted(similarities, reverse=True)
    assert all(0.0 <= value <= 1.0 for value in similarities)


def test_a_case_compared_with_its_own_facts_is_fully_similar_and_shares_every_factor(casebook):
    case = casebook.case("mullaney")
    top = assess(case.profile, casebook).precedents[0]
    assert top.case.id == "mullaney"
    assert top.similarity == 1.0
    assert top.different == ()
    assert set(top.shared) == {factor.key for factor in casebook.capacity_factors}


def test_shared_and_different_factors_split_the_compared_factors(casebook, answers_for):
    answers = answers_for(account_type="councillor", audience="public")
    for item in assess(answers, casebook).precedents:
        assert set(item.shared).isdisjoint(item.different)
        assert set(item.shared) | set(item.different) == {
            factor.key for factor in casebook.capacity_factors
        }
