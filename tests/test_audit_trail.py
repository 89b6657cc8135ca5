"""The audit trail records who created, edited, issued, viewed, downloaded or exported what,
and when; officers can read it; nobody can change it through a page or the admin."""

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory

from council_sm.records.models import AdviceRecord, AuditEvent, ImmutableError

from .officers import officer, record_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client):
    client.force_login(officer(first_name="Morgan", last_name="Price"))
    return client


def actions(record=None):
    events = (
        AuditEvent.objects.all()
        if record is None
        else AuditEvent.objects.filter(series=record.series)
    )
    return [event.action for event in events.order_by("at", "pk")]


def test_each_thing_done_with_a_record_is_in_the_trail(signed_in):
    signed_in.post("/records/new/", record_form_data())
    record = AdviceRecord.objects.get()
    signed_in.post(f"/records/{record.pk}/edit/", record_form_data(follow_up="Call back."))
    signed_in.get(f"/records/{record.pk}/")
    signed_in.post(f"/records/{record.pk}/issue/")
    signed_in.get(f"/records/{record.pk}/record.pdf")
    signed_in.get("/records/export.csv")
    assert actions(record) == ["created", "edited", "viewed", "issued", "downloaded"]
    assert "exported" in actions()
    event = AuditEvent.objects.get(action="issued")
    assert event.actor_label == "Morgan Price (officer)"
    assert event.subject == AdviceRecord.objects.get().reference


def test_signing_in_and_out_is_recorded_without_an_address(client):
    user = officer()
    from .officers import PASSWORD

    client.post("/accounts/sign-in/", {"username": user.username, "password": PASSWORD})
    client.post("/accounts/sign-out/")
    assert actions() == ["signed_in", "signed_out"]
    assert all("." not in event.actor_label for event in AuditEvent.objects.all())


def test_officers_can_read_the_trail(signed_in):
    signed_in.post("/records/new/", record_form_data())
    page = signed_in.get("/records/audit/")
    assert page.status_code == 200
    assert "Morgan Price (officer)" in page.content.decode()


def test_an_event_cannot_be_changed_or_deleted():
    event = AuditEvent.objects.create(actor_label="x", action="viewed")
    event.subject = "changed"
    with pytest.raises(ImmutableError):
        event.save()
    with pytest.raises(ImmutableError):
        event.delete()


def test_the_admin_offers_no_way_to_add_change_or_delete_events():
    admin = site._registry[AuditEvent]
    request = RequestFactory().get("/admin/")
    request.user = officer("superuser", is_superuser=True)
    assert not admin.has_add_permission(request)
    assert not admin.has_change_permission(request)
    assert not admin.has_delete_permission(request)
