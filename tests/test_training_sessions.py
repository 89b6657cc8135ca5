"""Facilitated sessions: a trainer starts one and gets a short join code; participants join
without an account; one vote per participant per scenario, a new vote replacing the old;
votes rate-limited in the database; codes expire and nobody joins or votes after the end; the
trainer moves on without skipping a scenario by a double click."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from council_sm.training.models import Participant, TrainingSession, Vote
from council_sm.training.services import (
    JOIN_ALPHABET,
    VoteRefused,
    advance,
    cast_vote,
    participant_for,
    tally,
)

from .training import FIRST, SECOND, act, participant, start, trainer_client, vote

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer():
    return trainer_client()


@pytest.fixture
def session(trainer):
    return start(trainer)


def test_starting_gives_a_six_character_code_without_ambiguous_characters(trainer):
    codes = {start(trainer).code for _ in range(25)}
    assert len(codes) == 25
    for code in codes:
        assert len(code) == 6 and set(code) <= set(JOIN_ALPHABET)
    assert not set("01IOLSZB258") & set(JOIN_ALPHABET)


def test_the_session_keeps_the_chosen_scenarios_in_order_and_waits_to_start(trainer):
    session = start(trainer, scenarios=(SECOND, FIRST))
    assert session.scenario_ids == [SECOND, FIRST]
    assert session.stage == TrainingSession.Stage.LOBBY
    assert session.expires_at - session.created_at == timedelta(hours=4)
    html = trainer.get(f"/training/sessions/{session.pk}/").content.decode()
    assert session.code in html and f"/training/sessions/{session.pk}/qr.svg" in html


def test_starting_without_a_scenario_is_refused_with_the_error(trainer):
    response = trainer.post("/training/sessions/", {})
    assert response.status_code == 400
    assert "Select at least one scenario" in response.content.decode()
    assert not TrainingSession.objects.exists()


def test_a_participant_joins_without_an_account_and_keeps_an_anonymous_token(session):
    client = Client()
    response = client.post(
        "/training/join/", {"code": f" {session.code[:3].lower()} {session.code[3:]} "}
    )
    assert response.status_code == 302 and response["Location"] == "/training/live/"
    stored = client.session["training_participant"]
    assert stored["session"] == session.pk
    assert Participant.objects.get(session=session).token == stored["token"]
    assert "_auth_user_id" not in client.session
    assert "You have joined" in client.get("/training/live/").content.decode()


def test_joining_twice_from_one_browser_counts_once(session):
    client = participant(session)
    client.post("/training/join/", {"code": session.code})
    assert session.participants.count() == 1


def test_the_qr_code_opens_the_join_page_with_the_code(trainer, session):
    import io

    import segno

    response = trainer.get(f"/training/sessions/{session.pk}/qr.svg")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    expected = io.BytesIO()
    segno.make(f"http://testserver/training/join/?code={session.code}", error="m").save(
        expected,
        kind="svg",
        scale=8,
        border=4,
        xmldecl=False,
        title="QR code to join the training session",
    )
    assert response.content == expected.getvalue()
    assert (
        Client()
        .get(f"/training/join/?code={session.code}")
        .content.decode()
        .count(f'value="{session.code}"')
        == 1
    )


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "Enter the code shown on the screen"),
        ("ABC", "The code is 6 letters and numbers"),
        ("OOOOOO", "The code is 6 letters and numbers"),
        ("ACDEFG", "There is no session with that code"),
    ],
)
def test_a_wrong_code_is_refused_with_the_reason(code, message):
    response = Client().post("/training/join/", {"code": code})
    assert response.status_code == 400
    assert message in response.content.decode()


def test_one_vote_per_participant_per_scenario_and_a_new_vote_replaces_the_old(trainer, session):
    act(trainer, session, "start")
    alys, bryn = participant(session), participant(session)
    counted = vote(alys, FIRST, "yes")
    assert counted.status_code == 302 and counted["Location"] == "/training/live/?voted=1"
    assert "Your vote has been counted" in alys.get(counted["Location"]).content.decode()
    assert "Your vote has been counted" not in alys.get("/training/live/").content.decode()
    assert vote(bryn, FIRST, "no").status_code == 302
    assert vote(alys, FIRST, "unsure").status_code == 302
    assert Vote.objects.filter(session=session).count() == 2
    assert tally(session, FIRST).yes == 0
    assert (tally(session, FIRST).no, tally(session, FIRST).unsure) == (1, 1)
    assert "Your vote: Not sure" in alys.get("/training/live/").content.decode()


def test_the_database_itself_refuses_a_second_vote_row(trainer, session):
    act(trainer, session, "start")
    participant(session)
    person = Participant.objects.get(session=session)
    Vote.objects.create(
        session=session, participant=person, scenario_id=FIRST, answer="yes", cast_at=timezone.now()
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(
            session=session,
            participant=person,
            scenario_id=FIRST,
            answer="no",
            cast_at=timezone.now(),
        )


def test_votes_are_rate_limited_per_participant_per_minute(trainer, session, settings):
    settings.TRAINING_VOTES_PER_MINUTE = 3
    act(trainer, session, "start")
    alys, bryn = participant(session), participant(session)
    for answer in ("yes", "no", "yes"):
        assert vote(alys, FIRST, answer).status_code == 302
    refused = vote(alys, FIRST, "unsure")
    assert refused.status_code == 429
    assert "You have voted a lot in the last minute" in refused.content.decode()
    assert tally(session, FIRST).yes == 1  # the refused vote changed nothing
    assert vote(bryn, FIRST, "no").status_code == 302  # the limit is per participant
    Participant.objects.filter(token=alys.session["training_participant"]["token"]).update(
        window_started_at=timezone.now() - timedelta(seconds=61)
    )
    assert vote(alys, FIRST, "unsure").status_code == 302
    assert tally(session, FIRST).unsure == 1


def test_the_rate_limit_is_kept_in_the_database_not_in_the_process(trainer, session, settings):
    settings.TRAINING_VOTES_PER_MINUTE = 2
    act(trainer, session, "start")
    alys = participant(session)
    token = alys.session["training_participant"]["token"]
    cast_vote(participant_for(token), scenario_id=FIRST, answer="yes")
    cast_vote(participant_for(token), scenario_id=FIRST, answer="no")
    assert Participant.objects.get(token=token).window_votes == 2
    with pytest.raises(VoteRefused) as refusal:
        cast_vote(participant_for(token), scenario_id=FIRST, answer="yes")
    assert refusal.value.reason == "rate_limited"


def test_an_expired_code_lets_nobody_join_or_vote(trainer, session):
    act(trainer, session, "start")
    alys = participant(session)
    TrainingSession.objects.filter(pk=session.pk).update(expires_at=timezone.now())
    response = Client().post("/training/join/", {"code": session.code})
    assert response.status_code == 400 and "That code has expired" in response.content.decode()
    assert vote(alys, FIRST, "yes").status_code == 302
    assert not Vote.objects.exists()
    assert "This training session has closed" in alys.get("/training/live/").content.decode()
    screen = trainer.get(f"/training/sessions/{session.pk}/").content.decode()
    assert "This join code has expired" in screen


def test_the_join_code_lifetime_is_a_setting(trainer, settings):
    settings.TRAINING_JOIN_CODE_HOURS = 1.5
    session = start(trainer)
    assert session.expires_at - session.created_at == timedelta(hours=1.5)


def test_nobody_joins_or_votes_after_the_session_ends(trainer, session):
    act(trainer, session, "start")
    alys = participant(session)
    act(trainer, session, "end")
    response = Client().post("/training/join/", {"code": session.code})
    assert response.status_code == 400 and "That session has ended" in response.content.decode()
    vote(alys, FIRST, "yes")
    assert not Vote.objects.exists()
    assert "The session has ended" in alys.get("/training/live/").content.decode()


def test_votes_count_only_for_the_scenario_on_the_screen_until_the_outcome(trainer, session):
    alys = participant(session)
    vote(alys, FIRST, "yes")  # not started yet
    act(trainer, session, "start")
    vote(alys, SECOND, "yes")  # not the current scenario
    assert not Vote.objects.exists()
    act(trainer, session, "reveal_votes")
    assert vote(alys, FIRST, "no").status_code == 302  # late votes still count
    act(trainer, session, "reveal_outcome")
    vote(alys, FIRST, "yes")
    assert tally(session, FIRST).no == 1 and tally(session, FIRST).yes == 0


def test_the_trainer_moves_through_the_scenarios_in_order(trainer, session):
    session = act(trainer, session, "start")
    assert (session.stage, session.current_scenario_id) == ("question", FIRST)
    assert act(trainer, session, "reveal_votes").stage == "votes"
    assert act(trainer, session, "reveal_outcome").stage == "outcome"
    session = act(trainer, session, "next")
    assert (session.stage, session.current_scenario_id) == ("question", SECOND)
    assert act(trainer, session, "next").current_scenario_id == SECOND  # no further to go
    session = act(trainer, session, "end")
    assert session.stage == "ended" and session.ended_at is not None
    assert session.covered_ids == [FIRST, SECOND]


def test_an_action_sent_twice_does_not_skip_a_scenario(trainer):
    session = start(trainer, scenarios=(FIRST, SECOND, "a-journalists-own-journal"))
    act(trainer, session, "start")
    stale = session.revision
    advance(session.pk, "next", revision=stale)
    advance(session.pk, "next", revision=stale)  # the double click
    session.refresh_from_db()
    assert session.current_scenario_id == SECOND


def test_an_unknown_action_is_a_friendly_400(trainer, session):
    response = trainer.post(f"/training/sessions/{session.pk}/action/", {"action": "explode"})
    assert response.status_code == 400
    assert "Traceback" not in response.content.decode()


def test_the_screen_shows_the_count_then_the_chart_with_a_table(trainer, session):
    act(trainer, session, "start")
    vote(participant(session), FIRST, "yes")
    vote(participant(session), FIRST, "no")
    vote(participant(session), FIRST, "yes")
    panel = trainer.get(f"/training/sessions/{session.pk}/panel/").content.decode()
    assert "Votes so far: 3" in panel and "<svg" not in panel  # no chart before the reveal
    assert "People who have joined: 3" in panel
    act(trainer, session, "reveal_votes")
    panel = trainer.get(f"/training/sessions/{session.pk}/panel/").content.decode()
    assert 'role="img"' in panel and "Yes: 2 (67%); No: 1 (33%); Not sure: 0 (0%)" in panel
    assert "How the room voted (votes cast: 3)" in panel  # the table, the text alternative
    assert "style=" not in panel


def test_the_outcome_reaches_the_screen_and_the_phones(trainer, session):
    act(trainer, session, "start")
    alys = participant(session)
    act(trainer, session, "reveal_outcome")
    for html in (
        trainer.get(f"/training/sessions/{session.pk}/").content.decode(),
        alys.get("/training/live/").content.decode(),
    ):
        assert "What was decided" in html and "Councillor Mullaney" in html
        assert "Points for discussion" in html


def test_a_participant_s_state_changes_only_when_their_screen_should(trainer, session):
    alys = participant(session)
    states = [alys.get("/training/live/state/").json()["state"]]
    for action in ("start", "reveal_votes", "reveal_outcome", "next", "end"):
        act(trainer, session, action)
        states.append(alys.get("/training/live/state/").json()["state"])
    assert states[1] == states[2]  # showing the votes does not reload a phone mid-answer
    assert len(set(states)) == 5
    assert Client().get("/training/live/state/").json() == {"state": "gone"}


def test_refresh_links_reload_the_page_rather_than_jump_within_it(trainer, session):
    """A link to the same page with a #fragment only scrolls; without JavaScript the Refresh
    links must fetch the page again."""
    import re

    act(trainer, session, "start")
    alys = participant(session)
    act(trainer, session, "reveal_votes")
    for html in (
        trainer.get(f"/training/sessions/{session.pk}/").content.decode(),
        alys.get("/training/live/").content.decode(),
    ):
        links = re.findall(r'<a class="govuk-link" href="([^"]*)">Refresh</a>', html)
        assert links and all("#" not in link for link in links), links
