"""Shared fixtures: the casebook straight from fixtures/ (no database) and a baseline of answers."""

from __future__ import annotations

import copy

import pytest

from council_sm.caselaw.fixtures import load_fixture_casebook, read_fixture_data
from council_sm.engine import Casebook, parse_answers

from .support import FIXTURES_DIR, QUIET_PERSONAL_POST


@pytest.fixture(scope="session")
def fixture_data() -> dict:
    return read_fixture_data(FIXTURES_DIR)


@pytest.fixture
def raw_casebook(fixture_data) -> dict:
    """A deep copy of the fixture data that a test may break."""
    return copy.deepcopy(fixture_data)


@pytest.fixture(scope="session")
def casebook() -> Casebook:
    return load_fixture_casebook(FIXTURES_DIR)


@pytest.fixture
def answers_for(casebook):
    """Build validated Answers from the quiet personal post with some answers changed."""

    def build(**changes):
        return parse_answers(
            {**QUIET_PERSONAL_POST, **changes},
            regimes=casebook.regimes,
            default_regime="wales-2008",
        )

    return build
