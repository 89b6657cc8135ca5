"""The register's search, filters, sorting and CSV rows, kept apart from the views."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .models import BANDS, AdviceRecord

SORTS = {
    "newest": ("-created_at", "-pk"),
    "oldest": ("created_at", "pk"),
    "advice_date": ("-advice_date", "-pk"),
    "reference": ("reference", "version"),
    "member": ("member_name", "reference", "version"),
}
PAGE_SIZE = 20


class RegisterFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("A member's name, a reference, or words from the matter or advice"),
    )
    band = forms.ChoiceField(
        label=_("Officer's determination"),
        required=False,
        choices=[("", _("Any")), *list(BANDS)],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any")), *list(AdviceRecord.Status.choices)],
    )
    departs = forms.ChoiceField(
        label=_("Departs from the engine"),
        required=False,
        choices=[("", _("Either")), ("yes", _("Yes")), ("no", _("No"))],
    )
    date_from = forms.DateField(
        label=_("Advice from"),
        help_text=_("For example 2026-03-27"),
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-10"}),
    )
    date_to = forms.DateField(
        label=_("Advice to"),
        help_text=_("For example 2026-03-27"),
        required=False,
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-10"}),
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("newest", _("Newest first")),
            ("oldest", _("Oldest first")),
            ("advice_date", _("Date of advice")),
            ("reference", _("Reference")),
            ("member", _("Member's name")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.label_size = Size.SMALL
        self.helper.layout = Layout(
            Field.text("q"),
            Field.select("band"),
            Field.select("status"),
            Field.select("departs"),
            Field.text("date_from", field_width=10),
            Field.text("date_to", field_width=10),
            Field.select("sort"),
            Button("filter", _("Apply")),
        )


def filter_records(form: RegisterFilterForm) -> QuerySet[AdviceRecord]:
    """Return the records the filter form selects, sorted as asked."""
    records = AdviceRecord.objects.select_related("issued_by", "created_by")
    data = form.cleaned_data if form.is_valid() else {}
    if query := (data.get("q") or "").strip():
        records = records.filter(
            Q(member_name__icontains=query)
            | Q(reference__icontains=query)
            | Q(matter__icontains=query)
            | Q(advice_given__icontains=query)
        )
    if data.get("band"):
        records = records.filter(determination=data["band"])
    if data.get("status"):
        records = records.filter(status=data["status"])
    if data.get("departs"):
        records = records.filter(departs_from_engine=data["departs"] == "yes")
    if data.get("date_from"):
        records = records.filter(advice_date__gte=data["date_from"])
    if data.get("date_to"):
        records = records.filter(advice_date__lte=data["date_to"])
    return records.order_by(*SORTS.get(data.get("sort") or "newest", SORTS["newest"]))


CSV_COLUMNS = (
    "reference",
    "version",
    "status",
    "regime",
    "member_name",
    "member_ward",
    "member_role",
    "advice_date",
    "channel",
    "engine_band",
    "determination",
    "departs_from_engine",
    "ruleset_version",
    "issued_at",
    "issued_by",
)


def _safe(value: object) -> str:
    """Return a cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def records_csv(records: Iterable[AdviceRecord]) -> str:
    """Return the register as CSV, one row per record version."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for record in records:
        writer.writerow(
            _safe(value)
            for value in (
                record.reference,
                record.version,
                record.status,
                record.answers.get("regime", ""),
                record.member_name,
                record.member_ward,
                record.member_role,
                record.advice_date,
                record.channel,
                record.engine_band,
                record.determination,
                "yes" if record.departs_from_engine else "no",
                record.ruleset_version,
                record.issued_at.isoformat() if record.issued_at else "",
                record.issued_by.get_username() if record.issued_by else "",
            )
        )
    return out.getvalue()
