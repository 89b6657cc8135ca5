"""The answers the browser tests give, one per wizard step."""

from playwright.sync_api import Page

CHOICES = {
    "platform": "facebook",
    "account": "personal",
    "audience": "public",
    "profile": "moderate",
    "identify": "none",
    "business": "true",
    "role-information": "unsure",
    "area": "true",
    "constituent": "false",
    "council-action": "false",
    "party-political": "false",
    "resources": "false",
    "disclaimer": "false",
    "removal-request": "false",
    "political-expression": "false",
}


def current_step(page: Page) -> str:
    return page.url.rstrip("/").rsplit("/", 1)[-1]


def choose(page: Page, step: str) -> None:
    """Answer the question on the page by pointer (checking a radio or box, filling text)."""
    if step == "content":
        page.locator("input[value=personal_attack]").check()
        page.locator("input[value=predetermination]").check()
    elif step == "description":
        page.locator("textarea").fill("A post about the library.")
    else:
        page.locator(f"input[type=radio][value='{CHOICES[step]}']").check()
