"""A subject access request gets everything held about a member; records past the retention
period are deleted, and the audit trail keeps that they existed."""

import io
import json
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from council_sm.records.models import AdviceRecord, AuditEvent
from council_sm.records.record_forms import AdviceRecordForm
from council_sm.records.services import issue, save_draft, start_correction

from .officers import officer, record_form_data

pytestmark = pytest.mark.django_db


def issued(author, **changes):
    form = AdviceRecordForm(record_form_data(**changes))
    assert form.is_valid(), form.errors
    record = save_draft(user=author, answers=form.answers(), details=form.details(), language="en")
    return issue(record, user=author)


def test_export_member_data_gives_every_version_for_that_member_only():
    author = officer()
    first = issued(author)
    correction = start_correction(first, user=author, reason="Typo.")
    issue(correction, user=author)
    issued(author, member_name="Cllr Bryn Evans")
    out = io.StringIO()
    call_command("export_member_data", "cllr alys jones", stdout=out)
    data = json.loads(out.getvalue())
    assert [(r["reference"], r["version"]) for r in data["records"]] == [
        (first.reference, 1),
        (first.reference, 2),
    ]
    assert data["records"][1]["correction_reason"] == "Typo."
    assert AuditEvent.objects.filter(action="exported", actor=None).count() == 1


def test_records_past_retention_are_deleted_and_the_trail_remembers(settings):
    settings.ADVICE_RECORD_RETENTION_YEARS = 6
    author = officer()
    old, recent = issued(author), issued(author, member_name="Cllr Bryn Evans")
    AdviceRecord.objects.filter(pk=old.pk).update(
        issued_at=timezone.now() - timedelta(days=365 * 7),
        updated_at=timezone.now() - timedelta(days=365 * 7),
    )
    out = io.StringIO()
    call_command("purge_advice_records", stdout=out)
    assert list(AdviceRecord.objects.values_list("pk", flat=True)) == [recent.pk]
    assert AuditEvent.objects.filter(action="purged", subject=old.reference).exists()
    assert AuditEvent.objects.filter(action="issued", record=None).count() == 1
