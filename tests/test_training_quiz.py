"""The self-paced quiz: read a scenario, answer (official capacity and the paragraphs at risk),
then see the engine's assessment in the page's language, the real outcome where there is one,
what decided it and points for discussion; a score over the set. Progress lives in the session,
no account is needed, and the quiz can be restarted."""

import pytest
from django.test import Client

from council_sm.assessments.services import assess_answers
from council_sm.training.models import Scenario
from council_sm.training.quiz import capacity_agrees, paragraphs_agreeing

from .training import FIRST, SECOND

pytestmark = pytest.mark.django_db

PARAGRAPHS = ("4(b)", "4(c)", "4(d)", "5(a)", "6(1)(a)", "7(a)", "7(b)")


@pytest.mark.parametrize(
    ("answer", "band", "agrees"),
    [
        ("yes", "likely", True),
        ("no", "likely", False),
        ("unsure", "likely", False),
        ("yes", "unlikely", False),
        ("no", "unlikely", True),
        ("unsure", "unlikely", False),
        ("yes", "borderline", True),
        ("no", "borderline", True),
        ("unsure", "borderline", True),
    ],
)
def test_official_capacity_agrees_as_the_bands_say(answer, band, agrees):
    assert capacity_agrees(answer, band) is agrees


def test_each_paragraph_agrees_when_judged_as_the_engine_judged_it():
    assert paragraphs_agreeing([], [], PARAGRAPHS) == 7
    assert paragraphs_agreeing(["7(b)"], ["7(b)"], PARAGRAPHS) == 7
    assert paragraphs_agreeing(["4(b)"], ["7(b)"], PARAGRAPHS) == 5
    assert paragraphs_agreeing(list(PARAGRAPHS), ["5(a)"], PARAGRAPHS) == 1


def answer(client, scenario, capacity, paragraphs=("none",), lang=""):
    prefix = f"/{lang}" if lang else ""
    return client.post(
        f"{prefix}/training/scenarios/{scenario}/",
        {"capacity": capacity, "paragraphs": list(paragraphs)},
    )


def test_the_scenarios_page_lists_every_scenario_without_an_account(client):
    response = client.get("/training/")
    html = response.content.decode()
    assert response.status_code == 200
    for scenario in Scenario.objects.all():
        assert scenario.title.replace("'", "&#x27;") in html
    assert "Start the quiz" in html


def test_a_scenario_page_asks_both_questions_and_lists_the_regime_s_paragraphs(client):
    html = client.get(f"/training/scenarios/{FIRST}/").content.decode()
    assert "Is the member acting in an official capacity?" in html
    for paragraph in PARAGRAPHS:
        assert f'value="{paragraph}"' in html
    assert 'data-behaviour="exclusive"' in html
    assert "Councillor Mullaney" not in html  # the case is revealed only after answering
    assert "One month" not in html


def test_an_answer_shows_the_engine_the_real_outcome_what_decided_it_and_discussion(client):
    response = answer(client, FIRST, "yes")
    assert response.status_code == 302
    assert response["Location"] == f"/training/scenarios/{FIRST}/answer/"
    html = client.get(response["Location"]).content.decode()
    scenario = Scenario.objects.get(pk=FIRST)
    assessment, _casebook = assess_answers(scenario.profile, language="en")
    assert f'data-band="{assessment.official_capacity.band}"' in html
    assert f"score {assessment.official_capacity.score} out of 100" in html
    assert "What was decided" in html and "Councillor Mullaney" in html
    assert "Official capacity found" in html
    assert "What decided it" in html
    assert "Presents you as a councillor" in html  # a factor that moved the score
    for point in scenario.discussion:
        assert point.replace("'", "&#x27;") in html
    assert scenario.teaching_point.replace("'", "&#x27;") in html
    assert "Agrees" in html


def test_an_invented_scenario_has_no_real_outcome(client):
    answer(client, SECOND, "yes", ["4(b)"])
    html = client.get(f"/training/scenarios/{SECOND}/answer/").content.decode()
    assert 'data-band="unlikely"' in html
    assert "What was decided" not in html
    assert "Differs" in html


def test_the_feedback_is_in_the_page_s_language(client):
    answer(client, FIRST, "no", lang="cy")
    html = client.get(f"/cy/training/scenarios/{FIRST}/answer/").content.decode()
    scenario = Scenario.objects.get(pk=FIRST)
    assessment, _casebook = assess_answers(scenario.profile, language="cy")
    assert scenario.teaching_point_cy.replace("'", "&#x27;") in html
    assert assessment.official_capacity.factors[0].reason.replace("'", "&#x27;")[:40] in html
    assert "Y Cynghorydd Mullaney" in html


def test_the_feedback_waits_for_an_answer(client):
    response = client.get(f"/training/scenarios/{FIRST}/answer/")
    assert response.status_code == 302
    assert response["Location"] == f"/training/scenarios/{FIRST}/"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Select whether the member is acting in an official capacity"),
        ({"capacity": "maybe", "paragraphs": ["none"]}, "Select whether the member"),
        ({"capacity": "yes"}, "Select the paragraphs at risk, or select"),
        ({"capacity": "yes", "paragraphs": ["4(b)", "none"]}, "but not both"),
        ({"capacity": "yes", "paragraphs": ["9(z)"]}, "Select the paragraphs at risk"),
    ],
    ids=["nothing", "bad-capacity", "no-paragraphs", "none-and-one", "unknown-paragraph"],
)
def test_an_incomplete_answer_is_shown_again_with_the_error(client, data, message):
    response = client.post(f"/training/scenarios/{FIRST}/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "govuk-error-summary" in html and message in html.replace("&#x27;", "'")
    assert html.count("<title>Error:") == 1


def test_an_unknown_scenario_is_a_404(client):
    assert client.get("/training/scenarios/no-such-scenario/").status_code == 404


def test_the_score_counts_agreement_over_the_answered_scenarios(client):
    answer(client, FIRST, "yes")  # likely, no paragraph at risk: agrees, 7 of 7
    answer(client, SECOND, "yes", ["4(b)"])  # unlikely, none at risk: differs, 6 of 7
    answer(client, "a-journalists-own-journal", "unsure")  # borderline: agrees, 7 of 7
    html = client.get("/training/score/").content.decode()
    assert "2 out of 3" in html
    assert "you judged 20 of 21 as the service did" in html
    assert "You have answered 3 of the 14 scenarios" in html


def test_a_changed_answer_replaces_the_first(client):
    answer(client, FIRST, "no")
    answer(client, FIRST, "yes")
    html = client.get("/training/score/").content.decode()
    assert "1 out of 1" in html


def test_progress_lives_in_the_session_and_another_browser_has_none(client):
    answer(client, FIRST, "yes")
    assert "1 out of 1" in client.get("/training/score/").content.decode()
    other = Client()
    assert (
        "You have not answered any scenarios yet" in other.get("/training/score/").content.decode()
    )


def test_restarting_forgets_every_answer_and_goes_to_the_first_scenario(client):
    answer(client, FIRST, "yes")
    answer(client, SECOND, "no")
    response = client.post("/training/restart/")
    assert response.status_code == 302
    assert response["Location"] == f"/training/scenarios/{Scenario.objects.first().id}/"
    assert "You have not answered" in client.get("/training/score/").content.decode()
    assert client.get("/training/restart/").status_code == 405


def test_the_quiz_carries_on_from_the_first_unanswered_scenario(client):
    first, second = list(Scenario.objects.values_list("id", flat=True))[:2]
    answer(client, first, "yes")
    html = client.get("/training/").content.decode()
    assert f'href="/training/scenarios/{second}/" role="button"' in html
    assert "Continue the quiz" in html


def test_a_broken_casebook_gives_a_friendly_page_not_a_500(client, monkeypatch):
    from council_sm.engine import InvalidCasebook, Problem
    from council_sm.training import views

    answer(client, FIRST, "yes")

    def broken(*args, **kwargs):
        raise InvalidCasebook([Problem("casebook", "no ruleset has been published")])

    monkeypatch.setattr(views, "scenario_outcome", broken)
    response = client.get(f"/training/scenarios/{FIRST}/answer/")
    assert response.status_code == 503
    assert "Sorry, there is a problem with the training pages" in response.content.decode()
    assert "Traceback" not in response.content.decode()


def test_training_pages_carry_no_inline_script_or_style(client):
    answer(client, FIRST, "yes")
    for url in (
        "/training/",
        f"/training/scenarios/{FIRST}/",
        f"/training/scenarios/{FIRST}/answer/",
        "/training/score/",
        "/training/join/",
    ):
        html = client.get(url).content.decode()
        assert "style=" not in html, url
        assert "<script>" not in html and '<script type="module">' not in html, url
