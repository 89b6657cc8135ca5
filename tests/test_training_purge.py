"""Training sessions, with their participants and votes, are deleted after the retention
period by `manage.py purge_training_sessions`."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from council_sm.training.models import Participant, TrainingSession, Vote

from .training import FIRST, act, participant, start, trainer_client, vote

pytestmark = pytest.mark.django_db


def session_days_ago(days: int) -> TrainingSession:
    client = trainer_client(f"trainer-{days}")
    session = start(client)
    act(client, session, "start")
    vote(participant(session), FIRST, "yes")
    TrainingSession.objects.filter(pk=session.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )
    return session


def test_older_sessions_go_with_their_participants_and_votes(capsys):
    old, recent = session_days_ago(31), session_days_ago(2)
    call_command("purge_training_sessions", "--older-than", "30d")
    assert list(TrainingSession.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not Participant.objects.filter(session_id=old.pk).exists()
    assert not Vote.objects.filter(session_id=old.pk).exists()
    assert Vote.objects.filter(session=recent).count() == 1
    assert "Deleted 1 training session(s) older than 30d." in capsys.readouterr().out


def test_the_default_age_is_the_retention_setting(settings):
    settings.TRAINING_SESSION_RETENTION_DAYS = 7
    session_days_ago(8)
    session_days_ago(6)
    call_command("purge_training_sessions")
    assert TrainingSession.objects.count() == 1


def test_a_purged_session_tells_its_participants_it_has_gone():
    client = trainer_client("late")
    session = start(client)
    alys = participant(session)
    TrainingSession.objects.filter(pk=session.pk).update(
        created_at=timezone.now() - timedelta(days=40)
    )
    call_command("purge_training_sessions", "--older-than", "30d")
    assert not TrainingSession.objects.filter(pk=session.pk).exists()
    response = alys.get("/training/live/")
    assert response.status_code == 200
    assert "This training session has ended" in response.content.decode()


@pytest.mark.parametrize("age", ["thirty days", "30", "-5d"])
def test_a_malformed_age_exits_2(capsys, age):
    with pytest.raises(SystemExit) as exit_info:
        call_command("purge_training_sessions", f"--older-than={age}")
    assert exit_info.value.code == 2
    assert "--older-than" in capsys.readouterr().err
