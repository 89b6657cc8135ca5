"""Every main page carries a strict Content Security Policy and needs nothing it forbids: no
inline script, no inline style, no event-handler attributes. Framing, referrers and HTTPS are
locked down too."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from .support import QUIET_PERSONAL_POST
from .wizard import complete

pytestmark = pytest.mark.django_db


class InlineCode(HTMLParser):
    """Collect what a strict CSP would block: scripts without src, <style> elements, style=""
    attributes and on...="" handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        names = {name for name, _ in attrs}
        if tag == "script":
            self.scripts += 1
            if "src" not in names:
                self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style> element")
        if "style" in names:
            self.found.append(f'style="" on <{tag}>')
        self.found += [f"{name}= on <{tag}>" for name in names if name.startswith("on")]


def first_question(client) -> str:
    client.get("/")
    return "/assessment/platform/"


def check_answers(client) -> str:
    complete(client, QUIET_PERSONAL_POST)
    return "/assessment/check/"


def result_page(client) -> str:
    done = client.get(complete(client, {**QUIET_PERSONAL_POST, "platform": "x"})["Location"])
    return done["Location"]


PAGES = {
    "start": lambda client: "/",
    "start-welsh": lambda client: "/cy/",
    "first-question": first_question,
    "check-answers": check_answers,
    "result": result_page,
    "verify": lambda client: "/verify/",
}


def directives(header: str) -> dict[str, list[str]]:
    parts = [part.split() for part in header.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


@pytest.mark.parametrize("url_for", PAGES.values(), ids=PAGES.keys())
def test_each_page_has_a_strict_csp_and_nothing_inline(client, url_for):
    response = client.get(url_for(client))
    assert response.status_code == 200

    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert not any("unsafe" in value for values in policy.values() for value in values)

    parser = InlineCode()
    parser.feed(response.text)
    assert parser.found == []
    assert parser.scripts >= 1  # GOV.UK Frontend's module is still loaded


def test_pages_cannot_be_framed_or_leak_their_address(client):
    response = client.get("/")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"


def test_https_responses_tell_browsers_to_stay_on_https(client):
    response = client.get("/", secure=True)
    assert response.headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )


def test_cookies_are_sent_only_over_https(client):
    response = client.get("/assessment/platform/")
    assert response.cookies["sessionid"]["secure"] is True
    assert response.cookies["csrftoken"]["secure"] is True
    assert response.cookies["sessionid"]["httponly"] is True
