"""Faults injected while an advice record is issued: the database locked by another
connection, the connection lost in the middle of the issuing transaction, the database gone
for the whole request. Each leaves no partial record and no gap in the references, tells the
officer in plain words, and a retry works. (WeasyPrint failing, the disk filling while a PDF
is written, two records issued at once and a session expiring mid-wizard are tested beside the
features they break: test_record_download, test_reference_numbers, test_wizard_bad_input.)"""

from __future__ import annotations

import contextlib
import html

import pytest
from django.db import OperationalError, connection, connections
from django.utils import timezone

from council_sm.records.models import AdviceRecord, AuditEvent, ReferenceCounter
from council_sm.records.services import LOCK_RETRIES, issue

from .officers import officer, record_form_data

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def signed_in(client):
    client.force_login(officer(first_name="Morgan", last_name="Price"))
    return client


@pytest.fixture
def draft(signed_in) -> AdviceRecord:
    response = signed_in.post("/records/new/", record_form_data())
    assert response.status_code == 302
    return AdviceRecord.objects.latest("pk")


@contextlib.contextmanager
def another_connection_holds_the_counter():
    """Open a second, real connection to the same database and hold a write lock on the
    reference counter until the block ends, as a long-running writer would."""
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            if other.vendor == "sqlite":
                cursor.execute("BEGIN IMMEDIATE")
                cursor.execute("UPDATE records_referencecounter SET last = last")
            else:
                cursor.execute("BEGIN")
                cursor.execute("LOCK TABLE records_referencecounter IN ACCESS EXCLUSIVE MODE")
        yield
    finally:
        with other.cursor() as cursor:
            cursor.execute("ROLLBACK")
        other.close()


def assert_nothing_was_issued(record: AdviceRecord) -> None:
    record.refresh_from_db()
    assert record.status == AdviceRecord.Status.DRAFT
    assert record.reference == ""
    assert record.verification_code == ""
    assert record.issued_at is None
    assert not ReferenceCounter.objects.filter(last__gt=0).exists()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.ISSUED).exists()


def issue_and_follow(client, record: AdviceRecord):
    return client.post(f"/records/{record.pk}/issue/", follow=True)


def assert_issued_first_of_the_year(client, record: AdviceRecord) -> None:
    response = issue_and_follow(client, record)
    record.refresh_from_db()
    year = timezone.localdate().year
    assert record.status == AdviceRecord.Status.ISSUED
    assert record.reference == f"ADV-{year}-0001"
    assert f"Issued as ADV-{year}-0001" in response.content.decode()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.ISSUED, record=record).count() == 1


def test_a_database_locked_by_another_writer_issues_nothing_and_a_retry_works(signed_in, draft):
    """A real lock held by a second connection. (On SQLite the test database is shared-cache
    memory, where a writer locks every table, the session's too, so this drives the service
    that the issue view calls; the view's handling of the same error is tested below.)"""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # as the production lock_timeout does, shorter
            cursor.execute("SET lock_timeout = '100ms'")
    author = draft.created_by
    with another_connection_holds_the_counter(), pytest.raises(OperationalError):
        issue(draft, user=author)
    assert_nothing_was_issued(draft)
    assert_issued_first_of_the_year(signed_in, draft)


class ConnectionLost:
    """An execute wrapper that fails a chosen statement as a dropped connection would, after
    the statements before it in the same transaction have run."""

    def __init__(self, sql_fragment: str, times: int):
        self.sql_fragment = sql_fragment
        self.times = times
        self.failed = 0

    def __call__(self, execute, sql, params, many, context):
        if self.sql_fragment in sql and self.failed < self.times:
            self.failed += 1
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)


def test_the_connection_lost_at_the_last_write_of_issuing_leaves_no_partial_record(
    signed_in, draft
):
    # The counter has been advanced and the record saved when the audit event fails.
    lost = ConnectionLost('INSERT INTO "records_auditevent"', times=99)
    with connection.execute_wrapper(lost):
        response = signed_in.post(f"/records/{draft.pk}/issue/")
    assert lost.failed == LOCK_RETRIES  # every attempt met the fault
    assert response.status_code == 302
    page = signed_in.get(response["Location"]).content.decode()
    assert "could not be issued just now. Nothing was changed; try again." in html.unescape(page)
    assert_nothing_was_issued(draft)
    assert_issued_first_of_the_year(signed_in, draft)


def test_a_connection_lost_once_is_retried_without_the_officer_noticing(signed_in, draft):
    lost = ConnectionLost('INSERT INTO "records_auditevent"', times=1)
    with connection.execute_wrapper(lost):
        assert_issued_first_of_the_year(signed_in, draft)
    assert lost.failed == 1
    assert ReferenceCounter.objects.get().last == 1


def test_a_database_gone_for_the_whole_request_gets_a_503_page_not_a_traceback(signed_in, draft):
    signed_in.raise_request_exception = False  # answer as the server would, not re-raise
    lost = ConnectionLost("", times=10_000)
    with connection.execute_wrapper(lost):
        response = signed_in.post(f"/records/{draft.pk}/issue/")
    assert response.status_code == 503
    page = response.content.decode()
    assert "Traceback" not in page
    assert "Nothing you sent has been saved" in html.unescape(page)
    assert response["Retry-After"]
    assert_nothing_was_issued(draft)
    assert_issued_first_of_the_year(signed_in, draft)


class ServerEndsTheConnection:
    """An execute wrapper that, once, has the PostgreSQL server terminate this connection just
    before a chosen statement, as a database restart or failover would."""

    def __init__(self, sql_fragment: str):
        self.sql_fragment = sql_fragment
        self.done = False

    def __call__(self, execute, sql, params, many, context):
        if self.sql_fragment in sql and not self.done:
            self.done = True
            pid = context["connection"].connection.info.backend_pid
            other = connections.create_connection("default")
            with other.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            other.close()
        return execute(sql, params, many, context)


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_the_server_ending_the_connection_mid_issue_is_survived_by_reconnecting(signed_in, draft):
    ended = ServerEndsTheConnection('INSERT INTO "records_auditevent"')
    with connection.execute_wrapper(ended):
        assert_issued_first_of_the_year(signed_in, draft)
    assert ended.done
    assert ReferenceCounter.objects.get().last == 1


def test_any_other_unexpected_error_is_the_plain_500_page(signed_in, draft):
    def broken(execute, sql, params, many, context):
        raise ValueError("a bug, not the database")

    signed_in.raise_request_exception = False
    with connection.execute_wrapper(broken):
        response = signed_in.get(f"/records/{draft.pk}/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in html.unescape(response.content.decode())
    assert "Retry-After" not in response
