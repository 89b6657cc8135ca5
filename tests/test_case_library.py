"""Officers add local decisions to the case library in the admin; publishing makes a new
ruleset version; existing records keep theirs and still verify."""

import pytest

from council_sm.caselaw import models as caselaw
from council_sm.caselaw.services import get_casebook
from council_sm.records.models import AdviceRecord, AuditEvent
from council_sm.records.verification import verify_pdf

from .officers import officer, record_form_data

pytestmark = pytest.mark.django_db

LOCAL_DECISION = {
    "id": "bridgend-2021",
    "name": "Bridgend Town Council member",
    "authority": "Bridgend Town Council",
    "tribunal": "Public Services Ombudsman for Wales",
    "citation": "202102372",
    "year": 2021,
    "year_note": "",
    "jurisdiction": "wales",
    "summary": (
        "A member's personal Facebook account carried content about council matters and her role."
    ),
    "profile": {
        "regime": "wales-2008",
        "account_type": "personal",
        "audience": "public",
        "prominence": "moderate",
        "self_identification": "once",
        "discusses_council_business": True,
        "uses_role_information": False,
        "concerns_authority_area": True,
        "acts_for_constituent": False,
        "seeks_council_action": False,
        "primarily_party_political": False,
        "uses_council_resources": False,
    },
    "profile_notes": {},
    "profile_notes_cy": {},
    "name_cy": "Aelod o Gyngor Tref Pen-y-bont ar Ogwr",
    "authority_cy": "Cyngor Tref Pen-y-bont ar Ogwr",
    "tribunal_cy": "Ombwdsmon Gwasanaethau Cyhoeddus Cymru",
    "citation_cy": "202102372",
    "year_note_cy": "",
    "summary_cy": (
        "Roedd cyfrif Facebook personol aelod yn cynnwys cynnwys am faterion y cyngor a'i rôl."
    ),
    "sanction_cy": "Heb ei gofnodi yma.",
    "outcome_note_cy": "Ffeithiau i'w gwirio cyn dibynnu arnynt.",
    "official_capacity": True,
    "breach": True,
    "paragraphs": [],
    "sanction": "Not recorded here.",
    "outcome_note": "Facts to verify before relying on them.",
    "sources": [
        {
            "title": "PSOW finding 202102372",
            "title_cy": "Canfyddiad OGCC 202102372",
            "account": "Official capacity engaged.",
            "account_cy": "Rhinwedd swyddogol yn berthnasol.",
            "checked": False,
        }
    ],
}


@pytest.fixture
def signed_in(client):
    client.force_login(officer())
    return client


def test_a_local_decision_waits_for_publishing_then_joins_the_casebook(signed_in):
    case = caselaw.Case(**LOCAL_DECISION)
    case.full_clean()
    case.save()
    assert "bridgend-2021" not in {c.id for c in get_casebook().cases}
    page = signed_in.get("/records/library/").content.decode()
    assert "cases: added bridgend-2021" in page
    signed_in.post("/records/library/", {"note": "Added a local Ombudsman finding"})
    casebook = get_casebook()
    assert "bridgend-2021" in {c.id for c in casebook.cases}
    assert AuditEvent.objects.filter(action="published", subject=casebook.version).exists()


def test_a_record_made_under_the_old_version_still_verifies(signed_in):
    signed_in.post("/records/new/", record_form_data())
    record = AdviceRecord.objects.get()
    signed_in.post(f"/records/{record.pk}/issue/")
    caselaw.Case(**LOCAL_DECISION).save()
    signed_in.post("/records/library/", {"note": "new case"})
    pdf = signed_in.get(f"/records/{record.pk}/record.pdf").content
    outcome = verify_pdf(pdf)
    assert outcome.genuine, outcome.lines()
    assert any("cases: added bridgend-2021" in line for line in outcome.ruleset_changes)


def test_publishing_nothing_new_says_so(signed_in):
    response = signed_in.post("/records/library/", {"note": ""}, follow=True)
    assert "Nothing has changed since the last version" in response.content.decode()


def test_an_invalid_working_copy_is_shown_and_not_published(signed_in):
    caselaw.Case.objects.filter(pk="mullaney").update(profile={"account_type": "work"})
    page = signed_in.get("/records/library/").content.decode()
    assert "cannot be published" in page
    version = get_casebook().version
    signed_in.post("/records/library/", {"note": "x"})
    assert get_casebook().version == version


def test_an_officer_can_add_a_case_in_the_admin(signed_in):
    response = signed_in.get("/admin/caselaw/case/add/")
    assert response.status_code == 200
    assert signed_in.get("/admin/auth/user/").status_code == 403
