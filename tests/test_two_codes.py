"""English councils: the LGA Model Councillor Code of Conduct 2020 beside the Welsh Code. The
same answers differ where the law differs, a site may offer both, and every door accepts
"regime"."""

import html
import io
import json

import pytest
from django.core.management import call_command

from council_sm.engine import assess, parse_answers

from .support import QUIET_PERSONAL_POST
from .wizard import answer, complete, current_step, step_url

MISLEADING_PRIVATE_POST = {**QUIET_PERSONAL_POST, "content_risks": ["dishonest_or_misleading"]}


def paragraphs(casebook, regime):
    answers = parse_answers(
        {**MISLEADING_PRIVATE_POST, "regime": regime},
        regimes=casebook.regimes,
        default_regime="wales-2008",
    )
    result = assess(answers, casebook)
    assert result.official_capacity.band == "unlikely"
    return {item.paragraph: item for item in result.paragraphs}


def test_disrepute_applies_at_all_times_in_wales_but_only_in_capacity_under_the_lga_code(
    casebook,
):
    wales = paragraphs(casebook, "wales-2008")
    england = paragraphs(casebook, "england-lga-2020")
    assert wales["6(1)(a)"].applies_here and wales["6(1)(a)"].engaged
    assert not england["5"].applies_here and not england["5"].engaged
    assert "could be at risk" in england["5"].why


def test_the_lga_code_has_no_at_all_times_limb_except_for_misusing_the_position(casebook):
    england = casebook.regimes["england-lga-2020"]
    always = [item.paragraph for item in england.paragraphs if item.applies == "always"]
    assert always == ["6"]  # misusing the position is itself acting as a councillor
    assert {item.paragraph for item in england.paragraphs} == {str(n) for n in range(1, 11)}


def test_the_same_capacity_figures_and_precedents_serve_both_codes(casebook):
    results = {
        regime: assess(
            parse_answers(
                {**QUIET_PERSONAL_POST, "regime": regime},
                regimes=casebook.regimes,
                default_regime="wales-2008",
            ),
            casebook,
        )
        for regime in ("wales-2008", "england-lga-2020")
    }
    wales, england = results["wales-2008"], results["england-lga-2020"]
    assert wales.official_capacity.score == england.official_capacity.score
    assert [p.case.id for p in wales.precedents] == [p.case.id for p in england.precedents]
    assert england.to_contract()["regime"] == "england-lga-2020"


@pytest.mark.django_db
def test_manage_py_assess_accepts_a_regime(tmp_path):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({**MISLEADING_PRIVATE_POST, "regime": "england-lga-2020"}))
    out = io.StringIO()
    call_command("assess", "--answers", str(path), stdout=out)
    result = json.loads(out.getvalue())
    assert result["regime"] == "england-lga-2020"
    assert [p["paragraph"] for p in result["paragraphs"]][:3] == ["1", "2", "3"]


@pytest.mark.django_db
def test_a_site_offering_both_codes_asks_which_one_first(client, settings):
    settings.CASEBOOK_REGIMES = ["wales-2008", "england-lga-2020"]
    page = client.get(step_url("code"))
    assert page.status_code == 200
    assert "Local Government Association Model Councillor Code of Conduct 2020" in (
        page.content.decode()
    )
    response = answer(client, "code", "england-lga-2020")
    assert current_step(response) == "platform"
    done = client.get(
        complete(client, {**QUIET_PERSONAL_POST, "regime": "england-lga-2020"})["Location"]
    )
    result = client.get(done["Location"])
    assert result.context["view"].regime_name.startswith("Local Government Association")
    # What applies whatever the result is the chosen Code's own rule, not Wales's.
    page = html.unescape(result.content.decode())
    assert "misusing your position as a councillor (paragraph 6) is itself acting as one" in page
    assert "6(1)(a)" not in page


@pytest.mark.django_db
def test_a_welsh_council_s_result_says_which_paragraphs_apply_at_all_times(client):
    done = client.get(complete(client, QUIET_PERSONAL_POST)["Location"])
    page = html.unescape(client.get(done["Location"]).content.decode())
    assert "Paragraphs 6(1)(a) and 7 of this Code apply at all times" in page


@pytest.mark.django_db
def test_a_welsh_site_does_not_ask(client):
    client.get(step_url("platform"))
    assert "code" not in [
        step for step in client.get(step_url("platform")).context["wizard"]["steps"].all
    ]
