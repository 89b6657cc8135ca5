"""Issuing self-assessment records for tests, and tampering with their PDFs."""

from __future__ import annotations

import io
import json

from pypdf import PdfReader, PdfWriter

from council_sm.assessments.services import save_self_assessment
from council_sm.records.document import self_assessment_document
from council_sm.records.pdf import render_record_pdf

from .support import QUIET_PERSONAL_POST

DESCRIPTION = "A post about the library closure, criticising the cabinet member's decision."
RECORD_ANSWERS = {
    **QUIET_PERSONAL_POST,
    "account_type": "councillor",
    "audience": "public",
    "self_identification": "once",
    "discusses_council_business": True,
    "uses_role_information": "unsure",
    "content_risks": ["personal_attack", "predetermination"],
    "platform": "facebook",
    "description": DESCRIPTION,
}


def issue_record(language: str = "en", answers: dict | None = None):
    """Save a self-assessment and render its record; return (saved, pdf bytes)."""
    answers = dict(answers or RECORD_ANSWERS)
    saved = save_self_assessment(dict(answers), language=language)
    document = self_assessment_document(
        saved, language=language, description=answers.get("description")
    )
    return saved, render_record_pdf(document).pdf


def attachments(pdf: bytes) -> dict[str, object]:
    reader = PdfReader(io.BytesIO(pdf))
    return {name: json.loads(data[0]) for name, data in reader.attachments.items()}


def rewrite(pdf: bytes, *, drop_last_page=False, attachment_changes=None) -> bytes:
    """Return a copy of a PDF with a page dropped or an attachment's JSON changed."""
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter()
    pages = reader.pages[:-1] if drop_last_page else reader.pages
    for page in pages:
        writer.add_page(page)
    for name, data in reader.attachments.items():
        content = json.loads(data[0])
        if attachment_changes and name in attachment_changes:
            attachment_changes[name](content)
        writer.add_attachment(name, json.dumps(content, indent=2, sort_keys=True).encode())
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
