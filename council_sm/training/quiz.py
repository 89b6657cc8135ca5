"""The self-paced quiz: answers live in the browser session (no account), one per scenario, and
are scored against the engine's assessment of the scenario's facts.

Scoring (docs/adr/0010): official capacity agrees when the answer is yes and the engine says
likely, no and it says unlikely, or anything when it says borderline (the engine itself says
only "may"); "not sure" agrees only with borderline. Paragraphs are scored one by one: each of
the regime's paragraphs agrees when the answer ticked it and the engine finds it at risk, or
left it and the engine does not."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib.sessions.backends.base import SessionBase

SESSION_KEY = "training_quiz"
CAPACITY_CHOICES = ("yes", "no", "unsure")


def capacity_agrees(answer: str, band: str) -> bool:
    """Return True when an official-capacity answer agrees with the engine's band."""
    if band == "borderline":
        return answer in CAPACITY_CHOICES
    return (band, answer) in {("likely", "yes"), ("unlikely", "no")}


def paragraphs_agreeing(
    chosen: Iterable[str], engaged: Iterable[str], paragraphs: Iterable[str]
) -> int:
    """Return how many of the regime's paragraphs were judged as the engine judged them."""
    chosen, engaged = set(chosen), set(engaged)
    return sum((paragraph in chosen) == (paragraph in engaged) for paragraph in paragraphs)


@dataclass(frozen=True)
class QuizAnswer:
    capacity: str
    paragraphs: tuple[str, ...]


def answers_in(session: SessionBase) -> dict[str, QuizAnswer]:
    """Return this browser's quiz answers by scenario id (ignoring anything malformed)."""
    stored = session.get(SESSION_KEY) or {}
    answers = {}
    for scenario_id, value in (stored.get("answers") or {}).items():
        if (
            isinstance(value, Mapping)
            and value.get("capacity") in CAPACITY_CHOICES
            and isinstance(value.get("paragraphs"), list)
        ):
            answers[scenario_id] = QuizAnswer(
                value["capacity"], tuple(str(item) for item in value["paragraphs"])
            )
    return answers


def record_answer(session: SessionBase, scenario_id: str, capacity: str, paragraphs: list[str]):
    """Keep (or replace) this browser's answer to a scenario."""
    stored: dict[str, Any] = dict(session.get(SESSION_KEY) or {})
    answers = dict(stored.get("answers") or {})
    answers[scenario_id] = {"capacity": capacity, "paragraphs": list(paragraphs)}
    session[SESSION_KEY] = {**stored, "answers": answers}


def restart(session: SessionBase) -> None:
    """Forget every quiz answer in this browser."""
    session.pop(SESSION_KEY, None)


@dataclass(frozen=True)
class ScoredAnswer:
    scenario_id: str
    title: str
    capacity: str
    band: str
    capacity_agrees: bool
    paragraphs_agreeing: int
    paragraph_count: int


@dataclass(frozen=True)
class QuizScore:
    rows: tuple[ScoredAnswer, ...]
    scenario_count: int

    @property
    def answered(self) -> int:
        return len(self.rows)

    @property
    def capacity_agreements(self) -> int:
        return sum(row.capacity_agrees for row in self.rows)

    @property
    def paragraph_agreements(self) -> int:
        return sum(row.paragraphs_agreeing for row in self.rows)

    @property
    def paragraph_decisions(self) -> int:
        return sum(row.paragraph_count for row in self.rows)


def score_answer(
    scenario_id: str, title: str, answer: QuizAnswer, band: str, engaged, paragraphs
) -> ScoredAnswer:
    paragraphs = tuple(paragraphs)
    return ScoredAnswer(
        scenario_id=scenario_id,
        title=title,
        capacity=answer.capacity,
        band=band,
        capacity_agrees=capacity_agrees(answer.capacity, band),
        paragraphs_agreeing=paragraphs_agreeing(answer.paragraphs, engaged, paragraphs),
        paragraph_count=len(paragraphs),
    )
