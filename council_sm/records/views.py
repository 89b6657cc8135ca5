"""Downloading a self-assessment record as a PDF, and the public verification page."""

from __future__ import annotations

import logging

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods

from council_sm.assessments.models import SavedAssessment
from council_sm.assessments.views import session_description

from .document import self_assessment_document
from .forms import VerifyForm
from .pdf import RenderingFailed, render_record_pdf
from .verification import verify_pdf, verify_reference

logger = logging.getLogger(__name__)


def self_assessment_pdf(request: HttpRequest, pk: str) -> HttpResponse:
    """The PDF record of a saved self-assessment, in the page's language. The record is
    already stored, so a rendering failure loses nothing and the link can simply be tried
    again."""
    saved = get_object_or_404(SavedAssessment, pk=pk)
    description = session_description(request)
    documents = [
        self_assessment_document(saved, language=language, description=description)
        for language in record_languages(request)
    ]
    try:
        rendered = render_record_pdf(*documents)
    except RenderingFailed:
        logger.exception("Rendering record %s failed", saved.reference)
        return render(request, "records/render_failed.html", {"saved": saved}, status=503)
    response = HttpResponse(rendered.pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{saved.reference}.pdf"'
    return response


def record_languages(request: HttpRequest) -> list[str]:
    """Return the languages a record is asked for: the page's language, or both (?bilingual=1)
    in the order the council has set."""
    if request.GET.get("bilingual") == "1":
        first = settings.BILINGUAL_RECORD_FIRST_LANGUAGE
        return [first, "en" if first == "cy" else "cy"]
    return [get_language()]


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Anyone may check a record: upload it, or give its reference and code."""
    form = VerifyForm(request.POST, request.FILES) if request.method == "POST" else VerifyForm()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("record")
        if upload is not None:
            outcome = verify_pdf(upload.read())
        else:
            outcome = verify_reference(form.cleaned_data["reference"], form.cleaned_data["code"])
        return render(request, "records/verify_result.html", {"outcome": outcome})
    status = 400 if request.method == "POST" else 200
    return render(request, "records/verify.html", {"form": form}, status=status)
