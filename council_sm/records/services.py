"""Keeping advice records: drafts, issuing with gap-free references, corrections as new
versions, and the audit trail. Views call these; nothing here renders anything."""

from __future__ import annotations

import time
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from council_sm.assessments.services import assess_answers
from council_sm.engine import CONTRACT_VERSION

from .models import AdviceRecord, AuditEvent, ReferenceCounter
from .signing import description_hash, signed_content, verification_code

DETAIL_FIELDS = (
    "member_name",
    "member_ward",
    "member_role",
    "matter",
    "advice_date",
    "channel",
    "determination",
    "departure_reasons",
    "advice_given",
    "follow_up",
    "correction_reason",
)
LOCK_RETRIES = 5
# A locked database, or a connection lost mid-transaction (which Django closes on the failed
# rollback, so the next attempt reconnects): worth a short wait and another try.
TRANSIENT_ERRORS = (OperationalError, InterfaceError)


def actor_label(user: AbstractBaseUser | None) -> str:
    """Return how the audit trail names someone: full name and username, or the system."""
    if user is None:
        return "command line"
    full = user.get_full_name() if hasattr(user, "get_full_name") else ""
    return f"{full} ({user.get_username()})" if full else user.get_username()


def audit(
    user: AbstractBaseUser | None,
    action: str,
    *,
    record: AdviceRecord | None = None,
    subject: str = "",
) -> AuditEvent:
    """Write one audit event."""
    return AuditEvent.objects.create(
        actor=user if user is not None and user.is_authenticated else None,
        actor_label=actor_label(user),
        action=action,
        record=record,
        series=record.series if record else None,
        subject=subject or (record.label if record else ""),
    )


def _assessed(answers: dict[str, Any]) -> dict[str, Any]:
    assessment, _casebook = assess_answers(answers)
    return {
        "answers": assessment.answers.to_contract(),
        "result": assessment.to_contract(),
        "ruleset_version": assessment.ruleset_version,
        "ruleset_sha256": assessment.ruleset_sha256,
    }


@transaction.atomic
def save_draft(
    *,
    user: AbstractBaseUser,
    answers: dict[str, Any],
    details: dict[str, Any],
    language: str,
    record: AdviceRecord | None = None,
) -> AdviceRecord:
    """Create a draft, or update one, with the engine's result for its answers."""
    if record is not None and not record.is_editable:
        raise PermissionError("an issued record cannot be edited")
    created = record is None
    record = record or AdviceRecord(created_by=user)
    for name, value in {**details, **_assessed(answers)}.items():
        setattr(record, name, value)
    record.language = language
    record.save()
    audit(user, AuditEvent.Action.CREATED if created else AuditEvent.Action.EDITED, record=record)
    return record


def _allocate_reference(year: int) -> str:
    """Return the next reference for the year; call inside the issuing transaction."""
    counter, _created = ReferenceCounter.objects.select_for_update().get_or_create(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"ADV-{year}-{counter.last:04d}"


def signed_details(record: AdviceRecord) -> dict[str, Any]:
    """Return the officer's part of a record as the verification code covers it."""
    details = {name: getattr(record, name) for name in DETAIL_FIELDS}
    details["advice_date"] = record.advice_date.isoformat()
    details["version"] = record.version
    details["issued_by"] = actor_label(record.issued_by)
    return details


def record_code(record: AdviceRecord) -> str:
    """Return the verification code of an issued record (computed from its stored content)."""
    return verification_code(
        signed_content(
            reference=record.reference,
            kind=record.kind,
            created_at=record.issued_at.isoformat(),
            answers=record.answers,
            description_sha256=description_hash(record.answers.get("description", "")),
            result=record.result,
            details=signed_details(record),
        )
    )


def issue(record: AdviceRecord, *, user: AbstractBaseUser) -> AdviceRecord:
    """Issue a draft: fix it, give it its reference (a new one for a first version, the
    series' own for a correction) and its verification code. Two officers issuing at once get
    consecutive references; a locked database or a lost connection is retried a few times
    before giving up. The issuing transaction is all or nothing: a failure leaves the draft,
    the counter and the audit trail as they were."""
    for attempt in range(LOCK_RETRIES):
        try:
            return _issue_once(record.pk, user)
        except TRANSIENT_ERRORS:
            if attempt == LOCK_RETRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


@transaction.atomic
def _issue_once(pk: int, user: AbstractBaseUser) -> AdviceRecord:
    record = AdviceRecord.objects.select_for_update().get(pk=pk)
    if not record.is_editable:
        raise PermissionError("this record has already been issued")
    record.issued_at = timezone.now().replace(microsecond=0)
    if record.supersedes_id:
        record.reference = record.supersedes.reference
    else:
        record.reference = _allocate_reference(timezone.localtime(record.issued_at).year)
    record.issued_by = user
    record.status = AdviceRecord.Status.ISSUED
    record.verification_code = record_code(record)
    record.save()
    audit(user, AuditEvent.Action.ISSUED, record=record)
    return record


@transaction.atomic
def start_correction(record: AdviceRecord, *, user: AbstractBaseUser, reason: str) -> AdviceRecord:
    """Return a new draft version correcting an issued record; the issued one stays as it is."""
    if record.is_editable or not record.is_latest:
        raise PermissionError("only the latest issued version can be corrected")
    correction = AdviceRecord(
        series=record.series,
        version=record.version + 1,
        supersedes=record,
        correction_reason=reason,
        created_by=user,
        **{
            name: getattr(record, name)
            for name in (
                "member_name",
                "member_ward",
                "member_role",
                "matter",
                "advice_date",
                "channel",
                "language",
                "answers",
                "result",
                "ruleset_version",
                "ruleset_sha256",
                "determination",
                "departure_reasons",
                "advice_given",
                "follow_up",
            )
        },
    )
    correction.save()
    audit(user, AuditEvent.Action.CORRECTED, record=record, subject=record.label)
    return correction


def member_data(name: str) -> dict[str, Any]:
    """Return everything held about a named member, for a subject access request."""
    records = AdviceRecord.objects.filter(member_name__iexact=name.strip()).order_by("created_at")
    return {
        "contract": CONTRACT_VERSION,
        "member": name.strip(),
        "exported_at": timezone.now().isoformat(),
        "records": [
            {
                "reference": record.reference,
                "version": record.version,
                "status": record.status,
                **{
                    field: getattr(record, field)
                    for field in DETAIL_FIELDS
                    if field != "advice_date"
                },
                "advice_date": record.advice_date.isoformat(),
                "answers": record.answers,
                "result": record.result,
                "ruleset": {"version": record.ruleset_version, "sha256": record.ruleset_sha256},
                "created_at": record.created_at.isoformat(),
                "issued_at": record.issued_at.isoformat() if record.issued_at else None,
            }
            for record in records
        ],
    }
