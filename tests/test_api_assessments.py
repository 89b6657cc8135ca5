"""POST /api/v1/assessments: the contract's answers in, the contract's result out, exactly as
`manage.py assess` gives them; bad answers get 400 with the command's own problems, keyed by
answer; a body over 64 KiB gets 413 before it is read. No CSRF token, no cookie, nothing saved."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client

from council_sm.assessments.models import SavedAssessment
from council_sm.assessments.services import MAX_ANSWERS_BYTES

from .support import QUIET_PERSONAL_POST

pytestmark = pytest.mark.django_db

URL = "/api/v1/assessments"
COUNCILLOR_POST = {
    **QUIET_PERSONAL_POST,
    "account_type": "councillor",
    "audience": "public",
    "self_identification": "repeatedly",
    "discusses_council_business": "unsure",
    "content_risks": ["personal_attack", "names_staff"],
    "platform": "facebook",
    "description": "About the library closure.",
}


def post(client: Client, body: bytes | str, content_type: str = "application/json"):
    return client.post(URL, body, content_type=content_type)


def assess_command(tmp_path, raw: bytes) -> tuple[int, str, str]:
    """Run `manage.py assess` on raw bytes; return its exit code, stdout and stderr."""
    path = tmp_path / "answers.json"
    path.write_bytes(raw)
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("assess", "--answers", str(path), stdout=out, stderr=err)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    "answers",
    [QUIET_PERSONAL_POST, COUNCILLOR_POST],
    ids=["quiet-personal-post", "councillor-post-with-risks"],
)
def test_good_answers_get_the_same_result_as_the_command(client, tmp_path, answers):
    raw = json.dumps(answers).encode()
    response = post(client, raw)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"

    code, stdout, _stderr = assess_command(tmp_path, raw)
    assert code == 0
    assert response.json() == json.loads(stdout)


BAD = {
    "unknown-value": (json.dumps({**QUIET_PERSONAL_POST, "account_type": "work"}), 400),
    "missing-keys": (json.dumps({"account_type": "personal"}), 400),
    "unknown-key": (json.dumps({**QUIET_PERSONAL_POST, "colour": "blue"}), 400),
    "integer-for-boolean": (json.dumps({**QUIET_PERSONAL_POST, "audience": 1}), 400),
    "several-problems": (
        json.dumps({**QUIET_PERSONAL_POST, "audience": "everyone", "content_risks": ["x"]}),
        400,
    ),
    "malformed-json": ('{"account_type": "personal",', 400),
    "not-an-object": ('["personal", "public"]', 400),
    "a-string": ('"answers"', 400),
    "null": ("null", 400),
    "duplicate-key": ('{"audience": "public", "audience": "private_group"}', 400),
    "nan": ('{"account_type": NaN}', 400),
    "empty-body": ("", 400),
    "not-utf-8": (b'{"description": "caf\xe9"}', 400),
    "over-64-kib": (
        json.dumps({**QUIET_PERSONAL_POST, "description": "x" * MAX_ANSWERS_BYTES}),
        413,
    ),
}


@pytest.mark.parametrize(("body", "status"), BAD.values(), ids=BAD.keys())
def test_bad_answers_get_the_command_s_problems_keyed_by_answer(client, tmp_path, body, status):
    response = post(client, body)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    errors = response.json()["errors"]
    assert errors and all(isinstance(messages, list) and messages for messages in errors.values())

    raw = body.encode() if isinstance(body, str) else body
    code, stdout, stderr = assess_command(tmp_path, raw)
    assert code == 2 and stdout == ""
    from_api = [f"{key}: {message}" for key, messages in errors.items() for message in messages]
    assert sorted(from_api) == sorted(stderr.splitlines())


def test_the_errors_name_each_key_at_fault(client):
    body = json.dumps({**QUIET_PERSONAL_POST, "audience": "everyone", "content_risks": ["x"]})
    assert post(client, body).json() == {
        "errors": {
            "audience": ["expected one of public, restricted, private_group; got 'everyone'"],
            "content_risks": [
                "unknown risk 'x'; expected ids from: personal_attack, bullying_or_harassment, "
                "confidential_information, dishonest_or_misleading, misuse_of_position, "
                "pressure_on_officers, predetermination, defamatory_statement, "
                "images_without_consent, quotes_without_consent, names_staff, "
                "criticises_council, copyright_material, image_only_text, minors_or_vulnerable"
            ],
        }
    }


def test_a_body_declared_over_the_limit_is_refused_before_it_is_read(client):
    response = client.generic(
        "POST",
        URL,
        b"{}",
        content_type="application/json",
        CONTENT_LENGTH=str(MAX_ANSWERS_BYTES + 1),
    )
    assert response.status_code == 413
    assert response.json() == {"errors": {"answers": ["larger than 64 KB"]}}


def test_a_body_of_exactly_the_limit_is_read(client):
    body = json.dumps({**QUIET_PERSONAL_POST, "description": ""})
    body = body[:-1] + " " * (MAX_ANSWERS_BYTES - len(body)) + "}"
    assert len(body.encode()) == MAX_ANSWERS_BYTES
    assert post(client, body).status_code == 200


def test_the_api_needs_no_csrf_token_sets_no_cookie_and_saves_nothing():
    client = Client(enforce_csrf_checks=True)
    response = post(client, json.dumps(QUIET_PERSONAL_POST))
    assert response.status_code == 200
    assert not response.cookies
    assert SavedAssessment.objects.count() == 0


def test_the_api_lives_only_in_the_english_url_space(client):
    assert client.post("/cy" + URL, "{}", content_type="application/json").status_code == 404
    assert client.get(URL).status_code == 405


@pytest.mark.parametrize("url", [URL, "/api/v1/casebook"], ids=["assessments", "casebook"])
def test_a_database_that_cannot_be_used_gets_503_json_not_a_traceback(client, monkeypatch, url):
    def fail(self, sql, params=None):
        raise OperationalError("connection to server at 10.0.0.9 failed")

    monkeypatch.setattr(CursorWrapper, "execute", fail)
    response = post(client, json.dumps(QUIET_PERSONAL_POST)) if url == URL else client.get(url)
    assert response.status_code == 503
    assert response.json() == {
        "errors": {"service": ["The service cannot assess answers just now. Try again later."]}
    }
