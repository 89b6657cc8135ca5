"""What a record holds, built from a saved assessment: the display view (from the presenter the
result page uses) and the JSON attachments that let the record be re-imported and re-checked."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from council_sm.assessments.presenter import ResultView, present_result
from council_sm.assessments.services import result_in_language
from council_sm.caselaw.services import casebook_for_sha
from council_sm.context_processors import council_name
from council_sm.engine import CONTRACT_VERSION

from .signing import description_hash

ANSWERS_FILE = "answers.json"
RESULT_FILE = "result.json"
RECORD_FILE = "record.json"


@dataclass(frozen=True)
class Section:
    """A titled table of label and value rows shown in a record (the officer's part)."""

    heading: str
    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class RecordDocument:
    """Everything one rendering of a record shows and embeds."""

    reference: str
    kind: str
    title: str
    created_at: datetime
    language: str
    for_whom: str
    description: str | None
    answers: dict[str, Any]
    result: dict[str, Any]
    description_sha256: str
    verification_code: str
    view: ResultView
    council_name: str
    monitoring_officer_email: str
    monitoring_officer_phone: str
    verify_path: str
    sections: tuple[Section, ...] = ()
    details: dict[str, Any] | None = None  # signed with the record (advice records)
    version_note: str = ""

    def attachment_bytes(self, *, text_seal: str = "", language: str = "") -> dict[str, bytes]:
        """Return the embedded files: answers, result and the record's own details. language
        names the rendering ("cy+en" for a bilingual one; default: this document's)."""
        record = {
            "contract": CONTRACT_VERSION,
            "reference": self.reference,
            "kind": self.kind,
            "created_at": self.created_at.isoformat(),
            "language": language or self.language,
            "for_whom": self.for_whom,
            "description_sha256": self.description_sha256,
            "ruleset": self.result["ruleset"],
            "verification_code": self.verification_code,
            "text_seal": text_seal,
        }
        if self.details:
            record["details"] = self.details
        return {
            ANSWERS_FILE: _json_bytes(self.answers),
            RESULT_FILE: _json_bytes(self.result),
            RECORD_FILE: _json_bytes(record),
        }


def _json_bytes(data: Any) -> bytes:
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def self_assessment_document(saved, *, language: str, description: str | None) -> RecordDocument:
    """Return the record of a saved self-assessment in a language. The description is shown
    only when the caller still has it (it is never stored) and it matches the stored hash."""
    if description is not None and description_hash(description) != saved.description_sha256:
        description = None
    answers = dict(saved.answers)
    if description:
        answers["description"] = description
    with override(language):
        casebook = casebook_for_sha(saved.ruleset_sha256)
        result = result_in_language(
            saved.result, saved.answers, stored_language=saved.language, language=language
        )
        view = present_result(result, saved.answers, casebook and casebook.in_language(language))
        return RecordDocument(
            reference=saved.reference,
            kind=saved.kind,
            title=_("Official capacity self-assessment"),
            created_at=timezone.localtime(saved.created_at),
            language=language,
            for_whom=_("Self-assessment, no name recorded"),
            description=description if description else None,
            answers=answers,
            result=saved.result,
            description_sha256=saved.description_sha256,
            verification_code=saved.verification_code,
            view=view,
            council_name=council_name(language),
            monitoring_officer_email=settings.COUNCIL_MONITORING_OFFICER_EMAIL,
            monitoring_officer_phone=settings.COUNCIL_MONITORING_OFFICER_PHONE,
            verify_path="/verify/" if language == "en" else f"/{language}/verify/",
        )


def advice_document(record, *, language: str) -> RecordDocument:
    """Return the document of an issued advice record version, in a language."""
    from council_sm.assessments.labels import BAND_LABELS

    from .services import actor_label, signed_details

    with override(language):
        casebook = casebook_for_sha(record.ruleset_sha256)
        result = result_in_language(
            record.result, record.answers, stored_language=record.language, language=language
        )
        view = present_result(result, record.answers, casebook and casebook.in_language(language))
        determination = str(BAND_LABELS[record.determination])
        officer_rows = [
            (_("Determination"), determination),
            (
                _("Engine's assessment"),
                str(BAND_LABELS[record.engine_band]),
            ),
        ]
        if record.departs_from_engine:
            officer_rows.append(
                (_("Reasons for departing from the engine"), record.departure_reasons)
            )
        officer_rows += [(_("Advice given"), record.advice_given)]
        if record.follow_up:
            officer_rows.append((_("Follow-up actions"), record.follow_up))
        officer_rows += [
            (_("Issued by"), actor_label(record.issued_by)),
            (_("Issued"), timezone.localtime(record.issued_at).strftime("%d/%m/%Y %H:%M")),
        ]
        member = ", ".join(
            part for part in (record.member_name, record.member_role, record.member_ward) if part
        )
        version_note = ""
        if record.supersedes_id:
            version_note = _(
                "Version %(version)s. It corrects version %(previous)s, which stays on record. "
                "Reason: %(reason)s"
            ) % {
                "version": record.version,
                "previous": record.supersedes.version,
                "reason": record.correction_reason,
            }
        return RecordDocument(
            reference=record.reference,
            kind=record.kind,
            title=_("Advisory record: official capacity"),
            created_at=timezone.localtime(record.issued_at),
            language=language,
            for_whom=member,
            description=record.matter,
            answers=record.answers,
            result=record.result,
            description_sha256=description_hash(record.answers.get("description", "")),
            verification_code=record.verification_code,
            view=view,
            council_name=council_name(language),
            monitoring_officer_email=settings.COUNCIL_MONITORING_OFFICER_EMAIL,
            monitoring_officer_phone=settings.COUNCIL_MONITORING_OFFICER_PHONE,
            verify_path="/verify/" if language == "en" else f"/{language}/verify/",
            sections=(
                Section(
                    _("The monitoring officer's determination and advice"), tuple(officer_rows)
                ),
            ),
            details=signed_details(record),
            version_note=version_note,
        )
