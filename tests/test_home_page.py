"""The start page answers in both languages and carries no GOV.UK branding."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("url", "lang"), [("/", "en"), ("/cy/", "cy")], ids=["english", "welsh"])
def test_the_start_page_answers_in_each_language(client, url, lang):
    response = client.get(url)
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in response.text
    assert "monitoring.officer@example.gov.uk" in response.text


def test_the_page_shows_the_council_s_name_and_no_crown(client, settings):
    settings.COUNCIL_NAME = "Cyngor Sir Enghraifft"
    html = client.get("/").text
    assert "Cyngor Sir Enghraifft" in html
    assert "crown" not in html.lower()
    assert "GDS Transport" not in html
