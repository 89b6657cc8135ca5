"""A monitoring officer's advice record: drafted with the engine's assessment, departing from
it only with reasons, issued with a reference and a verifiable PDF, fixed once issued, and
corrected by a new version that keeps the old one visible."""

import html
import re

import pytest

from council_sm.records.models import AdviceRecord
from council_sm.records.pdf import extract_text
from council_sm.records.verification import verify_pdf, verify_reference

from .officers import officer, record_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client):
    user = officer(first_name="Morgan", last_name="Price")
    client.force_login(user)
    return client


def create_draft(client, **changes) -> AdviceRecord:
    response = client.post("/records/new/", record_form_data(**changes))
    assert response.status_code == 302, response.content.decode()[:3000]
    return AdviceRecord.objects.latest("pk")


def test_a_draft_keeps_the_details_and_the_engine_s_assessment(signed_in):
    record = create_draft(signed_in)
    assert record.status == "draft" and record.reference == ""
    assert record.member_name == "Cllr Alys Jones"
    assert record.engine_band == "likely" and not record.departs_from_engine
    assert record.answers["content_risks"] == ["criticises_council"]
    assert record.ruleset_sha256 == record.result["ruleset"]["sha256"]
    page = signed_in.get(f"/records/{record.pk}/").content.decode()
    assert "Cllr Alys Jones" in page and 'data-band="likely"' in page


def test_departing_from_the_engine_needs_reasons(signed_in):
    response = signed_in.post("/records/new/", record_form_data(determination="unlikely"))
    assert response.status_code == 400
    assert "Give your reasons for departing from the engine" in html.unescape(
        response.content.decode()
    )
    record = create_draft(
        signed_in, determination="unlikely", departure_reasons="A private group of three friends."
    )
    assert record.departs_from_engine


def test_issuing_gives_a_yearly_reference_and_a_verification_code(signed_in):
    record = create_draft(signed_in)
    response = signed_in.post(f"/records/{record.pk}/issue/")
    assert response.status_code == 302
    record.refresh_from_db()
    assert re.fullmatch(r"ADV-\d{4}-0001", record.reference)
    assert record.status == "issued" and record.issued_at and record.verification_code
    assert verify_reference(record.reference, record.verification_code).genuine


def test_an_issued_record_cannot_be_edited_or_issued_again(signed_in):
    record = create_draft(signed_in)
    signed_in.post(f"/records/{record.pk}/issue/")
    before = AdviceRecord.objects.get(pk=record.pk).advice_given
    response = signed_in.post(f"/records/{record.pk}/edit/", record_form_data(advice_given="X"))
    assert response.status_code == 302
    signed_in.post(f"/records/{record.pk}/issue/")
    record.refresh_from_db()
    assert record.advice_given == before
    assert AdviceRecord.objects.filter(reference=record.reference).count() == 1


def test_the_issued_pdf_is_a_verifiable_advisory_record(signed_in):
    record = create_draft(signed_in, determination="unlikely", departure_reasons="Closed group.")
    signed_in.post(f"/records/{record.pk}/issue/")
    record.refresh_from_db()
    response = signed_in.get(f"/records/{record.pk}/record.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = re.sub(r"\s+", " ", extract_text(response.content))
    for words in (
        record.reference,
        "Cllr Alys Jones",
        "Closed group.",
        "Advice given",
        "Morgan Price",
    ):
        assert words in text
    assert verify_pdf(response.content).genuine


def test_a_correction_is_a_new_version_and_both_stay_on_record(signed_in):
    record = create_draft(signed_in)
    signed_in.post(f"/records/{record.pk}/issue/")
    response = signed_in.post(f"/records/{record.pk}/correct/", {"reason": "Wrong date."})
    correction = AdviceRecord.objects.get(supersedes=record)
    assert response["Location"] == f"/records/{correction.pk}/edit/"
    signed_in.post(f"/records/{correction.pk}/edit/", record_form_data(advice_date_0="4"))
    signed_in.post(f"/records/{correction.pk}/issue/")
    correction.refresh_from_db()
    record.refresh_from_db()
    assert (correction.reference, correction.version) == (record.reference, 2)
    assert correction.advice_date.day == 4 and record.advice_date.day == 3
    assert not record.is_latest and correction.is_latest
    page = signed_in.get(f"/records/{record.pk}/").content.decode()
    assert "Corrected by a later version" in page and "Version 2" in page


def test_only_the_latest_issued_version_can_be_corrected(signed_in):
    record = create_draft(signed_in)
    signed_in.post(f"/records/{record.pk}/correct/", {"reason": "Too early."})
    assert not AdviceRecord.objects.filter(supersedes=record).exists()
    signed_in.post(f"/records/{record.pk}/issue/")
    signed_in.post(f"/records/{record.pk}/correct/", {"reason": "First."})
    signed_in.post(f"/records/{record.pk}/correct/", {"reason": "Second."})
    assert AdviceRecord.objects.filter(series=record.series).count() == 2


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"member_name": ""}, "Enter the member's name"),
        ({"advice_date_0": "31", "advice_date_1": "2"}, "Enter a real date"),
        ({"advice_date_2": "2999"}, "must be today or in the past"),
        ({"audience": "everyone"}, "Select who can read the post"),
        ({"content_risks": ["names_staff", "none"]}, "not both"),
        ({"matter": "bad\x07bell"}, "Remove the unusual characters"),
        ({"matter": "bad\x00byte"}, "Null characters are not allowed"),
    ],
    ids=[
        "no-member",
        "impossible-date",
        "future-date",
        "unknown-choice",
        "risk-and-none",
        "control-character",
        "nul",
    ],
)
def test_bad_input_is_a_form_error_and_saves_nothing(signed_in, changes, message):
    response = signed_in.post("/records/new/", record_form_data(**changes))
    assert response.status_code == 400
    assert message in html.unescape(response.content.decode())
    assert AdviceRecord.objects.count() == 0


def test_a_council_provided_account_settles_resources_as_in_the_wizard(signed_in):
    record = create_draft(
        signed_in, account_type="council_provided", uses_council_resources="", profile_disclaimer=""
    )
    assert record.answers["uses_council_resources"] is True
    assert record.answers["profile_disclaimer"] is False
