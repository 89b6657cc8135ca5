"""The training record: a PDF/A-3a document for the standards committee's minutes (date,
scenarios covered, vote distributions, attendance count, no names), rendered with the records'
renderer settings: the same bundled fonts and stylesheet, and the same fetcher that refuses the
network and any file outside the record assets."""

from __future__ import annotations

import json
from datetime import UTC

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import override

from council_sm.context_processors import council_name
from council_sm.records.pdf import PDF_VARIANT, RenderingFailed, _asset_base, _fetcher

from .models import TrainingSession
from .summary import SessionSummary, session_summary

DATA_FILE = "training.json"

__all__ = ["RenderingFailed", "render_training_record", "training_record_data"]


def training_record_data(summary: SessionSummary) -> dict:
    """Return the record's content as data, attached to the PDF as training.json."""
    training = summary.session
    return {
        "reference": training.reference,
        "started_at": training.created_at.isoformat(),
        "ended_at": training.ended_at.isoformat() if training.ended_at else None,
        "attendance": summary.attendance,
        "ruleset_version": summary.ruleset_version,
        "scenarios": [
            {
                "id": row.scenario_id,
                "title": row.title,
                "case": row.case_name or None,
                "engine_band": row.band_label,
                "votes": {"yes": row.tally.yes, "no": row.tally.no, "unsure": row.tally.unsure},
            }
            for row in summary.rows
        ],
    }


def training_record_html(training: TrainingSession, language: str) -> tuple[str, SessionSummary]:
    with override(language):
        summary = session_summary(training, language)
        html = render_to_string(
            "training/record.html",
            {
                "summary": summary,
                "training": training,
                "language": language,
                "council_name": council_name(language),
                "started": timezone.localtime(training.created_at),
                "ended": timezone.localtime(training.ended_at) if training.ended_at else None,
                "assets": _asset_base(),
                "monitoring_officer_email": settings.COUNCIL_MONITORING_OFFICER_EMAIL,
            },
        )
    return html, summary


def render_training_record(training: TrainingSession, *, language: str) -> bytes:
    """Return the PDF of an ended session's training record in a language. The same session
    renders to the same bytes: its dates are the session's own."""
    from weasyprint import HTML, Attachment

    try:
        html, summary = training_record_html(training, language)
        when = (training.ended_at or training.created_at).astimezone(UTC)
        data = json.dumps(
            training_record_data(summary), ensure_ascii=False, indent=2, sort_keys=True
        ).encode()
        attachment = Attachment(
            string=data, name=DATA_FILE, relationship="Data", created=when, modified=when
        )
        return HTML(string=html, base_url=_asset_base(), url_fetcher=_fetcher()).write_pdf(
            pdf_variant=PDF_VARIANT, attachments=[attachment]
        )
    except Exception as error:  # WeasyPrint raises many kinds; the caller needs one
        raise RenderingFailed(str(error)) from error
