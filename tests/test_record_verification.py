"""A record verifies only as issued: changed data, changed text, a changed stored copy or a
forged code all fail; a purged stored copy or a changed ruleset are reported, not fatal."""

import io

import pytest
from django.core.management import call_command

from council_sm.assessments.models import SavedAssessment
from council_sm.caselaw import models as caselaw
from council_sm.caselaw.services import publish_casebook
from council_sm.records.verification import verify_pdf, verify_reference

from .records import issue_record, rewrite

pytestmark = pytest.mark.django_db


def checks(outcome):
    return {check.name: check.passed for check in outcome.checks}


def test_an_issued_record_is_genuine():
    saved, pdf = issue_record()
    outcome = verify_pdf(pdf)
    assert outcome.genuine, outcome.lines()
    assert outcome.reference == saved.reference
    assert set(checks(outcome).values()) == {True}


@pytest.mark.parametrize(
    "change",
    [
        {"result.json": lambda data: data["official_capacity"].update(band="unlikely")},
        {"answers.json": lambda data: data.update(uses_council_resources=True)},
        {"answers.json": lambda data: data.update(description="Something else entirely")},
        {"record.json": lambda data: data.update(created_at="2020-01-01T00:00:00+00:00")},
        {"record.json": lambda data: data.update(verification_code="AAAA-BBBB-CCCC-DDDD")},
    ],
    ids=["band", "answer", "description", "date", "forged-code"],
)
def test_changed_embedded_data_fails(change):
    _, pdf = issue_record()
    outcome = verify_pdf(rewrite(pdf, attachment_changes=change))
    assert not outcome.genuine
    assert checks(outcome)["Verification code"] is False


def test_changed_pages_fail_even_with_the_data_intact():
    _, pdf = issue_record()
    outcome = verify_pdf(rewrite(pdf, drop_last_page=True))
    assert not outcome.genuine
    assert checks(outcome)["Visible content"] is False
    assert checks(outcome)["Verification code"] is True


def test_a_changed_stored_copy_fails():
    saved, pdf = issue_record()
    SavedAssessment.objects.filter(pk=saved.pk).update(language="cy", result={"tampered": True})
    outcome = verify_pdf(pdf)
    assert not outcome.genuine
    assert checks(outcome)["Stored copy"] is False


def test_a_record_whose_stored_copy_was_purged_still_verifies_by_its_code():
    saved, pdf = issue_record()
    saved.delete()
    outcome = verify_pdf(pdf)
    assert outcome.genuine
    assert checks(outcome)["Stored copy"] is None


def test_a_changed_ruleset_is_reported_and_the_record_still_verifies_under_its_own():
    _, pdf = issue_record()
    value = caselaw.FactorValue.objects.get(factor_id="audience", token="public")
    value.weight = 1.5
    value.save()
    publish_casebook(by="test")
    outcome = verify_pdf(pdf)
    assert outcome.genuine
    assert any("factors: changed audience" in line for line in outcome.ruleset_changes)


def test_a_file_that_is_not_a_pdf_is_refused_with_a_reason():
    outcome = verify_pdf(b"hello, I am not a PDF")
    assert not outcome.genuine
    assert "not a PDF" in outcome.problem


def test_a_pdf_that_is_not_a_record_is_refused_with_a_reason():
    from pypdf import PdfWriter

    out = io.BytesIO()
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.write(out)
    outcome = verify_pdf(out.getvalue())
    assert not outcome.genuine
    assert "not a record" in outcome.problem


def test_a_damaged_pdf_is_refused_without_an_error():
    outcome = verify_pdf(b"%PDF-1.7\n" + b"\x00garbage" * 1000)
    assert not outcome.genuine
    assert outcome.problem


def test_too_many_pages_are_refused(settings):
    settings.RECORD_UPLOAD_MAX_PAGES = 2
    _, pdf = issue_record()
    outcome = verify_pdf(pdf)
    assert not outcome.genuine
    assert "at most 2" in outcome.problem


def test_the_reference_and_code_check_reveals_only_what_the_record_shows():
    saved, _ = issue_record()
    good = verify_reference(saved.reference.lower(), saved.verification_code.replace("-", " "))
    assert good.genuine
    bad = verify_reference(saved.reference, "AAAA-BBBB-CCCC-DDDD")
    assert not bad.genuine
    assert bad.checks == ()


def test_verify_record_exits_0_only_for_a_genuine_record(tmp_path, capsys):
    _, pdf = issue_record()
    good, bad = tmp_path / "good.pdf", tmp_path / "bad.pdf"
    good.write_bytes(pdf)
    bad.write_bytes(rewrite(pdf, drop_last_page=True))
    call_command("verify_record", str(good))
    assert capsys.readouterr().out.startswith("GENUINE")
    with pytest.raises(SystemExit) as exit_info:
        call_command("verify_record", str(bad))
    assert exit_info.value.code == 1
    assert capsys.readouterr().err.startswith("NOT GENUINE")
    with pytest.raises(SystemExit) as exit_info:
        call_command("verify_record", str(tmp_path / "missing.pdf"))
    assert exit_info.value.code == 2
