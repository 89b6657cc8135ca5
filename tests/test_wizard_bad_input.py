"""Bad input never gives a 500: a form error, or a friendly page that loses nothing."""

import pytest
from django.test import Client

from council_sm.assessments.views import WIZARD_PREFIX

from .support import QUIET_PERSONAL_POST
from .wizard import answer, complete, current_step, post_data, step_url

pytestmark = pytest.mark.django_db


def started(client):
    client.get(step_url("platform"))
    answer(client, "platform", "x")
    answer(client, "account", "personal")
    return client


def test_an_unknown_choice_is_a_form_error_and_the_title_says_so(client):
    started(client)
    response = answer(client, "audience", "the-whole-world")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: Who can read the post?" in html
    assert "govuk-error-summary" in html
    assert "Select who can read the post" in html


def test_a_missing_management_form_gets_a_friendly_page(client):
    started(client)
    response = client.post(step_url("audience"), {"audience-audience": "public"})
    assert response.status_code == 400
    assert "problem with your answers" in response.content.decode()


def test_a_tampered_management_form_gets_a_friendly_page(client):
    started(client)
    response = client.post(
        step_url("audience"),
        {f"{WIZARD_PREFIX}-current_step": "not-a-step", "audience-audience": "public"},
    )
    assert response.status_code == 400
    assert "problem with your answers" in response.content.decode()


def test_posting_a_question_that_earlier_answers_settled_gets_a_friendly_page(client):
    client.get(step_url("platform"))
    answer(client, "platform", "x")
    answer(client, "account", "council_provided")
    response = answer(client, "resources", False)
    assert response.status_code == 400


def test_a_stale_step_posted_again_is_taken_without_losing_later_answers(client):
    started(client)
    answer(client, "audience", "public")
    response = answer(client, "account", "councillor")  # the browser's back button, re-posted
    assert response.status_code == 302
    assert client.get(step_url("audience")).context["form"]["audience"].value() == "public"


def test_an_expired_session_shows_the_start_again_page():
    fresh = Client()
    page = fresh.get(step_url("business"))
    assert page.status_code == 200
    assert "Your answers have expired" in page.content.decode()
    posted = fresh.post(step_url("business"), post_data("business", True))
    assert posted.status_code == 400
    assert "Your answers have expired" in posted.content.decode()


def test_asking_for_the_result_without_answers_goes_back_to_the_questions():
    response = Client().get(step_url("done"))
    assert response.status_code == 302


def test_a_second_tab_shares_one_set_of_answers(client):
    started(client)
    answer(client, "audience", "public")
    # A second tab in the same browser restarts at the first question and changes it.
    answer(client, "platform", "youtube")
    rows = complete(client, {**QUIET_PERSONAL_POST, "platform": "youtube"})
    assert rows.status_code == 302


def test_ticking_a_risk_and_none_of_these_is_an_error(client):
    complete(client, QUIET_PERSONAL_POST)
    response = client.post(
        step_url("content"),
        {
            f"{WIZARD_PREFIX}-current_step": "content",
            "content-content_risks": ["names_staff", "none"],
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["content_risks"]


@pytest.mark.parametrize("text", ["x" * 2001, "bad\x00byte"], ids=["over-long", "nul-byte"])
def test_a_bad_description_is_a_form_error(client, text):
    complete(client, QUIET_PERSONAL_POST)
    response = answer(client, "description", text)
    assert response.status_code == 200
    assert response.context["form"].errors["description"]


def test_nothing_is_half_written_when_the_result_cannot_be_saved(client, monkeypatch):
    from council_sm.assessments import views
    from council_sm.assessments.models import SavedAssessment
    from council_sm.engine import InvalidCasebook, Problem

    def broken(*args, **kwargs):
        raise InvalidCasebook([Problem("casebook", "broken for the test")])

    monkeypatch.setattr(views, "save_self_assessment", broken)
    done = client.get(complete(client, QUIET_PERSONAL_POST)["Location"])
    assert done.status_code == 500
    assert "Sorry" in done.content.decode()
    assert SavedAssessment.objects.count() == 0
    assert current_step(answer(client, "audience", "public")) in {"profile", "check"}
