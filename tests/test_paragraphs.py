"""Which paragraphs of the Welsh Code apply and which the answers engage (paragraph 2(1))."""

from hypothesis import given, settings
from hypothesis import strategies as st

from council_sm.caselaw.fixtures import load_fixture_casebook
from council_sm.engine import assess
from council_sm.engine.answers import ANSWER_KEYS, CONTENT_RISKS, Answers

from .support import FIXTURES_DIR

CASEBOOK = load_fixture_casebook(FIXTURES_DIR)
ALWAYS = {"6(1)(a)", "7(a)", "7(b)"}
IN_CAPACITY = {"4(b)", "4(c)", "4(d)", "5(a)"}


@st.composite
def any_answers(draw, **fixed):
    tokens = {
        spec.key: draw(st.sampled_from(spec.choices))
        for spec in ANSWER_KEYS
        if spec.kind in {"choice", "tristate", "flag"}
    }
    risks = draw(st.lists(st.sampled_from(CONTENT_RISKS), unique=True))
    tokens.update(fixed)
    return Answers(regime="wales-2008", content_risks=tuple(sorted(risks)), **tokens)


def test_the_regime_lists_every_paragraph_of_the_domain_table():
    regime = CASEBOOK.regimes["wales-2008"]
    applies = {item.paragraph: item.applies for item in regime.paragraphs}
    assert applies == {
        "4(b)": "official_capacity",
        "4(c)": "official_capacity",
        "4(d)": "official_capacity",
        "5(a)": "official_capacity",
        "6(1)(a)": "always",
        "7(a)": "always",
        "7(b)": "always",
    }


@settings(max_examples=500, deadline=None)
@given(any_answers(uses_council_resources="true"))
def test_using_council_resources_always_engages_7b(answers):
    result = assess(answers, CASEBOOK)
    engaged = {item.paragraph: item.engaged for item in result.paragraphs}
    assert engaged["7(b)"] is True


@settings(max_examples=500, deadline=None)
@given(any_answers())
def test_6_1_a_and_7_apply_whatever_the_band_and_the_rest_only_in_capacity(answers):
    result = assess(answers, CASEBOOK)
    in_capacity = result.official_capacity.band in {"likely", "borderline"}
    for item in result.paragraphs:
        if item.paragraph in ALWAYS:
            assert item.applies_here
        else:
            assert item.applies_here == in_capacity
        assert not item.engaged or item.applies_here


def test_a_personal_attack_engages_4b_only_when_official_capacity_is_in_play(answers_for):
    in_play = assess(
        answers_for(
            account_type="councillor",
            audience="public",
            self_identification="once",
            content_risks=["personal_attack"],
        ),
        CASEBOOK,
    )
    private = assess(answers_for(content_risks=["personal_attack"]), CASEBOOK)
    assert in_play.official_capacity.band == "likely"
    assert private.official_capacity.band == "unlikely"
    assert {p.paragraph: p.engaged for p in in_play.paragraphs}["4(b)"] is True
    assert {p.paragraph: p.engaged for p in private.paragraphs}["4(b)"] is False


def test_misleading_content_engages_disrepute_even_in_a_private_capacity(answers_for):
    result = assess(answers_for(content_risks=["dishonest_or_misleading"]), CASEBOOK)
    assert result.official_capacity.band == "unlikely"
    assert {p.paragraph: p.engaged for p in result.paragraphs}["6(1)(a)"] is True


def test_an_unsure_answer_that_could_engage_a_paragraph_is_flagged_not_hidden(answers_for):
    result = assess(answers_for(uses_council_resources="unsure"), CASEBOOK)
    paragraph = {p.paragraph: p for p in result.paragraphs}["7(b)"]
    assert paragraph.engaged is False
    assert paragraph.uncertain is True


def test_a_triggered_policy_point_is_given_with_its_guide_paragraph(answers_for):
    result = assess(answers_for(content_risks=["predetermination"]), CASEBOOK)
    assert "guide 8.9" in [point.source for point in result.advice]
    quiet = assess(answers_for(), CASEBOOK)
    assert "guide 8.9" not in [point.source for point in quiet.advice]
