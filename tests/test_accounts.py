"""Accounts and roles: the first monitoring officer from the command line, a demo account only
with DEBUG on (and said on screen), sign-in throttling, password rules and the idle timeout."""

import io
import sys
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from council_sm.accounts.middleware import LAST_SEEN
from council_sm.accounts.roles import is_officer

from .officers import PASSWORD, officer

pytestmark = pytest.mark.django_db


def run(*args, stdin=""):
    out, err = io.StringIO(), io.StringIO()
    old = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        call_command(*args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit_info:
        code = exit_info.code
    finally:
        sys.stdin = old
    return code, out.getvalue(), err.getvalue()


def test_create_monitoring_officer_makes_a_staff_officer():
    code, out, _ = run(
        "create_monitoring_officer",
        "mo",
        "--email",
        "mo@example.gov.uk",
        "--name",
        "Rhian Morgan",
        "--password-stdin",
        stdin="correct-horse-battery-2026\n",
    )
    assert code == 0 and "Created" in out
    user = get_user_model().objects.get(username="mo")
    assert user.is_staff and is_officer(user) and user.get_full_name() == "Rhian Morgan"
    assert user.check_password("correct-horse-battery-2026")


@pytest.mark.parametrize(
    ("args", "password", "fragment"),
    [
        (["mo", "--email", "mo@example.gov.uk"], "short\n", "password: This password is too short"),
        (["mo", "--email", "not-an-email"], "correct-horse-battery-2026\n", "email:"),
    ],
    ids=["weak-password", "bad-email"],
)
def test_create_monitoring_officer_refuses_bad_input_with_exit_2(args, password, fragment):
    code, out, err = run("create_monitoring_officer", *args, "--password-stdin", stdin=password)
    assert code == 2 and out == ""
    assert fragment in err
    assert not get_user_model().objects.filter(username="mo").exists()


def test_create_monitoring_officer_refuses_a_taken_username():
    officer("mo")
    code, _, err = run(
        "create_monitoring_officer",
        "mo",
        "--email",
        "a@b.cy",
        "--password-stdin",
        stdin="correct-horse-battery-2026\n",
    )
    assert code == 2 and "already taken" in err


def test_the_demo_account_exists_only_with_debug_and_the_sign_in_page_says_so(client, settings):
    settings.DEBUG = False
    code, _, err = run("seed_demo")
    assert code == 2 and "refused" in err
    settings.DEBUG = True
    assert run("seed_demo")[0] == 0
    assert "demo monitoring officer exists" in client.get("/accounts/sign-in/").content.decode()
    settings.DEBUG = False
    assert "demo monitoring officer" not in client.get("/accounts/sign-in/").content.decode()


def test_five_wrong_passwords_lock_the_username(client):
    user = officer("locked")
    for _ in range(5):
        response = client.post("/accounts/sign-in/", {"username": "locked", "password": "wrong"})
    assert response.status_code in (403, 429)
    assert "Too many attempts" in response.content.decode()
    right = client.post("/accounts/sign-in/", {"username": "locked", "password": PASSWORD})
    assert right.status_code in (403, 429)
    assert "_auth_user_id" not in client.session
    assert user.is_active


def test_a_wrong_password_gets_a_form_error(client):
    officer("someone")
    response = client.post("/accounts/sign-in/", {"username": "someone", "password": "wrong"})
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()


def test_an_idle_officer_is_signed_out(client, settings):
    client.force_login(officer())
    assert client.get("/records/").status_code == 200
    session = client.session
    session[LAST_SEEN] = time.time() - settings.SIGNED_IN_IDLE_MINUTES * 60 - 5
    session.save()
    response = client.get("/records/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/sign-in/")
    assert "_auth_user_id" not in client.session
