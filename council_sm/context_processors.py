"""Template context shared by every page."""

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg"}


def council_name(language: str | None = None) -> str:
    """Return the council's name in a language (default: the active one)."""
    return (
        settings.COUNCIL_NAME_CY if (language or get_language()) == "cy" else settings.COUNCIL_NAME
    )


def council(request: HttpRequest) -> dict[str, object]:
    """Return the council's name and monitoring officer contact for the base layout."""
    from council_sm.accounts.roles import can_run_training, is_officer

    current = get_language()
    path = request.get_full_path()
    return {
        "language_links": [
            {
                "code": code,
                "name": LANGUAGE_NAMES[code],
                "url": translate_url(path, code),
                "current": code == current,
            }
            for code in ("en", "cy")
        ],
        "user_is_officer": request.user.is_authenticated and is_officer(request.user),
        "user_runs_training": request.user.is_authenticated and can_run_training(request.user),
        "retention_days": settings.ASSESSMENT_RETENTION_DAYS,
        "council_name": council_name(),
        "monitoring_officer_email": settings.COUNCIL_MONITORING_OFFICER_EMAIL,
        "monitoring_officer_phone": settings.COUNCIL_MONITORING_OFFICER_PHONE,
    }
