"""Checking that a record is genuine: its embedded data carries a valid verification code, its
visible text carries a valid seal, it matches the stored copy where one is still held, and its
result is what the engine gives for its answers under the ruleset it names."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from council_sm.assessments.models import SavedAssessment
from council_sm.caselaw.services import casebook_for_sha, describe_changes, get_casebook
from council_sm.engine import InvalidAnswers, InvalidCasebook, assess, parse_answers

from .document import ANSWERS_FILE, RECORD_FILE, RESULT_FILE
from .models import AdviceRecord
from .pdfparse import ParsedPdf, parse_pdf
from .services import signed_details
from .signing import (
    codes_match,
    description_hash,
    seal_matches,
    signed_content,
    verification_code,
)


@dataclass(frozen=True)
class Check:
    """One step of verification: passed, failed, or could not be made (None)."""

    name: str
    passed: bool | None
    detail: str


@dataclass(frozen=True)
class Verification:
    """The outcome: genuine only when no check failed and the essential ones passed."""

    genuine: bool
    reference: str = ""
    checks: tuple[Check, ...] = ()
    problem: str = ""
    ruleset_changes: tuple[str, ...] = field(default_factory=tuple)

    def lines(self) -> list[str]:
        """Return the report as lines for the command line."""
        head = _("GENUINE") if self.genuine else _("NOT GENUINE")
        lines = [f"{head}: {self.reference or self.problem}"]
        lines += [
            f"  [{'ok' if check.passed else ('--' if check.passed is None else 'FAIL')}] "
            f"{check.name}: {check.detail}"
            for check in self.checks
        ]
        lines += [f"  ruleset changed since: {change}" for change in self.ruleset_changes]
        return lines


def _parse_problem(parsed: ParsedPdf) -> str:
    """Return why a file could not be read, in the active language."""
    if parsed.error == "not_pdf":
        return _("the file is not a PDF")
    if parsed.error == "too_many_pages":
        return _("the file has %(pages)s pages, and a record has at most %(limit)s") % {
            "pages": parsed.pages,
            "limit": settings.RECORD_UPLOAD_MAX_PAGES,
        }
    if parsed.error == "attachment_too_large":
        return _("a file attached to it is too large")
    if parsed.error == "timeout":
        return _("the file could not be read in the time allowed")
    return _("the file could not be read as a PDF (it may be damaged or too complex)")


def _load_parts(parsed: ParsedPdf) -> tuple[dict, dict, dict] | str:
    attachments = parsed.attachments or {}
    missing = [name for name in (ANSWERS_FILE, RESULT_FILE, RECORD_FILE) if name not in attachments]
    if missing:
        return _("it is not a record from this service (missing %(files)s)") % {
            "files": ", ".join(missing)
        }
    try:
        return tuple(
            json.loads(attachments[name]) for name in (ANSWERS_FILE, RESULT_FILE, RECORD_FILE)
        )
    except json.JSONDecodeError:
        return _("its embedded data is damaged")


def verify_pdf(data: bytes) -> Verification:
    """Return the verification of an uploaded or given PDF file."""
    if len(data) > settings.RECORD_UPLOAD_MAX_BYTES:
        return Verification(False, problem=_("the file is larger than the limit"))
    parsed = parse_pdf(data, max_pages=settings.RECORD_UPLOAD_MAX_PAGES)
    if parsed.error:
        return Verification(False, problem=_parse_problem(parsed))
    parts = _load_parts(parsed)
    if isinstance(parts, str):
        return Verification(False, problem=parts)
    answers, result, record = parts
    if not all(isinstance(part, dict) for part in parts):
        return Verification(False, problem=_("its embedded data is damaged"))
    return _verify_parts(answers, result, record, parsed.content_sha256)


def _verify_parts(answers: dict, result: dict, record: dict, content_sha256: str) -> Verification:
    reference = str(record.get("reference", ""))
    language = str(record.get("language", ""))
    description = (
        answers.get("description", "") if isinstance(answers.get("description"), str) else ""
    )
    checks = []

    details = record.get("details") if isinstance(record.get("details"), dict) else None
    expected_code = verification_code(
        signed_content(
            reference=reference,
            kind=str(record.get("kind", "")),
            created_at=str(record.get("created_at", "")),
            answers=answers,
            description_sha256=description_hash(description),
            result=result,
            details=details,
        )
    )
    code_ok = codes_match(str(record.get("verification_code", "")), expected_code)
    checks.append(
        Check(
            _("Verification code"),
            code_ok,
            _("matches the answers and result in the file")
            if code_ok
            else _("does not match: the answers, the result or the record details were changed"),
        )
    )

    seal_ok = seal_matches(
        str(record.get("text_seal", "")),
        reference=reference,
        language=language,
        content_sha256=content_sha256,
    )
    checks.append(
        Check(
            _("Visible content"),
            seal_ok,
            _("the pages are as issued")
            if seal_ok
            else _("the pages were changed after the record was issued"),
        )
    )

    checks.append(_check_stored_copy(reference, answers, result, record, description))
    recomputed, changes = _check_recomputation(answers, result)
    checks.append(recomputed)

    essential = (code_ok, seal_ok, recomputed.passed)
    genuine = all(essential) and all(check.passed is not False for check in checks)
    return Verification(genuine, reference, tuple(checks), ruleset_changes=tuple(changes))


def _check_stored_copy(reference, answers, result, record, description) -> Check:
    if record.get("kind") == AdviceRecord.kind:
        return _check_stored_advice(reference, answers, result, record)
    stored = SavedAssessment.objects.filter(reference=reference).first()
    if stored is None:
        return Check(
            _("Stored copy"),
            None,
            _("not held (self-assessments are deleted after %(days)s days)")
            % {"days": settings.ASSESSMENT_RETENTION_DAYS},
        )
    same = (
        stored.result == result
        and stored.answers == {k: v for k, v in answers.items() if k != "description"}
        and stored.description_sha256 == description_hash(description)
        and stored.verification_code == record.get("verification_code")
        and stored.created_at.isoformat() == record.get("created_at")
    )
    return Check(
        _("Stored copy"),
        same,
        _("matches the record held by the council")
        if same
        else _("differs from the record held by the council"),
    )


def _check_stored_advice(reference, answers, result, record) -> Check:
    version = (record.get("details") or {}).get("version")
    stored = AdviceRecord.objects.filter(
        reference=reference, version=version, status=AdviceRecord.Status.ISSUED
    ).first()
    if stored is None:
        return Check(_("Stored copy"), False, _("no issued record with this reference is held"))
    same = (
        stored.result == result
        and stored.answers == answers
        and stored.verification_code == record.get("verification_code")
        and stored.issued_at.isoformat() == record.get("created_at")
        and signed_details(stored) == record.get("details")
    )
    note = ""
    if same and not stored.is_latest:
        note = " " + _("(a later version corrects it)")
    return Check(
        _("Stored copy"),
        same,
        (_("matches the record held by the council") + note)
        if same
        else _("differs from the record held by the council"),
    )


def _check_recomputation(
    answers: dict[str, Any], result: dict[str, Any]
) -> tuple[Check, list[str]]:
    ruleset = result.get("ruleset") if isinstance(result.get("ruleset"), dict) else {}
    sha = str(ruleset.get("sha256", ""))
    casebook = casebook_for_sha(sha)
    name = _("Result recomputed")
    if casebook is None:
        return Check(name, False, _("the ruleset it names is not held by this service")), []
    try:
        parsed = parse_answers(
            answers, regimes=casebook.regimes, default_regime=answers.get("regime", "")
        )
        again = assess(parsed, casebook).to_contract()
    except (InvalidAnswers, InvalidCasebook):
        return Check(name, False, _("its answers are not valid")), []
    same = again == result
    changes: list[str] = []
    try:
        current = get_casebook()
        if current.sha256 != sha:
            changes = [
                f"{ruleset.get('version', '?')} ({sha[:12]}) -> {current.version} "
                f"({current.sha256[:12]})",
                *describe_changes(casebook, current),
            ]
    except InvalidCasebook:
        changes = [_("the current casebook cannot be read")]
    return (
        Check(
            name,
            same,
            _("the engine gives the same result under ruleset %(version)s")
            % {"version": ruleset.get("version", "?")}
            if same
            else _("the engine gives a different result for these answers"),
        ),
        changes,
    )


def verify_reference(reference: str, code: str) -> Verification:
    """Return whether a reference and verification code belong to a record held here; reveals
    nothing beyond the reference, the date and the band, which the record itself shows."""
    reference = reference.strip().upper()
    candidates = [
        (item.created_at, item.result, item.verification_code)
        for item in SavedAssessment.objects.filter(reference=reference)
    ] + [
        (item.issued_at, item.result, item.verification_code)
        for item in AdviceRecord.objects.filter(
            reference=reference, status=AdviceRecord.Status.ISSUED
        )
    ]
    for issued_at, result, stored_code in candidates:
        if codes_match(code, stored_code):
            return Verification(
                True,
                reference,
                (
                    Check(_("Issued"), True, issued_at.isoformat()),
                    Check(_("Result"), True, result["official_capacity"]["band"]),
                ),
            )
    return Verification(False, problem=_("no record with this reference and code is held"))
