"""Every response carries a request id, which every log line of that request carries too.
Log lines are JSON and hold nothing personal: nothing a form or API body contained, no query
string, no address, no session id."""

import io
import json
import logging

import pytest

pytestmark = pytest.mark.django_db

SECRET = "Cllr Jones at 07700 900123, jones@example.org"


@pytest.fixture
def log_lines():
    """The lines the configured JSON handler writes while the test runs."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        handler.setStream(previous)


def test_a_response_carries_a_new_request_id(client):
    first = client.get("/")["X-Request-ID"]
    second = client.get("/")["X-Request-ID"]
    assert len(first) == 32 and first != second


def test_a_sane_incoming_request_id_is_kept(client):
    response = client.get("/", headers={"X-Request-ID": "lb-7f3a9c2e-0001"})
    assert response["X-Request-ID"] == "lb-7f3a9c2e-0001"


@pytest.mark.parametrize(
    "incoming",
    ["203.0.113.7", "jones@example.org", "short", "x" * 129, "a b c d e f g h", "<script>"],
    ids=["ip-address", "email", "too-short", "too-long", "spaces", "markup"],
)
def test_an_unsafe_incoming_request_id_is_replaced(client, incoming):
    response = client.get("/", headers={"X-Request-ID": incoming})
    assert response["X-Request-ID"] != incoming
    assert len(response["X-Request-ID"]) == 32


REQUESTS = {
    "wizard-form-without-management-form": lambda client: client.post(
        "/assessment/platform/?email=jones@example.org",
        {"platform-platform": SECRET, "csrfmiddlewaretoken": "x"},
    ),
    "api-bad-answers": lambda client: client.post(
        "/api/v1/assessments?email=jones@example.org",
        json.dumps({"account_type": SECRET, "description": SECRET}),
        content_type="application/json",
    ),
}


@pytest.mark.parametrize("send", REQUESTS.values(), ids=REQUESTS.keys())
def test_a_request_logs_json_with_its_id_and_nothing_it_contained(client, log_lines, send):
    client.get("/assessment/platform/")  # a session, so that a session id exists to leak
    response = send(client)
    assert response.status_code == 400

    lines = log_lines()
    assert lines, "a refused request is logged"
    line = lines[-1]
    assert line["request_id"] == response["X-Request-ID"]
    assert line["level"] == "warning"
    assert line["status_code"] == 400
    written = json.dumps(lines)
    for personal in ("Jones", "07700", "example.org", "email=", client.cookies["sessionid"].value):
        assert personal not in written
    assert "127.0.0.1" not in written
