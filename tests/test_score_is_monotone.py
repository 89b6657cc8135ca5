"""Changing any one answer in the direction its factor points towards official capacity never
lowers the score (property-based, over the whole answer space)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from council_sm.caselaw.fixtures import load_fixture_casebook
from council_sm.engine import assess
from council_sm.engine.answers import ANSWER_KEYS, Answers

from .support import FIXTURES_DIR

CASEBOOK = load_fixture_casebook(FIXTURES_DIR)
TOKEN_SPECS = [spec for spec in ANSWER_KEYS if spec.kind in {"choice", "tristate", "flag"}]


@st.composite
def answers_and_a_step(draw):
    tokens = {spec.key: draw(st.sampled_from(spec.choices)) for spec in TOKEN_SPECS}
    factor = draw(st.sampled_from(CASEBOOK.factors))
    low, high = sorted(
        draw(st.lists(st.sampled_from(list(factor.values)), min_size=2, max_size=2)),
        key=lambda token: factor.values[token].weight,
    )
    return tokens, factor.key, low, high


def answers_from(tokens):
    return Answers(regime="wales-2008", **tokens)


@settings(max_examples=2000, deadline=None)
@given(answers_and_a_step())
def test_moving_one_answer_towards_official_capacity_never_lowers_the_score(case):
    tokens, key, low, high = case
    lower = assess(answers_from({**tokens, key: low}), CASEBOOK).official_capacity.score
    higher = assess(answers_from({**tokens, key: high}), CASEBOOK).official_capacity.score
    assert higher >= lower


@settings(max_examples=300, deadline=None)
@given(answers_and_a_step())
def test_the_band_never_falls_when_the_score_rises(case):
    tokens, key, low, high = case
    order = {"unlikely": 0, "borderline": 1, "likely": 2}
    lower = assess(answers_from({**tokens, key: low}), CASEBOOK).official_capacity.band
    higher = assess(answers_from({**tokens, key: high}), CASEBOOK).official_capacity.band
    assert order[higher] >= order[lower]
