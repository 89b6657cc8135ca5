"""Check your answers: each Change link returns to the summary after the change, asking first
any follow-up the change makes necessary."""

import pytest

from .support import QUIET_PERSONAL_POST
from .wizard import answer, complete, current_step, step_url

pytestmark = pytest.mark.django_db


def at_check_page(client, **changes):
    answers = {**QUIET_PERSONAL_POST, **changes}
    complete(client, answers)  # submits the check page; answers stay in the session
    return client


def test_a_change_link_returns_to_the_summary(client):
    at_check_page(client)
    page = client.get(step_url("audience") + "?change=1")
    assert page.context["back_url"] == step_url("check")
    response = answer(client, "audience", "public")
    assert current_step(response) == "check"
    rows = {row["key"]: row["answer"] for row in client.get(step_url("check")).context["rows"]}
    assert rows["audience"] == "Anyone, including constituents"


def test_a_change_that_settles_questions_returns_straight_to_the_summary(client):
    at_check_page(client)
    client.get(step_url("account") + "?change=1")
    response = answer(client, "account", "council_provided")
    assert current_step(response) == "check"


def test_a_change_that_needs_follow_ups_asks_them_first(client):
    at_check_page(client, account_type="council_provided")
    client.get(step_url("account") + "?change=1")

    first = answer(client, "account", "personal")
    assert current_step(first) == "resources"
    second = answer(client, "resources", "unsure")
    assert current_step(second) == "disclaimer"
    third = answer(client, "disclaimer", True)
    assert current_step(third) == "check"


def test_the_answers_survive_a_refresh_and_the_back_button(client):
    at_check_page(client, audience="public")
    for _ in range(2):
        page = client.get(step_url("audience"))
        assert page.context["form"]["audience"].value() == "public"
