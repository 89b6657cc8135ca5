"""A session's summary: what the room covered and how it voted, for the trainer's closing
screen and the training record. Names nobody."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language

from council_sm.engine import InvalidAnswers, InvalidCasebook

from .models import Scenario, TrainingSession
from .presenter import scenario_outcome
from .services import Tally, attendance, tallies


@dataclass(frozen=True)
class SummaryRow:
    number: int
    scenario_id: str
    title: str
    case_name: str
    case_citation: str
    band_label: str
    tally: Tally


@dataclass(frozen=True)
class SessionSummary:
    session: TrainingSession
    attendance: int
    rows: tuple[SummaryRow, ...]
    ruleset_version: str

    @property
    def votes(self) -> int:
        return sum(row.tally.total for row in self.rows)


def session_summary(session: TrainingSession, language: str | None = None) -> SessionSummary:
    """Return the scenarios a session covered, each with the engine's band, the decided case
    (if any) and the vote distribution, plus the attendance count."""
    language = language or get_language()
    scenarios = Scenario.objects.in_bulk(session.covered_ids)
    counts = tallies(session)
    rows = []
    version = ""
    for number, scenario_id in enumerate(session.covered_ids, start=1):
        scenario = scenarios.get(scenario_id)
        title, case_name, citation, band = scenario_id, "", "", ""
        if scenario is not None:
            title = scenario.in_language("title", language)
            try:
                outcome = scenario_outcome(scenario, language)
            except (InvalidAnswers, InvalidCasebook):
                outcome = None
            if outcome is not None:
                band, version = outcome.band_label, outcome.ruleset_version
                if outcome.case is not None:
                    case_name, citation = outcome.case.name, outcome.case.citation
        rows.append(
            SummaryRow(
                number=number,
                scenario_id=scenario_id,
                title=title,
                case_name=case_name,
                case_citation=citation,
                band_label=band,
                tally=counts.get(scenario_id, Tally(0, 0, 0)),
            )
        )
    return SessionSummary(
        session=session, attendance=attendance(session), rows=tuple(rows), ruleset_version=version
    )
