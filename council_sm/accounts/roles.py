"""The roles of the service as Django groups, each with only the permissions it needs.

- Monitoring officers (and deputies) keep advice records, see the audit trail and edit and
  publish the case library.
- Trainers run training sessions and edit scenarios; they never see advice records.
- Administrators manage accounts (and unlock them after failed sign-ins); they never see
  advice records either (least privilege: the
  records hold personal data about named members)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group, Permission

MONITORING_OFFICERS = "Monitoring officers"
TRAINERS = "Trainers"
ADMINISTRATORS = "Administrators"

CASE_LIBRARY_MODELS = (
    "case",
    "authority",
    "factor",
    "factorvalue",
    "regime",
    "paragraph",
    "advicerule",
    "ruleset",
)

ROLE_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    MONITORING_OFFICERS: {
        "records": (
            "view_advicerecord",
            "add_advicerecord",
            "change_advicerecord",
            "issue_advicerecord",
            "view_auditevent",
        ),
        "caselaw": (
            *(
                f"{action}_{model}"
                for model in CASE_LIBRARY_MODELS
                for action in ("view", "add", "change")
            ),
            "view_rulesetsnapshot",
            "publish_rulesetsnapshot",
        ),
    },
    TRAINERS: {
        # Trainers are staff: they keep the training scenarios in the admin. Sessions are run
        # from the training pages and need no model permission (see can_run_training).
        "training": ("view_scenario", "add_scenario", "change_scenario"),
    },
    ADMINISTRATORS: {
        "auth": ("view_user", "add_user", "change_user", "view_group"),
        # Unlocking an account locked after failed sign-ins is deleting its lockout.
        "axes": ("view_accessattempt", "delete_accessattempt"),
    },
}


def ensure_roles(sender: Any = None, **kwargs: Any) -> None:
    """Create the role groups and give each exactly its permissions (after every migrate)."""
    for name, by_app in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        wanted = [
            permission
            for app_label, codenames in by_app.items()
            for permission in Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
        ]
        group.permissions.set(wanted)


def has_role(user: AbstractBaseUser | AnonymousUser, role: str) -> bool:
    """Return True when the user is signed in, active and in the role's group."""
    return bool(user.is_authenticated and user.is_active and user.groups.filter(name=role).exists())


def is_officer(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Return True for a monitoring officer or deputy: the only people who see records."""
    return has_role(user, MONITORING_OFFICERS)


def can_run_training(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Return True for a trainer or a monitoring officer: the people who run training
    sessions. Participants need no account at all."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.groups.filter(name__in=(TRAINERS, MONITORING_OFFICERS)).exists()
    )
