"""Who may do what in training: only trainers and monitoring officers run sessions (anonymous
visitors are sent to sign in, anyone else signed in gets 403), each session only by whoever
started it; participants and quiz-takers need no account; trainers keep the scenarios in the
admin and never see advice records."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from council_sm.accounts.roles import ROLE_PERMISSIONS, TRAINERS
from council_sm.training import urls as training_urls

from .officers import PASSWORD, administrator, make_user, officer, trainer
from .training import FIRST, act, participant, start, trainer_client, vote

pytestmark = pytest.mark.django_db

TRAINER_URLS = [p.name for p in training_urls.urlpatterns if p.name.startswith("session")]
PUBLIC_URLS = [p.name for p in training_urls.urlpatterns if not p.name.startswith("session")]


def trainer_urls(pk: int) -> list[str]:
    return [
        reverse(f"training:{name}", kwargs={"pk": pk} if name != "sessions" else None)
        for name in TRAINER_URLS
    ]


@pytest.fixture
def session():
    client = trainer_client("owner")
    session = start(client)
    act(client, session, "end")
    return session


def test_the_trainer_urls_are_the_session_ones():
    assert sorted(TRAINER_URLS) == [
        "session",
        "session-action",
        "session-panel",
        "session-qr",
        "session-record",
        "sessions",
    ]


def test_anonymous_visitors_are_sent_to_sign_in_from_every_trainer_url(client, session):
    for url in trainer_urls(session.pk):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith("/accounts/sign-in/?next="), url


@pytest.mark.parametrize(
    "make",
    [administrator, lambda: make_user("participant")],
    ids=["administrator", "signed-in-without-a-role"],
)
def test_signed_in_people_who_may_not_run_training_get_403(client, session, make):
    client.force_login(make())
    for url in trainer_urls(session.pk):
        for method in (client.get, client.post):
            assert method(url).status_code == 403, url


@pytest.mark.parametrize("make", [trainer, officer], ids=["trainer", "monitoring-officer"])
def test_trainers_and_monitoring_officers_can_run_a_session(client, make):
    client.force_login(make("runner"))
    assert client.get("/training/sessions/").status_code == 200
    session = start(client)
    assert client.get(f"/training/sessions/{session.pk}/").status_code == 200


def test_a_session_is_run_only_by_whoever_started_it(session):
    other = trainer_client("someone-else")
    for url in trainer_urls(session.pk):
        if url == "/training/sessions/":
            continue
        method = other.post if url.endswith("/action/") else other.get
        assert method(url).status_code == 404, url


def test_participants_and_quiz_takers_need_no_account():
    owner = trainer_client("owner")
    session = start(owner)
    act(owner, session, "start")
    anonymous = participant(session)
    assert vote(anonymous, FIRST, "yes").status_code == 302
    assert session.votes.count() == 1
    for name in PUBLIC_URLS:
        if name in ("restart", "vote"):
            continue
        url = reverse(
            f"training:{name}",
            kwargs={"scenario_id": FIRST} if "scenario" in name or name == "feedback" else None,
        )
        assert Client().get(url).status_code in (200, 302), url
        assert not Client().get(url).get("Location", "").startswith("/accounts/"), url


def test_trainers_are_signed_in_to_training_not_to_records():
    trainer("tess")
    client = Client()
    response = client.post("/accounts/sign-in/", {"username": "tess", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/training/sessions/"
    assert client.get("/records/").status_code == 403
    officer("olwen")
    response = Client().post("/accounts/sign-in/", {"username": "olwen", "password": PASSWORD})
    assert response["Location"] == "/records/"


def test_the_trainers_group_has_exactly_the_scenario_permissions():
    trainer("tess")
    codenames = set(Group.objects.get(name=TRAINERS).permissions.values_list("codename", flat=True))
    assert codenames == {"view_scenario", "add_scenario", "change_scenario"}
    assert ROLE_PERMISSIONS[TRAINERS] == {
        "training": ("view_scenario", "add_scenario", "change_scenario")
    }


def test_a_trainer_edits_scenarios_in_the_admin_but_cannot_delete_them_or_see_records(client):
    client.force_login(trainer("tess"))
    assert client.get("/admin/training/scenario/").status_code == 200
    change = client.get(f"/admin/training/scenario/{FIRST}/change/")
    assert change.status_code == 200 and "title_cy" in change.content.decode()
    assert client.get(f"/admin/training/scenario/{FIRST}/delete/").status_code == 403
    assert client.get("/admin/caselaw/case/").status_code == 403
    assert client.get("/admin/auth/user/").status_code == 403


def test_the_trainer_sees_training_in_the_navigation_but_not_the_records(client):
    client.force_login(trainer("tess"))
    html = client.get("/training/").content.decode()
    assert 'href="/training/sessions/"' in html and "Run a training session" in html
    assert 'href="/records/"' not in html
    assert "Run a training session" not in Client().get("/training/").content.decode()


def test_create_trainer_makes_a_staff_trainer_who_is_no_officer():
    import io
    import sys

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from council_sm.accounts.roles import can_run_training, is_officer

    out, old = io.StringIO(), sys.stdin
    sys.stdin = io.StringIO("correct-horse-battery-2026\n")
    try:
        call_command(
            "create_trainer",
            "tess",
            "--email",
            "tess@example.gov.uk",
            "--password-stdin",
            stdout=out,
        )
    finally:
        sys.stdin = old
    assert out.getvalue().strip() == "Created trainer tess."
    user = get_user_model().objects.get(username="tess")
    assert user.is_staff and can_run_training(user) and not is_officer(user)
    assert list(user.groups.values_list("name", flat=True)) == [TRAINERS]
