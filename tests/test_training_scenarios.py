"""Training scenarios are data: the fixture holds the five decided cases told without their
outcome and at least eight invented scenarios, bilingual, each with a factor profile the
engine accepts, a cited teaching point and points for discussion. Validation names the record
and field at fault, reports every problem at once, and one problem refuses the whole file."""

import copy
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from council_sm.caselaw.fixtures import read_fixture_data
from council_sm.training.loading import load_scenarios_if_empty
from council_sm.training.models import Scenario
from council_sm.training.scenarios import InvalidScenarios, validate_scenarios

from .support import FIXTURES_DIR
from .training import REAL_CASES, fixture_records

RECORDS = fixture_records()


def validate(records, casebook):
    return validate_scenarios(records, casebook, default_regime="wales-2008")


def problems_of(records, casebook) -> list[str]:
    with pytest.raises(InvalidScenarios) as error:
        validate(records, casebook)
    return [str(problem) for problem in error.value.problems]


def test_the_fixture_file_is_valid(casebook):
    assert len(validate(RECORDS, casebook)) == len(RECORDS)


def test_the_five_decided_cases_are_each_told_once_and_eight_or_more_are_invented():
    cases = [record["case"] for record in RECORDS if record["case"]]
    assert sorted(cases) == sorted(REAL_CASES)
    assert sum(record["case"] is None for record in RECORDS) >= 8


def test_a_decided_case_is_told_with_its_own_facts(casebook):
    from council_sm.engine import parse_answers

    for record in RECORDS:
        if record["case"]:
            told = parse_answers(
                record["profile"], regimes=casebook.regimes, default_regime="wales-2008"
            )
            assert told.to_contract() == casebook.case(record["case"]).profile.to_contract()


OUTCOME_WORDS = re.compile(
    r"tribunal|committee found|\bfound\b|breach|suspen|sanction|upheld|no breach|"
    r"tribiwnlys|torri'r cod|ataliad|sancsiwn|canfu",
    re.IGNORECASE,
)


def test_decided_cases_are_told_without_their_outcome():
    cases = {case["id"]: case for case in read_fixture_data(FIXTURES_DIR)["cases"]}
    for record in RECORDS:
        if not record["case"]:
            continue
        case = cases[record["case"]]
        for field in ("text", "text_cy", "title", "title_cy"):
            assert not OUTCOME_WORDS.search(record[field]), (record["id"], field)
        assert record["text"] != case["summary"]
        assert case["outcome"]["sanction"] not in record["text"]
        assert case["name"].split()[-1] not in record["text"]  # not named, so not looked up


REQUIRED_INVENTED = {
    "a council-provided account used for party campaigning": lambda p: (
        p["account_type"] == "council_provided" and p["primarily_party_political"] is True
    ),
    "a pseudonymous forum post revealing council business": lambda p: (
        p["account_type"] == "anonymous"
        and p.get("platform") == "forum"
        and p["discusses_council_business"] is True
    ),
    "a disclaimer on a post using information held only as a member": lambda p: (
        p.get("profile_disclaimer") is True and p["uses_role_information"] is True
    ),
    "genuine political criticism of another member's position": lambda p: (
        p.get("genuine_political_expression") is True
        and "personal_attack" not in p.get("content_risks", [])
    ),
    "a planning matter the member will decide": lambda p: (
        "predetermination" in p.get("content_risks", [])
    ),
}


@pytest.mark.parametrize("topic", sorted(REQUIRED_INVENTED))
def test_each_required_invented_scenario_is_there(topic):
    matches = [r["id"] for r in RECORDS if not r["case"] and REQUIRED_INVENTED[topic](r["profile"])]
    assert matches, topic


def test_every_text_has_its_welsh_and_the_welsh_is_not_the_english():
    for record in RECORDS:
        for field in ("title", "text", "teaching_point"):
            assert record[f"{field}_cy"].strip() and record[f"{field}_cy"] != record[field]
        assert len(record["discussion"]) == len(record["discussion_cy"]) >= 2
        assert set(record["discussion"]).isdisjoint(record["discussion_cy"])


def test_the_engine_gives_every_band_across_the_scenarios(casebook):
    from council_sm.engine import assess, parse_answers

    bands = {
        assess(
            parse_answers(r["profile"], regimes=casebook.regimes, default_regime="wales-2008"),
            casebook,
        ).official_capacity.band
        for r in RECORDS
    }
    assert bands == {"likely", "borderline", "unlikely"}


def broken(**changes) -> list[dict]:
    records = copy.deepcopy(RECORDS)
    records[5].update(changes)
    return records


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"colour": "red"}, ".colour: unknown field"),
        ({"title_cy": ""}, ".title_cy: expected non-empty text"),
        ({"text": "x" * 1501}, ".text: at most 1,500 characters; got 1,501"),
        ({"id": "Not An Id"}, ".id: expected a short lower-case id"),
        ({"sources": ["guide 99.9"]}, ".sources: cites 'guide 99.9', which is not a known"),
        ({"sources": []}, ".sources: expected a list of at least one citation"),
        ({"discussion_cy": ["Un pwynt"]}, ".discussion_cy: expected one Welsh point for each"),
        ({"discussion": []}, ".discussion: expected a list of non-empty texts"),
        ({"case": "nobody"}, ".case: 'nobody' is not a case in the published casebook"),
        (
            {"profile": {**RECORDS[5]["profile"], "audience": "everyone"}},
            ".profile.audience: expected one of public, restricted, private_group",
        ),
        ({"profile": "likely"}, ".profile: expected an object of contract answers"),
    ],
    ids=[
        "unknown-field",
        "missing-welsh",
        "too-long",
        "bad-id",
        "unknown-citation",
        "no-citation",
        "welsh-points-missing",
        "no-points",
        "unknown-case",
        "bad-answer",
        "profile-not-object",
    ],
)
def test_a_broken_scenario_is_refused_naming_record_and_field(casebook, changes, expected):
    where = f"scenarios[{changes.get('id', RECORDS[5]['id'])}]"
    found = problems_of(broken(**changes), casebook)
    assert any(problem.startswith(where) and expected in problem for problem in found), found


def test_a_decided_case_told_with_other_facts_is_refused(casebook):
    records = copy.deepcopy(RECORDS)
    mullaney = next(r for r in records if r["case"] == "mullaney")
    mullaney["profile"]["refused_removal_request"] = False
    found = problems_of(records, casebook)
    assert found == [
        f"scenarios[{mullaney['id']}].profile: differs from the profile of case 'mullaney' in: "
        "refused_removal_request"
    ]


def test_repeated_ids_and_cases_are_refused_and_every_problem_is_reported(casebook):
    records = copy.deepcopy(RECORDS)
    records.append({**copy.deepcopy(records[0])})
    records[3]["title"] = ""
    found = problems_of(records, casebook)
    assert any(p.endswith(".id: used by more than one scenario") for p in found)
    assert any("'mullaney' is already told by scenario" in p for p in found)
    assert any(p.endswith(".title: expected non-empty text") for p in found)


@pytest.mark.django_db
def test_migrate_loads_the_scenarios_when_the_table_is_empty():
    assert Scenario.objects.count() == len(RECORDS)
    Scenario.objects.all().delete()
    load_scenarios_if_empty(sender=None)
    assert list(Scenario.objects.values_list("id", flat=True)) == [r["id"] for r in RECORDS]


@pytest.mark.django_db
def test_the_loader_leaves_an_edited_library_alone():
    Scenario.objects.filter(pk=RECORDS[0]["id"]).update(title="Edited by a trainer")
    load_scenarios_if_empty(sender=None)
    assert Scenario.objects.get(pk=RECORDS[0]["id"]).title == "Edited by a trainer"


@pytest.mark.django_db
def test_load_scenarios_refuses_a_broken_file_and_changes_nothing(tmp_path, capsys):
    records = copy.deepcopy(RECORDS)
    records[2]["text_cy"] = ""
    records[7]["sources"] = ["guide 42"]
    path = tmp_path / "scenarios.json"
    path.write_text(json.dumps({"scenarios": records}), encoding="utf-8")
    Scenario.objects.filter(pk=RECORDS[0]["id"]).update(title="Kept")
    with pytest.raises(SystemExit) as exit_info:
        call_command("load_scenarios", "--file", str(path))
    assert exit_info.value.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == [
        f"scenarios[{records[2]['id']}].text_cy: expected non-empty text",
        f"scenarios[{records[7]['id']}].sources: cites 'guide 42', which is not a known "
        "authority, section or case",
    ]
    assert Scenario.objects.get(pk=RECORDS[0]["id"]).title == "Kept"


@pytest.mark.django_db
def test_load_scenarios_replaces_the_library_with_the_fixtures(capsys):
    Scenario.objects.filter(pk=RECORDS[0]["id"]).update(title="Edited")
    call_command("load_scenarios")
    assert Scenario.objects.get(pk=RECORDS[0]["id"]).title == RECORDS[0]["title"]
    assert f"Loaded {len(RECORDS)} training scenario(s)" in capsys.readouterr().out


@pytest.mark.django_db
def test_an_admin_edit_that_breaks_a_scenario_is_refused_with_the_field():
    scenario = Scenario.objects.get(pk=RECORDS[6]["id"])
    scenario.profile = {**scenario.profile, "account_type": "work"}
    scenario.discussion_cy = []
    with pytest.raises(ValidationError) as error:
        scenario.full_clean()
    messages = error.value.messages
    assert any(
        f"scenarios[{scenario.id}].profile.account_type: expected one of" in m for m in messages
    )
    assert any(m.endswith(".discussion_cy: expected a list of non-empty texts") for m in messages)


@pytest.mark.django_db
def test_an_admin_edit_may_not_tell_a_case_twice():
    scenario = Scenario.objects.get(pk=RECORDS[6]["id"])
    scenario.case = "mullaney"
    scenario.profile = next(r["profile"] for r in RECORDS if r["case"] == "mullaney")
    with pytest.raises(ValidationError, match="already told by a scenario"):
        scenario.full_clean()
