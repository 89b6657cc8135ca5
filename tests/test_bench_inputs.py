"""The benchmarks' inputs stay valid as the casebook's rules change (timings are not tested
here: they are measured by `make bench`)."""

from bench.engine import ANSWERS, synthetic_casebook_data
from council_sm.engine import assess, build_casebook, parse_answers


def test_the_synthetic_casebook_builds_and_assesses_the_typical_answers():
    casebook = build_casebook(synthetic_casebook_data(60))
    assert len(casebook.cases) == 60
    answers = parse_answers(ANSWERS, regimes=casebook.regimes, default_regime="wales-2008")
    assert assess(answers, casebook).precedents
