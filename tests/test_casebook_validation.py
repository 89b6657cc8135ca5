"""A broken casebook is refused whole, and every problem names its record and field."""

import json

import pytest

from council_sm.caselaw.fixtures import read_fixture_data
from council_sm.engine import InvalidCasebook, build_casebook


def problems(raw):
    with pytest.raises(InvalidCasebook) as caught:
        build_casebook(raw)
    return [str(problem) for problem in caught.value.problems]


def test_the_fixture_casebook_is_valid(casebook):
    assert casebook.version
    assert len(casebook.cases) == 5
    assert sorted(casebook.regimes) == ["england-lga-2020", "wales-2008"]


def wales(raw):
    return next(item for item in raw["regimes"] if item["id"] == "wales-2008")


def case(raw, case_id):
    return next(item for item in raw["cases"] if item["id"] == case_id)


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        (
            lambda raw: case(raw, "mullaney").pop("citation"),
            "cases[mullaney].citation: expected non-empty text",
        ),
        (
            lambda raw: case(raw, "johnson")["profile"].update(audience="everyone"),
            "cases[johnson].profile.audience",
        ),
        (
            lambda raw: case(raw, "sharratt")["outcome"].update(breach="no"),
            "cases[sharratt].outcome.breach",
        ),
        (
            lambda raw: case(raw, "sharratt").update(colour="red"),
            "cases[sharratt].colour: unknown field",
        ),
        (lambda raw: raw["factors"][0]["values"].pop("anonymous"), "factors[account_type].values"),
        (
            lambda raw: raw["factors"][1]["values"]["public"].update(weight="high"),
            "factors[audience].values.public.weight",
        ),
        (
            lambda raw: raw["factors"][2]["values"]["high"].update(sources=["guide 99.9"]),
            "factors[prominence].values.high.sources",
        ),
        (
            lambda raw: wales(raw)["paragraphs"][0].update(applies="sometimes"),
            "regimes[wales-2008].paragraphs[4(b)].applies",
        ),
        (
            lambda raw: wales(raw)["paragraphs"][6]["triggers"][0].update(values=["maybe"]),
            "regimes[wales-2008].paragraphs[7(b)].triggers[0].values",
        ),
        (lambda raw: raw["advice"][0].update(source="mulaney"), "advice[predetermination].source"),
        (lambda raw: raw["ruleset"]["scoring"].update(likely_from=20), "ruleset.scoring"),
        (
            lambda raw: raw["factors"][4]["values"]["unsure"].update(weight=9.0),
            "factors[discusses_council_business].values.unsure",
        ),
        (
            lambda raw: raw["cases"].append(dict(case(raw, "mullaney"))),
            "cases[mullaney].id: appears more than once",
        ),
    ],
    ids=[
        "missing-citation",
        "profile-value",
        "outcome-type",
        "unknown-field",
        "missing-factor-value",
        "weight-not-a-number",
        "unknown-guide-section",
        "applies-value",
        "trigger-value",
        "unknown-source",
        "thresholds-order",
        "unsure-outside-range",
        "duplicate-case",
    ],
)
def test_a_broken_record_is_named_with_its_field(raw_casebook, breakage, expected):
    breakage(raw_casebook)
    found = problems(raw_casebook)
    assert any(problem.startswith(expected) for problem in found), found


def test_all_problems_are_reported_together(raw_casebook):
    case(raw_casebook, "mullaney").pop("summary")
    case(raw_casebook, "mctigue").pop("tribunal")
    found = problems(raw_casebook)
    assert any(p.startswith("cases[mullaney].summary") for p in found)
    assert any(p.startswith("cases[mctigue].tribunal") for p in found)


def test_an_unreadable_fixture_file_is_named(tmp_path, fixture_data):
    for name, section in [("a.json", "authorities"), ("b.json", "cases")]:
        (tmp_path / name).write_text(json.dumps({section: fixture_data[section]}))
    (tmp_path / "c.json").write_text("{not json")
    with pytest.raises(InvalidCasebook) as caught:
        read_fixture_data(tmp_path)
    assert str(caught.value.problems[0]).startswith("c.json: cannot be read as JSON")


def test_every_text_needs_its_welsh(raw_casebook):
    raw_casebook["factors"][0]["values"]["personal"].pop("reason_cy")
    case(raw_casebook, "mctigue").pop("summary_cy")
    raw_casebook["ruleset"]["scoring"]["texts_cy"].pop("unsure")
    found = problems(raw_casebook)
    assert "factors[account_type].values.personal.reason_cy: expected non-empty text" in found
    assert "cases[mctigue].summary_cy: expected non-empty text" in found
    assert "ruleset.scoring.texts_cy.unsure: expected non-empty text" in found


def test_the_welsh_casebook_has_the_same_figures_and_welsh_texts(casebook, answers_for):
    from council_sm.engine import assess

    answers = answers_for(uses_role_information="unsure")
    english = assess(answers, casebook).to_contract()
    welsh = assess(answers, casebook.in_language("cy")).to_contract()
    assert welsh["official_capacity"]["score"] == english["official_capacity"]["score"]
    assert welsh["ruleset"] == english["ruleset"]
    assert welsh["official_capacity"]["factors"][0]["reason"] == (
        casebook.factors[0].values["personal"].reason_cy
    )
    assert welsh["advice"][-1]["text"] != english["advice"][-1]["text"]
