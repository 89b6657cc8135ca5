"""People with roles, and advice record form data, for tests."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from council_sm.accounts.roles import ADMINISTRATORS, MONITORING_OFFICERS, TRAINERS, ensure_roles

PASSWORD = "a-long-test-password-2026"


def make_user(username: str, role: str | None = None, **extra: Any):
    """Create a user in a role (None: signed in but in no role, like a training participant)."""
    ensure_roles()
    user = get_user_model().objects.create_user(
        username=username,
        password=PASSWORD,
        is_staff=role in (MONITORING_OFFICERS, ADMINISTRATORS, TRAINERS),
        **extra,
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def officer(username: str = "officer", **extra: Any):
    return make_user(username, MONITORING_OFFICERS, **extra)


def trainer(username: str = "trainer"):
    return make_user(username, TRAINERS)


def administrator(username: str = "admin-user"):
    return make_user(username, ADMINISTRATORS)


# A councillor's account, publicly visible, naming the role: the engine says "likely".
ANSWERS = {
    "platform": "facebook",
    "account_type": "councillor",
    "audience": "public",
    "prominence": "moderate",
    "self_identification": "once",
    "discusses_council_business": "true",
    "uses_role_information": "false",
    "concerns_authority_area": "true",
    "acts_for_constituent": "false",
    "seeks_council_action": "false",
    "primarily_party_political": "false",
    "uses_council_resources": "false",
    "profile_disclaimer": "false",
    "refused_removal_request": "false",
    "genuine_political_expression": "true",
    "content_risks": ["criticises_council"],
    "description": "",
}


def record_form_data(**changes: Any) -> dict[str, Any]:
    """Return a valid POST body for the advice record form (determination agrees: likely)."""
    data = {
        "member_name": "Cllr Alys Jones",
        "member_ward": "Llanfair",
        "member_role": "Cabinet member for housing",
        "matter": "A Facebook post criticising the council's decision to close the library.",
        "advice_date_0": "3",
        "advice_date_1": "11",
        "advice_date_2": "2026",
        "channel": "email",
        "determination": "likely",
        "departure_reasons": "",
        "advice_given": "Treat the post as made in your official capacity; keep it to policy.",
        "follow_up": "Review the post in a week.",
        **ANSWERS,
    }
    data.update(changes)
    return data
