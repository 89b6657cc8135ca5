"""Reading the casebook fixture files. Each JSON file under fixtures/casebook/ holds some of the
casebook's top-level sections; lists from several files are joined in file-name order."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from council_sm.engine import Casebook, InvalidCasebook, Problem, build_casebook

LIST_SECTIONS = ("authorities", "factors", "regimes", "cases", "advice")


def read_fixture_data(directory: Path) -> dict[str, Any]:
    """Return the merged casebook data from a fixtures directory, or raise InvalidCasebook naming
    the file at fault (unreadable JSON, unknown or repeated sections)."""
    data: dict[str, Any] = {}
    problems: list[Problem] = []
    files = sorted(Path(directory).glob("*.json"))
    if not files:
        raise InvalidCasebook([Problem(str(directory), "no casebook fixture files found")])
    for path in files:
        try:
            content = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            problems.append(Problem(path.name, f"cannot be read as JSON: {error}"))
            continue
        if not isinstance(content, dict):
            problems.append(Problem(path.name, "expected a JSON object of casebook sections"))
            continue
        for section, value in content.items():
            if section in LIST_SECTIONS and isinstance(value, list):
                data.setdefault(section, []).extend(value)
            elif section == "ruleset" and "ruleset" not in data:
                data["ruleset"] = value
            else:
                problems.append(Problem(f"{path.name}.{section}", "unknown or repeated section"))
    if problems:
        raise InvalidCasebook(problems)
    return data


def load_fixture_casebook(directory: Path) -> Casebook:
    """Return the validated casebook built straight from the fixture files."""
    return build_casebook(read_fixture_data(directory))
