"""POST /api/v1/assessments and GET /api/v1/casebook, with the OpenAPI document at
/api/v1/openapi.json.

The answers are read and checked exactly as `manage.py assess` reads them (decode_answers, then
parse_answers inside assess_answers), so a bad request gets the same problems, as
{"errors": {key: [message, ...]}}. The body's size is checked before it is read. Nothing is
saved, nothing personal is received, and no cookie is used: the API needs no CSRF token."""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI

from council_sm.assessments.services import (
    MAX_ANSWERS_BYTES,
    assess_answers,
    decode_answers,
    too_large,
)
from council_sm.caselaw.services import get_casebook, public_casebook
from council_sm.engine import InvalidAnswers, InvalidCasebook
from council_sm.engine.answers import answers_json_schema

from . import schemas

logger = logging.getLogger(__name__)

ANSWERS_SCHEMA_REF = "#/components/schemas/Answers"


class CouncilAPI(NinjaAPI):
    """NinjaAPI whose OpenAPI document also holds the answers schema, generated from the
    engine's ANSWER_KEYS with the regimes of the casebook in use."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        document = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        try:
            regimes = list(get_casebook().regimes)
        except (DatabaseError, InvalidCasebook):
            regimes = [settings.CASEBOOK_DEFAULT_REGIME]
        answers = answers_json_schema(regimes)
        answers["title"] = "Answers"
        answers["description"] = (
            "The contract's answers object (docs/contract.md). A key given twice is also refused."
        )
        document.setdefault("components", {}).setdefault("schemas", {})["Answers"] = answers
        return document


api = CouncilAPI(
    title="council_sm",
    version="1",
    description=(
        "Is a councillor's social-media post made in an official capacity? The same "
        "assessment as the self-assessment wizard and `manage.py assess`. Public; nothing is "
        "saved."
    ),
    urls_namespace="api-v1",
    docs_url=None,  # the interactive docs page loads scripts from a CDN: not under our CSP
    openapi_url="/openapi.json",
)


def _errors(error: InvalidAnswers, status: int) -> JsonResponse:
    errors: dict[str, list[str]] = {}
    for problem in error.problems:
        errors.setdefault(problem.key, []).append(problem.message)
    return JsonResponse({"errors": errors}, status=status)


def _unavailable(request: HttpRequest, exc: Exception) -> JsonResponse:
    logger.error("The API cannot assess: %s", type(exc).__name__, exc_info=exc)
    return JsonResponse(
        {
            "errors": {
                "service": [_("The service cannot assess answers just now. Try again later.")]
            }
        },
        status=503,
    )


api.add_exception_handler(DatabaseError, _unavailable)
api.add_exception_handler(InvalidCasebook, _unavailable)


def _content_length(request: HttpRequest) -> int:
    try:
        return max(0, int(request.META.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


@api.post(
    "/assessments",
    response={
        200: schemas.AssessmentResult,
        400: schemas.Errors,
        413: schemas.Errors,
        503: schemas.Errors,
    },
    summary="Assess a set of answers",
    description=(
        "The body is the contract's answers object; the response is the contract's result. "
        f"Bodies over {MAX_ANSWERS_BYTES // 1024} KiB get 413. Bad answers get 400 with every "
        "problem, keyed by answer."
    ),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": ANSWERS_SCHEMA_REF}}},
        }
    },
)
def create_assessment(request: HttpRequest):
    if _content_length(request) > MAX_ANSWERS_BYTES:
        return _errors(too_large(), status=413)
    try:
        assessment, _casebook = assess_answers(decode_answers(request.body))
    except InvalidAnswers as error:
        status = 413 if error.problems == too_large().problems else 400
        return _errors(error, status=status)
    return JsonResponse(assessment.to_contract())


@api.get(
    "/casebook",
    response={200: schemas.Casebook, 503: schemas.Errors},
    summary="The casebook the assessments use",
    description=(
        "The decided cases with their outcomes and sources, the factors with their weights, "
        "the default Code of Conduct with its paragraphs, and the ruleset's version and sha256."
    ),
)
def casebook(request: HttpRequest):
    data: dict[str, Any] = public_casebook(get_casebook(), settings.CASEBOOK_DEFAULT_REGIME)
    return JsonResponse(data)
