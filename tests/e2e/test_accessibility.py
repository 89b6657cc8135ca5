"""WCAG 2.2 AA in a real browser: axe-core (bundled by axe-playwright-python, nothing fetched)
finds no violations on any page, in English and Welsh, in their error and result states; the
wizard can be completed by keyboard alone, with visible focus and the error summary taking
focus; and pages reflow at 320 CSS pixels without horizontal scrolling."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from ..officers import PASSWORD, officer
from .journey import choose, current_step

pytestmark = pytest.mark.django_db(transaction=True)

AXE = Axe()
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def assert_accessible(page: Page, seen: list[str]) -> None:
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    seen.append(page.url)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def prefix(language: str) -> str:
    return "" if language == "en" else f"/{language}"


def walk_wizard(page: Page, check) -> None:
    """Answer every question, checking each page (and the first one's error state)."""
    check(page)
    page.locator("button.govuk-button").first.click()  # nothing chosen: the error state
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    check(page)
    for _ in range(30):
        current = current_step(page)
        if current == "check":
            check(page)
            return
        choose(page, current)
        check(page)
        page.locator("button.govuk-button").first.click()
    raise AssertionError("never reached the check page")


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_public_page_has_no_wcag_violations(live_server, page: Page, language):
    seen: list[str] = []
    base = live_server.url + prefix(language)
    check = lambda current: assert_accessible(current, seen)  # noqa: E731
    for path in (
        "/",
        "/accessibility/",
        "/welsh-language/",
        "/verify/",
        "/no-such-page/",
        "/assessment/business/",
    ):
        page.goto(base + path)
        check(page)
    page.goto(base + "/verify/")
    page.locator("button.govuk-button").first.click()
    check(page)  # the verify form's error state
    page.goto(base + "/assessment/")
    walk_wizard(page, check)
    page.locator("form button.govuk-button").first.click()
    expect(page.locator("[data-band]")).to_be_visible()
    check(page)  # the result
    page.goto(base + "/verify/")
    page.fill("#id_reference", "SA-0000-0000")
    page.fill("#id_code", "AAAA-BBBB-CCCC-DDDD")
    page.locator("button.govuk-button").first.click()
    check(page)  # a record that is not genuine
    assert len(seen) >= 25


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_officer_page_has_no_wcag_violations(live_server, page: Page, language):
    officer("rhian", first_name="Rhian", last_name="Morgan")
    seen: list[str] = []
    base = live_server.url + prefix(language)
    page.goto(base + "/accounts/sign-in/")
    page.locator("button.govuk-button").first.click()
    assert_accessible(page, seen)  # sign-in error state
    page.fill("#id_username", "rhian")
    page.fill("#id_password", PASSWORD)
    page.locator("button.govuk-button").first.click()
    for path in ("/records/", "/records/new/", "/records/audit/", "/records/library/"):
        page.goto(base + path)
        assert_accessible(page, seen)
    page.goto(base + "/records/new/")
    page.locator("button.govuk-button").last.click()
    assert_accessible(page, seen)  # the long form's error state
    assert len(seen) == 6


def press_tab_until(page: Page, selector: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def assert_focus_visible(page: Page) -> None:
    style = page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
                   return [s.outlineStyle, s.outlineWidth, s.boxShadow, s.backgroundColor]; }"""
    )
    outline_style, outline_width, box_shadow, background = style
    assert (
        (outline_style != "none" and outline_width != "0px")
        or box_shadow != "none"
        or (background == "rgb(255, 221, 0)")
    ), style


def press_enter(page: Page) -> None:
    """Press Enter on the focused link or button and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_the_wizard_can_be_completed_by_keyboard_alone(live_server, page: Page):
    page.goto(live_server.url + "/")
    press_tab_until(page, "a.govuk-button--start")
    assert_focus_visible(page)
    press_enter(page)
    press_tab_until(page, "button.govuk-button")
    press_enter(page)  # nothing chosen
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    for _ in range(30):
        current = current_step(page)
        if current == "check":
            break
        if current == "content":
            press_tab_until(page, "input[value=none]")
            page.keyboard.press("Space")
        elif current == "description":
            press_tab_until(page, "textarea")
            page.keyboard.type("A post about the library.")
        else:
            press_tab_until(page, "input[type=radio]")
            assert_focus_visible(page)
            page.keyboard.press("Space")
        press_tab_until(page, "button.govuk-button")
        assert_focus_visible(page)
        press_enter(page)
    press_tab_until(page, "form button.govuk-button")
    press_enter(page)
    expect(page.locator("[data-band]")).to_be_visible()


@pytest.mark.parametrize("language", ["en", "cy"])
def test_pages_reflow_at_320_pixels_without_horizontal_scrolling(
    live_server, browser, language, artifacts
):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    base = live_server.url + prefix(language)
    widths = {}
    for path in ("/", "/verify/", "/accessibility/", "/assessment/"):
        page.goto(base + path)
        widths[page.url] = page.evaluate("document.documentElement.scrollWidth")
    walk_wizard(page, lambda current: None)
    page.locator("form button.govuk-button").first.click()
    expect(page.locator("[data-band]")).to_be_visible()
    widths[page.url] = page.evaluate("document.documentElement.scrollWidth")
    page.screenshot(path=str(artifacts / f"result-320px-{language}.png"), full_page=True)
    context.close()
    assert all(width <= 320 for width in widths.values()), widths
