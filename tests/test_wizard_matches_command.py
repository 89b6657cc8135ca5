"""A full journey through the wizard gives the same result as `manage.py assess` for the same
answers, and saves it without anything identifying."""

import io
import json

import pytest
from django.core.management import call_command

from council_sm.assessments.models import SavedAssessment

from .support import QUIET_PERSONAL_POST
from .wizard import complete

pytestmark = pytest.mark.django_db

JOURNEYS = {
    "quiet-personal-post": {**QUIET_PERSONAL_POST, "platform": "facebook"},
    "councillor-account-with-risks": {
        **QUIET_PERSONAL_POST,
        "platform": "x",
        "account_type": "councillor",
        "audience": "public",
        "self_identification": "repeatedly",
        "discusses_council_business": "unsure",
        "content_risks": ["personal_attack", "names_staff"],
        "genuine_political_expression": True,
    },
    "council-provided-account": {
        **QUIET_PERSONAL_POST,
        "platform": "blog",
        "account_type": "council_provided",
        "uses_council_resources": True,
        "profile_disclaimer": False,
        "primarily_party_political": True,
    },
}


@pytest.mark.parametrize("answers", JOURNEYS.values(), ids=JOURNEYS.keys())
def test_the_wizard_and_the_command_agree(client, tmp_path, answers):
    done = client.get(complete(client, answers)["Location"])
    saved = SavedAssessment.objects.get(pk=done["Location"].rstrip("/").rsplit("/", 1)[-1])

    path = tmp_path / "answers.json"
    path.write_text(json.dumps(answers))
    out = io.StringIO()
    call_command("assess", "--answers", str(path), stdout=out)

    assert saved.result == json.loads(out.getvalue())


def test_the_description_is_kept_only_as_a_hash(client):
    answers = {**QUIET_PERSONAL_POST, "platform": "x", "description": "About Cllr Jones's plan"}
    client.get(complete(client, answers)["Location"])
    saved = SavedAssessment.objects.get()
    assert "description" not in saved.answers
    assert len(saved.description_sha256) == 64
    assert "Jones" not in json.dumps(saved.answers) + json.dumps(saved.result)
    assert saved.language == "en"
    assert saved.ruleset_sha256 == saved.result["ruleset"]["sha256"]
