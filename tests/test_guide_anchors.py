"""The guide states some outcomes outright; the weights must reproduce them. Each scenario
changes the quiet personal post in one way the guide speaks to."""

import pytest

from council_sm.engine import assess


@pytest.mark.parametrize(
    ("changes", "band"),
    [
        ({}, "unlikely"),
        # App. A: posts on a council-provided site "will be viewed as made in your official
        # capacity".
        ({"account_type": "council_provided"}, "likely"),
        # App. A: publishing what you could only know as a councillor, "you will be seen as acting
        # in your official capacity".
        ({"uses_role_information": True}, "likely"),
        # 3.1.3: discussing council business on a personal account cannot simply be called private.
        (
            {
                "audience": "public",
                "discusses_council_business": True,
                "concerns_authority_area": True,
            },
            "borderline",
        ),
        # 4.4 and App. B: a councillor's own account, open to constituents, naming the role.
        (
            {"account_type": "councillor", "audience": "public", "self_identification": "once"},
            "likely",
        ),
    ],
    ids=[
        "quiet-personal-post",
        "council-provided-account",
        "information-held-as-member",
        "council-business-on-personal-account",
        "councillor-account-naming-role",
    ],
)
def test_the_guide_s_stated_outcomes_hold(casebook, answers_for, changes, band):
    assert assess(answers_for(**changes), casebook).official_capacity.band == band


def test_unsure_answers_land_between_yes_and_no(casebook, answers_for):
    scores = {
        value: assess(answers_for(uses_role_information=value), casebook).official_capacity.score
        for value in (False, "unsure", True)
    }
    assert scores[False] < scores["unsure"] < scores[True]


def test_an_unsure_answer_is_marked_uncertain_and_says_so(casebook, answers_for):
    finding = assess(answers_for(uses_role_information="unsure"), casebook).official_capacity
    effect = {item.key: item for item in finding.factors}["uses_role_information"]
    assert effect.effect == "uncertain"
    assert casebook.scoring.texts["unsure"] in effect.reason


def test_every_reason_cites_a_guide_paragraph_or_a_case(casebook, answers_for):
    result = assess(
        answers_for(content_risks=["personal_attack"], profile_disclaimer=True), casebook
    )
    case_ids = {case.id for case in casebook.cases}
    citations = [s for f in result.official_capacity.factors for s in f.sources]
    citations += [s for p in result.paragraphs for s in p.sources]
    citations += [point.source for point in result.advice]
    assert citations
    for source in citations:
        assert source.startswith(("guide ", "SI 2008/788", "ECHR")) or source in case_ids | {
            "calver",
            "livingstone",
            "principles-order-2001",
        }
