"""Facilitated training sessions: starting one, joining with a code, moving through the
scenarios, voting (one vote per participant per scenario, rate-limited in the database),
tallies, ending and purging. Every state change is a database write, so any app process can
serve any request and a restart loses nothing."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.utils import timezone

from council_sm.records.signing import new_reference

from .models import Participant, Scenario, TrainingSession, Vote

# No 0/O, 1/I/L, 5/S, 2/Z or 8/B: codes are read off a screen across a room and typed on phones.
JOIN_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
JOIN_CODE_LENGTH = 6
ACTIONS = ("start", "reveal_votes", "reveal_outcome", "next", "end")


class CannotJoin(Exception):
    """Raised when a code does not lead to a session that may be joined; `reason` is one of
    "unknown", "ended" or "expired"."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


class VoteRefused(Exception):
    """Raised when a vote cannot be counted; `reason` is one of "unknown_participant",
    "closed", "not_current" or "rate_limited"."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


def normalise_code(text: str) -> str:
    """Return a typed code as stored: upper case, without spaces or hyphens."""
    return "".join(character for character in text.upper() if character.isalnum())


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def start_session(*, user, scenario_ids: list[str], language: str) -> TrainingSession:
    """Start a session with the chosen scenarios (in the library's order) and return it, with
    a fresh join code that works for TRAINING_JOIN_CODE_HOURS."""
    known = list(Scenario.objects.filter(id__in=scenario_ids).values_list("id", flat=True))
    ordered = [scenario_id for scenario_id in scenario_ids if scenario_id in known]
    if not ordered:
        raise ValueError("choose at least one scenario")
    now = timezone.now()
    for _attempt in range(20):
        try:
            with transaction.atomic():
                return TrainingSession.objects.create(
                    reference=new_reference("TS"),
                    code=new_join_code(),
                    started_by=user,
                    language=language,
                    scenario_ids=ordered,
                    created_at=now,
                    expires_at=now + timedelta(hours=settings.TRAINING_JOIN_CODE_HOURS),
                )
        except IntegrityError:  # a code (or reference) already in use: draw another
            continue
    raise RuntimeError("no free join code found in 20 attempts")


def session_for_code(code: str) -> TrainingSession:
    """Return the session a code opens for joining, or raise CannotJoin saying why not."""
    session = TrainingSession.objects.filter(code=normalise_code(code)).first()
    if session is None:
        raise CannotJoin("unknown")
    if session.ended_at is not None:
        raise CannotJoin("ended")
    if timezone.now() >= session.expires_at:
        raise CannotJoin("expired")
    return session


def join(session: TrainingSession, *, token: str | None = None) -> Participant:
    """Return the participant for a browser: the one its token names in this session, or a
    new anonymous one. Joining twice from one browser counts once."""
    if token:
        existing = Participant.objects.filter(session=session, token=token).first()
        if existing is not None:
            return existing
    now = timezone.now()
    return Participant.objects.create(
        session=session,
        token=secrets.token_urlsafe(32),
        joined_at=now,
        window_started_at=now,
    )


def participant_for(token: str | None) -> Participant | None:
    if not token:
        return None
    return Participant.objects.select_related("session").filter(token=token).first()


def _take_vote_allowance(participant_id: int) -> bool:
    """Count one vote against a participant's allowance for the current minute, in the
    database: each statement is a single conditional UPDATE, so concurrent requests from any
    number of processes cannot both take the last vote of a window."""
    now = timezone.now()
    window_start = now - timedelta(minutes=1)
    limit = settings.TRAINING_VOTES_PER_MINUTE
    in_window = Participant.objects.filter(
        pk=participant_id, window_started_at__gt=window_start, window_votes__lt=limit
    ).update(window_votes=F("window_votes") + 1)
    if in_window:
        return True
    fresh_window = Participant.objects.filter(
        pk=participant_id, window_started_at__lte=window_start
    ).update(window_started_at=now, window_votes=1)
    return bool(fresh_window)


def cast_vote(participant: Participant | None, *, scenario_id: str, answer: str) -> None:
    """Record a participant's vote on the scenario now being discussed, replacing any earlier
    vote of theirs on it. Raises VoteRefused saying why a vote cannot count."""
    if answer not in Vote.Answer.values:
        raise ValueError(f"unknown answer {answer!r}")
    if participant is None:
        raise VoteRefused("unknown_participant")
    session = participant.session
    if not session.is_open:
        raise VoteRefused("closed")
    if session.current_scenario_id != scenario_id or session.stage not in (
        TrainingSession.Stage.QUESTION,
        TrainingSession.Stage.VOTES,
    ):
        raise VoteRefused("not_current")
    with transaction.atomic():
        if not _take_vote_allowance(participant.pk):
            raise VoteRefused("rate_limited")
        # One statement: INSERT ... ON CONFLICT (participant, scenario) DO UPDATE.
        Vote.objects.bulk_create(
            [
                Vote(
                    session=session,
                    participant=participant,
                    scenario_id=scenario_id,
                    answer=answer,
                    cast_at=timezone.now(),
                )
            ],
            update_conflicts=True,
            unique_fields=["participant", "scenario_id"],
            update_fields=["answer", "cast_at"],
        )


def current_vote(participant: Participant, scenario_id: str | None) -> str | None:
    if scenario_id is None:
        return None
    return (
        Vote.objects.filter(participant=participant, scenario_id=scenario_id)
        .values_list("answer", flat=True)
        .first()
    )


@dataclass(frozen=True)
class Tally:
    yes: int
    no: int
    unsure: int

    @property
    def total(self) -> int:
        return self.yes + self.no + self.unsure

    def share(self, answer: str) -> int:
        """Return an answer's share of the votes, in whole per cent."""
        return round(100 * getattr(self, answer) / self.total) if self.total else 0

    @property
    def yes_percent(self) -> int:
        return self.share("yes")

    @property
    def no_percent(self) -> int:
        return self.share("no")

    @property
    def unsure_percent(self) -> int:
        return self.share("unsure")


def tally(session: TrainingSession, scenario_id: str) -> Tally:
    counts = dict(
        Vote.objects.filter(session=session, scenario_id=scenario_id)
        .values_list("answer")
        .annotate(count=Count("id"))
        .values_list("answer", "count")
    )
    return Tally(counts.get("yes", 0), counts.get("no", 0), counts.get("unsure", 0))


def tallies(session: TrainingSession) -> dict[str, Tally]:
    """Return the tally of every scenario in a session (one query)."""
    counts: dict[str, dict[str, int]] = {}
    for scenario_id, answer, count in (
        Vote.objects.filter(session=session)
        .values_list("scenario_id", "answer")
        .annotate(count=Count("id"))
        .values_list("scenario_id", "answer", "count")
    ):
        counts.setdefault(scenario_id, {})[answer] = count
    return {
        scenario_id: Tally(
            counts.get(scenario_id, {}).get("yes", 0),
            counts.get(scenario_id, {}).get("no", 0),
            counts.get(scenario_id, {}).get("unsure", 0),
        )
        for scenario_id in session.scenario_ids
    }


def attendance(session: TrainingSession) -> int:
    return session.participants.count()


@transaction.atomic
def advance(session_id: int, action: str, *, revision: int | None = None) -> TrainingSession:
    """Apply a trainer's action to a session and return it. The row is locked while it
    changes; an action sent for an older revision (a double click, a second tab) is ignored,
    so a scenario is never skipped by accident."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    session = TrainingSession.objects.select_for_update().get(pk=session_id)
    if revision is not None and revision != session.revision:
        return session
    stage = TrainingSession.Stage
    if session.stage == stage.ENDED:
        return session
    if action == "end":
        session.stage = stage.ENDED
        session.ended_at = timezone.now()
    elif action == "start" and session.stage == stage.LOBBY:
        session.stage, session.position, session.reached = stage.QUESTION, 0, 0
    elif action == "reveal_votes" and session.stage == stage.QUESTION:
        session.stage = stage.VOTES
    elif action == "reveal_outcome" and session.stage in (stage.QUESTION, stage.VOTES):
        session.stage = stage.OUTCOME
    elif action == "next" and session.stage != stage.LOBBY and not session.is_last:
        session.position += 1
        session.reached = max(session.reached, session.position)
        session.stage = stage.QUESTION
    else:
        return session
    session.revision += 1
    session.save()
    return session


def purge_training_sessions(*, older_than: timedelta) -> int:
    """Delete training sessions (with their participants and votes) started longer ago than
    the given age; return how many sessions went."""
    old = TrainingSession.objects.filter(created_at__lt=timezone.now() - older_than)
    count = old.count()
    old.delete()
    return count
