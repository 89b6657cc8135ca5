"""Rendering a record as a PDF/A-3a document with WeasyPrint: tagged for screen readers, fonts
embedded, the answers and result attached as JSON, and no network access while rendering."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import override

from .document import RECORD_FILE, RecordDocument
from .signing import content_hash, text_seal

PDF_VARIANT = "pdf/a-3a"
ASSET_ROOTS = ("static/fonts", "static/records")


class RenderingFailed(RuntimeError):
    """Raised when a record could not be rendered; the stored record is untouched."""


@dataclass(frozen=True)
class RenderedRecord:
    pdf: bytes
    content_sha256: str


def _fetcher():
    from weasyprint.urls import URLFetcher

    roots = tuple((Path(settings.BASE_DIR) / root).resolve() for root in ASSET_ROOTS)

    class LocalAssetFetcher(URLFetcher):
        """Serves the record's own CSS and fonts from disk and refuses everything else, so
        rendering never touches the network or files outside the assets folders."""

        def fetch(self, url, headers=None):
            if not url.startswith("file://"):
                raise ValueError(f"records may load local assets only, not {url}")
            path = Path(url.removeprefix("file://").split("?")[0]).resolve()
            if not any(path.is_relative_to(root) for root in roots):
                raise ValueError(f"{path} is outside the record assets")
            return super().fetch(url, headers)

    return LocalAssetFetcher(allowed_protocols={"file"})


def record_html(*documents: RecordDocument) -> str:
    """Return the HTML a record is rendered from: one document, or the same record in two
    languages one after the other (a bilingual record), each part marked with its language."""
    first = documents[0]
    with override(first.language):
        return render_to_string(
            "records/record.html",
            {
                "document": first,
                "parts": [_part(document) for document in documents],
                "languages": [document.language for document in documents],
                "assets": _asset_base(),
            },
        )


def _part(document: RecordDocument) -> str:
    with override(document.language):
        return render_to_string(
            "records/record_part.html", {"document": document, "view": document.view}
        )


def _asset_base() -> str:
    return (Path(settings.BASE_DIR) / "static").resolve().as_uri() + "/"


def extract_text(pdf: bytes) -> str:
    """Return the text of every page, as pypdf reads it."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def _raw(stream) -> bytes:
    """Return a pydyf stream's content before compression."""
    compress, stream.compress = stream.compress, False
    try:
        data = stream.data
    finally:
        stream.compress = compress
    return data[data.index(b"\nstream\n") + 8 : data.rindex(b"\nendstream")]


def _reference(value) -> int:
    text = value.decode() if isinstance(value, bytes) else str(value)
    return int(text.split()[0])


def _shown_content(pdf) -> str:
    """Return the content hash of a pydyf PDF about to be written (see signing.content_hash)."""
    pages = [pdf.objects[number] for number in pdf.pages["Kids"][::3]]  # number, 0, "R"
    streams = [_raw(pdf.objects[_reference(page["Contents"])]) for page in pages]
    fonts = [
        _raw(pdf.objects[_reference(item[key])])
        for item in pdf.objects
        if isinstance(item, dict) and item.get("Type") == "/FontDescriptor"
        for key in ("FontFile", "FontFile2", "FontFile3")
        if key in item
    ]
    return content_hash(streams, fonts)


def render_record_pdf(document: RecordDocument, *more: RecordDocument) -> RenderedRecord:
    """Return the PDF of a record (in more than one language when given more documents of the
    same record), written once: just before the file is written, the seal over what its pages
    show is put into record.json."""
    from hashlib import md5

    from weasyprint import HTML, Attachment

    language = "+".join(part.language for part in (document, *more))
    unsealed = document.attachment_bytes(language=language)
    sealed: dict[str, str] = {}

    def seal(_document, pdf) -> None:
        digest = _shown_content(pdf)
        final = document.attachment_bytes(
            text_seal=text_seal(document.reference, language, digest), language=language
        )[RECORD_FILE]
        for item in pdf.objects:
            extra = getattr(item, "extra", None)
            if (
                extra
                and extra.get("Type") == "/EmbeddedFile"
                and _raw(item) == unsealed[RECORD_FILE]
            ):
                item.stream = [final]
                extra["Params"]["CheckSum"] = f"<{md5(final, usedforsecurity=False).hexdigest()}>"
                extra["Params"]["Size"] = len(final)
                sealed["digest"] = digest
        if "digest" not in sealed:
            raise RenderingFailed("record.json was not found in the PDF to seal it")

    try:
        html = HTML(
            string=record_html(document, *more), base_url=_asset_base(), url_fetcher=_fetcher()
        )
        # The record's own time, not the time of rendering, so renderings are identical.
        when = document.created_at.astimezone(UTC)
        attachments = [
            Attachment(string=content, name=name, relationship="Data", created=when, modified=when)
            for name, content in unsealed.items()
        ]
        pdf = html.write_pdf(pdf_variant=PDF_VARIANT, attachments=attachments, finisher=seal)
    except RenderingFailed:
        raise
    except Exception as error:  # WeasyPrint raises many kinds; the caller needs one
        raise RenderingFailed(str(error)) from error
    return RenderedRecord(pdf=pdf, content_sha256=sealed["digest"])


def write_atomically(target: Path, data: bytes) -> None:
    """Write a file so that it is either whole or absent: a temporary file beside the target,
    flushed to disk, then renamed over it. A full disk leaves no half-written PDF."""
    target = Path(target)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
