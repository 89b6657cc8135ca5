"""Schemathesis generates requests from the OpenAPI document, valid answers and invalid ones,
and sends them to the Django WSGI application in process: no response is a server error, and
every response matches the document (status code, content type, body schema).

Schemathesis's Python API is used directly (each operation's Hypothesis strategy) rather than
its pytest decorator, whose lazy loader does not work with pytest 9 and whose eager loader
would read the OpenAPI document, and so the database, at collection time."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

pytestmark = pytest.mark.django_db

# Per operation and mode. GET /api/v1/casebook has no input, so one request covers it: about
# 600 requests in all, some 10 seconds here.
MAX_EXAMPLES = 300


# Negative data needs something to break: GET /api/v1/casebook takes no input at all.
OPERATIONS = {
    GenerationMode.POSITIVE: {"POST /api/v1/assessments", "GET /api/v1/casebook"},
    GenerationMode.NEGATIVE: {"POST /api/v1/assessments"},
}


@pytest.mark.parametrize("mode", OPERATIONS, ids=str)
def test_the_api_answers_every_generated_request_as_its_document_says(settings_, mode):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    sent: dict[str, list[int]] = {}

    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.label not in OPERATIONS[mode]:
            continue

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        )
        def check(case):
            response = case.call()
            sent.setdefault(case.operation.label, []).append(response.status_code)
            assert response.status_code < 500, response.text
            case.validate_response(response)
            # The schema is exact: what it allows is assessed, what it forbids is refused.
            if mode == GenerationMode.POSITIVE:
                assert response.status_code == 200, response.text
            else:
                assert response.status_code in (400, 413), response.text

        check()

    assert set(sent) == OPERATIONS[mode]
    counts = {label: len(codes) for label, codes in sent.items()}
    statuses = sorted({code for codes in sent.values() for code in codes})
    print(f"\nschemathesis {mode}: {counts} requests, statuses {statuses}")


@pytest.fixture
def settings_(settings):
    """Schemathesis calls the WSGI application as a server would, under the test's transaction.
    As Django's own test client does, stop the request signals from closing the connection
    (which, inside a transaction on PostgreSQL, would close it for good)."""
    settings.ALLOWED_HOSTS = ["localhost"]
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield settings
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
