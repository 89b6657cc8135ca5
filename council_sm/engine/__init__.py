"""The assessment engine: pure Python, no Django. Answers and a casebook in, a result out."""

from .answers import ANSWER_KEYS, CONTRACT_VERSION, Answers, InvalidAnswers, Problem, parse_answers
from .assess import assess
from .casebook import Casebook, InvalidCasebook, build_casebook, canonical_json
from .result import Assessment

__all__ = (
    "ANSWER_KEYS",
    "CONTRACT_VERSION",
    "Answers",
    "Assessment",
    "Casebook",
    "InvalidAnswers",
    "InvalidCasebook",
    "Problem",
    "assess",
    "build_casebook",
    "canonical_json",
    "parse_answers",
)
