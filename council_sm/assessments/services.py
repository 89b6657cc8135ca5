"""Assessing answers against the casebook in the database: the one service every door uses
(the wizard, `manage.py assess`, the API)."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from council_sm.caselaw.services import casebook_for_sha, get_casebook
from council_sm.engine import (
    CONTRACT_VERSION,
    Assessment,
    Casebook,
    InvalidAnswers,
    Problem,
    assess,
    parse_answers,
)
from council_sm.records.signing import (
    description_hash,
    new_reference,
    signed_content,
    verification_code,
)

from .models import SavedAssessment

MAX_ANSWERS_BYTES = 64 * 1024


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    duplicates = []
    for key, value in pairs:
        if key in seen:
            duplicates.append(key)
        seen[key] = value
    if duplicates:
        raise InvalidAnswers(Problem(key, "given more than once") for key in duplicates)
    return seen


def too_large() -> InvalidAnswers:
    """The error for answers over MAX_ANSWERS_BYTES (the API checks the size before reading)."""
    return InvalidAnswers([Problem("answers", f"larger than {MAX_ANSWERS_BYTES // 1024} KB")])


def decode_answers(raw: bytes) -> Any:
    """Return the JSON value in raw bytes, or raise InvalidAnswers saying why it cannot be read
    (empty, too large, not UTF-8, not JSON, a key given twice)."""
    if len(raw) > MAX_ANSWERS_BYTES:
        raise too_large()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidAnswers([Problem("answers", f"not UTF-8 text ({error.reason})")]) from error
    if not text.strip():
        raise InvalidAnswers([Problem("answers", "empty; expected a JSON object")])
    try:
        return json.loads(
            text, object_pairs_hook=_refuse_duplicates, parse_constant=_refuse_constant
        )
    except json.JSONDecodeError as error:
        raise InvalidAnswers(
            [
                Problem(
                    "answers",
                    f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})",
                )
            ]
        ) from error


def _refuse_constant(name: str) -> None:
    raise InvalidAnswers([Problem("answers", f"{name} is not valid JSON")])


def assess_answers(
    data: Any, *, casebook: Casebook | None = None, language: str | None = None
) -> tuple[Assessment, Casebook]:
    """Return the assessment of decoded answers, its texts in the given language (default: the
    active one), and the casebook used. Raises InvalidAnswers listing every problem."""
    casebook = (casebook or get_casebook()).in_language(language or get_language())
    answers = parse_answers(
        data, regimes=casebook.regimes, default_regime=settings.CASEBOOK_DEFAULT_REGIME
    )
    return assess(answers, casebook), casebook


def result_in_language(
    result: dict[str, Any], answers: dict[str, Any], *, stored_language: str, language: str
) -> dict[str, Any]:
    """Return a stored result with its texts in another language: the engine is run again on
    the same answers under the same published ruleset, which gives the same figures. Falls back
    to the stored result if that ruleset is no longer held."""
    if language == stored_language:
        return result
    casebook = casebook_for_sha(result.get("ruleset", {}).get("sha256", ""))
    if casebook is None:
        return result
    try:
        again, _casebook = assess_answers(answers, casebook=casebook, language=language)
    except InvalidAnswers:
        return result
    translated = again.to_contract()
    figures = ("band", "score")
    if any(
        translated["official_capacity"][name] != result["official_capacity"][name]
        for name in figures
    ):
        return result
    return translated


@transaction.atomic
def save_self_assessment(data: dict[str, Any], *, language: str) -> SavedAssessment:
    """Assess answers and keep the outcome as a verifiable record without anything
    identifying: the free-text description is kept only as a sha256. The ruleset used is a
    published one, so the record can be recomputed later. Committed before any PDF is made."""
    assessment, _casebook = assess_answers(data)
    answers = assessment.answers.to_contract()
    description = answers.pop("description", "")
    result = assessment.to_contract()
    saved = SavedAssessment(
        language=language,
        contract=CONTRACT_VERSION,
        answers=answers,
        description_sha256=description_hash(description),
        result=result,
        ruleset_version=assessment.ruleset_version,
        ruleset_sha256=assessment.ruleset_sha256,
    )
    saved.created_at = timezone.now().replace(microsecond=0)
    saved.reference = _unused_reference("SA")
    saved.verification_code = verification_code(
        signed_content(
            reference=saved.reference,
            kind=SavedAssessment.kind,
            created_at=saved.created_at.isoformat(),
            answers=answers,
            description_sha256=saved.description_sha256,
            result=result,
        )
    )
    saved.save(force_insert=True)
    return saved


def _unused_reference(prefix: str) -> str:
    for _attempt in range(10):
        reference = new_reference(prefix)
        if not SavedAssessment.objects.filter(reference=reference).exists():
            return reference
    raise RuntimeError("no unused reference found in 10 attempts")  # 32^8 codes: not expected


def purge_assessments(*, older_than: timedelta) -> int:
    """Delete saved self-assessments older than the given age; return how many went."""
    deleted, _by_model = SavedAssessment.objects.filter(
        created_at__lt=timezone.now() - older_than
    ).delete()
    return deleted
