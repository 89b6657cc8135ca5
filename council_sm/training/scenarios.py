"""Training scenarios as data: reading fixtures/training/scenarios.json and validating each
scenario against the published casebook. Like the casebook, every problem names its record and
field (`scenarios[council-account-campaign].profile.audience: ...`), all are reported at once,
and one problem refuses the whole file."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from council_sm.engine import Casebook, InvalidAnswers, Problem, parse_answers

SCENARIO_FIELDS = (
    "id",
    "title",
    "title_cy",
    "text",
    "text_cy",
    "profile",
    "teaching_point",
    "teaching_point_cy",
    "sources",
    "discussion",
    "discussion_cy",
    "case",
)
TEXT_PAIRS = ("title", "text", "teaching_point")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")
TITLE_MAX = 200
# A scenario is read on a phone in a room: long enough for the facts, short enough to read.
TEXT_MAX = 1500


class InvalidScenarios(ValueError):
    """Raised when scenario data breaks the rules; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(str(problem) for problem in self.problems))


def read_scenario_file(path: Path) -> list[Any]:
    """Return the list of raw scenario records in a fixture file, or raise InvalidScenarios
    naming the file when it cannot be read or has the wrong shape."""
    try:
        content = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InvalidScenarios(
            [Problem(Path(path).name, f"cannot be read as JSON: {error}")]
        ) from error
    if not isinstance(content, Mapping) or set(content) != {"scenarios"}:
        raise InvalidScenarios(
            [Problem(Path(path).name, 'expected a JSON object with one key, "scenarios"')]
        )
    if not isinstance(content["scenarios"], list):
        raise InvalidScenarios([Problem("scenarios", "expected a list of objects")])
    return content["scenarios"]


def _text(record: Mapping[str, Any], name: str, where: str, limit: int, problems: list) -> None:
    value = record.get(name)
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(f"{where}.{name}", "expected non-empty text"))
    elif len(value) > limit:
        problems.append(
            Problem(f"{where}.{name}", f"at most {limit:,} characters; got {len(value):,}")
        )


def _text_list(record: Mapping[str, Any], name: str, where: str, problems: list) -> list[str]:
    value = record.get(name)
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(item, str) and item.strip() for item in value)
    ):
        problems.append(Problem(f"{where}.{name}", "expected a list of non-empty texts"))
        return []
    return value


def scenario_problems(
    record: Any, casebook: Casebook, *, default_regime: str, where: str | None = None
) -> list[Problem]:
    """Return every problem with one scenario record (empty when it is valid)."""
    if not isinstance(record, Mapping):
        return [Problem(where or "scenarios", "expected an object")]
    where = where or f"scenarios[{record.get('id', '?')}]"
    problems: list[Problem] = []
    problems += [
        Problem(f"{where}.{name}", "unknown field")
        for name in sorted(set(record) - set(SCENARIO_FIELDS))
    ]
    identifier = record.get("id")
    if not isinstance(identifier, str) or not ID_PATTERN.match(identifier):
        problems.append(
            Problem(f"{where}.id", "expected a short lower-case id of letters, digits and hyphens")
        )
    for name in TEXT_PAIRS:
        limit = TITLE_MAX if name == "title" else TEXT_MAX
        _text(record, name, where, limit, problems)
        _text(record, f"{name}_cy", where, limit, problems)
    english = _text_list(record, "discussion", where, problems)
    welsh = _text_list(record, "discussion_cy", where, problems)
    if english and welsh and len(english) != len(welsh):
        problems.append(
            Problem(
                f"{where}.discussion_cy",
                f"expected one Welsh point for each English one ({len(english)}); got {len(welsh)}",
            )
        )
    sources = record.get("sources")
    if not isinstance(sources, list) or not sources or not all(isinstance(s, str) for s in sources):
        problems.append(Problem(f"{where}.sources", "expected a list of at least one citation"))
    else:
        problems += [
            Problem(
                f"{where}.sources",
                f"cites {source!r}, which is not a known authority, section or case",
            )
            for source in sources
            if not casebook.knows_source(source)
        ]
    answers = None
    profile = record.get("profile")
    if not isinstance(profile, Mapping):
        problems.append(Problem(f"{where}.profile", "expected an object of contract answers"))
    else:
        try:
            answers = parse_answers(
                profile, regimes=casebook.regimes, default_regime=default_regime
            )
        except InvalidAnswers as error:
            problems += [
                Problem(f"{where}.profile.{problem.key}", problem.message)
                for problem in error.problems
            ]
    case_id = record.get("case")
    if case_id is not None:
        case = next((case for case in casebook.cases if case.id == case_id), None)
        if case is None:
            problems.append(
                Problem(f"{where}.case", f"{case_id!r} is not a case in the published casebook")
            )
        elif answers is not None:
            # A decided case is told as it was decided: its facts are the case's own profile.
            ours, theirs = answers.to_contract(), case.profile.to_contract()
            differing = [key for key in theirs if key != "description" and ours[key] != theirs[key]]
            if differing:
                problems.append(
                    Problem(
                        f"{where}.profile",
                        f"differs from the profile of case {case_id!r} in: " + ", ".join(differing),
                    )
                )
    return problems


def validate_scenarios(
    records: list[Any], casebook: Casebook, *, default_regime: str
) -> list[dict[str, Any]]:
    """Return the scenario records when every one is valid and ids and cases are not repeated;
    otherwise raise InvalidScenarios listing every problem."""
    problems: list[Problem] = []
    seen_ids: set[str] = set()
    seen_cases: dict[str, str] = {}
    for position, record in enumerate(records):
        where = (
            f"scenarios[{record.get('id', position)}]"
            if isinstance(record, Mapping)
            else f"scenarios[{position}]"
        )
        problems += scenario_problems(record, casebook, default_regime=default_regime, where=where)
        if not isinstance(record, Mapping):
            continue
        identifier = record.get("id")
        if isinstance(identifier, str):
            if identifier in seen_ids:
                problems.append(Problem(f"{where}.id", "used by more than one scenario"))
            seen_ids.add(identifier)
        case_id = record.get("case")
        if isinstance(case_id, str):
            if case_id in seen_cases:
                problems.append(
                    Problem(
                        f"{where}.case",
                        f"{case_id!r} is already told by scenario {seen_cases[case_id]!r}",
                    )
                )
            seen_cases.setdefault(case_id, str(identifier))
    if not records:
        problems.append(Problem("scenarios", "expected at least one scenario"))
    if problems:
        raise InvalidScenarios(problems)
    return [dict(record) for record in records]
