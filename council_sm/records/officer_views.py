"""The monitoring officer's workspace: the register, advice records, corrections, the PDF,
the audit trail and the case library. Every view is for monitoring officers only."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from council_sm.accounts.access import officer_required
from council_sm.assessments.presenter import present_result
from council_sm.assessments.services import result_in_language
from council_sm.caselaw.models import RulesetSnapshot
from council_sm.caselaw.services import (
    NothingToPublish,
    casebook_for_sha,
    describe_changes,
    get_casebook,
    latest_published,
    publish_casebook,
    working_casebook,
)
from council_sm.engine import InvalidCasebook

from .document import advice_document
from .models import AdviceRecord, AuditEvent
from .pdf import RenderingFailed, render_record_pdf
from .record_forms import AdviceRecordForm, CorrectionForm
from .register import PAGE_SIZE, RegisterFilterForm, filter_records, records_csv
from .services import (
    TRANSIENT_ERRORS,
    actor_label,
    audit,
    issue,
    save_draft,
    start_correction,
)
from .views import record_languages

logger = logging.getLogger(__name__)


@officer_required
def register(request: HttpRequest) -> HttpResponse:
    """Every advice record version, searchable and filterable."""
    form = RegisterFilterForm(request.GET or None)
    page = Paginator(filter_records(form), PAGE_SIZE).get_page(request.GET.get("page"))
    names = regime_names()
    for record in page:
        record.regime_name = names.get(record.answers.get("regime"), record.answers.get("regime"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "records/register.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


def regime_names() -> dict[str, str]:
    """Return each Code of Conduct's name in the active language."""
    try:
        regimes = get_casebook().in_language(get_language()).regimes
    except InvalidCasebook:
        return {}
    return {code: regime.name for code, regime in regimes.items()}


@officer_required
def export_csv(request: HttpRequest) -> HttpResponse:
    """The register, as filtered, as a CSV file."""
    records = filter_records(RegisterFilterForm(request.GET or None))
    response = HttpResponse(records_csv(records), content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="advice-register-{stamp}.csv"'
    audit(
        request.user,
        AuditEvent.Action.EXPORTED,
        subject=_("the register (%(count)s rows)") % {"count": records.count()},
    )
    return response


@officer_required
@require_http_methods(["GET", "POST"])
def new_record(request: HttpRequest) -> HttpResponse:
    return _edit(request, None)


@officer_required
@require_http_methods(["GET", "POST"])
def edit_record(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(AdviceRecord, pk=pk)
    if not record.is_editable:
        messages.error(
            request, _("An issued record cannot be changed. Start a correction instead.")
        )
        return redirect("records:detail", pk=record.pk)
    return _edit(request, record)


def _edit(request: HttpRequest, record: AdviceRecord | None) -> HttpResponse:
    if request.method == "POST":
        form = AdviceRecordForm(request.POST)
        if form.is_valid():
            saved = save_draft(
                user=request.user,
                answers=form.answers(),
                details=form.details(),
                language=get_language(),
                record=record,
            )
            messages.success(request, _("Draft saved. Check it, then issue it."))
            return redirect("records:detail", pk=saved.pk)
        status = 400
    else:
        form = AdviceRecordForm(initial=AdviceRecordForm.initial_from(record) if record else None)
        status = 200
    return render(
        request, "records/record_form.html", {"form": form, "record": record}, status=status
    )


@officer_required
def record_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One version: its details, the engine's reasoning, its versions and its history."""
    record = get_object_or_404(
        AdviceRecord.objects.select_related("issued_by", "created_by"), pk=pk
    )
    audit(request.user, AuditEvent.Action.VIEWED, record=record)
    versions = AdviceRecord.objects.filter(series=record.series).order_by("version")
    history = AuditEvent.objects.filter(series=record.series).order_by("-at", "-pk")
    language = get_language()
    casebook = casebook_for_sha(record.ruleset_sha256)
    result = result_in_language(
        record.result, record.answers, stored_language=record.language, language=language
    )
    view = present_result(
        result, record.answers, casebook and casebook.in_language(language), precedent_limit=5
    )
    return render(
        request,
        "records/record_detail.html",
        {
            "record": record,
            "view": view,
            "versions": versions,
            "history": history[:50],
            "correction_form": CorrectionForm(),
        },
    )


@officer_required
@require_POST
def issue_record(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(AdviceRecord, pk=pk)
    try:
        issued = issue(record, user=request.user)
    except PermissionError:
        messages.error(request, _("This record has already been issued."))
        return redirect("records:detail", pk=record.pk)
    except TRANSIENT_ERRORS:
        logger.exception("Issuing record %s failed: database busy or unreachable", record.pk)
        messages.error(
            request, _("The record could not be issued just now. Nothing was changed; try again.")
        )
        return redirect("records:detail", pk=record.pk)
    messages.success(request, _("Issued as %(reference)s.") % {"reference": issued.label})
    return redirect("records:detail", pk=issued.pk)


@officer_required
@require_POST
def correct_record(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(AdviceRecord, pk=pk)
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter why the record needs correcting."))
        return redirect("records:detail", pk=record.pk)
    try:
        correction = start_correction(record, user=request.user, reason=form.cleaned_data["reason"])
    except PermissionError:
        messages.error(request, _("Only the latest issued version can be corrected."))
        return redirect("records:detail", pk=record.pk)
    messages.success(
        request, _("A new draft version has been started. The issued version stays on record.")
    )
    return redirect("records:edit", pk=correction.pk)


@officer_required
def record_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(AdviceRecord, pk=pk)
    if record.is_editable:
        messages.error(request, _("A draft has no PDF. Issue it first."))
        return redirect("records:detail", pk=record.pk)
    try:
        rendered = render_record_pdf(
            *(advice_document(record, language=code) for code in record_languages(request))
        )
    except RenderingFailed:
        logger.exception("Rendering advice record %s failed", record.pk)
        return render(request, "records/render_failed_officer.html", {"record": record}, status=503)
    audit(request.user, AuditEvent.Action.DOWNLOADED, record=record)
    response = HttpResponse(rendered.pdf, content_type="application/pdf")
    filename = record.label.replace(" ", "-")
    response["Content-Disposition"] = f'attachment; filename="{filename}.pdf"'
    return response


@officer_required
def audit_trail(request: HttpRequest) -> HttpResponse:
    page = Paginator(AuditEvent.objects.select_related("record"), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "records/audit.html", {"page": page})


@officer_required
@require_http_methods(["GET", "POST"])
def case_library(request: HttpRequest) -> HttpResponse:
    """The published ruleset, what the working copy changes, and publishing it."""
    latest = latest_published()
    changes: list[str] = []
    problems: list[str] = []
    try:
        working = working_casebook()
        if latest:
            changes = describe_changes(casebook_for_sha(latest.sha256), working)
    except InvalidCasebook as error:
        problems = [str(problem) for problem in error.problems]
    if request.method == "POST" and not problems:
        note = (request.POST.get("note") or "").strip()[:2000]
        try:
            published = publish_casebook(by=actor_label(request.user), note=note)
        except NothingToPublish:
            messages.info(request, _("Nothing has changed since the last version."))
        else:
            audit(request.user, AuditEvent.Action.PUBLISHED, subject=published.version)
            messages.success(
                request, _("Published as version %(version)s.") % {"version": published.version}
            )
        return redirect("records:library")
    return render(
        request,
        "records/library.html",
        {
            "latest": latest,
            "changes": changes,
            "problems": problems,
            "versions": RulesetSnapshot.objects.only(
                "version", "sha256", "published_at", "published_by", "note"
            )[:20],
        },
    )
