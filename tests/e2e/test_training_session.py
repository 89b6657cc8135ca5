"""A facilitated session in two real browsers: a trainer on a desktop and a participant on a
phone, from joining to the reveal of the votes and the outcome, and the training record at the
end; in English and in Welsh. The screens follow each other by the pages' own script (no
reload by the test); a second run with JavaScript off uses the Refresh links instead."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from council_sm.training.models import TrainingSession, Vote

from ..officers import PASSWORD, trainer

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
TITLES = {"en": "A video to push the planning department", "cy": "Fideo i wthio'r adran gynllunio"}
JOINED = {"en": "You have joined", "cy": "Rydych wedi ymuno"}
DECIDED = {"en": "What was decided", "cy": "Beth a benderfynwyd"}


def prefix(language: str) -> str:
    return "" if language == "en" else f"/{language}"


def control(page: Page, action: str):
    """The trainer's button for an action, whatever the language."""
    return page.locator(f"form:has(input[name=action][value={action}]) button")


def sign_in(page: Page, base: str) -> None:
    page.goto(base + "/accounts/sign-in/")
    page.fill("#id_username", "tess")
    page.fill("#id_password", PASSWORD)
    page.locator("button.govuk-button").first.click()
    expect(page).to_have_url(re.compile(r"/training/sessions/$"))


def start_session(page: Page, base: str) -> str:
    page.goto(base + "/training/sessions/")
    page.locator("form button.govuk-button").first.click()
    expect(page.locator("#join-code")).to_be_visible()
    # The QR code is an SVG made by the server: it must arrive and draw, not just be linked.
    qr = page.locator("img.app-join-qr")
    expect(qr).to_have_js_property("complete", True)
    expect(qr).not_to_have_js_property("naturalWidth", 0)
    return page.locator("#join-code").inner_text().strip()


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_trainer_and_a_participant_from_join_to_reveal(
    live_server, browser: Browser, settings, artifacts, language
):
    settings.TRAINING_POLL_SECONDS = 1
    trainer("tess")
    base = live_server.url + prefix(language)
    screen = browser.new_context(**DESKTOP).new_page()
    phone_context = browser.new_context(**PHONE)
    phone = phone_context.new_page()

    sign_in(screen, base)
    code = start_session(screen, base)
    screen.screenshot(path=str(artifacts / f"training-screen-lobby-{language}.png"), full_page=True)

    phone.goto(base + "/training/join/")
    phone.fill("#code", code.lower())
    phone.locator("form button.govuk-button").click()
    expect(phone.locator("h1")).to_have_text(JOINED[language])
    expect(screen.locator("[data-poll-region=joined]")).to_contain_text("1")  # by polling

    control(screen, "start").click()
    expect(phone.locator("h1")).to_have_text(TITLES[language], timeout=10_000)  # by polling
    phone.locator("label[for=answer]").click()  # Yes
    phone.locator("form#vote button").click()
    expect(phone.locator(".govuk-notification-banner--success")).to_be_visible()
    phone.screenshot(path=str(artifacts / f"training-phone-voted-{language}.png"), full_page=True)
    expect(screen.locator(".app-vote-count")).to_contain_text("1", timeout=10_000)

    control(screen, "reveal_votes").click()
    chart = screen.locator("svg.app-vote-chart")
    expect(chart).to_be_visible()
    expect(screen.locator(".app-vote-table tbody tr").first).to_contain_text("1")

    phone.locator("label[for=answer-2]").click()  # changes to No
    phone.locator("form#vote button").click()
    rows = screen.locator(".app-vote-table tbody tr")
    expect(rows.nth(0).locator("td").first).to_have_text("0", timeout=10_000)  # by polling
    expect(rows.nth(1).locator("td").first).to_have_text("1")
    screen.screenshot(path=str(artifacts / f"training-screen-votes-{language}.png"), full_page=True)

    control(screen, "reveal_outcome").click()
    expect(screen.locator("#decided")).to_have_text(DECIDED[language])
    expect(phone.locator("#decided")).to_have_text(DECIDED[language], timeout=10_000)
    screen.screenshot(
        path=str(artifacts / f"training-screen-outcome-{language}.png"), full_page=True
    )
    phone.screenshot(path=str(artifacts / f"training-phone-outcome-{language}.png"), full_page=True)

    control(screen, "end").click()
    with screen.expect_download() as download:
        screen.locator("a[href$='record.pdf']").click()
    assert download.value.path().read_bytes().startswith(b"%PDF-")
    session = TrainingSession.objects.get()
    assert session.stage == "ended" and session.participants.count() == 1
    assert list(Vote.objects.values_list("answer", flat=True)) == ["no"]
    phone_context.close()


def test_a_session_works_without_javascript_by_the_refresh_links(live_server, browser: Browser):
    trainer("tess")
    base = live_server.url
    screen = browser.new_context(java_script_enabled=False, **DESKTOP).new_page()
    phone = browser.new_context(java_script_enabled=False, **PHONE).new_page()
    sign_in(screen, base)
    code = start_session(screen, base)
    phone.goto(base + f"/training/join/?code={code}")
    expect(phone.locator("#code")).to_have_value(code)
    phone.locator("form button.govuk-button").click()
    control(screen, "start").click()
    phone.get_by_role("link", name="Refresh").click()
    expect(phone.locator("h1")).to_have_text(TITLES["en"])
    phone.locator("label[for=answer-3]").click()  # Not sure
    phone.locator("form#vote button").click()
    control(screen, "reveal_votes").click()
    expect(screen.locator(".app-vote-table")).to_contain_text("Not sure")
    phone.locator("label[for=answer]").click()
    phone.locator("form#vote button").click()
    screen.get_by_role("link", name="Refresh").click()
    expect(screen.locator(".app-vote-table tbody tr").first.locator("td").first).to_have_text("1")
    control(screen, "reveal_outcome").click()
    phone.get_by_role("link", name="Refresh").click()
    expect(phone.locator("#decided")).to_be_visible()
