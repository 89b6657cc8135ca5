"""Welsh pages are wholly Welsh, the language switch leads to the same page in the other
language, answers survive a switch, and records come in Welsh or in both languages."""

import html
import re

import polib
import pytest

from council_sm.caselaw.fixtures import read_fixture_data
from council_sm.records.pdf import extract_text
from council_sm.records.verification import verify_pdf

from .officers import officer, record_form_data
from .records import RECORD_ANSWERS
from .support import FIXTURES_DIR, PROJECT_ROOT, QUIET_PERSONAL_POST
from .wizard import answer, complete, step_url

pytestmark = pytest.mark.django_db

CATALOGUE = polib.pofile(
    str(PROJECT_ROOT / "council_sm" / "locale" / "cy" / "LC_MESSAGES" / "django.po")
)


def english_phrases() -> set[str]:
    """English that must never appear on a Welsh page: the interface strings and the
    casebook's texts, wherever their Welsh differs from them."""
    phrases = {
        entry.msgid
        for entry in CATALOGUE
        if not entry.msgid_plural
        and len(entry.msgid) > 15
        and entry.msgstr != entry.msgid
        and "%" not in entry.msgid
        and "{" not in entry.msgid
        and "<" not in entry.msgid
    }
    data = read_fixture_data(FIXTURES_DIR)
    for factor in data["factors"]:
        phrases |= {value["reason"] for value in factor["values"].values()}
    phrases |= {case["summary"] for case in data["cases"]}
    phrases |= {rule["text"] for rule in data["advice"]}
    return phrases


ENGLISH = english_phrases()


def visible_text(response) -> str:
    body = response.content.decode().split("<body", 1)[1]
    body = re.sub(r"<script.*?</script>|<[^>]+>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(body))


def assert_welsh(response) -> None:
    text = visible_text(response)
    found = sorted(phrase for phrase in ENGLISH if phrase in text)
    assert found == [], found[:5]


def test_welsh_pages_hold_no_english(client):
    for path in ("/cy/", "/cy/verify/", "/cy/accessibility/", "/cy/welsh-language/"):
        assert_welsh(client.get(path))
    result = client.get(
        client.get(complete(client, RECORD_ANSWERS, lang="cy")["Location"])["Location"]
    )
    assert result.status_code == 200
    assert_welsh(result)
    assert_welsh(client.get("/cy/assessment/check/"))
    assert_welsh(
        client.post("/cy/assessment/audience/", {"self_assessment-current_step": "audience"})
    )


def test_officer_pages_in_welsh_hold_no_english(client):
    client.force_login(officer())
    client.post("/cy/records/new/", record_form_data())
    for path in ("/cy/records/", "/cy/records/new/", "/cy/records/audit/", "/cy/records/library/"):
        assert_welsh(client.get(path))


def test_the_language_switch_leads_to_the_same_page(client):
    page = client.get("/verify/").content.decode()
    assert re.search(r'href="/cy/verify/" hreflang="cy" lang="cy" rel="alternate"', page)
    welsh = client.get("/cy/verify/").content.decode()
    assert '<html lang="cy"' in welsh
    assert re.search(r'href="/verify/" hreflang="en" lang="en" rel="alternate"', welsh)


def test_answers_survive_a_switch_of_language(client):
    client.get(step_url("platform"))
    answer(client, "platform", "x")
    answer(client, "account", "councillor")
    welsh = client.get(step_url("account", "cy"))
    assert welsh.context["form"]["account_type"].value() == "councillor"
    assert answer(client, "audience", "public", lang="cy").status_code == 302
    assert client.get(step_url("audience")).context["form"]["audience"].value() == "public"


def test_a_result_made_in_english_reads_in_welsh_with_the_same_figures(client):
    result_url = client.get(complete(client, QUIET_PERSONAL_POST)["Location"])["Location"]
    english = client.get(result_url).context["view"]
    welsh = client.get("/cy" + result_url).context["view"]
    assert (welsh.band, welsh.score) == (english.band, english.score)
    assert welsh.factors[0].reason != english.factors[0].reason
    assert welsh.headline != english.headline
    assert "rhinwedd swyddogol" in welsh.headline


def test_the_record_comes_in_welsh_or_in_both_languages_and_verifies(client):
    result_url = client.get(complete(client, RECORD_ANSWERS)["Location"])["Location"]
    welsh = client.get("/cy" + result_url + "record.pdf")
    text = re.sub(r"\s+", " ", extract_text(welsh.content))
    assert "Hunanasesiad" in text or "hunanasesiad" in text
    assert "Official capacity self-assessment" not in text
    both = client.get(result_url + "record.pdf?bilingual=1")
    text = re.sub(r"\s+", " ", extract_text(both.content))
    assert text.index("Canllawiau") < text.index("This is guidance, not legal advice")
    for pdf in (welsh.content, both.content):
        assert verify_pdf(pdf).genuine
