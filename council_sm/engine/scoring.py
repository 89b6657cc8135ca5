"""Official capacity: factor weights from the guide and the cases, plus a fortiori support from
the decided cases, combined on a logit scale into a score from 0 to 100 and a band."""

from __future__ import annotations

import math

from .answers import Answers
from .casebook import Casebook, Scoring
from .result import CapacityFinding, FactorEffect, PrecedentSupport

# The precedent-support reason cites the cases it compared; past this many it cites the first.
SUPPORT_SOURCES_SHOWN = 20


def band_for_score(score: int, scoring: Scoring) -> str:
    """Return the band ("likely", "borderline" or "unlikely") for a score."""
    if score >= scoring.likely_from:
        return "likely"
    if score >= scoring.borderline_from:
        return "borderline"
    return "unlikely"


def score_from_logit(logit: float) -> int:
    """Return the 0-100 score for a logit, rounded to a whole number."""
    return round(100 / (1 + math.exp(-logit)))


def capacity_logit(casebook: Casebook, tokens: dict[str, str]) -> float:
    """Return the logit for a full set of factor tokens (weights plus precedent share)."""
    return casebook.logit_constant + sum(
        entry.contribution[tokens[entry.key]] for entry in casebook.index
    )


def _effect(token: str, points: float) -> str:
    if token == "unsure":
        return "uncertain"
    if points > 0:
        return "towards"
    if points < 0:
        return "away"
    return "neutral"


def _precedent_support(casebook: Casebook, answers: Answers) -> PrecedentSupport:
    cases = casebook.cases
    official = sum(1 for case in cases if case.outcome.official_capacity)
    not_official = len(cases) - official
    texts = casebook.scoring.texts
    if not cases:
        return PrecedentSupport(0.5, None, None, 0.0, texts["no_precedents"], ())
    total_span = sum(entry.span for entry in casebook.index) or 1.0

    def share(counts: str, size: int) -> float | None:
        if not size:
            return None
        weighted = sum(
            entry.span * getattr(entry, counts)[answers.token(entry.key)]
            for entry in casebook.index
        )
        return weighted / (total_span * size)

    official_share = share("official_at_or_below", official)
    not_official_share = share("not_official_below", not_official)
    value = ((official_share or 0.0) * official + (not_official_share or 0.0) * not_official) / len(
        cases
    )
    points = casebook.scoring.precedent_weight * (2 * value - 1)
    reason = texts["precedent_support"].format(
        official_share=round(100 * (official_share or 0.0)),
        not_official_share=round(100 * (not_official_share or 0.0)),
        official=official,
        not_official=not_official,
    )
    return PrecedentSupport(
        value=round(value, 4),
        official_share=None if official_share is None else round(official_share, 4),
        not_official_share=None if not_official_share is None else round(not_official_share, 4),
        points=round(points, 2),
        reason=reason,
        sources=tuple(case.id for case in cases[:SUPPORT_SOURCES_SHOWN]),
    )


def assess_capacity(casebook: Casebook, answers: Answers) -> tuple[CapacityFinding, float]:
    """Return the official-capacity finding and the raw logit it was scored from."""
    effects = []
    unsure_text = casebook.scoring.texts["unsure"]
    for factor in casebook.factors:
        token = answers.token(factor.key)
        value = factor.values[token]
        reason = value.reason if token != "unsure" else f"{value.reason} {unsure_text}"
        effects.append(
            FactorEffect(
                key=factor.key,
                answer=token,
                effect=_effect(token, value.weight),
                points=round(value.weight, 2),
                reason=reason,
                sources=value.sources,
            )
        )
    tokens = {entry.key: answers.token(entry.key) for entry in casebook.index}
    logit = capacity_logit(casebook, tokens)
    score = score_from_logit(logit)
    finding = CapacityFinding(
        band=band_for_score(score, casebook.scoring),
        score=score,
        factors=tuple(effects),
        precedent_support=_precedent_support(casebook, answers),
    )
    return finding, logit
