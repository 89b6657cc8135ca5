"""WCAG 2.2 AA for training, in a real browser: axe-core finds no violations on any training
page, in English and Welsh, in its error states and at every stage of a session, for the
quiz-taker, the participant and the trainer; a participant can join and vote by keyboard
alone; and the phone pages reflow at 320 CSS pixels."""

import pytest
from playwright.sync_api import Browser, Page, expect

from ..officers import PASSWORD, trainer
from ..training import act, start, trainer_client
from .test_accessibility import (
    assert_accessible,
    assert_focus_visible,
    press_enter,
    press_tab_until,
)

pytestmark = pytest.mark.django_db(transaction=True)

REAL = "video-to-push-planning"
INVENTED = "a-joke-in-a-private-group"


def prefix(language: str) -> str:
    return "" if language == "en" else f"/{language}"


def control(page: Page, action: str):
    return page.locator(f"form:has(input[name=action][value={action}]) button")


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_quiz_page_has_no_wcag_violations(live_server, page: Page, language):
    seen: list[str] = []
    base = live_server.url + prefix(language)
    page.goto(base + "/training/")
    assert_accessible(page, seen)
    for scenario, capacity in ((REAL, "capacity"), (INVENTED, "capacity-2")):
        page.goto(base + f"/training/scenarios/{scenario}/")
        assert_accessible(page, seen)
        page.locator("form button.govuk-button").click()  # nothing chosen: the error state
        expect(page.locator(".govuk-error-summary")).to_be_visible()
        assert_accessible(page, seen)
        page.locator(f"label[for={capacity}]").click()
        page.locator("label[for=paragraphs-none]").click()
        page.locator("form button.govuk-button").click()
        expect(page.locator("[data-band]")).to_be_visible()
        assert_accessible(page, seen)  # the feedback
    page.goto(base + "/training/score/")
    assert_accessible(page, seen)
    page.goto(base + "/training/join/")
    assert_accessible(page, seen)
    page.locator("form button.govuk-button").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page, seen)
    assert len(seen) == 10


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_session_page_has_no_wcag_violations_for_trainer_and_participant(
    live_server, browser: Browser, language
):
    trainer("tess")
    seen: list[str] = []
    base = live_server.url + prefix(language)
    screen = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True).new_page()
    screen.goto(base + "/accounts/sign-in/")
    screen.fill("#id_username", "tess")
    screen.fill("#id_password", PASSWORD)
    screen.locator("button.govuk-button").first.click()
    screen.goto(base + "/training/sessions/")
    assert_accessible(screen, seen)
    for box in screen.locator("input[name=scenarios]").all():
        box.uncheck()
    screen.locator("form button.govuk-button").first.click()  # none chosen: the error state
    expect(screen.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(screen, seen)
    screen.locator("input[name=scenarios]").nth(0).check()
    screen.locator("input[name=scenarios]").nth(1).check()
    screen.locator("form button.govuk-button").first.click()
    code = screen.locator("#join-code").inner_text().strip()
    assert_accessible(screen, seen)  # the lobby, with the code and QR code

    phone.goto(base + f"/training/join/?code={code}")
    phone.locator("form button.govuk-button").click()
    assert_accessible(phone, seen)  # waiting
    control(screen, "start").click()
    assert_accessible(screen, seen)  # the question
    phone.goto(base + "/training/live/")
    assert_accessible(phone, seen)  # the vote
    phone.locator("form#vote button").click()  # nothing chosen
    expect(phone.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(phone, seen)
    phone.locator("label[for=answer]").click()
    phone.locator("form#vote button").click()
    assert_accessible(phone, seen)  # voted, with the success banner
    control(screen, "reveal_votes").click()
    assert_accessible(screen, seen)  # the chart and table
    control(screen, "reveal_outcome").click()
    assert_accessible(screen, seen)
    phone.goto(base + "/training/live/")
    assert_accessible(phone, seen)  # the outcome on the phone
    control(screen, "end").click()
    assert_accessible(screen, seen)  # the summary
    phone.goto(base + "/training/live/")
    assert_accessible(phone, seen)
    assert len(seen) == 13


def test_a_participant_joins_and_votes_by_keyboard_alone(live_server, browser: Browser):
    client = trainer_client("tess")
    session = start(client)
    act(client, session, "start")
    page = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    page.goto(live_server.url + "/training/join/")
    press_tab_until(page, "#code")
    assert_focus_visible(page)
    page.keyboard.type(session.code)
    press_tab_until(page, "button.govuk-button")
    press_enter(page)
    press_tab_until(page, "input[type=radio]")
    assert_focus_visible(page)
    page.keyboard.press("ArrowDown")  # moves to and selects "No"
    press_tab_until(page, "form#vote button")
    assert_focus_visible(page)
    press_enter(page)
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    assert session.votes.get().answer == "no"


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_phone_pages_reflow_at_320_pixels(live_server, browser: Browser, language):
    client = trainer_client("tess")
    session = start(client)
    act(client, session, "start")
    page = browser.new_context(viewport={"width": 320, "height": 640}).new_page()
    base = live_server.url + prefix(language)
    widths = {}
    for path in (
        "/training/",
        f"/training/scenarios/{REAL}/",
        f"/training/join/?code={session.code}",
    ):
        page.goto(base + path)
        widths[page.url] = page.evaluate("document.documentElement.scrollWidth")
    page.locator("form button.govuk-button").click()
    widths[page.url + " (vote)"] = page.evaluate("document.documentElement.scrollWidth")
    act(client, session, "reveal_outcome")
    page.goto(base + "/training/live/")
    expect(page.locator("[data-band]")).to_be_visible()
    widths[page.url + " (outcome)"] = page.evaluate("document.documentElement.scrollWidth")
    assert all(width <= 320 for width in widths.values()), widths
