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
from council_sm.caselaw.services import casebook_for_sha
from council_sm.engine import CONTRACT_VERSION

ANSWERS_FILE = "answers.json"
RESULT_FILE = "result.json"
RECORD_FILE = "record.json"


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

    def attachment_bytes(self, *, text_seal: str = "") -> dict[str, bytes]:
        """Return the embedded files: answers, result and the record's own details."""
        record = {
            "contract": CONTRACT_VERSION,
            "reference": self.reference,
            "kind": self.kind,
            "created_at": self.created_at.isoformat(),
            "language": self.language,
            "for_whom": self.for_whom,
            "description_sha256": self.description_sha256,
            "ruleset": self.result["ruleset"],
            "verification_code": self.verification_code,
            "text_seal": text_seal,
        }
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
    from council_sm.records.signing import description_hash

    if description is not None and description_hash(description) != saved.description_sha256:
        description = None
    answers = dict(saved.answers)
    if description:
        answers["description"] = description
    with override(language):
        casebook = casebook_for_sha(saved.ruleset_sha256)
        view = present_result(saved.result, saved.answers, casebook)
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
            council_name=settings.COUNCIL_NAME,
            monitoring_officer_email=settings.COUNCIL_MONITORING_OFFICER_EMAIL,
            monitoring_officer_phone=settings.COUNCIL_MONITORING_OFFICER_PHONE,
            verify_path="/verify/" if language == "en" else f"/{language}/verify/",
        )
