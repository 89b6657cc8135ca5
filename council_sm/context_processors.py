"""Template context shared by every page."""

from django.conf import settings
from django.http import HttpRequest


def council(request: HttpRequest) -> dict[str, object]:
    """Return the council's name and monitoring officer contact for the base layout."""
    from council_sm.accounts.roles import is_officer

    return {
        "user_is_officer": request.user.is_authenticated and is_officer(request.user),
        "retention_days": settings.ASSESSMENT_RETENTION_DAYS,
        "council_name": settings.COUNCIL_NAME,
        "monitoring_officer_email": settings.COUNCIL_MONITORING_OFFICER_EMAIL,
        "monitoring_officer_phone": settings.COUNCIL_MONITORING_OFFICER_PHONE,
    }
