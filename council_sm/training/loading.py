"""Filling the scenario table from fixtures/training/, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, transaction

from .scenarios import InvalidScenarios, read_scenario_file, validate_scenarios


def fixture_path() -> Path:
    return Path(settings.TRAINING_FIXTURES_DIR) / "scenarios.json"


@transaction.atomic
def load_fixture_scenarios_into_db(path: Path | None = None) -> int:
    """Validate the scenario fixtures against the published casebook and, only if every one is
    valid, replace the scenarios in the database with them. Returns how many were loaded."""
    from council_sm.caselaw.services import get_casebook

    from .models import Scenario

    records = validate_scenarios(
        read_scenario_file(path or fixture_path()),
        get_casebook(),
        default_regime=settings.CASEBOOK_DEFAULT_REGIME,
    )
    Scenario.objects.all().delete()
    Scenario.objects.bulk_create(
        Scenario(
            id=record["id"],
            position=position,
            title=record["title"],
            title_cy=record["title_cy"],
            text=record["text"],
            text_cy=record["text_cy"],
            profile=record["profile"],
            teaching_point=record["teaching_point"],
            teaching_point_cy=record["teaching_point_cy"],
            sources=record["sources"],
            discussion=record["discussion"],
            discussion_cy=record["discussion_cy"],
            case=record.get("case") or "",
        )
        for position, record in enumerate(records)
    )
    return len(records)


def load_scenarios_if_empty(sender: Any, using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    """post_migrate handler: load the fixture scenarios when the database holds none."""
    from .models import Scenario

    if using != DEFAULT_DB_ALIAS or Scenario.objects.using(using).exists():
        return
    try:
        load_fixture_scenarios_into_db()
    except InvalidScenarios as error:
        lines = "\n".join(f"  {problem}" for problem in error.problems)
        raise CommandError(
            f"The training scenario fixtures are invalid; nothing was loaded:\n{lines}"
        ) from error
