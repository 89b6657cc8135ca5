"""Saved self-assessments are deleted after the retention period."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from council_sm.assessments.models import SavedAssessment
from council_sm.assessments.services import save_self_assessment

from .support import QUIET_PERSONAL_POST

pytestmark = pytest.mark.django_db


def saved_days_ago(days: int) -> SavedAssessment:
    saved = save_self_assessment(dict(QUIET_PERSONAL_POST), language="en")
    SavedAssessment.objects.filter(pk=saved.pk).update(
        created_at=timezone.now() - timedelta(days=days)
    )
    return saved


def test_older_assessments_are_deleted_and_newer_kept(capsys):
    old, recent = saved_days_ago(31), saved_days_ago(2)
    call_command("purge_assessments", "--older-than", "30d")
    assert list(SavedAssessment.objects.values_list("pk", flat=True)) == [recent.pk]
    assert "Deleted 1" in capsys.readouterr().out
    assert not SavedAssessment.objects.filter(pk=old.pk).exists()


def test_the_default_age_is_the_retention_setting(settings):
    settings.ASSESSMENT_RETENTION_DAYS = 7
    saved_days_ago(8)
    saved_days_ago(6)
    from council_sm.assessments.management.commands import purge_assessments

    command = purge_assessments.Command()
    parser = command.create_parser("manage.py", "purge_assessments")
    assert parser.parse_args([]).older_than == "7d"
    call_command("purge_assessments", "--older-than", "7d")
    assert SavedAssessment.objects.count() == 1


@pytest.mark.parametrize("age", ["thirty days", "30", "-5d", "30y"])
def test_a_malformed_age_exits_2_with_one_line(capsys, age):
    with pytest.raises(SystemExit) as exit_info:
        call_command("purge_assessments", f"--older-than={age}")
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.strip().startswith("--older-than:")
