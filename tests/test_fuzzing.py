"""Fuzzing with hypothesis: whatever arrives, the answers validation, the JSON decoding,
`manage.py assess` and the wizard's POSTs answer with a message naming the problem, never an
unexpected exception, a 5xx or a traceback."""

import io
import json
import string

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from council_sm.assessments.questions import QUESTIONS
from council_sm.assessments.services import decode_answers
from council_sm.assessments.views import WIZARD_PREFIX
from council_sm.engine import Answers, InvalidAnswers, parse_answers
from council_sm.engine.answers import ANSWER_KEYS

from .support import QUIET_PERSONAL_POST

KEYS = [spec.key for spec in ANSWER_KEYS]
ODD_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=50
) | st.sampled_from(["\x00", "\u202e", "ŵŷ", "😀" * 10, "x" * 3000, "", " ", "unsure", "true"])
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ODD_TEXT,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(ODD_TEXT, children, max_size=4)
    ),
    max_leaves=10,
)
FUZZ = settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(st.dictionaries(st.sampled_from(KEYS) | ODD_TEXT, JSON_VALUES, max_size=20))
def test_validation_names_every_problem_or_accepts(data):
    try:
        answers = parse_answers(data, regimes=["wales-2008"], default_regime="wales-2008")
    except InvalidAnswers as error:
        assert error.problems
        for problem in error.problems:
            assert problem.key and problem.message
    else:
        assert isinstance(answers, Answers)


@FUZZ
@given(st.sampled_from(KEYS), JSON_VALUES)
def test_one_bad_value_in_good_answers_is_named_by_its_key(key, value):
    data = {**QUIET_PERSONAL_POST, key: value}
    try:
        parse_answers(data, regimes=["wales-2008"], default_regime="wales-2008")
    except InvalidAnswers as error:
        assert {problem.key for problem in error.problems} == {key}


@FUZZ
@given(st.binary(max_size=400) | JSON_VALUES.map(lambda value: json.dumps(value).encode()))
def test_decoding_any_bytes_gives_json_or_a_named_problem(raw):
    try:
        decode_answers(raw)
    except InvalidAnswers as error:
        assert error.problems[0].key


@pytest.mark.django_db
@FUZZ
@given(st.binary(max_size=300) | JSON_VALUES.map(lambda value: json.dumps(value).encode()))
def test_manage_py_assess_exits_0_or_2_with_a_message(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("fuzz") / "answers.json"
    path.write_bytes(raw)
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("assess", "--answers", str(path), stdout=out, stderr=err)
    except SystemExit as exit_info:
        assert exit_info.code == 2
        assert out.getvalue() == ""
        assert err.getvalue().strip()
        assert "Traceback" not in err.getvalue()
    else:
        assert json.loads(out.getvalue())["contract"] == 1


STEPS = [question.step for question in QUESTIONS] + ["check", "done", "nonsense"]
FIELD_NAMES = [f"{q.step}-{q.key}" for q in QUESTIONS] + [
    f"{WIZARD_PREFIX}-current_step",
    "csrfmiddlewaretoken",
    "wizard_goto_step",
]
POST_VALUES = ODD_TEXT | st.lists(ODD_TEXT, max_size=3)


@pytest.mark.django_db
@FUZZ
@given(
    step=st.sampled_from(STEPS),
    body=st.dictionaries(
        st.sampled_from(FIELD_NAMES) | st.text(string.ascii_letters, max_size=8),
        POST_VALUES,
        max_size=6,
    ),
    started=st.booleans(),
)
def test_wizard_posts_never_fail_with_a_server_error(client, step, body, started):
    if started:
        client.get("/assessment/platform/")
        client.post(
            "/assessment/platform/",
            {f"{WIZARD_PREFIX}-current_step": "platform", "platform-platform": "x"},
        )
    body = {key: value for key, value in body.items() if "\x00" not in key}
    response = client.post(f"/assessment/{step}/", body)
    assert response.status_code in (200, 302, 400, 404), response.status_code
