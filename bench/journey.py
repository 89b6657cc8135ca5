"""The wizard journey the web benchmark and the load test walk: one answer per step, posted as a
browser posts it. Free of Django so that the locust file can use it too."""

from __future__ import annotations

from typing import Any

# council_sm.assessments.views.WIZARD_PREFIX (bench/web.py checks that they agree).
WIZARD_PREFIX = "self_assessment"
CHECK_STEP = "check"
FIRST_STEP = "platform"

ANSWERS: dict[str, Any] = {
    "platform": "facebook",
    "account": "personal",
    "audience": "public",
    "profile": "moderate",
    "identify": "none",
    "business": "true",
    "role-information": "unsure",
    "area": "true",
    "constituent": "false",
    "council-action": "false",
    "party-political": "false",
    "resources": "false",
    "disclaimer": "false",
    "removal-request": "false",
    "political-expression": "false",
    "content": ["personal_attack"],
    "description": "",
}
KEYS = {
    "platform": "platform",
    "account": "account_type",
    "audience": "audience",
    "profile": "prominence",
    "identify": "self_identification",
    "business": "discusses_council_business",
    "role-information": "uses_role_information",
    "area": "concerns_authority_area",
    "constituent": "acts_for_constituent",
    "council-action": "seeks_council_action",
    "party-political": "primarily_party_political",
    "resources": "uses_council_resources",
    "disclaimer": "profile_disclaimer",
    "removal-request": "refused_removal_request",
    "political-expression": "genuine_political_expression",
    "content": "content_risks",
    "description": "description",
}


def form_data(step: str, value: Any = None) -> dict[str, Any]:
    """Return the POST body for one step (the management form and the answer)."""
    data: dict[str, Any] = {f"{WIZARD_PREFIX}-current_step": step}
    if step != CHECK_STEP:
        data[f"{step}-{KEYS[step]}"] = ANSWERS[step] if value is None else value
    return data


def step_of(location: str) -> str:
    """Return the step a redirect leads to: a step name, 'done' or 'result'."""
    if "/result/" in location:
        return "result"
    return location.rstrip("/").rsplit("/", 1)[-1]
