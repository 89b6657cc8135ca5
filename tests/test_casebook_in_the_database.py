"""migrate leaves the casebook loaded; the database copy is the fixtures' copy; edits that would
break it are refused; a broken fixture loads nothing."""

import json
import shutil

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from council_sm.caselaw import models
from council_sm.caselaw.services import (
    NothingToPublish,
    casebook_for_sha,
    get_casebook,
    publish_casebook,
    working_casebook,
)

from .support import FIXTURES_DIR

pytestmark = pytest.mark.django_db


def test_migrate_leaves_the_casebook_loaded(casebook):
    assert models.Case.objects.count() == 5
    assert models.Regime.objects.get(pk="wales-2008").paragraphs.count() == 7
    assert models.Factor.objects.count() == len(casebook.factors)
    assert models.Ruleset.objects.get().version == casebook.version


def test_the_database_casebook_has_the_same_hash_as_the_fixtures(casebook):
    assert get_casebook().sha256 == casebook.sha256


def test_an_admin_edit_that_breaks_the_casebook_is_refused_with_the_reason():
    case = models.Case.objects.get(pk="mullaney")
    case.profile = {**case.profile, "audience": "everyone"}
    with pytest.raises(ValidationError) as caught:
        case.full_clean()
    assert any("cases[mullaney].profile.audience" in message for message in caught.value.messages)


def test_an_admin_edit_changes_the_working_copy_not_the_rules_in_use_until_published(casebook):
    value = models.FactorValue.objects.get(factor_id="audience", token="public")
    value.weight = 1.0
    value.full_clean()
    value.save()
    assert working_casebook().sha256 != casebook.sha256
    assert get_casebook().sha256 == casebook.sha256

    published = publish_casebook(by="test", note="audience weight")
    assert get_casebook().sha256 == published.sha256 != casebook.sha256
    assert published.version != casebook.version
    assert published.version.startswith(f"{timezone.localdate().year}.")
    assert models.RulesetSnapshot.objects.count() == 2


def test_publishing_an_unchanged_casebook_is_refused(casebook):
    with pytest.raises(NothingToPublish):
        publish_casebook(by="test")


def test_an_old_ruleset_stays_available_after_a_new_one_is_published(casebook):
    models.FactorValue.objects.filter(factor_id="audience", token="public").update(weight=1.0)
    publish_casebook(by="test")
    assert casebook_for_sha(casebook.sha256).sha256 == casebook.sha256


def test_a_broken_fixture_directory_loads_nothing(tmp_path, capsys, casebook):
    broken = tmp_path / "casebook"
    shutil.copytree(FIXTURES_DIR, broken)
    cases = json.loads((broken / "cases.json").read_text())
    cases["cases"][0]["profile"]["account_type"] = "work"
    (broken / "cases.json").write_text(json.dumps(cases))

    with pytest.raises(SystemExit) as exit_info:
        call_command("load_casebook", "--dir", str(broken))

    assert exit_info.value.code == 2
    assert "cases[mullaney].profile.account_type" in capsys.readouterr().err
    assert get_casebook().sha256 == casebook.sha256


def test_load_casebook_replaces_the_database_copy_with_the_fixtures(casebook):
    models.Case.objects.filter(pk="sharratt").update(summary="edited")
    call_command("load_casebook")
    assert models.Case.objects.get(pk="sharratt").summary != "edited"
    assert get_casebook().sha256 == casebook.sha256


def test_an_unchanged_casebook_is_read_with_one_query(django_assert_num_queries):
    get_casebook()
    with django_assert_num_queries(1):
        get_casebook()


def test_a_version_published_by_another_process_is_seen_on_the_next_read(casebook):
    get_casebook()
    models.FactorValue.objects.filter(factor_id="audience", token="public").update(weight=2.0)
    publish_casebook(by="another server")
    assert get_casebook().sha256 != casebook.sha256
