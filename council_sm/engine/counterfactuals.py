"""The smallest changes of answer that would move the official-capacity band."""

from __future__ import annotations

from itertools import combinations

from .answers import Answers
from .casebook import Casebook, FactorIndex
from .result import Counterfactual
from .scoring import band_for_score, score_from_logit


def _steps(entry: FactorIndex, old: str, new: str) -> int:
    """Return how many distinct weight levels lie between two answers on one factor."""
    levels = sorted(set(entry.weights.values()))
    return abs(levels.index(entry.weights[old]) - levels.index(entry.weights[new]))


def find_counterfactuals(
    casebook: Casebook, answers: Answers, logit: float, band: str
) -> tuple[Counterfactual, ...]:
    """Return up to the casebook's limit of band-moving changes: single answers first; pairs only
    when no single change moves the band. Per factor (or pair), the fewest steps win; among equals,
    the largest move in score is shown first."""
    entries = [entry for entry in casebook.index if entry.span > 0]
    alternatives: list[tuple[FactorIndex, str, float, int]] = []
    for entry in entries:
        current = answers.token(entry.key)
        for token in entry.weights:
            if token != current:
                delta = entry.contribution[token] - entry.contribution[current]
                alternatives.append((entry, token, delta, _steps(entry, current, token)))
    scoring = casebook.scoring
    limit = scoring.max_counterfactuals
    for size in (1, 2):
        best: dict[tuple[tuple[str, ...], str], tuple[int, float, dict[str, str], int]] = {}
        for combo in combinations(alternatives, size):
            keys = tuple(item[0].key for item in combo)
            if len(set(keys)) < size:
                continue
            delta = sum(item[2] for item in combo)
            score = score_from_logit(logit + delta)
            new_band = band_for_score(score, scoring)
            if new_band == band:
                continue
            steps = sum(item[3] for item in combo)
            candidate = (steps, -abs(delta), {item[0].key: item[1] for item in combo}, score)
            slot = (keys, new_band)
            if slot not in best or candidate[:2] < best[slot][:2]:
                best[slot] = candidate
        if best:
            ranked = sorted(best.items(), key=lambda item: item[1][:2])
            return tuple(
                Counterfactual(change=change, band=new_band, score=score)
                for (_, new_band), (_, _, change, score) in ranked[:limit]
            )
    return ()
