"""Only monitoring officers see records: every record URL answers anonymous visitors with a
redirect to sign in, and anyone else signed in (trainers, administrators, participants) with
a 403. The URL list comes from the URLconf, so a new records URL is covered automatically."""

import pytest
from django.urls import reverse

from council_sm.records import urls as records_urls
from council_sm.records.models import AdviceRecord
from council_sm.records.services import save_draft

from .officers import administrator, make_user, officer, record_form_data, trainer

pytestmark = pytest.mark.django_db


def record_urls(pk: int) -> list[str]:
    """Return every URL of the records workspace, with a real record's id where one is needed."""
    return sorted(
        reverse(
            f"records:{pattern.name}",
            kwargs={"pk": pk} if "pk" in pattern.pattern.converters else None,
        )
        for pattern in records_urls.urlpatterns
    )


@pytest.fixture
def draft():
    author = officer("author")
    from council_sm.records.record_forms import AdviceRecordForm

    form = AdviceRecordForm(record_form_data())
    assert form.is_valid(), form.errors
    return save_draft(user=author, answers=form.answers(), details=form.details(), language="en")


def test_every_records_url_is_listed(draft):
    urls = record_urls(draft.pk)
    assert len(urls) == 10
    assert f"/records/{draft.pk}/record.pdf" in urls


def test_anonymous_visitors_are_sent_to_sign_in_from_every_record_url(client, draft):
    for url in record_urls(draft.pk):
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith("/accounts/sign-in/"), url


@pytest.mark.parametrize(
    "make",
    [trainer, administrator, lambda: make_user("participant")],
    ids=["trainer", "administrator", "participant"],
)
def test_signed_in_people_who_are_not_officers_get_403_everywhere(client, draft, make):
    client.force_login(make())
    for url in record_urls(draft.pk):
        for method in (client.get, client.post):
            assert method(url).status_code == 403, url


def test_officers_reach_every_record_url(client, draft):
    client.force_login(officer("reader"))
    for url in record_urls(draft.pk):
        assert client.get(url).status_code in (200, 302, 405), url
    assert AdviceRecord.objects.count() == 1
