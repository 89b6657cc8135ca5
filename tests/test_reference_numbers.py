"""References run ADV-YYYY-0001, 0002, ... per year with no gaps and no repeats, also when two
officers issue at the same moment."""

import threading
from datetime import datetime

import pytest
from django.db import connection
from django.utils import timezone

from council_sm.records.models import AdviceRecord, ReferenceCounter
from council_sm.records.record_forms import AdviceRecordForm
from council_sm.records.services import issue, save_draft

from .officers import officer, record_form_data


def draft(author):
    form = AdviceRecordForm(record_form_data())
    assert form.is_valid(), form.errors
    return save_draft(user=author, answers=form.answers(), details=form.details(), language="en")


@pytest.mark.django_db
def test_references_are_sequential_within_a_year():
    author = officer()
    year = timezone.localdate().year
    references = [issue(draft(author), user=author).reference for _ in range(3)]
    assert references == [f"ADV-{year}-0001", f"ADV-{year}-0002", f"ADV-{year}-0003"]


@pytest.mark.django_db
def test_a_new_year_starts_again_at_0001(monkeypatch):
    author = officer()
    december, january = draft(author), draft(author)
    ReferenceCounter.objects.create(year=2025, last=41)
    monkeypatch.setattr(timezone, "now", lambda: timezone.make_aware(datetime(2025, 12, 31, 12, 0)))
    assert issue(december, user=author).reference == "ADV-2025-0042"
    monkeypatch.setattr(timezone, "now", lambda: timezone.make_aware(datetime(2026, 1, 1, 9, 0)))
    assert issue(january, user=author).reference == "ADV-2026-0001"


@pytest.mark.django_db(transaction=True)
def test_two_officers_issuing_at_the_same_moment_get_consecutive_references():
    first, second = officer("first"), officer("second")
    drafts = [draft(first) for _ in range(6)]
    barrier = threading.Barrier(2)
    failures = []

    def issue_half(user, records):
        try:
            barrier.wait()
            for record in records:
                issue(record, user=user)
        except Exception as error:  # the test reports any failure, whatever its kind
            failures.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=issue_half, args=(first, drafts[0::2])),
        threading.Thread(target=issue_half, args=(second, drafts[1::2])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
    year = timezone.localdate().year
    references = sorted(AdviceRecord.objects.values_list("reference", flat=True))
    assert references == [f"ADV-{year}-{number:04d}" for number in range(1, 7)]
    assert ReferenceCounter.objects.get(year=year).last == 6
