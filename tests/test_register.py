"""The register: search, filters, sorting, pagination and a CSV export that a spreadsheet
cannot be tricked by."""

import csv
import io

import pytest

from council_sm.records.models import AdviceRecord, AuditEvent
from council_sm.records.record_forms import AdviceRecordForm
from council_sm.records.services import issue, save_draft

from .officers import officer, record_form_data

pytestmark = pytest.mark.django_db


def make(author, *, issued=True, **changes):
    form = AdviceRecordForm(record_form_data(**changes))
    assert form.is_valid(), form.errors
    record = save_draft(user=author, answers=form.answers(), details=form.details(), language="en")
    return issue(record, user=author) if issued else record


@pytest.fixture
def records(client):
    author = officer()
    client.force_login(author)
    return {
        "jones": make(author),
        "evans": make(
            author,
            member_name="Cllr Bryn Evans",
            matter="A tweet about the bypass",
            determination="unlikely",
            departure_reasons="Private account.",
            advice_date_0="1",
        ),
        "draft": make(author, issued=False, member_name="Cllr Cerys Hughes", advice_date_0="2"),
    }


def names(response):
    return [record.member_name for record in response.context["page"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=evans", ["Cllr Bryn Evans"]),
        ("q=bypass", ["Cllr Bryn Evans"]),
        ("q=ADV-", ["Cllr Bryn Evans", "Cllr Alys Jones"]),
        ("status=draft", ["Cllr Cerys Hughes"]),
        ("band=unlikely", ["Cllr Bryn Evans"]),
        ("departs=yes", ["Cllr Bryn Evans"]),
        ("departs=no", ["Cllr Cerys Hughes", "Cllr Alys Jones"]),
        ("date_from=2026-11-02&date_to=2026-11-02", ["Cllr Cerys Hughes"]),
        ("sort=member", ["Cllr Alys Jones", "Cllr Bryn Evans", "Cllr Cerys Hughes"]),
        ("sort=advice_date", ["Cllr Alys Jones", "Cllr Cerys Hughes", "Cllr Bryn Evans"]),
    ],
    ids=[
        "member",
        "matter-text",
        "reference",
        "status",
        "band",
        "departs",
        "agrees",
        "dates",
        "sort-member",
        "sort-date",
    ],
)
def test_search_filters_and_sorting(client, records, query, expected):
    response = client.get(f"/records/?{query}")
    assert response.status_code == 200
    assert names(response) == expected


def test_the_register_is_paginated(client, records):
    author = AdviceRecord.objects.first().created_by
    for _ in range(25):
        make(author, issued=False)
    first = client.get("/records/")
    second = client.get("/records/?page=2")
    assert len(first.context["page"]) == 20 and len(second.context["page"]) == 8
    assert "Page 1 of 2" in first.content.decode()


def test_bad_filter_values_are_ignored_not_an_error(client, records):
    response = client.get("/records/?date_from=yesterday&sort=nonsense&page=abc")
    assert response.status_code == 200
    assert len(names(response)) == 3


def test_the_csv_export_holds_the_filtered_rows_and_is_audited(client, records):
    response = client.get("/records/export.csv?departs=yes")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["member_name"] for row in rows] == ["Cllr Bryn Evans"]
    assert rows[0]["engine_band"] == "likely" and rows[0]["determination"] == "unlikely"
    assert AuditEvent.objects.filter(action="exported").count() == 1


def test_the_csv_export_cannot_carry_a_spreadsheet_formula(client, records):
    author = AdviceRecord.objects.first().created_by
    make(author, issued=False, member_name='=HYPERLINK("http://x")')
    rows = list(csv.reader(io.StringIO(client.get("/records/export.csv").content.decode())))
    assert any(row[4] == '\'=HYPERLINK("http://x")' for row in rows)
