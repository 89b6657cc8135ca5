"""The shapes the API returns, for its OpenAPI document. Responses are built by the engine and
the caselaw service and returned as they are; these models describe them (and schemathesis
checks that they do). The answers schema is not here: it is generated from the engine's
ANSWER_KEYS (council_sm.engine.answers.answers_json_schema)."""

from __future__ import annotations

from typing import Literal

from ninja import Field, Schema

Band = Literal["likely", "borderline", "unlikely"]
AnswerValue = bool | str
ProfileValue = bool | str | list[str]


class Errors(Schema):
    """Every problem with a request, by the answer key (or "answers") at fault."""

    errors: dict[str, list[str]] = Field(
        examples=[{"account_type": ["expected one of council_provided, ...; got 'work'"]}]
    )


class Ruleset(Schema):
    version: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class FactorEffect(Schema):
    key: str
    answer: AnswerValue
    effect: Literal["towards", "away", "neutral", "uncertain"]
    points: float
    reason: str
    sources: list[str]


class PrecedentSupport(Schema):
    value: float
    official_share: float
    not_official_share: float
    points: float
    reason: str
    sources: list[str]


class OfficialCapacity(Schema):
    band: Band
    score: int = Field(ge=0, le=100)
    factors: list[FactorEffect]
    precedent_support: PrecedentSupport


class ParagraphFinding(Schema):
    paragraph: str
    duty: str
    applies: Literal["always", "official_capacity"]
    applies_here: bool
    engaged: bool
    uncertain: bool
    why: str
    reasons: list[str]
    sources: list[str]


class Precedent(Schema):
    case: str
    name: str
    citation: str
    similarity: float = Field(ge=0, le=1)
    official_capacity: bool
    breach: bool
    sanction: str
    shared: list[str]
    different: list[str]


class Counterfactual(Schema):
    change: dict[str, AnswerValue]
    band: Band
    score: int = Field(ge=0, le=100)


class Advice(Schema):
    id: str
    source: str
    text: str


class AssessmentResult(Schema):
    """The contract's result (docs/contract.md), exactly as `manage.py assess` prints it."""

    contract: Literal[1]
    regime: str
    official_capacity: OfficialCapacity
    paragraphs: list[ParagraphFinding]
    precedents: list[Precedent]
    counterfactuals: list[Counterfactual]
    advice: list[Advice]
    ruleset: Ruleset


class Trigger(Schema):
    key: str
    values: list[AnswerValue]
    reason: str


class Paragraph(Schema):
    paragraph: str
    duty: str
    applies: Literal["always", "official_capacity"]
    sources: list[str]
    triggers: list[Trigger]


class Regime(Schema):
    id: str
    name: str
    citation: str
    capacity_test: str
    sources: list[str]
    paragraphs: list[Paragraph]


class FactorValue(Schema):
    weight: float = Field(description="log-odds points towards official capacity")
    reason: str
    sources: list[str]


class Factor(Schema):
    key: str
    name: str
    direction: str
    sources: list[str]
    values: dict[str, FactorValue] = Field(description="by answer value")


class CaseOutcome(Schema):
    official_capacity: bool
    breach: bool
    paragraphs: list[str]
    sanction: str
    note: str


class CaseSource(Schema):
    title: str
    citation: str
    url: str
    account: str
    checked: bool
    note: str


class Case(Schema):
    id: str
    name: str
    authority: str
    tribunal: str
    citation: str
    year: int | None
    year_note: str
    jurisdiction: str
    summary: str
    profile: dict[str, ProfileValue]
    outcome: CaseOutcome
    sources: list[CaseSource]


class Authority(Schema):
    id: str
    title: str
    citation: str
    url: str
    sections: list[str]
    verified_on: str
    note: str


class Casebook(Schema):
    """The rules the engine applies: what GET /api/v1/casebook returns."""

    ruleset: Ruleset
    default_regime: Regime
    factors: list[Factor]
    cases: list[Case]
    authorities: list[Authority]
