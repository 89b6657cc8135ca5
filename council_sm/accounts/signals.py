"""Signing in and out goes in the audit trail (who and when; never where from)."""

from typing import Any


def record_sign_in(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    from council_sm.records.models import AuditEvent
    from council_sm.records.services import audit

    audit(user, AuditEvent.Action.SIGNED_IN)


def record_sign_out(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    from council_sm.records.models import AuditEvent
    from council_sm.records.services import audit

    if user is not None:
        audit(user, AuditEvent.Action.SIGNED_OUT)
