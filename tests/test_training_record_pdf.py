"""Ending a session gives a training record for the committee's minutes: the date, the
scenarios covered, the vote distributions and the attendance count, and no names; a tagged
PDF/A-3a in the trainer's language, rendered without the network, the same bytes every time."""

import io
import json
import re

import pytest
from pypdf import PdfReader

from council_sm.records.pdf import extract_text
from council_sm.training.models import Participant
from council_sm.training.pdf import render_training_record

from .test_record_pdf import _structure_types
from .training import FIRST, SECOND, act, participant, start, trainer_client, vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def ended():
    trainer = trainer_client("tess-trainer")
    session = start(trainer, scenarios=(FIRST, SECOND, "a-journalists-own-journal"))
    act(trainer, session, "start")
    people = [participant(session) for _ in range(4)]
    for person, answer in zip(people, ("yes", "yes", "no", "unsure"), strict=True):
        vote(person, FIRST, answer)
    act(trainer, session, "reveal_outcome")
    act(trainer, session, "next")
    vote(people[0], SECOND, "no")
    vote(people[1], SECOND, "no")
    act(trainer, session, "end")  # the third scenario was never shown
    return trainer, session


def flat(pdf: bytes) -> str:
    return re.sub(r"\s+", " ", extract_text(pdf))


def test_the_record_gives_date_scenarios_votes_and_attendance(ended):
    trainer, session = ended
    response = trainer.get(f"/training/sessions/{session.pk}/record.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert f'filename="{session.reference}.pdf"' in response["Content-Disposition"]
    text = flat(response.content)
    assert "Standards committee training record" in text
    assert session.reference in text
    assert session.created_at.strftime("%-d %B %Y") in text
    assert "4 joined (no names are recorded)" in text
    assert "1. A video to push the planning department" in text
    assert "Decided case: Councillor Mullaney" in text
    assert "2 (50%) 1 (25%) 1 (25%) 4" in text
    assert "2. A joke in a private group" in text
    assert "0 (0%) 2 (100%) 0 (0%) 2" in text
    assert "journal" not in text.lower()  # not covered, not listed
    assert re.search(r"Page 1 of \d", text)


def test_the_record_names_nobody(ended):
    trainer, session = ended
    text = flat(trainer.get(f"/training/sessions/{session.pk}/record.pdf").content)
    assert "tess-trainer" not in text
    for token in Participant.objects.values_list("token", flat=True):
        assert token[:12] not in text


def test_the_record_is_in_the_trainer_s_language(ended):
    trainer, session = ended
    pdf = trainer.get(f"/cy/training/sessions/{session.pk}/record.pdf").content
    text = flat(pdf)
    assert "Cofnod hyfforddiant y pwyllgor safonau" in text
    assert "Fideo i wthio'r adran gynllunio" in text
    assert "Standards committee training record" not in text
    assert PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/Lang"] == "cy"


def test_the_record_is_tagged_pdf_a_3a_with_its_data_attached(ended):
    _, session = ended
    pdf = render_training_record(session, language="en")
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfaid:part="3"|<pdfaid:part>3</pdfaid:part>', xmp)
    assert re.search(r'pdfaid:conformance="A"|<pdfaid:conformance>A</pdfaid:conformance>', xmp)
    assert bool(root["/MarkInfo"]["/Marked"])
    assert {"/H1", "/H2", "/Table", "/TH", "/TD"} <= _structure_types(
        root["/StructTreeRoot"], set()
    )
    data = json.loads(reader.attachments["training.json"][0])
    assert data["attendance"] == 4
    assert [s["votes"] for s in data["scenarios"]] == [
        {"yes": 2, "no": 1, "unsure": 1},
        {"yes": 0, "no": 2, "unsure": 0},
    ]
    assert session.reference in reader.metadata.title


def test_the_same_session_renders_to_the_same_bytes(ended):
    _, session = ended
    assert render_training_record(session, language="en") == render_training_record(
        session, language="en"
    )


def test_there_is_no_record_until_the_session_ends():
    trainer = trainer_client()
    session = start(trainer)
    act(trainer, session, "start")
    assert trainer.get(f"/training/sessions/{session.pk}/record.pdf").status_code == 404


def test_a_rendering_failure_is_a_friendly_page(ended, monkeypatch):
    from council_sm.training import trainer_views
    from council_sm.training.pdf import RenderingFailed

    trainer, session = ended

    def fail(*args, **kwargs):
        raise RenderingFailed("disk full")

    monkeypatch.setattr(trainer_views, "render_training_record", fail)
    response = trainer.get(f"/training/sessions/{session.pk}/record.pdf")
    assert response.status_code == 503
    assert "the training record could not be made" in response.content.decode()


def test_the_ended_screen_summarises_and_offers_the_record(ended):
    trainer, session = ended
    html = trainer.get(f"/training/sessions/{session.pk}/").content.decode()
    assert "The session has ended" in html
    assert f"/training/sessions/{session.pk}/record.pdf" in html
    assert "4 joined (no names are recorded)" in html
    assert "training.js" not in html  # nothing left to refresh
