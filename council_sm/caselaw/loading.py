"""Filling an empty casebook after migrate."""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS

from council_sm.engine import InvalidCasebook


def load_casebook_if_empty(sender: Any, using: str = DEFAULT_DB_ALIAS, **kwargs: Any) -> None:
    """post_migrate handler: load the fixture casebook when the database holds none."""
    from . import models
    from .services import load_fixture_casebook_into_db

    if using != DEFAULT_DB_ALIAS or models.RulesetSnapshot.objects.using(using).exists():
        return
    try:
        load_fixture_casebook_into_db()
    except InvalidCasebook as error:
        lines = "\n".join(f"  {problem}" for problem in error.problems)
        raise CommandError(
            f"The casebook fixtures are invalid; nothing was loaded:\n{lines}"
        ) from error
