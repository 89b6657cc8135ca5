"""A councillor completes the self-assessment in a real browser, with and without JavaScript,
and sees an explained result. The result page is saved as a screenshot in test-artifacts/."""

import re

import pytest
from playwright.sync_api import Page, expect

from .journey import choose, current_step

pytestmark = pytest.mark.django_db(transaction=True)


def answer_every_question(page: Page) -> None:
    for _ in range(30):
        step = current_step(page)
        if step == "check":
            return
        choose(page, step)
        page.get_by_role("button", name="Continue").click()
    raise AssertionError("never reached the check page")


def test_a_councillor_completes_the_wizard_and_sees_an_explained_result(
    live_server, page: Page, artifacts
):
    page.set_viewport_size({"width": 1000, "height": 900})
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Start now").click()
    expect(page.locator("h1")).to_contain_text("Where will you post it?")
    expect(page.locator(".govuk-caption-l")).to_have_text("Question 1 of 17")

    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary")).to_be_visible()

    answer_every_question(page)
    expect(page.locator("h1")).to_have_text("Check your answers")
    page.get_by_role("button", name="Get your result").click()

    band = page.locator("[data-band]")
    expect(band).to_have_attribute("data-band", "likely")
    expect(page.locator("svg.app-similarity-chart")).to_be_visible()
    expect(page.get_by_text("May be at risk").first).to_be_visible()
    page.screenshot(path=str(artifacts / "result-page.png"), full_page=True)


def test_the_wizard_works_without_javascript(live_server, browser, artifacts):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/assessment/")
    answer_every_question(page)
    page.get_by_role("button", name="Get your result").click()
    expect(page.locator("[data-band]")).to_have_attribute("data-band", "likely")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320
    page.screenshot(path=str(artifacts / "result-page-320px-no-js.png"), full_page=True)
    context.close()
