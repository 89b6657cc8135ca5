"""The casebook: factors with weights, decided cases with factor profiles, regimes with their
paragraphs, advice rules and scoring settings, built from plain data and validated on the way in.

`build_casebook` is the only way in. It checks every record and names the record and field at
fault, so a broken fixture is refused whole.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .answers import (
    CONTENT_RISKS,
    KEYS_BY_NAME,
    TOKEN_KEYS,
    InvalidAnswers,
    Problem,
    parse_answers,
)

APPLIES = ("always", "official_capacity")
CASE_ID = re.compile(r"^[a-z][a-z0-9_-]{1,63}$")
AUTHORITY_FIELDS = (
    "id",
    "title",
    "title_cy",
    "citation",
    "citation_cy",
    "url",
    "sections",
    "verified_on",
    "note",
    "note_cy",
)
CASE_FIELDS = (
    "name_cy",
    "authority_cy",
    "tribunal_cy",
    "citation_cy",
    "year_note_cy",
    "summary_cy",
    "profile_notes_cy",
    "id",
    "name",
    "authority",
    "tribunal",
    "citation",
    "year",
    "year_note",
    "jurisdiction",
    "summary",
    "profile",
    "profile_notes",
    "outcome",
    "sources",
)


class InvalidCasebook(ValueError):
    """Raised when casebook data is incomplete or inconsistent; lists every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(str(problem) for problem in self.problems))


@dataclass(frozen=True, slots=True)
class FactorValue:
    """What one answer value weighs and why."""

    token: str
    weight: float
    reason: str
    reason_cy: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Factor:
    """A factor the guide or the cases name, keyed by the answer it reads."""

    key: str
    name: str
    name_cy: str
    direction: str
    direction_cy: str
    sources: tuple[str, ...]
    values: Mapping[str, FactorValue]

    @property
    def span(self) -> float:
        """Return the distance between the factor's lowest and highest weight."""
        weights = [value.weight for value in self.values.values()]
        return max(weights) - min(weights)


@dataclass(frozen=True, slots=True)
class CaseOutcome:
    """What the tribunal or committee decided."""

    official_capacity: bool
    breach: bool
    paragraphs: tuple[str, ...]
    sanction: str
    sanction_cy: str
    note: str
    note_cy: str


@dataclass(frozen=True, slots=True)
class Case:
    """A decided case and its facts expressed in the contract's answer keys."""

    id: str
    name: str
    name_cy: str
    authority: str
    authority_cy: str
    tribunal: str
    tribunal_cy: str
    citation: str
    citation_cy: str
    year: int | None
    year_note: str
    year_note_cy: str
    jurisdiction: str
    summary: str
    summary_cy: str
    profile: Any  # Answers; typed loosely to keep this module free of a cycle in annotations
    profile_notes: Mapping[str, str]
    profile_notes_cy: Mapping[str, str]
    outcome: CaseOutcome
    sources: tuple[Mapping[str, Any], ...]


@dataclass(frozen=True, slots=True)
class Trigger:
    """An answer that puts a paragraph's duty at risk, with the reason shown when it does."""

    key: str  # "content_risks" or a token key
    values: tuple[str, ...]
    reason: str
    reason_cy: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of a Code of Conduct, its duty and when it applies."""

    paragraph: str
    duty: str
    duty_cy: str
    applies: str
    sources: tuple[str, ...]
    triggers: tuple[Trigger, ...]


@dataclass(frozen=True, slots=True)
class Regime:
    """A Code of Conduct: its paragraphs and the sentences used to explain them."""

    id: str
    name: str
    name_cy: str
    citation: str
    citation_cy: str
    capacity_test: str
    capacity_test_cy: str
    sources: tuple[str, ...]
    texts: Mapping[str, str]
    texts_cy: Mapping[str, str]
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class AdviceRule:
    """A policy point from the guide, given when any of its conditions holds."""

    id: str
    source: str
    text: str
    text_cy: str
    always: bool
    triggers: tuple[Trigger, ...]


@dataclass(frozen=True, slots=True)
class Scoring:
    """Named numbers of the scoring method (see docs/adr/0002)."""

    bias: float
    precedent_weight: float
    likely_from: int
    borderline_from: int
    max_counterfactuals: int
    texts: Mapping[str, str]
    texts_cy: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class FactorIndex:
    """Per-factor tables derived once from the cases, so one assessment costs O(factors + cases)."""

    key: str
    span: float
    weights: Mapping[str, float]
    # For each answer token: how many cases found official have a weight at or below it, and how
    # many cases not found official have a weight strictly below it (the a fortiori counts).
    official_at_or_below: Mapping[str, int]
    not_official_below: Mapping[str, int]
    case_weights: tuple[float, ...]  # the case's weight on this factor, in casebook order
    case_tokens: tuple[str, ...]
    # Logit points this factor adds for each token: its own weight plus its share of the
    # precedent term, which separates by factor (docs/adr/0002-scoring-method.md).
    contribution: Mapping[str, float]


@dataclass(frozen=True)
class Casebook:
    """Everything the engine needs, validated and indexed; immutable once built."""

    version: str
    factors: tuple[Factor, ...]
    cases: tuple[Case, ...]
    regimes: Mapping[str, Regime]
    advice: tuple[AdviceRule, ...]
    scoring: Scoring
    authorities: Mapping[str, Mapping[str, Any]]
    sha256: str
    index: tuple[FactorIndex, ...] = field(repr=False)
    logit_constant: float = 0.0
    _languages: dict[str, Casebook] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @property
    def capacity_factors(self) -> tuple[Factor, ...]:
        """Return the factors whose answer moves the score (a non-zero span)."""
        return tuple(factor for factor in self.factors if factor.span > 0)

    def case(self, case_id: str) -> Case:
        """Return the case with this id."""
        for case in self.cases:
            if case.id == case_id:
                return case
        raise KeyError(case_id)

    def knows_source(self, source: str) -> bool:
        """Return True when a citation names a case, an authority, or a known section of one
        ("guide 3.1.2"), as the casebook's own citations must (used by training scenarios)."""
        return _SourceCheck(self.authorities, {case.id for case in self.cases}).is_known(source)

    def in_language(self, language: str) -> Casebook:
        """Return the casebook with every text in a language ("cy" for Welsh, anything else
        for English). Weights, cases and the hash are the same; built once, then kept."""
        if language != "cy":
            return self
        if language not in self._languages:
            self._languages[language] = _in_welsh(self)
        return self._languages[language]

    def without_case(self, case_id: str) -> Casebook:
        """Return the casebook with one case left out, as when testing a prediction on it."""
        data = self.to_data()
        data["cases"] = [case for case in data["cases"] if case["id"] != case_id]
        return build_casebook(data, held_out=(case_id,))

    def to_data(self) -> dict[str, Any]:
        """Return the casebook as plain data in fixture form, normalised: the ruleset hash is
        taken over this, and the database stores exactly this."""
        return {
            "ruleset": {"version": self.version, "scoring": _scoring_data(self.scoring)},
            "authorities": [dict(self.authorities[key]) for key in sorted(self.authorities)],
            "factors": [_factor_data(factor) for factor in self.factors],
            "regimes": [_regime_data(self.regimes[key]) for key in self.regimes],
            "cases": [_case_data(case) for case in self.cases],
            "advice": [_advice_data(rule) for rule in self.advice],
        }


# Fields that hold no text: copied as they are when a casebook changes language.
_NOT_TEXT = frozenset({"index", "profile", "weight", "sha256", "version"})


def _in_welsh(value: Any) -> Any:
    """Return a value with every English text swapped for its Welsh partner (x for x_cy), in
    dataclasses and in plain mappings alike, recursively."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for item in dataclasses.fields(value):
            if not item.init or item.name.endswith("_cy") or item.name in _NOT_TEXT:
                continue
            partner = f"{item.name}_cy"
            if hasattr(value, partner):
                changes[item.name] = getattr(value, partner)
            else:
                changes[item.name] = _in_welsh(getattr(value, item.name))
        return dataclasses.replace(value, **changes)
    if isinstance(value, Mapping):
        return {
            key: item if key.endswith("_cy") or f"{key}_cy" not in value else value[f"{key}_cy"]
            for key, item in ((key, _in_welsh(item)) for key, item in value.items())
        }
    if isinstance(value, tuple):
        return tuple(_in_welsh(item) for item in value)
    return value


def _scoring_data(scoring: Scoring) -> dict[str, Any]:
    return {
        "bias": scoring.bias,
        "precedent_weight": scoring.precedent_weight,
        "likely_from": scoring.likely_from,
        "borderline_from": scoring.borderline_from,
        "max_counterfactuals": scoring.max_counterfactuals,
        "texts": dict(scoring.texts),
        "texts_cy": dict(scoring.texts_cy),
    }


def _factor_data(factor: Factor) -> dict[str, Any]:
    return {
        "key": factor.key,
        "name": factor.name,
        "name_cy": factor.name_cy,
        "direction": factor.direction,
        "direction_cy": factor.direction_cy,
        "sources": list(factor.sources),
        "values": {
            token: {
                "weight": value.weight,
                "reason": value.reason,
                "reason_cy": value.reason_cy,
                "sources": list(value.sources),
            }
            for token, value in factor.values.items()
        },
    }


def _trigger_data(trigger: Trigger) -> dict[str, Any]:
    return {
        "key": trigger.key,
        "values": list(trigger.values),
        "reason": trigger.reason,
        "reason_cy": trigger.reason_cy,
    }


def _regime_data(regime: Regime) -> dict[str, Any]:
    return {
        "id": regime.id,
        "name": regime.name,
        "name_cy": regime.name_cy,
        "citation": regime.citation,
        "citation_cy": regime.citation_cy,
        "capacity_test": regime.capacity_test,
        "capacity_test_cy": regime.capacity_test_cy,
        "sources": list(regime.sources),
        "texts": dict(regime.texts),
        "texts_cy": dict(regime.texts_cy),
        "paragraphs": [
            {
                "paragraph": paragraph.paragraph,
                "duty": paragraph.duty,
                "duty_cy": paragraph.duty_cy,
                "applies": paragraph.applies,
                "sources": list(paragraph.sources),
                "triggers": [_trigger_data(trigger) for trigger in paragraph.triggers],
            }
            for paragraph in regime.paragraphs
        ],
    }


def _case_data(case: Case) -> dict[str, Any]:
    return {
        "id": case.id,
        "name": case.name,
        "name_cy": case.name_cy,
        "authority": case.authority,
        "authority_cy": case.authority_cy,
        "tribunal": case.tribunal,
        "tribunal_cy": case.tribunal_cy,
        "citation": case.citation,
        "citation_cy": case.citation_cy,
        "year": case.year,
        "year_note": case.year_note,
        "year_note_cy": case.year_note_cy,
        "jurisdiction": case.jurisdiction,
        "summary": case.summary,
        "summary_cy": case.summary_cy,
        "profile": case.profile.to_contract(),
        "profile_notes": dict(case.profile_notes),
        "profile_notes_cy": dict(case.profile_notes_cy),
        "outcome": {
            "official_capacity": case.outcome.official_capacity,
            "breach": case.outcome.breach,
            "paragraphs": list(case.outcome.paragraphs),
            "sanction": case.outcome.sanction,
            "sanction_cy": case.outcome.sanction_cy,
            "note": case.outcome.note,
            "note_cy": case.outcome.note_cy,
        },
        "sources": [dict(source) for source in case.sources],
    }


def _advice_data(rule: AdviceRule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "source": rule.source,
        "text": rule.text,
        "text_cy": rule.text_cy,
        "always": rule.always,
        "triggers": [_trigger_data(trigger) for trigger in rule.triggers],
    }


def canonical_json(data: Any) -> bytes:
    """Return the one byte form of a JSON value that the ruleset hash is taken over."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


class _Checker:
    """Collects problems while reading raw data; each names its record and field."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, where: str, message: str) -> None:
        self.problems.append(Problem(where, message))

    def only(self, record: Mapping[str, Any], allowed: Iterable[str], where: str) -> None:
        unknown = sorted(set(record) - set(allowed))
        for name in unknown:
            self.add(f"{where}.{name}", "unknown field")

    def text(self, record: Mapping[str, Any], name: str, where: str, *, optional=False) -> str:
        value = record.get(name)
        if value is None and optional:
            return ""
        if not isinstance(value, str) or (not value.strip() and not optional):
            self.add(f"{where}.{name}", "expected non-empty text")
            return ""
        return value

    def texts_pair(
        self, record: Mapping[str, Any], name: str, where: str, *, optional=False
    ) -> tuple[str, str]:
        """Return an English text and its Welsh partner (name_cy); both must be given."""
        english = self.text(record, name, where, optional=optional)
        welsh = self.text(record, f"{name}_cy", where, optional=optional or not english)
        return english, welsh

    def mapping_pair(
        self, record: Mapping[str, Any], name: str, where: str, required: Iterable[str] = ()
    ) -> tuple[dict[str, str], dict[str, str]]:
        """Return a mapping of texts and its Welsh partner with the same keys, all non-empty."""
        english = record.get(name, {})
        welsh = record.get(f"{name}_cy", {})
        for label, value in ((name, english), (f"{name}_cy", welsh)):
            if not isinstance(value, Mapping):
                self.add(f"{where}.{label}", "expected an object")
                return {}, {}
        for key in sorted(set(english) | set(welsh) | set(required)):
            for label, value in ((name, english), (f"{name}_cy", welsh)):
                if not isinstance(value.get(key), str) or not value.get(key):
                    self.add(f"{where}.{label}.{key}", "expected non-empty text")
        return dict(english), dict(welsh)

    def number(self, record: Mapping[str, Any], name: str, where: str) -> float:
        value = record.get(name)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.add(f"{where}.{name}", "expected a number")
            return 0.0
        return float(value)

    def strings(self, record: Mapping[str, Any], name: str, where: str, *, empty_ok=False):
        value = record.get(name, [] if empty_ok else None)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.add(f"{where}.{name}", "expected a list of text")
            return ()
        if not value and not empty_ok:
            self.add(f"{where}.{name}", "expected at least one entry")
        return tuple(value)

    def mapping(self, record: Mapping[str, Any], name: str, where: str) -> Mapping[str, Any]:
        value = record.get(name)
        if not isinstance(value, Mapping):
            self.add(f"{where}.{name}", "expected an object")
            return {}
        return value

    def records(self, raw: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
        value = raw.get(name)
        if not isinstance(value, list) or not all(isinstance(item, Mapping) for item in value):
            self.add(name, "expected a list of objects")
            return []
        return value


class _SourceCheck:
    """Knows which citations are valid: a case id, an authority id, or an authority id followed
    by a pinpoint ("SI 2008/788 para 7(b)"); where an authority lists its sections ("guide"),
    the pinpoint must be one of them ("guide 3.1.2")."""

    def __init__(self, authorities: Mapping[str, Mapping[str, Any]], case_ids: set[str]):
        self.authorities = authorities
        self.case_ids = case_ids

    def is_known(self, source: str) -> bool:
        if source in self.case_ids or source in self.authorities:
            return True
        for authority_id, record in self.authorities.items():
            if source.startswith(authority_id + " "):
                pinpoint = source[len(authority_id) + 1 :]
                sections = record.get("sections")
                return pinpoint in sections if isinstance(sections, list) else bool(pinpoint)
        return False

    def check(self, checker: _Checker, sources: Sequence[str], where: str) -> None:
        for source in sources:
            if not self.is_known(source):
                checker.add(
                    where, f"cites {source!r}, which is not a known authority, section or case"
                )


def _read_authorities(checker: _Checker, raw: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    authorities: dict[str, Mapping[str, Any]] = {}
    for position, record in enumerate(checker.records(raw, "authorities")):
        where = f"authorities[{record.get('id', position)}]"
        checker.only(record, AUTHORITY_FIELDS, where)
        authority_id = checker.text(record, "id", where)
        checker.texts_pair(record, "title", where)
        if record.get("citation"):
            checker.texts_pair(record, "citation", where)
        if record.get("note"):
            checker.texts_pair(record, "note", where)
        checker.text(record, "verified_on", where)
        if authority_id in authorities:
            checker.add(f"{where}.id", "appears more than once")
        authorities[authority_id] = record
    if "guide" not in authorities:
        checker.add("authorities", "must include the guide (id 'guide') with its sections")
    return authorities


def _read_triggers(checker: _Checker, records: Any, where: str) -> tuple[Trigger, ...]:
    if not isinstance(records, list):
        checker.add(where, "expected a list of triggers")
        return ()
    triggers = []
    for position, record in enumerate(records):
        here = f"{where}[{position}]"
        if not isinstance(record, Mapping):
            checker.add(here, "expected an object")
            continue
        checker.only(record, ("key", "values", "reason", "reason_cy"), here)
        key = checker.text(record, "key", here)
        values = checker.strings(record, "values", here)
        reason, reason_cy = checker.texts_pair(record, "reason", here)
        if key == "content_risks":
            allowed: tuple[str, ...] = CONTENT_RISKS
        elif key in TOKEN_KEYS:
            allowed = KEYS_BY_NAME[key].choices
        else:
            checker.add(f"{here}.key", f"{key!r} is not an answer key that can trigger anything")
            allowed = ()
        for value in values:
            if allowed and value not in allowed:
                checker.add(f"{here}.values", f"{value!r} is not a value of {key}")
        triggers.append(Trigger(key=key, values=values, reason=reason, reason_cy=reason_cy))
    return tuple(triggers)


def _read_factors(checker: _Checker, raw: Mapping[str, Any], sources: _SourceCheck):
    factors = []
    seen: set[str] = set()
    for position, record in enumerate(checker.records(raw, "factors")):
        where = f"factors[{record.get('key', position)}]"
        checker.only(
            record,
            ("key", "name", "name_cy", "direction", "direction_cy", "sources", "values"),
            where,
        )
        key = checker.text(record, "key", where)
        if key not in TOKEN_KEYS:
            checker.add(f"{where}.key", f"{key!r} is not an answer key with fixed values")
            continue
        if key in seen:
            checker.add(f"{where}.key", "appears more than once")
        seen.add(key)
        factor_sources = checker.strings(record, "sources", where)
        sources.check(checker, factor_sources, f"{where}.sources")
        raw_values = checker.mapping(record, "values", where)
        expected = KEYS_BY_NAME[key].choices
        if set(raw_values) != set(expected):
            checker.add(
                f"{where}.values",
                "must give exactly these values: "
                + ", ".join(expected)
                + "; got: "
                + ", ".join(raw_values),
            )
        values = {}
        for token in expected:
            if token not in raw_values:
                continue
            here = f"{where}.values.{token}"
            value = raw_values[token]
            if not isinstance(value, Mapping):
                checker.add(here, "expected an object")
                continue
            checker.only(value, ("weight", "reason", "reason_cy", "sources"), here)
            value_sources = checker.strings(value, "sources", here, empty_ok=True) or factor_sources
            sources.check(checker, value_sources, f"{here}.sources")
            reason, reason_cy = checker.texts_pair(value, "reason", here)
            values[token] = FactorValue(
                token=token,
                weight=checker.number(value, "weight", here),
                reason=reason,
                reason_cy=reason_cy,
                sources=value_sources,
            )
        if KEYS_BY_NAME[key].kind == "tristate" and len(values) == len(expected):
            low, high = sorted((values["true"].weight, values["false"].weight))
            if not low <= values["unsure"].weight <= high:
                checker.add(
                    f"{where}.values.unsure", "weight must lie between those of true and false"
                )
        name, name_cy = checker.texts_pair(record, "name", where)
        direction, direction_cy = checker.texts_pair(record, "direction", where)
        factors.append(
            Factor(
                key=key,
                name=name,
                name_cy=name_cy,
                direction=direction,
                direction_cy=direction_cy,
                sources=factor_sources,
                values=values,
            )
        )
    return tuple(factors)


def _read_regimes(checker: _Checker, raw: Mapping[str, Any], sources: _SourceCheck):
    regimes: dict[str, Regime] = {}
    required_texts = (
        "at_all_times",
        "applies_always",
        "applies_in_capacity",
        "not_applying",
        "engaged",
        "not_engaged",
        "uncertain",
    )
    for position, record in enumerate(checker.records(raw, "regimes")):
        where = f"regimes[{record.get('id', position)}]"
        checker.only(
            record,
            (
                "id",
                "name",
                "name_cy",
                "citation",
                "citation_cy",
                "capacity_test",
                "capacity_test_cy",
                "sources",
                "texts",
                "texts_cy",
                "paragraphs",
            ),
            where,
        )
        regime_id = checker.text(record, "id", where)
        texts, texts_cy = checker.mapping_pair(record, "texts", where, required_texts)
        regime_sources = checker.strings(record, "sources", where)
        sources.check(checker, regime_sources, f"{where}.sources")
        paragraphs = []
        numbers: set[str] = set()
        for index, item in enumerate(checker.records(record, "paragraphs")):
            here = f"{where}.paragraphs[{item.get('paragraph', index)}]"
            checker.only(
                item, ("paragraph", "duty", "duty_cy", "applies", "sources", "triggers"), here
            )
            number = checker.text(item, "paragraph", here)
            if number in numbers:
                checker.add(f"{here}.paragraph", "appears more than once")
            numbers.add(number)
            applies = item.get("applies")
            if applies not in APPLIES:
                checker.add(f"{here}.applies", "expected one of " + ", ".join(APPLIES))
            paragraph_sources = checker.strings(item, "sources", here)
            sources.check(checker, paragraph_sources, f"{here}.sources")
            duty, duty_cy = checker.texts_pair(item, "duty", here)
            paragraphs.append(
                Paragraph(
                    paragraph=number,
                    duty=duty,
                    duty_cy=duty_cy,
                    applies=applies if applies in APPLIES else "official_capacity",
                    sources=paragraph_sources,
                    triggers=_read_triggers(checker, item.get("triggers"), f"{here}.triggers"),
                )
            )
        if regime_id in regimes:
            checker.add(f"{where}.id", "appears more than once")
        name, name_cy = checker.texts_pair(record, "name", where)
        citation, citation_cy = checker.texts_pair(record, "citation", where)
        capacity_test, capacity_test_cy = checker.texts_pair(record, "capacity_test", where)
        regimes[regime_id] = Regime(
            id=regime_id,
            name=name,
            name_cy=name_cy,
            citation=citation,
            citation_cy=citation_cy,
            capacity_test=capacity_test,
            capacity_test_cy=capacity_test_cy,
            sources=regime_sources,
            texts=texts,
            texts_cy=texts_cy,
            paragraphs=tuple(paragraphs),
        )
    if not regimes:
        checker.add("regimes", "at least one regime is required")
    return regimes


def _read_cases(checker: _Checker, raw: Mapping[str, Any], regimes: Iterable[str]):
    cases = []
    seen: set[str] = set()
    regime_ids = tuple(regimes)
    for position, record in enumerate(checker.records(raw, "cases")):
        where = f"cases[{record.get('id', position)}]"
        checker.only(record, CASE_FIELDS, where)
        case_id = checker.text(record, "id", where)
        if case_id and not CASE_ID.match(case_id):
            checker.add(f"{where}.id", "expected a lower-case id (letters, digits, - and _)")
        if case_id in seen:
            checker.add(f"{where}.id", "appears more than once")
        seen.add(case_id)
        year = record.get("year")
        if year is None:
            if not record.get("year_note"):
                checker.add(f"{where}.year_note", "explain why the year is not known")
        elif isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2100:
            checker.add(f"{where}.year", "expected a year such as 2009, or null with a year_note")
            year = None
        profile = None
        raw_profile = checker.mapping(record, "profile", where)
        if raw_profile and "regime" not in raw_profile:
            # A case's facts are read under a Code; say which, rather than take a default.
            checker.add(
                f"{where}.profile.regime", "missing (say which Code the facts are read under)"
            )
        if raw_profile:
            try:
                profile = parse_answers(
                    raw_profile,
                    regimes=regime_ids,
                    default_regime=regime_ids[0] if regime_ids else "",
                )
            except InvalidAnswers as error:
                for problem in error.problems:
                    checker.add(f"{where}.profile.{problem.key}", problem.message)
        notes, notes_cy = checker.mapping_pair(record, "profile_notes", where)
        if not all(key in KEYS_BY_NAME for key in notes):
            checker.add(f"{where}.profile_notes", "expected an object keyed by answer keys")
        outcome_raw = checker.mapping(record, "outcome", where)
        outcome_where = f"{where}.outcome"
        checker.only(
            outcome_raw,
            (
                "official_capacity",
                "breach",
                "paragraphs",
                "sanction",
                "sanction_cy",
                "note",
                "note_cy",
            ),
            outcome_where,
        )
        found = outcome_raw.get("official_capacity")
        breach = outcome_raw.get("breach")
        for name, value in (("official_capacity", found), ("breach", breach)):
            if type(value) is not bool:
                checker.add(f"{outcome_where}.{name}", "expected true or false")
        source_records = record.get("sources")
        if not isinstance(source_records, list) or not source_records:
            checker.add(f"{where}.sources", "expected at least one source")
            source_records = []
        for index, source in enumerate(source_records):
            here = f"{where}.sources[{index}]"
            if not isinstance(source, Mapping):
                checker.add(here, "expected an object")
                continue
            checker.only(
                source,
                (
                    "title",
                    "title_cy",
                    "citation",
                    "citation_cy",
                    "url",
                    "account",
                    "account_cy",
                    "checked",
                    "note",
                    "note_cy",
                ),
                here,
            )
            checker.texts_pair(source, "title", here)
            checker.texts_pair(source, "account", here)
            for optional in ("citation", "note"):
                if source.get(optional):
                    checker.texts_pair(source, optional, here)
            if type(source.get("checked")) is not bool:
                checker.add(f"{here}.checked", "expected true or false")
        name, name_cy = checker.texts_pair(record, "name", where)
        authority, authority_cy = checker.texts_pair(record, "authority", where)
        tribunal, tribunal_cy = checker.texts_pair(record, "tribunal", where)
        citation, citation_cy = checker.texts_pair(record, "citation", where)
        year_note, year_note_cy = checker.texts_pair(record, "year_note", where, optional=True)
        summary, summary_cy = checker.texts_pair(record, "summary", where)
        sanction, sanction_cy = checker.texts_pair(outcome_raw, "sanction", outcome_where)
        note, note_cy = checker.texts_pair(outcome_raw, "note", outcome_where, optional=True)
        cases.append(
            Case(
                id=case_id,
                name=name,
                name_cy=name_cy,
                authority=authority,
                authority_cy=authority_cy,
                tribunal=tribunal,
                tribunal_cy=tribunal_cy,
                citation=citation,
                citation_cy=citation_cy,
                year=year,
                year_note=year_note,
                year_note_cy=year_note_cy,
                jurisdiction=checker.text(record, "jurisdiction", where),
                summary=summary,
                summary_cy=summary_cy,
                profile=profile,
                profile_notes=notes,
                profile_notes_cy=notes_cy,
                outcome=CaseOutcome(
                    official_capacity=bool(found),
                    breach=bool(breach),
                    paragraphs=checker.strings(
                        outcome_raw, "paragraphs", outcome_where, empty_ok=True
                    ),
                    sanction=sanction,
                    sanction_cy=sanction_cy,
                    note=note,
                    note_cy=note_cy,
                ),
                sources=tuple(source for source in source_records if isinstance(source, Mapping)),
            )
        )
    # Casebook order is by id, so that ties in similarity always rank the same way.
    return tuple(sorted(cases, key=lambda case: case.id))


def _read_advice(checker: _Checker, raw: Mapping[str, Any], sources: _SourceCheck):
    rules = []
    seen: set[str] = set()
    for position, record in enumerate(checker.records(raw, "advice")):
        where = f"advice[{record.get('id', position)}]"
        checker.only(record, ("id", "source", "text", "text_cy", "always", "triggers"), where)
        rule_id = checker.text(record, "id", where)
        if rule_id in seen:
            checker.add(f"{where}.id", "appears more than once")
        seen.add(rule_id)
        source = checker.text(record, "source", where)
        sources.check(checker, [source], f"{where}.source")
        always = record.get("always", False)
        triggers = _read_triggers(checker, record.get("triggers", []), f"{where}.triggers")
        if not always and not triggers:
            checker.add(where, "needs triggers, or always: true")
        text, text_cy = checker.texts_pair(record, "text", where)
        rules.append(
            AdviceRule(
                id=rule_id,
                source=source,
                text=text,
                text_cy=text_cy,
                always=bool(always),
                triggers=triggers,
            )
        )
    return tuple(rules)


def _read_scoring(checker: _Checker, raw: Mapping[str, Any]) -> Scoring:
    record = checker.mapping(raw, "scoring", "ruleset")
    where = "ruleset.scoring"
    checker.only(
        record,
        (
            "bias",
            "precedent_weight",
            "likely_from",
            "borderline_from",
            "max_counterfactuals",
            "texts",
            "texts_cy",
        ),
        where,
    )
    likely_from = checker.number(record, "likely_from", where)
    borderline_from = checker.number(record, "borderline_from", where)
    if not 0 < borderline_from < likely_from <= 100:
        checker.add(where, "needs 0 < borderline_from < likely_from <= 100")
    texts, texts_cy = checker.mapping_pair(
        record, "texts", where, ("precedent_support", "no_precedents", "unsure")
    )
    return Scoring(
        bias=checker.number(record, "bias", where),
        precedent_weight=checker.number(record, "precedent_weight", where),
        likely_from=int(likely_from),
        borderline_from=int(borderline_from),
        max_counterfactuals=int(checker.number(record, "max_counterfactuals", where)),
        texts=texts,
        texts_cy=texts_cy,
    )


def _build_index(
    factors: Sequence[Factor], cases: Sequence[Case], scoring: Scoring
) -> tuple[tuple[FactorIndex, ...], float]:
    """Return the per-factor tables and the constant of the logit (bias and precedent offset)."""
    total_span = sum(factor.span for factor in factors) or 1.0
    beta = scoring.precedent_weight if cases else 0.0
    index = []
    for factor in factors:
        weights = {token: value.weight for token, value in factor.values.items()}
        case_tokens = tuple(case.profile.token(factor.key) for case in cases)
        case_weights = tuple(weights[token] for token in case_tokens)
        official = [
            weight
            for case, weight in zip(cases, case_weights, strict=True)
            if case.outcome.official_capacity
        ]
        not_official = [
            weight
            for case, weight in zip(cases, case_weights, strict=True)
            if not case.outcome.official_capacity
        ]
        at_or_below = {t: sum(1 for w in official if w <= weights[t]) for t in weights}
        below = {t: sum(1 for w in not_official if w < weights[t]) for t in weights}
        share = 2 * beta * factor.span / (total_span * max(len(cases), 1))
        index.append(
            FactorIndex(
                key=factor.key,
                span=factor.span,
                weights=weights,
                official_at_or_below=at_or_below,
                not_official_below=below,
                case_weights=case_weights,
                case_tokens=case_tokens,
                contribution={t: weights[t] + share * (at_or_below[t] + below[t]) for t in weights},
            )
        )
    return tuple(index), scoring.bias - beta


def build_casebook(raw: Mapping[str, Any], *, held_out: Iterable[str] = ()) -> Casebook:
    """Return a validated, indexed Casebook from plain data, or raise InvalidCasebook naming
    every record and field at fault. Called when fixtures load and when the app reads the DB.
    Cases named in held_out are left out of the data but may still be cited."""
    checker = _Checker()
    if not isinstance(raw, Mapping):
        raise InvalidCasebook([Problem("casebook", "expected an object")])
    checker.only(
        raw, ("ruleset", "authorities", "factors", "regimes", "cases", "advice"), "casebook"
    )
    ruleset = checker.mapping(raw, "ruleset", "casebook")
    checker.only(ruleset, ("version", "scoring"), "ruleset")
    version = checker.text(ruleset, "version", "ruleset")
    authorities = _read_authorities(checker, raw)
    case_ids = set(held_out) | {
        record.get("id") for record in raw.get("cases", []) if isinstance(record, Mapping)
    }
    sources = _SourceCheck(authorities, case_ids)
    factors = _read_factors(checker, raw, sources)
    missing = [key for key in TOKEN_KEYS if key not in {factor.key for factor in factors}]
    if missing and not checker.problems:
        checker.add("factors", "no factor for: " + ", ".join(missing))
    regimes = _read_regimes(checker, raw, sources)
    cases = _read_cases(checker, raw, regimes)
    advice = _read_advice(checker, raw, sources)
    scoring = _read_scoring(checker, ruleset)
    if checker.problems:
        raise InvalidCasebook(checker.problems)
    index, logit_constant = _build_index(factors, cases, scoring)
    unhashed = Casebook(
        version=version,
        factors=factors,
        cases=cases,
        regimes=regimes,
        advice=advice,
        scoring=scoring,
        authorities=authorities,
        sha256="",
        index=index,
        logit_constant=logit_constant,
    )
    digest = hashlib.sha256(canonical_json(unhashed.to_data())).hexdigest()
    return dataclasses.replace(unhashed, sha256=digest)
