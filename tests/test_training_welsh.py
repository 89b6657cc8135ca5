"""Training in Welsh: every training page under /cy/ holds no English, neither interface
strings nor the scenarios' own texts, for the quiz, a participant and the trainer at every
stage of a session."""

import html
import re

import pytest

from .test_welsh_pages import ENGLISH
from .training import FIRST, act, fixture_records, start, trainer_client

pytestmark = pytest.mark.django_db

SCENARIO_ENGLISH = {
    text
    for record in fixture_records()
    for text in (record["title"], record["text"], record["teaching_point"], *record["discussion"])
}


def visible_text(response) -> str:
    """The text a reader sees: a page's body, or the whole of a fragment."""
    content = response.content.decode()
    body = content.split("<body", 1)[1] if "<body" in content else content
    body = re.sub(r"<script.*?</script>|<[^>]+>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(body))


def assert_welsh(response) -> None:
    assert response.status_code in (200, 400), response.status_code
    text = visible_text(response)
    found = sorted(phrase for phrase in ENGLISH | SCENARIO_ENGLISH if phrase in text)
    assert found == [], found[:5]


def test_the_quiz_in_welsh_holds_no_english(client):
    assert_welsh(client.get("/cy/training/"))
    assert_welsh(client.get(f"/cy/training/scenarios/{FIRST}/"))
    assert_welsh(client.post(f"/cy/training/scenarios/{FIRST}/", {}))  # the error state
    client.post(f"/cy/training/scenarios/{FIRST}/", {"capacity": "yes", "paragraphs": ["none"]})
    assert_welsh(client.get(f"/cy/training/scenarios/{FIRST}/answer/"))
    assert_welsh(client.get("/cy/training/score/"))


def test_a_session_in_welsh_holds_no_english_on_the_screen_or_the_phone(client):
    trainer = trainer_client()
    assert_welsh(trainer.get("/cy/training/sessions/"))
    assert_welsh(trainer.post("/cy/training/sessions/", {}))
    session = start(trainer, lang="cy")
    assert_welsh(client.get("/cy/training/join/"))
    assert_welsh(client.post("/cy/training/join/", {"code": "ACDEFG"}))
    client.post("/cy/training/join/", {"code": session.code})
    screen = f"/cy/training/sessions/{session.pk}/"
    assert_welsh(trainer.get(screen))
    assert_welsh(client.get("/cy/training/live/"))
    act(trainer, session, "start")
    assert_welsh(client.get("/cy/training/live/"))
    client.post("/cy/training/live/vote/", {"scenario": FIRST, "answer": "unsure"})
    assert_welsh(client.get("/cy/training/live/"))
    for stage in ("reveal_votes", "reveal_outcome"):
        act(trainer, session, stage)
        assert_welsh(trainer.get(screen))
        assert_welsh(trainer.get(screen + "panel/"))
        assert_welsh(client.get("/cy/training/live/"))
    act(trainer, session, "end")
    assert_welsh(trainer.get(screen))
    assert_welsh(client.get("/cy/training/live/"))
