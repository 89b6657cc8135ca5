"""Backup and restore: a round trip through backup_database and restore_database (SQLite's
backup API, or pg_dump and pg_restore on PostgreSQL) gives back every record, version, audit
event, ruleset and account exactly, and every PDF issued before the backup still verifies.
A file that is not a whole backup of this service is refused and changes nothing."""

from __future__ import annotations

import json
import sqlite3

import pytest
from django.contrib.auth.models import Group, User
from django.core import serializers
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from council_sm.assessments.models import SavedAssessment
from council_sm.caselaw import models as caselaw
from council_sm.caselaw.services import publish_casebook
from council_sm.records.backup import backup_migrations
from council_sm.records.models import AdviceRecord, AuditEvent, ReferenceCounter
from council_sm.records.verification import verify_pdf

from .officers import officer, record_form_data
from .records import issue_record

pytestmark = pytest.mark.django_db(transaction=True)

KEPT = (
    AdviceRecord,
    AuditEvent,
    ReferenceCounter,
    caselaw.RulesetSnapshot,
    SavedAssessment,
    User,
    Group,
)


def everything_kept() -> dict[str, list]:
    return {
        model._meta.label: json.loads(serializers.serialize("json", model.objects.order_by("pk")))
        for model in KEPT
    }


def run(command: str, *arguments: str, capsys) -> tuple[int, str, str]:
    try:
        call_command(command, *arguments)
        code = 0
    except SystemExit as exit_info:
        code = exit_info.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def stored_copy(pdf: bytes) -> bool | None:
    """Whether verification found the PDF's record among the stored copies, and equal."""
    (check,) = [check for check in verify_pdf(pdf).checks if check.name == "Stored copy"]
    return check.passed


@pytest.fixture
def records_in_use(client) -> list[bytes]:
    """An issued record, its issued correction, a draft, a self-assessment record and a
    second published ruleset; return the PDFs issued."""
    client.force_login(officer(first_name="Morgan", last_name="Price"))
    client.post("/records/new/", record_form_data())
    first = AdviceRecord.objects.latest("pk")
    client.post(f"/records/{first.pk}/issue/")
    client.post(f"/records/{first.pk}/correct/", {"reason": "The ward was wrong."})
    correction = AdviceRecord.objects.latest("pk")
    client.post(f"/records/{correction.pk}/edit/", record_form_data(member_ward="Llanidloes"))
    client.post(f"/records/{correction.pk}/issue/")
    client.post("/records/new/", record_form_data(member_name="Cllr Rhys Evans"))
    caselaw.FactorValue.objects.filter(factor_id="audience", token="public").update(weight=1.0)
    publish_casebook(by="test", note="audience weight")
    pdfs = [client.get(f"/records/{pk}/record.pdf").content for pk in (first.pk, correction.pk)]
    pdfs.append(issue_record()[1])
    assert AdviceRecord.objects.filter(status="issued").count() == 2
    assert all(verify_pdf(pdf).genuine for pdf in pdfs)
    return pdfs


def test_a_round_trip_gives_back_everything_and_every_pdf_still_verifies(
    records_in_use, tmp_path, capsys
):
    before = everything_kept()
    backup_file = tmp_path / "council_sm.backup"
    code, out, err = run("backup_database", str(backup_file), capsys=capsys)
    assert (code, err) == (0, "")
    assert out.startswith(f"Backed up to {backup_file}")

    call_command("flush", interactive=False, verbosity=0)  # the disaster
    assert everything_kept() != before
    # Advice records need their stored copy; a self-assessment one verifies by its code alone.
    assert [stored_copy(pdf) for pdf in records_in_use] == [False, False, None]

    code, out, err = run("restore_database", str(backup_file), "--no-input", capsys=capsys)
    assert (code, err) == (0, "")
    assert everything_kept() == before
    assert all(verify_pdf(pdf).genuine for pdf in records_in_use)
    assert [stored_copy(pdf) for pdf in records_in_use] == [True, True, True]


def test_the_migrations_a_backup_holds_are_read_back_exactly(tmp_path):
    path = tmp_path / "council_sm.backup"
    call_command("backup_database", str(path))
    applied = set(MigrationRecorder(connection).applied_migrations())
    assert ("records", "0001_initial") in applied
    assert backup_migrations(path) == applied


def test_a_backup_never_overwrites_and_leaves_nothing_when_it_cannot_write(tmp_path, capsys):
    existing = tmp_path / "old.backup"
    existing.write_bytes(b"last week's backup")
    code, _, err = run("backup_database", str(existing), capsys=capsys)
    assert code == 2
    assert err == f"{existing}: already exists; choose a new file name\n"
    assert existing.read_bytes() == b"last week's backup"
    code, _, err = run("backup_database", str(tmp_path / "missing" / "x.backup"), capsys=capsys)
    assert code == 2
    assert err == f"{tmp_path / 'missing'}: no such folder\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["old.backup"]


def not_ours(tmp_path):
    path = tmp_path / "other.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE django_migrations (app, name)")
    other.commit()
    other.close()
    return path, "not a council_sm backup (no records_advicerecord, caselaw_rulesetsnapshot)"


def newer(tmp_path):
    """A real backup of this database that says it has a migration this version lacks."""
    path = tmp_path / "newer.backup"
    call_command("backup_database", str(path))
    if connection.vendor == "postgresql":
        pytest.skip("editing a pg_dump archive is not practical; SQLite shows the check")
    edited = sqlite3.connect(path)
    edited.execute(
        "INSERT INTO django_migrations (app, name, applied) VALUES"
        " ('records', '0099_from_the_future', '2030-01-01')"
    )
    edited.commit()
    edited.close()
    return path, "made by a newer version of council_sm (migrations records.0099_from_the_future)"


def garbage(tmp_path):
    path = tmp_path / "garbage.backup"
    path.write_bytes(b"\x00not a database at all" * 100)
    postgres = connection.vendor == "postgresql"
    return path, "pg_restore failed" if postgres else "not an SQLite backup"


def missing(tmp_path):
    return tmp_path / "missing.backup", "no such file"


@pytest.mark.parametrize("make", [missing, garbage, not_ours, newer])
def test_a_file_that_is_not_a_usable_backup_is_refused_and_changes_nothing(make, tmp_path, capsys):
    if make is not_ours and connection.vendor == "postgresql":
        pytest.skip("an SQLite file is simply not a pg_dump archive: the garbage case shows it")
    officer()
    before = everything_kept()
    path, reason = make(tmp_path)
    capsys.readouterr()
    code, out, err = run("restore_database", str(path), "--no-input", capsys=capsys)
    assert code == 2
    assert out == ""
    assert err.startswith(f"{path}: {reason}") or err.startswith(reason)
    assert len(err.splitlines()) == 1
    assert everything_kept() == before


def test_restoring_asks_first_unless_told_not_to(tmp_path, capsys, monkeypatch):
    path = tmp_path / "ok.backup"
    call_command("backup_database", str(path))
    officer()
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    code, _, err = run("restore_database", str(path), capsys=capsys)
    assert code == 2
    assert err == "Nothing was changed.\n"
    assert User.objects.filter(username="officer").exists()
