"""Getting a record: the result page's link, `manage.py assess --pdf`, the public /verify/
page, and a rendering failure that loses nothing."""

import io
import json

import pytest
from django.core.management import call_command

from council_sm.assessments.models import SavedAssessment
from council_sm.records import views as record_views
from council_sm.records.pdf import RenderingFailed, extract_text

from .records import DESCRIPTION, RECORD_ANSWERS, attachments, issue_record
from .wizard import complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def result_url(client):
    done = client.get(complete(client, RECORD_ANSWERS)["Location"])
    return done["Location"]


def test_the_result_page_links_to_the_record_which_includes_the_session_s_description(
    client, result_url
):
    page = client.get(result_url).content.decode()
    assert "record.pdf" in page and "Download your record" in page
    response = client.get(result_url + "record.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    saved = SavedAssessment.objects.get()
    assert f'filename="{saved.reference}.pdf"' in response["Content-Disposition"]
    assert attachments(response.content)["answers.json"]["description"] == DESCRIPTION


def test_another_browser_gets_the_record_without_the_description(client, result_url):
    from django.test import Client

    response = Client().get(result_url + "record.pdf")
    assert response.status_code == 200
    assert "description" not in attachments(response.content)["answers.json"]


def test_a_rendering_failure_keeps_the_record_and_a_retry_works(client, result_url, monkeypatch):
    real = record_views.render_record_pdf
    calls = []

    def fail_once(document):
        calls.append(document.reference)
        if len(calls) == 1:
            raise RenderingFailed("simulated failure")
        return real(document)

    monkeypatch.setattr(record_views, "render_record_pdf", fail_once)
    failed = client.get(result_url + "record.pdf")
    assert failed.status_code == 503
    assert "Try downloading the record again" in failed.content.decode()
    assert SavedAssessment.objects.count() == 1
    retried = client.get(result_url + "record.pdf")
    assert retried.status_code == 200
    assert retried.content.startswith(b"%PDF-")


def test_assess_with_pdf_writes_the_same_kind_of_record(tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(RECORD_ANSWERS))
    target = tmp_path / "record.pdf"
    out, err = io.StringIO(), io.StringIO()
    call_command("assess", "--answers", str(answers), "--pdf", str(target), stdout=out, stderr=err)
    saved = SavedAssessment.objects.get()
    files = attachments(target.read_bytes())
    assert files["result.json"] == json.loads(out.getvalue()) == saved.result
    assert saved.reference in extract_text(target.read_bytes())
    assert saved.reference in err.getvalue()


def test_assess_with_pdf_leaves_no_partial_file_when_the_disk_is_full(tmp_path, monkeypatch):
    import council_sm.records.pdf as pdf_module

    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(RECORD_ANSWERS))
    target = tmp_path / "record.pdf"

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf_module.os, "fsync", full_disk)
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("assess", "--answers", str(answers), "--pdf", str(target), stderr=err)
    assert exit_info.value.code == 1
    assert "No space left on device" in err.getvalue()
    assert list(tmp_path.iterdir()) == [answers]
    assert SavedAssessment.objects.count() == 1


def test_the_verify_page_checks_an_upload(client):
    saved, pdf = issue_record()
    upload = io.BytesIO(pdf)
    upload.name = "record.pdf"
    response = client.post("/verify/", {"record": upload})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-genuine="true"' in html and saved.reference in html


def test_the_verify_page_checks_a_reference_and_code(client):
    saved, _ = issue_record()
    good = client.post("/verify/", {"reference": saved.reference, "code": saved.verification_code})
    assert 'data-genuine="true"' in good.content.decode()
    bad = client.post("/verify/", {"reference": saved.reference, "code": "AAAA-BBBB-CCCC-DDDD"})
    assert 'data-genuine="false"' in bad.content.decode()
    assert saved.result["official_capacity"]["band"] not in bad.content.decode().split("<main")[1]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Upload the record, or enter its reference and verification code"),
        ({"reference": "SA-AAAA-BBBB"}, "Enter the verification code"),
        ({"record": ("notes.txt", b"just some text")}, "The file must be a PDF"),
    ],
    ids=["nothing", "reference-without-code", "not-a-pdf"],
)
def test_the_verify_page_explains_bad_input(client, data, message):
    if "record" in data:
        name, content = data["record"]
        upload = io.BytesIO(content)
        upload.name = name
        data = {"record": upload}
    response = client.post("/verify/", data)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_verify_page_refuses_an_oversized_upload(client, settings):
    settings.RECORD_UPLOAD_MAX_BYTES = 1000
    upload = io.BytesIO(b"%PDF-1.7\n" + b"0" * 2000)
    upload.name = "big.pdf"
    response = client.post("/verify/", {"record": upload})
    assert response.status_code == 400
    assert "smaller than" in response.content.decode()
