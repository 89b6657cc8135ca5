"""`python manage.py assess`: the result on stdout and exit 0, or one line per problem on stderr,
nothing on stdout and exit 2."""

import io
import json
import sys

import pytest
from django.core.management import call_command

from council_sm.caselaw.services import get_casebook
from council_sm.engine import assess, parse_answers

from .support import QUIET_PERSONAL_POST

pytestmark = pytest.mark.django_db


def run(*args, stdin: bytes | None = None, monkeypatch=None):
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = 0
    try:
        call_command("assess", *args, stdout=out, stderr=err)
    except SystemExit as exit_info:
        code = exit_info.code
    return code, out.getvalue(), err.getvalue()


def write(tmp_path, content, name="answers.json"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return str(path)


def test_valid_answers_print_the_engine_s_result_as_json(tmp_path):
    code, out, err = run("--answers", write(tmp_path, json.dumps(QUIET_PERSONAL_POST)))
    casebook = get_casebook()
    expected = assess(
        parse_answers(QUIET_PERSONAL_POST, regimes=casebook.regimes, default_regime="wales-2008"),
        casebook,
    ).to_contract()
    assert (code, err) == (0, "")
    assert json.loads(out) == expected


def test_answers_can_come_from_stdin(monkeypatch):
    code, out, _ = run(
        "--answers", "-", stdin=json.dumps(QUIET_PERSONAL_POST).encode(), monkeypatch=monkeypatch
    )
    assert code == 0
    assert json.loads(out)["official_capacity"]["band"] == "unlikely"


def test_the_text_format_is_a_summary_for_a_person(tmp_path):
    code, out, _ = run(
        "--answers", write(tmp_path, json.dumps(QUIET_PERSONAL_POST)), "--format", "text"
    )
    assert code == 0
    assert out.startswith("Official capacity: unlikely")
    assert "monitoring officer" in out
    assert "Councillor Mullaney" in out


BAD_INPUTS = {
    "malformed-json": ('{"account_type": ', ["answers: not valid JSON"]),
    "empty-file": ("", ["answers: empty"]),
    "whitespace-only": ("  \n", ["answers: empty"]),
    "not-an-object": ("[1, 2]", ["answers: expected a JSON object"]),
    "missing-required-key": (
        json.dumps({k: v for k, v in QUIET_PERSONAL_POST.items() if k != "audience"}),
        ["audience: missing"],
    ),
    "unknown-key": (json.dumps({**QUIET_PERSONAL_POST, "mood": "angry"}), ["mood: unknown key"]),
    "unknown-value": (
        json.dumps({**QUIET_PERSONAL_POST, "prominence": "famous"}),
        ["prominence: expected one of high, moderate, low"],
    ),
    "wrong-type": (
        json.dumps({**QUIET_PERSONAL_POST, "uses_council_resources": "no"}),
        ['uses_council_resources: expected true, false or "unsure"'],
    ),
    "over-long-description": (
        json.dumps({**QUIET_PERSONAL_POST, "description": "x" * 2001}),
        ["description: at most 2,000 characters"],
    ),
    "key-given-twice": (
        '{"audience": "public", "audience": "restricted"}',
        ["audience: given more than once"],
    ),
    "not-utf8": (b"\xff\xfe{", ["answers: not UTF-8 text"]),
    "two-problems": (
        json.dumps({**QUIET_PERSONAL_POST, "prominence": "famous", "mood": "angry"}),
        ["mood: unknown key", "prominence: expected one of"],
    ),
}


@pytest.mark.parametrize(("content", "lines"), BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_answers_exit_2_with_one_line_per_problem_and_nothing_on_stdout(
    tmp_path, content, lines
):
    code, out, err = run("--answers", write(tmp_path, content))
    assert code == 2
    assert out == ""
    written = err.strip().splitlines()
    assert len(written) == len(lines)
    for line, start in zip(written, lines, strict=True):
        assert line.startswith(start)
    assert "Traceback" not in err


def test_a_missing_file_is_a_clear_error(tmp_path):
    code, out, err = run("--answers", str(tmp_path / "nowhere.json"))
    assert (code, out) == (2, "")
    assert err.startswith("answers: cannot read")
