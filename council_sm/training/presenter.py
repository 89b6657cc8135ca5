"""What a scenario teaches, ready to show: the engine's assessment of its facts (run now, in the
page's language, through the same service and presenter as the self-assessment), the decided
case's real outcome where there is one, the factors that decided it, the teaching point and the
points for discussion. The quiz feedback, the live session and the training record share it."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from council_sm.assessments.presenter import (
    FactorRow,
    ParagraphRow,
    _source_names,
    cite,
    present_assessment,
)
from council_sm.assessments.services import assess_answers
from council_sm.engine import Casebook

from .models import Scenario

# The factors shown as "what decided it": every answer that moved the score, largest first.
DECIDING_FACTORS = 6


@dataclass(frozen=True)
class CaseOutcome:
    """The decided case behind a scenario, revealed only after answering."""

    case_id: str
    name: str
    authority: str
    tribunal: str
    citation: str
    year: int | None
    summary: str
    official_capacity: bool
    capacity_label: str
    breach_label: str
    sanction: str
    note: str


@dataclass(frozen=True)
class ScenarioOutcome:
    scenario_id: str
    band: str
    band_label: str
    headline: str
    score: int
    regime_name: str
    at_all_times: str
    deciding_factors: tuple[FactorRow, ...]
    paragraphs: tuple[ParagraphRow, ...]
    engaged: frozenset[str]
    case: CaseOutcome | None
    teaching_point: str
    teaching_citation: str
    discussion: tuple[str, ...]
    ruleset_version: str

    @property
    def at_risk(self) -> tuple[ParagraphRow, ...]:
        return tuple(row for row in self.paragraphs if row.paragraph in self.engaged)

    @property
    def engine_agrees_with_case(self) -> bool | None:
        """Return whether the engine's band matches the real finding (None: no real case, or
        the engine says borderline, which agrees with neither and contradicts neither)."""
        if self.case is None or self.band == "borderline":
            return None
        return (self.band == "likely") == self.case.official_capacity


def _case_outcome(casebook: Casebook, case_id: str) -> CaseOutcome | None:
    case = next((case for case in casebook.cases if case.id == case_id), None)
    if case is None:
        return None
    outcome = case.outcome
    return CaseOutcome(
        case_id=case.id,
        name=case.name,
        authority=case.authority,
        tribunal=case.tribunal,
        citation=case.citation,
        year=case.year,
        summary=case.summary,
        official_capacity=outcome.official_capacity,
        capacity_label=(
            _("Official capacity found")
            if outcome.official_capacity
            else _("Official capacity not found")
        ),
        breach_label=_("Breach of the Code found") if outcome.breach else _("No breach found"),
        sanction=outcome.sanction,
        note=outcome.note,
    )


def scenario_outcome(scenario: Scenario, language: str | None = None) -> ScenarioOutcome:
    """Return the assessment and teaching of a scenario in a language (default: the active
    one). Raises InvalidAnswers or InvalidCasebook if the scenario or casebook cannot be used."""
    language = language or get_language()
    assessment, casebook = assess_answers(scenario.profile, language=language)
    view = present_assessment(assessment, casebook)
    names = _source_names(assessment.to_contract(), casebook)
    deciding = sorted(view.moving_factors, key=lambda row: abs(row.points), reverse=True)
    engaged = frozenset(item.paragraph for item in assessment.paragraphs if item.engaged)
    return ScenarioOutcome(
        scenario_id=scenario.id,
        band=view.band,
        band_label=view.band_label,
        headline=view.headline,
        score=view.score,
        regime_name=view.regime_name,
        at_all_times=view.at_all_times,
        deciding_factors=tuple(deciding[:DECIDING_FACTORS]),
        paragraphs=view.paragraphs,
        engaged=engaged,
        case=_case_outcome(casebook, scenario.case) if scenario.case else None,
        teaching_point=scenario.in_language("teaching_point", language),
        teaching_citation=cite(scenario.sources, names),
        discussion=tuple(scenario.in_language("discussion", language)),
        ruleset_version=view.ruleset_version,
    )
