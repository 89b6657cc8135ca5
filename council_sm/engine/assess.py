"""The engine's single entry point: answers and a casebook in, an explained assessment out."""

from __future__ import annotations

from .answers import Answers, InvalidAnswers, Problem
from .casebook import Casebook
from .counterfactuals import find_counterfactuals
from .paragraphs import assess_paragraphs, select_advice
from .precedents import rank_precedents
from .result import Assessment
from .scoring import assess_capacity


def assess(answers: Answers, casebook: Casebook) -> Assessment:
    """Return the assessment of validated answers against a casebook. Pure: the same inputs
    always give the same result."""
    regime = casebook.regimes.get(answers.regime)
    if regime is None:
        raise InvalidAnswers([Problem("regime", f"{answers.regime!r} is not in this casebook")])
    finding, logit = assess_capacity(casebook, answers)
    return Assessment(
        answers=answers,
        regime=regime.id,
        official_capacity=finding,
        paragraphs=assess_paragraphs(regime, answers, finding.band),
        precedents=rank_precedents(casebook, answers),
        counterfactuals=find_counterfactuals(casebook, answers, logit, finding.band),
        advice=select_advice(casebook, answers),
        ruleset_version=casebook.version,
        ruleset_sha256=casebook.sha256,
    )
