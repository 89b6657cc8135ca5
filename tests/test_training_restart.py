"""A server restart in the middle of a session loses nothing: every piece of its state (the
stage, the participants, their tokens, votes and rate-limit windows) is in the database, and
browsers keep only their session cookie. Checked twice: in this process with fresh clients and
emptied caches, and for real, with the second half of a session run by a new Python process
against the same database file."""

import json
import os
import subprocess
import sys

import pytest
from django.core.cache import caches
from django.test import Client

from council_sm.caselaw.services import casebook_for_sha
from council_sm.training.models import TrainingSession

from .support import PROJECT_ROOT
from .training import FIRST, act, participant, start, trainer_client, vote


def fresh_client(old: Client) -> Client:
    """A new client holding only what a browser keeps across a server restart: its cookies."""
    client = Client()
    for name, morsel in old.cookies.items():
        client.cookies[name] = morsel.value
    return client


@pytest.mark.django_db
def test_fresh_clients_and_empty_caches_carry_on_mid_session():
    trainer = trainer_client()
    session = start(trainer)
    act(trainer, session, "start")
    alys, bryn = participant(session), participant(session)
    vote(alys, FIRST, "yes")
    vote(bryn, FIRST, "no")

    for cache in caches.all():
        cache.clear()
    casebook_for_sha.cache_clear()
    trainer, alys, bryn = fresh_client(trainer), fresh_client(alys), fresh_client(bryn)

    assert "Your vote: Yes" in alys.get("/training/live/").content.decode()
    vote(alys, FIRST, "unsure")  # replaces, does not add
    act(trainer, session, "reveal_votes")
    panel = trainer.get(f"/training/sessions/{session.pk}/panel/").content.decode()
    assert "Yes: 0 (0%); No: 1 (50%); Not sure: 1 (50%)" in panel
    assert "People who have joined: 2" in panel
    act(trainer, session, "reveal_outcome")
    act(trainer, session, "next")
    page = bryn.get("/training/live/").content.decode()
    assert "Scenario 2 of 2" in page and "A joke in a private group" in page


PHASE_ONE = """
import json
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.test import Client
from tests.training import FIRST, act, participant, start, trainer_client, vote
trainer = trainer_client("restart-trainer")
session = start(trainer)
act(trainer, session, "start")
alys, bryn = participant(session), participant(session)
vote(alys, FIRST, "yes")
vote(bryn, FIRST, "yes")
print(json.dumps({
    "session": session.pk,
    "code": session.code,
    "cookies": {name: {key: morsel.value for key, morsel in client.cookies.items()}
                for name, client in (("trainer", trainer), ("alys", alys), ("bryn", bryn))},
}))
"""

PHASE_TWO = """
import json
import sys
import django
django.setup()
from django.test import Client
from council_sm.training.models import TrainingSession, Vote
from council_sm.training.services import tally
from tests.training import FIRST, act, vote
state = json.loads(sys.stdin.read())
clients = {}
for name, cookies in state["cookies"].items():
    clients[name] = Client()
    for key, value in cookies.items():
        clients[name].cookies[key] = value
session = TrainingSession.objects.get(pk=state["session"])
out = {"stage_after_restart": session.stage, "votes_after_restart": Vote.objects.count()}
out["alys_page"] = "Your vote: Yes" in clients["alys"].get("/training/live/").content.decode()
out["alys_changes"] = vote(clients["alys"], FIRST, "no").status_code
late = Client()
out["late_join"] = late.post("/training/join/", {"code": state["code"]})["Location"]
vote(late, FIRST, "unsure")
act(clients["trainer"], session, "reveal_votes")
counts = tally(session, FIRST)
out["tally"] = [counts.yes, counts.no, counts.unsure]
act(clients["trainer"], session, "end")
pdf = clients["trainer"].get(f"/training/sessions/{session.pk}/record.pdf")
out["pdf"] = [pdf.status_code, pdf.content[:5].decode()]
out["attendance"] = session.participants.count()
print(json.dumps(out))
"""


def run_phase(script: str, env: dict, stdin: str = "") -> dict:
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_new_server_process_carries_on_a_session_where_the_old_one_stopped(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "council_sm.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'restart.sqlite3'}",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "PYTHONPATH": str(PROJECT_ROOT),
    }
    before = run_phase(PHASE_ONE, env)
    after = run_phase(PHASE_TWO, env, stdin=json.dumps(before))
    assert after == {
        "stage_after_restart": TrainingSession.Stage.QUESTION,
        "votes_after_restart": 2,
        "alys_page": True,
        "alys_changes": 302,
        "late_join": "/training/live/",
        "tally": [1, 1, 1],
        "pdf": [200, "%PDF-"],
        "attendance": 3,
    }
