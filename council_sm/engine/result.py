"""The result half of the assessment contract, as frozen values with one JSON form."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from .answers import CONTRACT_VERSION, Answers, token_to_json
from .casebook import Case


@dataclass(frozen=True, slots=True)
class FactorEffect:
    """How one answer moved the official-capacity score, and why."""

    key: str
    answer: str
    effect: str  # "towards", "away", "neutral" or "uncertain"
    points: float
    reason: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PrecedentSupport:
    """How the answers compare, factor by factor, with the cases decided each way."""

    value: float  # 0..1, the a fortiori support for official capacity
    official_share: float | None
    not_official_share: float | None
    points: float
    reason: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CapacityFinding:
    """The official-capacity band, its score and the effects that produced it."""

    band: str
    score: int
    factors: tuple[FactorEffect, ...]
    precedent_support: PrecedentSupport


@dataclass(frozen=True, slots=True)
class ParagraphFinding:
    """Whether one paragraph of the Code applies and whether the answers put its duty at risk."""

    paragraph: str
    duty: str
    applies: str  # "always" or "official_capacity"
    applies_here: bool
    engaged: bool
    uncertain: bool
    why: str
    reasons: tuple[str, ...]  # what puts the duty at risk, or could if an unsure answer is yes
    sources: tuple[str, ...]


class PrecedentComparison(NamedTuple):
    """A decided case set beside the answers. Shared and different keys are worked out when
    asked for, so ranking a large casebook stays cheap."""

    case: Case
    similarity: float
    answers: Answers
    keys: tuple[str, ...]

    @property
    def shared(self) -> tuple[str, ...]:
        """Return the factor keys on which the answers match the case."""
        profile = self.case.profile
        return tuple(key for key in self.keys if profile.token(key) == self.answers.token(key))

    @property
    def different(self) -> tuple[str, ...]:
        """Return the factor keys that distinguish the answers from the case."""
        profile = self.case.profile
        return tuple(key for key in self.keys if profile.token(key) != self.answers.token(key))


@dataclass(frozen=True, slots=True)
class Counterfactual:
    """A smallest change of answers that would move the band."""

    change: Mapping[str, str]
    band: str
    score: int


@dataclass(frozen=True, slots=True)
class AdvicePoint:
    """A policy point from the guide that the answers call for."""

    id: str
    source: str
    text: str


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything the engine concluded about one set of answers."""

    answers: Answers
    regime: str
    official_capacity: CapacityFinding
    paragraphs: tuple[ParagraphFinding, ...]
    precedents: Sequence[PrecedentComparison]
    counterfactuals: tuple[Counterfactual, ...]
    advice: tuple[AdvicePoint, ...]
    ruleset_version: str
    ruleset_sha256: str

    def to_contract(self) -> dict[str, Any]:
        """Return the result object of the contract (version 1, with extensions)."""
        finding = self.official_capacity
        support = finding.precedent_support
        return {
            "contract": CONTRACT_VERSION,
            "regime": self.regime,
            "official_capacity": {
                "band": finding.band,
                "score": finding.score,
                "factors": [
                    {
                        "key": effect.key,
                        "answer": token_to_json(effect.answer),
                        "effect": effect.effect,
                        "points": effect.points,
                        "reason": effect.reason,
                        "sources": list(effect.sources),
                    }
                    for effect in finding.factors
                ],
                "precedent_support": {
                    "value": support.value,
                    "official_share": support.official_share,
                    "not_official_share": support.not_official_share,
                    "points": support.points,
                    "reason": support.reason,
                    "sources": list(support.sources),
                },
            },
            "paragraphs": [
                {
                    "paragraph": item.paragraph,
                    "duty": item.duty,
                    "applies": item.applies,
                    "applies_here": item.applies_here,
                    "engaged": item.engaged,
                    "uncertain": item.uncertain,
                    "why": item.why,
                    "reasons": list(item.reasons),
                    "sources": list(item.sources),
                }
                for item in self.paragraphs
            ],
            "precedents": [
                {
                    "case": item.case.id,
                    "name": item.case.name,
                    "citation": item.case.citation,
                    "similarity": item.similarity,
                    "official_capacity": item.case.outcome.official_capacity,
                    "breach": item.case.outcome.breach,
                    "sanction": item.case.outcome.sanction,
                    "shared": list(item.shared),
                    "different": list(item.different),
                }
                for item in self.precedents
            ],
            "counterfactuals": [
                {
                    "change": {key: token_to_json(value) for key, value in item.change.items()},
                    "band": item.band,
                    "score": item.score,
                }
                for item in self.counterfactuals
            ],
            "advice": [
                {"id": item.id, "source": item.source, "text": item.text} for item in self.advice
            ],
            "ruleset": {"version": self.ruleset_version, "sha256": self.ruleset_sha256},
        }
