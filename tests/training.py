"""Training sessions for tests: a trainer's client, participants' clients, and moving on."""

from __future__ import annotations

import json
from pathlib import Path

from django.test import Client

from council_sm.training.models import TrainingSession

from .officers import trainer
from .support import PROJECT_ROOT

SCENARIO_FILE = PROJECT_ROOT / "fixtures" / "training" / "scenarios.json"
REAL_CASES = {"mullaney", "mctigue", "johnson", "sharratt", "barnbrook"}
FIRST = "video-to-push-planning"  # Mullaney
SECOND = "a-joke-in-a-private-group"  # invented; unlikely


def fixture_records() -> list[dict]:
    return json.loads(Path(SCENARIO_FILE).read_text(encoding="utf-8"))["scenarios"]


def trainer_client(username: str = "trainer") -> Client:
    client = Client()
    client.force_login(trainer(username))
    return client


def start(client: Client, scenarios=(FIRST, SECOND), lang: str = "") -> TrainingSession:
    prefix = f"/{lang}" if lang else ""
    response = client.post(f"{prefix}/training/sessions/", {"scenarios": list(scenarios)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return TrainingSession.objects.get(pk=int(response["Location"].rstrip("/").rsplit("/", 1)[1]))


def act(client: Client, session: TrainingSession, action: str) -> TrainingSession:
    session.refresh_from_db()
    response = client.post(
        f"/training/sessions/{session.pk}/action/",
        {"action": action, "revision": session.revision},
    )
    assert response.status_code == 302
    session.refresh_from_db()
    return session


def participant(session: TrainingSession) -> Client:
    client = Client()
    response = client.post("/training/join/", {"code": session.code})
    assert response.status_code == 302 and response["Location"] == "/training/live/"
    return client


def vote(client: Client, scenario: str, answer: str):
    return client.post("/training/live/vote/", {"scenario": scenario, "answer": answer})
