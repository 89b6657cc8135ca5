"""A monitoring officer signs in, records advice that departs from the engine, issues it,
downloads the PDF, corrects it, and finds both versions in the register."""

import pytest
from playwright.sync_api import Page, expect

from council_sm.records.verification import verify_pdf

from ..officers import ANSWERS, PASSWORD, officer

pytestmark = pytest.mark.django_db(transaction=True)


def fill_record(page: Page, *, determination: str, reasons: str = "") -> None:
    page.fill("#id_member_name", "Cllr Alys Jones")
    page.fill("#id_member_ward", "Llanfair")
    page.fill("#id_member_role", "Cabinet member for housing")
    page.fill("#id_matter", "A Facebook post about the library closure.")
    page.fill("#id_advice_date_0", "3")
    page.fill("#id_advice_date_1", "11")
    page.fill("#id_advice_date_2", "2026")
    page.check("input[name=channel][value=meeting]")
    for key, value in ANSWERS.items():
        if key == "content_risks":
            for risk in value:
                page.check(f"input[name=content_risks][value={risk}]")
        elif key != "description":
            page.check(f"input[name={key}][value='{value}']")
    page.check(f"input[name=determination][value={determination}]")
    page.fill("#id_departure_reasons", reasons)
    page.fill("#id_advice_given", "Keep the post to policy, not people.")


def test_an_officer_records_issues_downloads_and_corrects_advice(
    live_server, page: Page, artifacts
):
    officer("rhian", first_name="Rhian", last_name="Morgan")
    page.set_viewport_size({"width": 1100, "height": 900})
    page.goto(live_server.url + "/records/")
    expect(page.locator("h1")).to_have_text("Sign in")
    page.fill("#id_username", "rhian")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("h1")).to_have_text("Register of advice")

    page.get_by_role("link", name="New advice record").first.click()
    fill_record(page, determination="unlikely")
    page.get_by_role("button", name="Save as draft").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Give your reasons for departing")
    page.fill("#id_departure_reasons", "The page is a closed group of neighbours.")
    page.get_by_role("button", name="Save as draft").click()
    expect(page.get_by_text("Departs from the engine").first).to_be_visible()

    page.get_by_role("button", name="Issue this record").click()
    heading = page.locator("h1")
    expect(heading).to_contain_text("ADV-")
    reference = heading.inner_text().strip()

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the PDF").click()
    pdf = download.value.path().read_bytes()
    assert verify_pdf(pdf).genuine

    page.fill("#id_reason", "The date of the advice was wrong.")
    page.get_by_role("button", name="Start a correction").click()
    page.fill("#id_advice_date_0", "4")
    page.get_by_role("button", name="Save as draft").click()
    page.get_by_role("button", name="Issue this record").click()
    expect(page.locator("h1")).to_have_text(f"{reference} v2")

    page.get_by_role("link", name="Register", exact=True).click()
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(page.get_by_role("link", name=reference, exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=f"{reference} v2")).to_be_visible()
    page.screenshot(path=str(artifacts / "officer-register.png"), full_page=True)
