"""Answers are checked against the contract: every problem is named by its key, nothing guessed."""

import pytest

from council_sm.engine import InvalidAnswers, parse_answers

from .support import QUIET_PERSONAL_POST


def problems_for(data):
    with pytest.raises(InvalidAnswers) as caught:
        parse_answers(data, regimes=["wales-2008"], default_regime="wales-2008")
    return [(problem.key, problem.message) for problem in caught.value.problems]


def with_changes(**changes):
    data = dict(QUIET_PERSONAL_POST)
    for key, value in changes.items():
        if value is KeyError:
            data.pop(key)
        else:
            data[key] = value
    return data


def test_valid_answers_fill_the_optional_keys_with_their_defaults():
    answers = parse_answers(
        QUIET_PERSONAL_POST, regimes=["wales-2008"], default_regime="wales-2008"
    )
    assert answers.profile_disclaimer == "false"
    assert answers.content_risks == ()
    assert answers.regime == "wales-2008"
    assert answers.description == ""


@pytest.mark.parametrize(
    ("data", "key", "fragment"),
    [
        (with_changes(audience=KeyError), "audience", "missing"),
        (with_changes(colour="blue"), "colour", "unknown key"),
        (with_changes(account_type="work"), "account_type", "expected one of"),
        (with_changes(account_type=None), "account_type", "got null"),
        (with_changes(discusses_council_business="yes"), "discusses_council_business", '"unsure"'),
        (with_changes(discusses_council_business=1), "discusses_council_business", "got 1"),
        (with_changes(profile_disclaimer="unsure"), "profile_disclaimer", "true or false"),
        (with_changes(content_risks="personal_attack"), "content_risks", "list of risk ids"),
        (with_changes(content_risks=["swearing"]), "content_risks", "unknown risk"),
        (
            with_changes(content_risks=["names_staff", "names_staff"]),
            "content_risks",
            "more than once",
        ),
        (with_changes(description="x" * 2001), "description", "at most 2,000 characters"),
        (with_changes(description="a\x00b"), "description", "control character"),
        (with_changes(description=["text"]), "description", "expected text"),
        (with_changes(regime="scotland"), "regime", "expected one of wales-2008"),
        (with_changes(platform="Face Book!"), "platform", "short lower-case id"),
        (with_changes(platform="facebook\n"), "platform", "short lower-case id"),
    ],
    ids=[
        "missing-required",
        "unknown-key",
        "unknown-value",
        "null-value",
        "tristate-word",
        "integer-for-bool",
        "unsure-for-flag",
        "risks-not-a-list",
        "unknown-risk",
        "repeated-risk",
        "over-long-description",
        "nul-in-description",
        "description-not-text",
        "unknown-regime",
        "malformed-platform",
        "platform-with-trailing-newline",
    ],
)
def test_each_bad_answer_is_named_by_its_key(data, key, fragment):
    problems = problems_for(data)
    assert [k for k, _ in problems] == [key]
    assert fragment in problems[0][1]


def test_every_problem_is_reported_not_just_the_first():
    problems = problems_for({"account_type": "x", "extra": 1})
    keys = {key for key, _ in problems}
    assert {"account_type", "extra", "audience", "uses_council_resources"} <= keys


@pytest.mark.parametrize("data", [[], "answers", 3, None], ids=["list", "string", "number", "null"])
def test_anything_but_an_object_is_refused(data):
    assert problems_for(data)[0][0] == "answers"


def test_a_description_of_exactly_2000_characters_is_accepted():
    answers = parse_answers(
        with_changes(description="é" * 2000), regimes=["wales-2008"], default_regime="wales-2008"
    )
    assert len(answers.description) == 2000


def test_content_risks_are_held_in_the_contract_order_whatever_order_they_came_in():
    answers = parse_answers(
        with_changes(content_risks=["names_staff", "personal_attack"]),
        regimes=["wales-2008"],
        default_regime="wales-2008",
    )
    assert answers.content_risks == ("personal_attack", "names_staff")


def test_answers_written_out_in_contract_form_read_back_the_same():
    answers = parse_answers(
        QUIET_PERSONAL_POST, regimes=["wales-2008"], default_regime="wales-2008"
    )
    again = parse_answers(
        answers.to_contract(), regimes=["wales-2008"], default_regime="wales-2008"
    )
    assert again == answers
