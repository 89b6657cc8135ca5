"""The answers half of the assessment contract: which keys exist, what each accepts, and validation.

Answer values are stable identifiers. Booleans that may be "unsure" are held as the tokens
"true", "false" and "unsure" inside the engine so that they can index the casebook's weights.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

CONTRACT_VERSION = 1
DESCRIPTION_MAX_CHARS = 2000
PLATFORM_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
# Control characters other than tab, line feed and carriage return are refused: they cannot be
# stored in PostgreSQL text (NUL) and have no place in a description a person typed.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

TRISTATE = ("true", "false", "unsure")
FLAG = ("true", "false")

CONTENT_RISKS = (
    "personal_attack",
    "bullying_or_harassment",
    "confidential_information",
    "dishonest_or_misleading",
    "misuse_of_position",
    "pressure_on_officers",
    "predetermination",
    "defamatory_statement",
    "images_without_consent",
    "quotes_without_consent",
    "names_staff",
    "criticises_council",
    "copyright_material",
    "image_only_text",
    "minors_or_vulnerable",
)

KNOWN_PLATFORMS = ("x", "facebook", "instagram", "youtube", "forum", "blog", "other")


@dataclass(frozen=True, slots=True)
class AnswerKey:
    """One key of the answers object: its kind, the tokens it accepts, and its default."""

    key: str
    kind: str  # "choice", "tristate", "flag", "risks", "regime", "platform" or "text"
    choices: tuple[str, ...] = ()
    required: bool = True
    default: Any = None


ANSWER_KEYS: tuple[AnswerKey, ...] = (
    AnswerKey(
        "account_type",
        "choice",
        ("council_provided", "councillor", "political", "personal", "anonymous"),
    ),
    AnswerKey("audience", "choice", ("public", "restricted", "private_group")),
    AnswerKey("prominence", "choice", ("high", "moderate", "low")),
    AnswerKey("self_identification", "choice", ("none", "once", "repeatedly")),
    AnswerKey("discusses_council_business", "tristate", TRISTATE),
    AnswerKey("uses_role_information", "tristate", TRISTATE),
    AnswerKey("concerns_authority_area", "tristate", TRISTATE),
    AnswerKey("acts_for_constituent", "tristate", TRISTATE),
    AnswerKey("seeks_council_action", "tristate", TRISTATE),
    AnswerKey("primarily_party_political", "tristate", TRISTATE),
    AnswerKey("uses_council_resources", "tristate", TRISTATE),
    AnswerKey("profile_disclaimer", "flag", FLAG, required=False, default="false"),
    AnswerKey("refused_removal_request", "flag", FLAG, required=False, default="false"),
    AnswerKey("genuine_political_expression", "flag", FLAG, required=False, default="false"),
    AnswerKey("content_risks", "risks", CONTENT_RISKS, required=False, default=()),
    AnswerKey("regime", "regime", required=False),
    AnswerKey("platform", "platform", required=False, default=""),
    AnswerKey("description", "text", required=False, default=""),
)
KEYS_BY_NAME: Mapping[str, AnswerKey] = MappingProxyType({spec.key: spec for spec in ANSWER_KEYS})
# Keys whose value is a single token that a factor can weigh.
TOKEN_KEYS: tuple[str, ...] = tuple(
    spec.key for spec in ANSWER_KEYS if spec.kind in {"choice", "tristate", "flag"}
)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an input, naming the key (or record and field) at fault."""

    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.key}: {self.message}"


class InvalidAnswers(ValueError):
    """Raised when answers break the contract; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(str(problem) for problem in self.problems))


@dataclass(frozen=True, slots=True)
class Answers:
    """A validated set of answers. Token keys hold strings such as "councillor" or "unsure"."""

    account_type: str
    audience: str
    prominence: str
    self_identification: str
    discusses_council_business: str
    uses_role_information: str
    concerns_authority_area: str
    acts_for_constituent: str
    seeks_council_action: str
    primarily_party_political: str
    uses_council_resources: str
    regime: str
    profile_disclaimer: str = "false"
    refused_removal_request: str = "false"
    genuine_political_expression: str = "false"
    content_risks: tuple[str, ...] = ()
    platform: str = ""
    description: str = ""

    def token(self, key: str) -> str:
        """Return the token held for a weighable key."""
        return getattr(self, key)

    def with_changes(self, changes: Mapping[str, str]) -> Answers:
        """Return a copy with some token keys changed (used for counterfactuals)."""
        return dataclasses.replace(self, **changes)

    def to_contract(self) -> dict[str, Any]:
        """Return the answers as the contract's JSON object, with defaults filled in."""
        data: dict[str, Any] = {}
        for spec in ANSWER_KEYS:
            value = getattr(self, spec.key)
            if spec.kind in {"tristate", "flag"}:
                data[spec.key] = {"true": True, "false": False}.get(value, value)
            elif spec.kind == "risks":
                data[spec.key] = list(value)
            else:
                data[spec.key] = value
        return data


def token_to_json(value: str) -> bool | str:
    """Return the contract's JSON value for an engine token ("true" -> True)."""
    return {"true": True, "false": False}.get(value, value)


def _describe_json(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "..."
        return repr(shown)
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return repr(value)


def _parse_token(spec: AnswerKey, value: Any, problems: list[Problem]) -> str | None:
    if spec.kind == "choice":
        if isinstance(value, str) and value in spec.choices:
            return value
        expected = ", ".join(spec.choices)
        problems.append(
            Problem(spec.key, f"expected one of {expected}; got {_describe_json(value)}")
        )
        return None
    if spec.kind == "tristate":
        if type(value) is bool:
            return "true" if value else "false"
        if value == "unsure":
            return "unsure"
        problems.append(
            Problem(spec.key, f'expected true, false or "unsure"; got {_describe_json(value)}')
        )
        return None
    if type(value) is bool:  # flag
        return "true" if value else "false"
    problems.append(Problem(spec.key, f"expected true or false; got {_describe_json(value)}"))
    return None


def _parse_risks(value: Any, problems: list[Problem]) -> tuple[str, ...] | None:
    if not isinstance(value, list):
        problems.append(
            Problem("content_risks", f"expected a list of risk ids; got {_describe_json(value)}")
        )
        return None
    seen: list[str] = []
    ok = True
    for item in value:
        if not isinstance(item, str) or item not in CONTENT_RISKS:
            problems.append(
                Problem(
                    "content_risks",
                    f"unknown risk {_describe_json(item)}; expected ids from: "
                    + ", ".join(CONTENT_RISKS),
                )
            )
            ok = False
        elif item in seen:
            problems.append(Problem("content_risks", f"{item!r} is listed more than once"))
            ok = False
        else:
            seen.append(item)
    # Canonical order, so that the same risks always give the same record and hash.
    return tuple(risk for risk in CONTENT_RISKS if risk in seen) if ok else None


def _parse_text(spec: AnswerKey, value: Any, problems: list[Problem]) -> str | None:
    if not isinstance(value, str):
        problems.append(Problem(spec.key, f"expected text; got {_describe_json(value)}"))
        return None
    if len(value) > DESCRIPTION_MAX_CHARS:
        problems.append(
            Problem(
                spec.key,
                f"at most {DESCRIPTION_MAX_CHARS:,} characters; got {len(value):,}",
            )
        )
        return None
    if CONTROL_CHARACTERS.search(value):
        problems.append(Problem(spec.key, "contains a control character (such as NUL)"))
        return None
    return value


def _parse_platform(value: Any, problems: list[Problem]) -> str | None:
    # "" is how the contract form of answers says "not given" (Answers.to_contract).
    # fullmatch: with match, "$" would also accept a trailing newline ("x\n").
    if isinstance(value, str) and (value == "" or PLATFORM_PATTERN.fullmatch(value)):
        return value
    problems.append(
        Problem(
            "platform",
            "expected a short lower-case id such as "
            + ", ".join(KNOWN_PLATFORMS)
            + f"; got {_describe_json(value)}",
        )
    )
    return None


def parse_answers(data: Any, *, regimes: Iterable[str], default_regime: str) -> Answers:
    """Return validated Answers for a decoded JSON value, or raise InvalidAnswers listing every
    problem (missing keys, unknown keys or values, wrong types, over-long text)."""
    if not isinstance(data, Mapping):
        raise InvalidAnswers(
            [Problem("answers", f"expected a JSON object; got {_describe_json(data)}")]
        )
    known_regimes = tuple(regimes)
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for key in data:
        if key not in KEYS_BY_NAME:
            problems.append(Problem(str(key) or '""', "unknown key"))
    for spec in ANSWER_KEYS:
        if spec.key not in data:
            if spec.required:
                problems.append(Problem(spec.key, "missing (this answer is required)"))
            elif spec.kind == "regime":
                values[spec.key] = default_regime
            else:
                values[spec.key] = spec.default
            continue
        raw = data[spec.key]
        if spec.kind in {"choice", "tristate", "flag"}:
            parsed = _parse_token(spec, raw, problems)
        elif spec.kind == "risks":
            parsed = _parse_risks(raw, problems)
        elif spec.kind == "regime":
            parsed = raw if isinstance(raw, str) and raw in known_regimes else None
            if parsed is None:
                problems.append(
                    Problem(
                        "regime",
                        "expected one of "
                        + ", ".join(known_regimes)
                        + f"; got {_describe_json(raw)}",
                    )
                )
        elif spec.kind == "platform":
            parsed = _parse_platform(raw, problems)
        else:
            parsed = _parse_text(spec, raw, problems)
        values[spec.key] = parsed
    if problems:
        raise InvalidAnswers(problems)
    return Answers(**values)


def answers_json_schema(regimes: Iterable[str]) -> dict[str, Any]:
    """Return a JSON Schema (2020-12, as OpenAPI 3.1 uses) of the answers object, generated from
    ANSWER_KEYS so that it lists exactly the values parse_answers accepts. What a schema cannot
    say (a key given twice) parse_answers still refuses."""
    properties: dict[str, Any] = {}
    for spec in ANSWER_KEYS:
        if spec.kind == "choice":
            schema: dict[str, Any] = {"type": "string", "enum": list(spec.choices)}
        elif spec.kind == "tristate":
            schema = {"anyOf": [{"type": "boolean"}, {"type": "string", "enum": ["unsure"]}]}
        elif spec.kind == "flag":
            schema = {"type": "boolean"}
        elif spec.kind == "risks":
            schema = {
                "type": "array",
                "items": {"type": "string", "enum": list(spec.choices)},
                "uniqueItems": True,
            }
        elif spec.kind == "regime":
            schema = {"type": "string", "enum": list(regimes)}
        elif spec.kind == "platform":
            schema = {
                "type": "string",
                # "" is "not given", as in the contract form of answers.
                "pattern": "^(?:" + PLATFORM_PATTERN.pattern[1:-1] + ")?$",
                "examples": list(KNOWN_PLATFORMS),
            }
        else:
            schema = {
                "type": "string",
                "maxLength": DESCRIPTION_MAX_CHARS,
                "pattern": "^[^" + CONTROL_CHARACTERS.pattern[1:-1] + "]*$",
            }
        if not spec.required and spec.kind in {"flag", "risks", "platform", "text"}:
            schema["default"] = _json_default(spec)
        properties[spec.key] = schema
    return {
        "type": "object",
        "properties": properties,
        "required": [spec.key for spec in ANSWER_KEYS if spec.required],
        "additionalProperties": False,
    }


def _json_default(spec: AnswerKey) -> Any:
    if spec.kind == "flag":
        return token_to_json(spec.default)
    if spec.kind == "risks":
        return list(spec.default)
    return spec.default
