"""What each page says and links to: titles name the step, back links go back, the result page
carries the band, the reasons, the Code, the cases with a chart and its text alternative."""

import re

import pytest

from council_sm.assessments.questions import QUESTIONS
from council_sm.assessments.questions import QUESTIONS_BY_STEP as BY_STEP

from .support import QUIET_PERSONAL_POST
from .wizard import answer, complete, step_url

pytestmark = pytest.mark.django_db


def title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1).strip()


def test_the_start_page_explains_the_service_and_starts_it(client):
    html = client.get("/").content.decode()
    for words in (
        "about 5 minutes",
        "not legal advice",
        "nothing that identifies you",
        "Start now",
    ):
        assert words in html
    assert 'href="/assessment/"' in html


def test_each_question_page_is_titled_with_its_question(client):
    client.get(step_url("platform"))
    assert title(client.get(step_url("platform"))).startswith(str(BY_STEP["platform"].title))
    answer(client, "platform", "x")
    assert title(client.get(step_url("account"))).startswith(str(BY_STEP["account"].title))


def test_the_first_question_links_back_to_the_start_page_and_later_ones_to_the_last(client):
    assert client.get(step_url("platform")).context["back_url"] == "/"
    answer(client, "platform", "x")
    assert client.get(step_url("account")).context["back_url"] == step_url("platform")


def test_every_hint_cites_the_guide_or_a_case():
    cited = re.compile(r"guide|Appendix|paragraph|Mullaney|McTigue|Johnson|Barnbrook|Sharratt")
    for question in QUESTIONS:
        if question.key not in {"platform", "description", "content_risks", "regime"}:
            assert cited.search(str(question.hint)), question.key


@pytest.fixture
def result_page(client):
    answers = {
        **QUIET_PERSONAL_POST,
        "platform": "x",
        "account_type": "councillor",
        "audience": "public",
        "self_identification": "once",
        "content_risks": ["personal_attack", "predetermination"],
    }
    done = client.get(complete(client, answers)["Location"])
    return client.get(done["Location"])


def test_the_result_headline_carries_the_band(result_page):
    html = result_page.content.decode()
    assert result_page.status_code == 200
    assert 'data-band="likely"' in html
    assert "You are likely to be seen as acting in your official capacity" in html
    assert "not legal advice" in html


def test_the_result_explains_factors_paragraphs_cases_changes_and_advice(result_page):
    view = result_page.context["view"]
    assert view.moving_factors and all(row.citation for row in view.moving_factors)
    statuses = {row.paragraph: row.status for row in view.paragraphs}
    assert statuses["4(b)"] == "at_risk"
    assert statuses["7(b)"] == "no_risk"
    assert len(view.precedents) == 5
    assert "guide 8.9" in [row.source for row in view.advice]


def test_the_similarity_chart_is_an_image_with_a_text_alternative(result_page):
    html = result_page.content.decode()
    assert re.search(r'<svg class="app-similarity-chart"[^>]*role="img"', html)
    assert '<title id="chart-title">' in html and '<desc id="chart-desc">' in html
    assert "Decided cases, most similar first" in html  # the table with the same figures
    assert "style=" not in html  # the Content Security Policy will refuse inline styles


def test_an_unknown_result_is_a_404(client):
    assert client.get("/assessment/result/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_start_again_forgets_the_answers(client, result_page):
    response = client.post("/assessment/start-again/")
    assert response.status_code == 302
    assert "Your answers have expired" in client.get(step_url("business")).content.decode()
