"""Driving the self-assessment wizard through the Django test client, as a browser would."""

from __future__ import annotations

from typing import Any

from django.test import Client

from council_sm.assessments.questions import QUESTIONS_BY_STEP
from council_sm.assessments.views import CHECK_STEP, WIZARD_PREFIX

FIRST_STEP = "platform"
# What the wizard is given for an optional key the answers leave out: the contract's default.
DEFAULTS = {
    "profile_disclaimer": False,
    "refused_removal_request": False,
    "genuine_political_expression": False,
    "content_risks": [],
    "platform": "other",
}


def step_url(step: str, lang: str = "en") -> str:
    prefix = "" if lang == "en" else f"/{lang}"
    return f"{prefix}/assessment/{step}/"


def post_data(step: str, value: Any) -> dict[str, Any]:
    """Return the POST body a browser sends for one question."""
    data: dict[str, Any] = {f"{WIZARD_PREFIX}-current_step": step}
    if step == CHECK_STEP:
        return data
    key = QUESTIONS_BY_STEP[step].key
    if isinstance(value, bool):
        value = "true" if value else "false"
    if isinstance(value, list):
        value = value or ["none"]
    data[f"{step}-{key}"] = value
    return data


def answer(client: Client, step: str, value: Any, lang: str = "en"):
    """POST one answer; return the response (a redirect when accepted)."""
    return client.post(step_url(step, lang), post_data(step, value))


def current_step(response) -> str:
    """Return the step a redirect leads to ('result' for the result page)."""
    location = response["Location"]
    if "/result/" in location:
        return "result"
    return location.rstrip("/").rsplit("/", 1)[-1]


def complete(client: Client, answers: dict[str, Any], lang: str = "en"):
    """Answer every question the wizard asks from a contract answers dict, then submit the
    check page; return the final redirect to the result. Steps are followed as the wizard
    routes them, so skipped questions are never posted."""
    response = client.get(step_url(FIRST_STEP, lang))
    assert response.status_code == 200
    step = FIRST_STEP
    for _ in range(40):
        if step == CHECK_STEP:
            return answer(client, CHECK_STEP, None, lang)
        key = QUESTIONS_BY_STEP[step].key
        response = answer(client, step, answers.get(key, DEFAULTS.get(key, "")), lang)
        assert response.status_code == 302, response.content.decode()[:2000]
        step = current_step(response)
    raise AssertionError("the wizard did not reach the check page")
