"""Turns an Assessment into display rows. The result page, the text summary of `manage.py
assess` and the PDF record all render this one view, so they never disagree."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from council_sm.engine import Assessment, Casebook
from council_sm.engine.answers import ANSWER_KEYS

from .labels import (
    APPLIES_LABELS,
    BAND_HEADLINES,
    BAND_LABELS,
    EFFECT_LABELS,
    KEY_LABELS,
    answer_label,
)


@dataclass(frozen=True)
class AnswerRow:
    key: str
    question: str
    answer: str


@dataclass(frozen=True)
class FactorRow:
    key: str
    question: str
    answer: str
    effect: str
    effect_label: str
    points: float
    reason: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ParagraphRow:
    paragraph: str
    duty: str
    applies_label: str
    status: str  # "at_risk", "uncertain", "no_risk" or "not_applying"
    status_label: str
    why: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PrecedentRow:
    case_id: str
    name: str
    authority: str
    citation: str
    year: int | None
    summary: str
    similarity: float
    similarity_percent: int
    official_capacity: bool
    outcome_label: str
    sanction: str
    shared: tuple[str, ...]
    different: tuple[str, ...]


@dataclass(frozen=True)
class CounterfactualRow:
    changes: tuple[AnswerRow, ...]
    band: str
    band_label: str
    score: int


@dataclass(frozen=True)
class AdviceRow:
    source: str
    text: str


@dataclass(frozen=True)
class ResultView:
    band: str
    band_label: str
    headline: str
    score: int
    regime_name: str
    capacity_test: str
    answers: tuple[AnswerRow, ...]
    factors: tuple[FactorRow, ...]
    precedent_reason: str
    paragraphs: tuple[ParagraphRow, ...]
    precedents: tuple[PrecedentRow, ...]
    counterfactuals: tuple[CounterfactualRow, ...]
    advice: tuple[AdviceRow, ...]
    ruleset_version: str
    ruleset_sha256: str


def _paragraph_status(engaged: bool, uncertain: bool, applies_here: bool) -> str:
    if engaged:
        return "at_risk"
    if uncertain and applies_here:
        return "uncertain"
    return "no_risk" if applies_here else "not_applying"


def _status_label(status: str) -> str:
    return {
        "at_risk": _("May be at risk"),
        "uncertain": _("May be at risk: you were not sure of an answer"),
        "no_risk": _("No risk found in your answers"),
        "not_applying": _("Applies only if you are seen as acting as a councillor"),
    }[status]


def _answer_rows(assessment: Assessment) -> tuple[AnswerRow, ...]:
    data = assessment.answers.to_contract()
    return tuple(
        AnswerRow(spec.key, str(KEY_LABELS[spec.key]), answer_label(spec.key, data[spec.key]))
        for spec in ANSWER_KEYS
        if spec.key not in {"regime", "platform", "description"} or data[spec.key]
    )


def present_assessment(
    assessment: Assessment, casebook: Casebook, *, precedent_limit: int | None = None
) -> ResultView:
    """Return the display view of an assessment, in the active language."""
    finding = assessment.official_capacity
    regime = casebook.regimes[assessment.regime]
    answers = assessment.answers.to_contract()
    precedents = (
        assessment.precedents[:precedent_limit] if precedent_limit else assessment.precedents
    )
    return ResultView(
        band=finding.band,
        band_label=str(BAND_LABELS[finding.band]),
        headline=str(BAND_HEADLINES[finding.band]),
        score=finding.score,
        regime_name=regime.name,
        capacity_test=regime.capacity_test,
        answers=_answer_rows(assessment),
        factors=tuple(
            FactorRow(
                key=effect.key,
                question=str(KEY_LABELS[effect.key]),
                answer=answer_label(effect.key, answers[effect.key]),
                effect=effect.effect,
                effect_label=str(EFFECT_LABELS[effect.effect]),
                points=effect.points,
                reason=effect.reason,
                sources=effect.sources,
            )
            for effect in finding.factors
        ),
        precedent_reason=finding.precedent_support.reason,
        paragraphs=tuple(
            ParagraphRow(
                paragraph=item.paragraph,
                duty=item.duty,
                applies_label=str(APPLIES_LABELS[item.applies]),
                status=(
                    status := _paragraph_status(item.engaged, item.uncertain, item.applies_here)
                ),
                status_label=_status_label(status),
                why=item.why,
                sources=item.sources,
            )
            for item in assessment.paragraphs
        ),
        precedents=tuple(
            PrecedentRow(
                case_id=item.case.id,
                name=item.case.name,
                authority=item.case.authority,
                citation=item.case.citation,
                year=item.case.year,
                summary=item.case.summary,
                similarity=item.similarity,
                similarity_percent=round(100 * item.similarity),
                official_capacity=item.case.outcome.official_capacity,
                outcome_label=(
                    _("Official capacity found")
                    if item.case.outcome.official_capacity
                    else _("Official capacity not found")
                ),
                sanction=item.case.outcome.sanction,
                shared=tuple(str(KEY_LABELS[key]) for key in item.shared),
                different=tuple(str(KEY_LABELS[key]) for key in item.different),
            )
            for item in precedents
        ),
        counterfactuals=tuple(
            CounterfactualRow(
                changes=tuple(
                    AnswerRow(
                        key,
                        str(KEY_LABELS[key]),
                        answer_label(key, {"true": True, "false": False}.get(value, value)),
                    )
                    for key, value in item.change.items()
                ),
                band=item.band,
                band_label=str(BAND_LABELS[item.band]),
                score=item.score,
            )
            for item in assessment.counterfactuals
        ),
        advice=tuple(AdviceRow(source=item.source, text=item.text) for item in assessment.advice),
        ruleset_version=assessment.ruleset_version,
        ruleset_sha256=assessment.ruleset_sha256,
    )
