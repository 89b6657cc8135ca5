"""Routing per step: given these answers, that next step (asserting the step, not the wording)."""

import itertools

import pytest

from council_sm.assessments.questions import QUESTIONS

from .support import QUIET_PERSONAL_POST
from .wizard import FIRST_STEP, answer, current_step, step_url

pytestmark = pytest.mark.django_db

ANSWERS = {
    **QUIET_PERSONAL_POST,
    "platform": "x",
    "profile_disclaimer": False,
    "refused_removal_request": False,
    "genuine_political_expression": False,
    "content_risks": [],
    "description": "",
}
# A Welsh site offers one Code, so the question of which Code is not asked.
ORDER = [question.step for question in QUESTIONS if not question.site_choice] + ["check"]


def walk_to(client, stop_before: str, answers=ANSWERS):
    client.get(step_url(FIRST_STEP))
    step = FIRST_STEP
    while step != stop_before:
        question = next(q for q in QUESTIONS if q.step == step)
        step = current_step(answer(client, step, answers[question.key]))
    return step


@pytest.mark.parametrize(
    ("step", "expected_next"),
    list(itertools.pairwise(ORDER)),
    ids=[f"{a}->{b}" for a, b in itertools.pairwise(ORDER)],
)
def test_for_a_personal_account_every_question_leads_to_the_next(client, step, expected_next):
    walk_to(client, step)
    question = next(q for q in QUESTIONS if q.step == step)
    response = answer(client, step, ANSWERS[question.key])
    assert response.status_code == 302
    assert current_step(response) == expected_next


def test_a_council_provided_account_skips_the_questions_it_settles(client):
    answers = {**ANSWERS, "account_type": "council_provided"}
    walk_to(client, "party-political", answers)
    response = answer(client, "party-political", False)
    assert current_step(response) == "removal-request"


def test_the_skipped_questions_take_their_settled_values(client):
    answers = {**ANSWERS, "account_type": "council_provided"}
    walk_to(client, "check", answers)
    rows = {row["key"]: row for row in client.get(step_url("check")).context["rows"]}
    assert rows["uses_council_resources"]["answer"] == "Yes"
    assert rows["uses_council_resources"]["change_url"] == ""
    assert rows["uses_council_resources"]["settled_reason"]
    assert rows["profile_disclaimer"]["answer"] == "No"


@pytest.mark.parametrize(
    ("account", "total"), [("personal", 17), ("council_provided", 15)], ids=["asked", "settled"]
)
def test_progress_counts_only_the_questions_that_will_be_asked(client, account, total):
    walk_to(client, "audience", {**ANSWERS, "account_type": account})
    html = client.get(step_url("audience")).content.decode()
    assert f"Question 3 of {total}" in html


def test_an_invalid_answer_stays_on_the_same_step_with_an_error(client):
    walk_to(client, "audience")
    response = answer(client, "audience", "everyone")
    assert response.status_code == 200
    assert response.context["form"].errors
