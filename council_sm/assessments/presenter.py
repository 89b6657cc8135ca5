"""Turns an Assessment into display rows. The result page, the text summary of `manage.py
assess` and the PDF record all render this one view, so they never disagree."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
    citation: str

    @property
    def moves_result(self) -> bool:
        """Return True when this answer moved the score (or might, being unsure)."""
        return self.effect != "neutral"


@dataclass(frozen=True)
class ParagraphRow:
    paragraph: str
    duty: str
    applies_label: str
    status: str  # "at_risk", "uncertain", "no_risk" or "not_applying"
    status_label: str
    why: str
    reasons: tuple[str, ...]
    sources: tuple[str, ...]
    citation: str


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
    citation: str


@dataclass(frozen=True)
class ResultView:
    band: str
    band_label: str
    headline: str
    score: int
    regime_name: str
    capacity_test: str
    at_all_times: str
    answers: tuple[AnswerRow, ...]
    factors: tuple[FactorRow, ...]
    precedent_reason: str
    paragraphs: tuple[ParagraphRow, ...]
    precedents: tuple[PrecedentRow, ...]
    counterfactuals: tuple[CounterfactualRow, ...]
    advice: tuple[AdviceRow, ...]
    ruleset_version: str
    ruleset_sha256: str

    @property
    def moving_factors(self) -> tuple[FactorRow, ...]:
        return tuple(row for row in self.factors if row.moves_result)

    @property
    def neutral_factors(self) -> tuple[FactorRow, ...]:
        return tuple(row for row in self.factors if not row.moves_result)


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


def _source_names(result: Mapping[str, Any], casebook: Casebook | None) -> dict[str, str]:
    """Return display names for the case and authority ids that sources use."""
    names = {item["case"]: item.get("name", item["case"]) for item in result["precedents"]}
    if casebook:
        names.update({case.id: case.name for case in casebook.cases})
        names.update(
            {
                key: str(record["title"])
                for key, record in casebook.authorities.items()
                if " " not in key
            }
        )
    names.pop("guide", None)
    return names


# How a citation's authority and pinpoint words read in the active language.
CITATION_WORDS = {
    "guide": gettext_lazy("guide"),
    "SI 2008/788": gettext_lazy("SI 2008/788"),
    "ECHR art 10": gettext_lazy("ECHR art 10"),
    "para": gettext_lazy("para"),
    "App.": gettext_lazy("App."),
}


def cite_source(source: str, names: Mapping[str, str]) -> str:
    """Return one source as a reader sees it, in the active language: a case's name, or an
    authority and its pinpoint ('guide 3.1.2' is 'canllaw 3.1.2' in Welsh)."""
    if source in names:
        return names[source]
    for authority in ("guide", "SI 2008/788", "ECHR art 10"):
        if source == authority or source.startswith(authority + " "):
            pinpoint = source[len(authority) :]
            words = [str(CITATION_WORDS.get(word, word)) for word in pinpoint.split(" ")]
            return str(CITATION_WORDS[authority]) + " ".join(words)
    return source


def cite(sources: Any, names: Mapping[str, str]) -> str:
    """Return sources as a reader sees them: 'guide 3.1.2; Councillor Mullaney'."""
    return "; ".join(cite_source(source, names) for source in sources)


def _answer_rows(answers: Mapping[str, Any], regime_name: str) -> tuple[AnswerRow, ...]:
    return tuple(
        AnswerRow(
            spec.key,
            str(KEY_LABELS[spec.key]),
            regime_name if spec.key == "regime" else answer_label(spec.key, answers[spec.key]),
        )
        for spec in ANSWER_KEYS
        if spec.key in answers
        and (spec.key not in {"regime", "platform", "description"} or answers[spec.key])
    )


def _precedent_row(
    item: Mapping[str, Any], casebook: Casebook | None, labels: Mapping[str, str]
) -> PrecedentRow:
    case = (
        next((case for case in casebook.cases if case.id == item["case"]), None)
        if casebook
        else None
    )
    return PrecedentRow(
        case_id=item["case"],
        name=item.get("name", item["case"]),
        authority=case.authority if case else "",
        citation=item.get("citation", ""),
        year=case.year if case else None,
        summary=case.summary if case else "",
        similarity=item["similarity"],
        similarity_percent=round(100 * item["similarity"]),
        official_capacity=item["official_capacity"],
        outcome_label=(
            _("Official capacity found")
            if item["official_capacity"]
            else _("Official capacity not found")
        ),
        sanction=item["sanction"],
        shared=tuple(labels[key] for key in item["shared"]),
        different=tuple(labels[key] for key in item["different"]),
    )


def present_result(
    result: Mapping[str, Any],
    answers: Mapping[str, Any],
    casebook: Casebook | None,
    *,
    precedent_limit: int | None = None,
) -> ResultView:
    """Return the display view of a contract result and the answers it came from, in the
    active language. Works from the stored JSON, so an old record shows what was said then;
    the casebook, when it still holds the regime and cases, adds their names and summaries."""
    finding = result["official_capacity"]
    regime = casebook.regimes.get(result.get("regime", "")) if casebook else None
    names = _source_names(result, casebook)
    labels = {key: str(label) for key, label in KEY_LABELS.items()}
    precedents = result["precedents"][:precedent_limit] if precedent_limit else result["precedents"]
    return ResultView(
        band=finding["band"],
        band_label=str(BAND_LABELS[finding["band"]]),
        headline=str(BAND_HEADLINES[finding["band"]]),
        score=finding["score"],
        regime_name=regime.name if regime else result.get("regime", ""),
        capacity_test=regime.capacity_test if regime else "",
        at_all_times=regime.texts["at_all_times"] if regime else "",
        answers=_answer_rows(answers, regime.name if regime else answers.get("regime", "")),
        factors=tuple(
            FactorRow(
                key=effect["key"],
                question=labels[effect["key"]],
                answer=answer_label(effect["key"], effect["answer"]),
                effect=effect["effect"],
                effect_label=str(EFFECT_LABELS[effect["effect"]]),
                points=effect.get("points", 0.0),
                reason=effect["reason"],
                sources=tuple(effect["sources"]),
                citation=cite(effect["sources"], names),
            )
            for effect in finding["factors"]
        ),
        precedent_reason=finding.get("precedent_support", {}).get("reason", ""),
        paragraphs=tuple(
            ParagraphRow(
                paragraph=item["paragraph"],
                duty=item.get("duty", ""),
                applies_label=str(APPLIES_LABELS[item["applies"]]),
                status=(
                    status := _paragraph_status(
                        item["engaged"],
                        item.get("uncertain", False),
                        item.get("applies_here", item["applies"] == "always"),
                    )
                ),
                status_label=_status_label(status),
                why=item["why"],
                reasons=tuple(item.get("reasons", ())),
                sources=tuple(item["sources"]),
                citation=cite(item["sources"], names),
            )
            for item in result["paragraphs"]
        ),
        precedents=tuple(_precedent_row(item, casebook, labels) for item in precedents),
        counterfactuals=tuple(
            CounterfactualRow(
                changes=tuple(
                    AnswerRow(key, str(KEY_LABELS[key]), answer_label(key, value))
                    for key, value in item["change"].items()
                ),
                band=item["band"],
                band_label=str(BAND_LABELS[item["band"]]),
                score=item.get("score", 0),
            )
            for item in result["counterfactuals"]
        ),
        advice=tuple(
            AdviceRow(
                source=item["source"], text=item["text"], citation=cite([item["source"]], names)
            )
            for item in result["advice"]
        ),
        ruleset_version=result["ruleset"]["version"],
        ruleset_sha256=result["ruleset"]["sha256"],
    )


def present_assessment(
    assessment: Assessment, casebook: Casebook, *, precedent_limit: int | None = None
) -> ResultView:
    """Return the display view of a fresh engine assessment."""
    return present_result(
        assessment.to_contract(),
        assessment.answers.to_contract(),
        casebook,
        precedent_limit=precedent_limit,
    )
