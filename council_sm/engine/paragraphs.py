"""Which paragraphs of the Code apply, which duties the answers put at risk, and which of the
guide's policy points to give."""

from __future__ import annotations

from .answers import Answers
from .casebook import AdviceRule, Casebook, Regime, Trigger
from .result import AdvicePoint, ParagraphFinding

BANDS_IN_CAPACITY = ("likely", "borderline")


def is_triggered(trigger: Trigger, answers: Answers) -> bool:
    """Return True when the answers hold one of the trigger's values."""
    if trigger.key == "content_risks":
        return any(risk in answers.content_risks for risk in trigger.values)
    return answers.token(trigger.key) in trigger.values


def is_uncertain(trigger: Trigger, answers: Answers) -> bool:
    """Return True when an "unsure" answer stands where a "true" would trigger."""
    return (
        trigger.key != "content_risks"
        and answers.token(trigger.key) == "unsure"
        and "true" in trigger.values
        and "unsure" not in trigger.values
    )


def assess_paragraphs(regime: Regime, answers: Answers, band: str) -> tuple[ParagraphFinding, ...]:
    """Return a finding for every paragraph of the regime, in the regime's order."""
    texts = regime.texts
    findings = []
    for paragraph in regime.paragraphs:
        applies_here = paragraph.applies == "always" or band in BANDS_IN_CAPACITY
        fired = [trigger for trigger in paragraph.triggers if is_triggered(trigger, answers)]
        doubtful = [trigger for trigger in paragraph.triggers if is_uncertain(trigger, answers)]
        if paragraph.applies == "always":
            parts = [texts["applies_always"]]
        elif applies_here:
            parts = [texts["applies_in_capacity"]]
        else:
            parts = [texts["not_applying"]]
        if fired:
            parts.append(texts["engaged"] if applies_here else texts["engaged_if_capacity"])
            parts.extend(trigger.reason for trigger in fired)
        elif doubtful:
            parts.append(texts["uncertain"])
            parts.extend(trigger.reason for trigger in doubtful)
        else:
            parts.append(texts["not_engaged"])
        findings.append(
            ParagraphFinding(
                paragraph=paragraph.paragraph,
                duty=paragraph.duty,
                applies=paragraph.applies,
                applies_here=applies_here,
                engaged=applies_here and bool(fired),
                uncertain=not fired and bool(doubtful),
                why=" ".join(parts),
                reasons=tuple(trigger.reason for trigger in (fired or doubtful)),
                sources=paragraph.sources,
            )
        )
    return tuple(findings)


def _is_called_for(rule: AdviceRule, answers: Answers) -> bool:
    return rule.always or any(is_triggered(trigger, answers) for trigger in rule.triggers)


def select_advice(casebook: Casebook, answers: Answers) -> tuple[AdvicePoint, ...]:
    """Return the guide's policy points the answers call for, in the casebook's order."""
    return tuple(
        AdvicePoint(id=rule.id, source=rule.source, text=rule.text)
        for rule in casebook.advice
        if _is_called_for(rule, answers)
    )
