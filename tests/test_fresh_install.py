"""As a new user would: migrate an empty database, then assess at once, in real processes
(so exit codes and stderr are the real ones and any traceback would show)."""

import json
import os
import subprocess
import sys

from .support import PROJECT_ROOT, QUIET_PERSONAL_POST


def manage(*args, env, stdin=None):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_migrate_on_an_empty_database_is_enough_to_assess(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}"}

    migrated = manage("migrate", "--noinput", env=env)
    assert migrated.returncode == 0, migrated.stderr

    good = manage("assess", "--answers", "-", env=env, stdin=json.dumps(QUIET_PERSONAL_POST))
    assert good.returncode == 0, good.stderr
    assert {case["case"] for case in json.loads(good.stdout)["precedents"]} == {
        "mullaney",
        "mctigue",
        "johnson",
        "sharratt",
        "barnbrook",
    }

    bad = manage("assess", "--answers", "-", env=env, stdin='{"account_type": "work"}')
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert "Traceback" not in bad.stderr
    assert bad.stderr.splitlines()[0] == (
        "account_type: expected one of council_provided, councillor, political, personal, "
        "anonymous; got 'work'"
    )


def test_assess_before_migrate_says_so_without_a_traceback(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}"}
    result = manage("assess", "--answers", "-", env=env, stdin=json.dumps(QUIET_PERSONAL_POST))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert "migrate" in result.stderr
