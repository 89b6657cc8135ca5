"""The authorisation matrix: every URL in the URLconf, asked by every role, gets the answer the
policy below says, in English and in Welsh. The URL list is read from the URLconf, so a new URL
without a rule fails test_every_url_has_a_rule_and_every_rule_a_url, and a rule for a URL that
is gone fails too.

Roles: anonymous; a training participant (no account: joined a live session with its code); a
trainer; a monitoring officer; an administrator (accounts only). The policy is written out by
hand, not derived from the code it checks: public pages are public; the monitoring officer's
workspace is for monitoring officers alone; a training session is seen only by whoever started
it; the admin site is for staff, each seeing only the models their role needs."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from council_sm.assessments.services import save_self_assessment
from council_sm.records.models import AdviceRecord
from council_sm.records.record_forms import AdviceRecordForm
from council_sm.records.services import audit, issue, save_draft
from council_sm.training.models import TrainingSession
from council_sm.training.services import advance, start_session

from .officers import administrator, officer, record_form_data, trainer
from .support import QUIET_PERSONAL_POST
from .test_security_headers import InlineCode
from .training import FIRST, SECOND

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "participant", "trainer", "officer", "administrator")
STAFF = ("trainer", "officer", "administrator")

SIGN_IN = "/accounts/sign-in/?next="
ADMIN_SIGN_IN = "/admin/login/?next="

# Expected answers: a status code, or (a redirect status, where the Location starts).
TO_SIGN_IN = (302, SIGN_IN)
TO_ADMIN_SIGN_IN = (302, ADMIN_SIGN_IN)


def everyone(answer) -> dict:
    return dict.fromkeys(ROLES, answer)


def officers_only(answer=200) -> dict:
    return {
        "anonymous": TO_SIGN_IN,
        "participant": TO_SIGN_IN,
        "trainer": 403,
        "officer": answer,
        "administrator": 403,
    }


def session_owner_only(answer=200, officer_answer=404) -> dict:
    """A training session's pages: its trainer; a monitoring officer may run sessions but not
    see another's (404, as if it did not exist); an administrator may not run training."""
    return {
        "anonymous": TO_SIGN_IN,
        "participant": TO_SIGN_IN,
        "trainer": answer,
        "officer": officer_answer,
        "administrator": 403,
    }


def staff_only(*, trainer, officer, administrator) -> dict:
    return {
        "anonymous": TO_ADMIN_SIGN_IN,
        "participant": TO_ADMIN_SIGN_IN,
        "trainer": trainer,
        "officer": officer,
        "administrator": administrator,
    }


def all_staff(answer) -> dict:
    return staff_only(trainer=answer, officer=answer, administrator=answer)


@dataclass(frozen=True)
class Rule:
    """How to ask for one URL (path built from the sample objects) and the answer per role.
    Unsafe methods are asked only of the roles that must be refused, so the matrix never
    changes a record; what an allowed role's POST does is tested with each feature."""

    path: Callable[[dict], str]
    expect: dict
    method: str = "get"
    refuse_post: dict = field(default_factory=dict)


def fixed(path: str) -> Callable[[dict], str]:
    return lambda samples: path


# The site's own URLs (i18n: each is also asked under /cy/).
SITE_RULES: dict[str, Rule] = {
    "start": Rule(fixed("/"), everyone(200)),
    "assessment": Rule(fixed("/assessment/"), everyone((302, "/assessment/platform/"))),
    "assessment-step": Rule(fixed("/assessment/platform/"), everyone(200)),
    "assessment-start-again": Rule(fixed("/assessment/start-again/"), everyone(405)),
    "assessment-result": Rule(lambda s: f"/assessment/result/{s['saved']}/", everyone(200)),
    "assessment-record-pdf": Rule(
        lambda s: f"/assessment/result/{s['saved']}/record.pdf", everyone(200)
    ),
    "verify": Rule(fixed("/verify/"), everyone(200)),
    "accessibility": Rule(fixed("/accessibility/"), everyone(200)),
    "welsh-language": Rule(fixed("/welsh-language/"), everyone(200)),
    "sign-in": Rule(
        fixed("/accounts/sign-in/"),
        {
            "anonymous": 200,
            "participant": 200,
            "trainer": (302, "/training/sessions/"),
            "officer": (302, "/records/"),
            "administrator": (302, "/records/"),
        },
    ),
    "sign-out": Rule(fixed("/accounts/sign-out/"), everyone(405)),
    "records:register": Rule(fixed("/records/"), officers_only()),
    "records:export": Rule(fixed("/records/export.csv"), officers_only()),
    "records:new": Rule(fixed("/records/new/"), officers_only()),
    "records:audit": Rule(fixed("/records/audit/"), officers_only()),
    "records:library": Rule(fixed("/records/library/"), officers_only()),
    "records:detail": Rule(lambda s: f"/records/{s['issued']}/", officers_only()),
    "records:edit": Rule(lambda s: f"/records/{s['draft']}/edit/", officers_only()),
    "records:issue": Rule(
        lambda s: f"/records/{s['draft']}/issue/",
        officers_only(405),
        refuse_post=officers_only(None),
    ),
    "records:correct": Rule(
        lambda s: f"/records/{s['issued']}/correct/",
        officers_only(405),
        refuse_post=officers_only(None),
    ),
    "records:pdf": Rule(lambda s: f"/records/{s['issued']}/record.pdf", officers_only()),
    # Training: the quiz is public; the live pages are the participant's; sessions are their
    # trainer's.
    "training:index": Rule(fixed("/training/"), everyone(200)),
    "training:scenario": Rule(fixed(f"/training/scenarios/{FIRST}/"), everyone(200)),
    "training:feedback": Rule(
        fixed(f"/training/scenarios/{FIRST}/answer/"),
        everyone((302, f"/training/scenarios/{FIRST}/")),
    ),
    "training:score": Rule(fixed("/training/score/"), everyone(200)),
    "training:restart": Rule(fixed("/training/restart/"), everyone(405)),
    "training:join": Rule(fixed("/training/join/"), everyone(200)),
    "training:live": Rule(
        fixed("/training/live/"), {**everyone((302, "/training/join/")), "participant": 200}
    ),
    "training:vote": Rule(fixed("/training/live/vote/"), everyone(405)),
    "training:live-state": Rule(fixed("/training/live/state/"), everyone(200)),
    "training:sessions": Rule(fixed("/training/sessions/"), session_owner_only(officer_answer=200)),
    "training:session": Rule(lambda s: f"/training/sessions/{s['session']}/", session_owner_only()),
    "training:session-action": Rule(
        lambda s: f"/training/sessions/{s['session']}/action/",
        session_owner_only(405, officer_answer=405),
        refuse_post={**session_owner_only(None), "officer": 404},
    ),
    "training:session-panel": Rule(
        lambda s: f"/training/sessions/{s['session']}/panel/", session_owner_only()
    ),
    "training:session-qr": Rule(
        lambda s: f"/training/sessions/{s['session']}/qr.svg", session_owner_only()
    ),
    "training:session-record": Rule(
        lambda s: f"/training/sessions/{s['ended_session']}/record.pdf", session_owner_only()
    ),
}

# Not translated pages: the health check and the public JSON API (no sign-in, no cookies).
UNTRANSLATED_RULES: dict[str, Rule] = {
    "healthz": Rule(fixed("/healthz"), everyone(200)),
    "api-v1:api-root": Rule(fixed("/api/v1/"), everyone(404)),
    "api-v1:openapi-json": Rule(fixed("/api/v1/openapi.json"), everyone(200)),
    "api-v1:casebook": Rule(fixed("/api/v1/casebook"), everyone(200)),
    "api-v1:create_assessment": Rule(fixed("/api/v1/assessments"), everyone(405)),
}

# The admin site's own pages.
ADMIN_RULES: dict[str, Rule] = {
    "admin:index": Rule(fixed("/admin/"), all_staff(200)),
    "admin:login": Rule(
        fixed("/admin/login/"),
        {
            "anonymous": 200,
            "participant": 200,
            "trainer": (302, "/admin/"),
            "officer": (302, "/admin/"),
            "administrator": (302, "/admin/"),
        },
    ),
    "admin:logout": Rule(
        fixed("/admin/logout/"),
        {**all_staff(405), "anonymous": (302, "/admin/"), "participant": (302, "/admin/")},
    ),
    "admin:password_change": Rule(fixed("/admin/password_change/"), all_staff(200)),
    "admin:password_change_done": Rule(fixed("/admin/password_change/done/"), all_staff(200)),
    "admin:autocomplete": Rule(fixed("/admin/autocomplete/"), all_staff(403)),
    "admin:jsi18n": Rule(fixed("/admin/jsi18n/"), all_staff(200)),
    "admin:view_on_site": Rule(
        lambda s: f"/admin/r/{s['user_type']}/{s['auth.user']}/", all_staff(404)
    ),
    "admin:app_list": Rule(
        fixed("/admin/caselaw/"), staff_only(trainer=404, officer=200, administrator=404)
    ),
    "admin/(?P<url>.*)$": Rule(fixed("/admin/no-such-page/"), all_staff(404)),
}

# Which admin actions each staff role has on each model the admin site shows. Nobody may
# delete anything but a sign-in lockout (which is how an administrator unlocks an account);
# the case library is edited by monitoring officers; accounts by administrators; the audit
# trail and published rulesets are read-only to monitoring officers; sign-in logs are for
# superusers alone.
CASE_LIBRARY = {"officer": {"view", "add", "change"}}
MODEL_ACCESS: dict[str, dict[str, set[str]]] = {
    "auth.group": {"administrator": {"view"}},
    "auth.user": {"administrator": {"view", "add", "change"}},
    "axes.accessattempt": {"administrator": {"view", "delete"}},
    "axes.accesslog": {},
    "axes.accessfailurelog": {},
    "caselaw.factor": CASE_LIBRARY,
    "caselaw.regime": CASE_LIBRARY,
    "caselaw.case": CASE_LIBRARY,
    "caselaw.advicerule": CASE_LIBRARY,
    "caselaw.authority": CASE_LIBRARY,
    "caselaw.ruleset": {"officer": {"view", "change"}},
    "caselaw.rulesetsnapshot": {"officer": {"view"}},
    "records.auditevent": {"officer": {"view"}},
    "training.scenario": {"trainer": {"view", "add", "change"}},
}
ADMIN_PAGES = {  # URL name suffix: (path after the model's, the action it needs)
    "changelist": ("", {"view", "change"}),
    "add": ("add/", {"add"}),
    "change": ("{pk}/change/", {"view", "change"}),
    "history": ("{pk}/history/", {"view", "change"}),
    "delete": ("{pk}/delete/", {"delete"}),
}


def model_rules() -> Iterator[tuple[str, Rule]]:
    for label, access in MODEL_ACCESS.items():
        app_label, model_name = label.split(".")
        base = f"/admin/{app_label}/{model_name}/"
        for page, (suffix, needs) in ADMIN_PAGES.items():
            answers = {role: 200 if access.get(role, set()) & needs else 403 for role in STAFF}
            yield (
                f"admin:{app_label}_{model_name}_{page}",
                Rule(
                    lambda s, base=base, suffix=suffix, label=label: (
                        base + suffix.format(pk=s[label])
                    ),
                    staff_only(**answers),
                ),
            )
        yield (
            f"admin/{app_label}/{model_name}/<path:object_id>/",
            Rule(lambda s, base=base, label=label: f"{base}{s[label]}/", all_staff((302, base))),
        )
    yield (
        "admin:auth_user_password_change",
        Rule(
            lambda s: f"/admin/auth/user/{s['auth.user']}/password/",
            staff_only(trainer=403, officer=403, administrator=200),
        ),
    )


RULES: dict[str, Rule] = {
    **SITE_RULES,
    **UNTRANSLATED_RULES,
    **ADMIN_RULES,
    **dict(model_rules()),
}


def url_keys(patterns=None, prefix: str = "", namespace: str = "") -> Iterator[tuple[str, str]]:
    """Yield (rule key, route) for every URL: its namespaced name, or its route if unnamed."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or ""
            joined = f"{namespace}:{inner}" if namespace and inner else namespace or inner
            yield from url_keys(pattern.url_patterns, prefix + str(pattern.pattern), joined)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            if pattern.name:
                yield (f"{namespace}:{pattern.name}" if namespace else pattern.name), route
            else:
                yield route, route


def test_every_url_has_a_rule_and_every_rule_a_url():
    keys = {key for key, _route in url_keys()}
    assert sorted(keys - RULES.keys()) == [], "URLs without a rule in the matrix"
    assert sorted(RULES.keys() - keys) == [], "rules for URLs that no longer exist"


def test_every_model_in_the_admin_has_a_policy():
    shown = {model._meta.label_lower for model in admin.site._registry}
    assert shown == set(MODEL_ACCESS)


@pytest.fixture
def samples() -> dict:
    """The people in each role, and one real object of each kind a URL needs."""
    people = {
        "trainer": trainer("trainer-in-matrix"),
        "officer": officer("officer-in-matrix"),
        "administrator": administrator(),
    }
    author = officer("author")
    form = AdviceRecordForm(record_form_data())
    assert form.is_valid(), form.errors
    details = {"user": author, "answers": form.answers(), "details": form.details()}
    draft = save_draft(**details, language="en")
    issued = issue(save_draft(**details, language="en"), user=author)
    audit(author, "viewed", record=issued)
    saved = save_self_assessment(dict(QUIET_PERSONAL_POST), language="en")
    scenarios = [FIRST, SECOND]
    live = start_session(user=people["trainer"], scenario_ids=scenarios, language="en")
    live = advance(live.pk, "start")
    ended = start_session(user=people["trainer"], scenario_ids=scenarios, language="en")
    ended = advance(ended.pk, "end")
    now = timezone.now()
    AccessAttempt.objects.create(username="someone", failures_since_start=1, attempt_time=now)
    AccessLog.objects.create(username="someone", attempt_time=now)
    AccessFailureLog.objects.create(username="someone", attempt_time=now)
    objects = {
        label: apps.get_model(label).objects.order_by("pk").first().pk for label in MODEL_ACCESS
    }
    return {
        **objects,
        "people": people,
        "draft": draft.pk,
        "issued": issued.pk,
        "saved": saved.pk,
        "session": live.pk,
        "session_code": live.code,
        "session_revision": live.revision,
        "ended_session": ended.pk,
        "user_type": ContentType.objects.get_for_model(get_user_model()).pk,
    }


def client_for(role: str, samples: dict) -> Client:
    client = Client()
    if role == "participant":
        joined = client.post("/training/join/", {"code": samples["session_code"]})
        assert joined["Location"] == "/training/live/"
    elif role != "anonymous":
        client.force_login(samples["people"][role])
    return client


def answer_of(response) -> tuple[int, str] | int:
    if response.status_code in (301, 302):
        return response.status_code, response["Location"]
    return response.status_code


def matches(expected, got) -> bool:
    if isinstance(expected, tuple):
        return isinstance(got, tuple) and got[0] == expected[0] and got[1].startswith(expected[1])
    return got == expected


def is_i18n(key: str) -> bool:
    return key in SITE_RULES


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_policy_s_answer_from_every_url(role, samples):
    client = client_for(role, samples)
    wrong = []
    for key, rule in sorted(RULES.items()):
        path = rule.path(samples)
        paths = [path, f"/cy{path}"] if is_i18n(key) else [path]
        for asked in paths:
            expected = rule.expect[role]
            if asked.startswith("/cy") and isinstance(expected, tuple):
                expected = (expected[0], re.sub(r"^/(?!admin)", "/cy/", expected[1]))
            response = getattr(client, rule.method)(asked)
            got = answer_of(response)
            if not matches(expected, got):
                wrong.append(f"GET {asked}: expected {expected}, got {got}")
            if key in SITE_RULES and response["Content-Type"].startswith("text/html"):
                # Every page any role can reach obeys the strict CSP: nothing inline.
                inline = InlineCode()
                inline.feed(response.content.decode())
                wrong += [f"GET {asked}: {found}" for found in inline.found]
            refused = rule.refuse_post.get(role)
            if refused is not None:
                if asked.startswith("/cy") and isinstance(refused, tuple):
                    refused = (refused[0], "/cy" + refused[1])
                got = answer_of(client.post(asked))
                if not matches(refused, got):
                    wrong.append(f"POST {asked}: expected {refused}, got {got}")
    assert wrong == []
    # The refused POSTs changed nothing.
    assert AdviceRecord.objects.get(pk=samples["draft"]).status == AdviceRecord.Status.DRAFT
    assert AdviceRecord.objects.count() == 2
    session = TrainingSession.objects.get(pk=samples["session"])
    assert session.revision == samples["session_revision"]
