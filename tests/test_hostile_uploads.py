"""Hostile files sent to the public verification page: decompression bombs in the page content
and in an attachment, a page tree that loops, a file that takes too long, a body bigger than
the limit announced before it is read, and files that only pretend to be PDFs. Each is refused
with a reason on the page, never a 5xx, and the web process is not the one that reads them."""

from __future__ import annotations

import html
import io
import sys
import zlib

import pytest
from django.test import Client

from council_sm.records import pdfparse
from council_sm.records.verification import verify_pdf

pytestmark = pytest.mark.django_db

GIB = 1 << 30


def pdf_from_objects(objects: list[bytes], *, root: int = 1) -> bytes:
    """Assemble numbered objects (1, 2, ...) into a PDF with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, root))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def stream(data: bytes, filters: bytes = b"") -> bytes:
    extra = b" /Filter " + filters if filters else b""
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """1 GiB of zeros deflated twice: about 13 KB that a naive reader inflates to 1 GiB,
    beyond the reader's 768 MiB memory limit."""
    compressor = zlib.compressobj(1)
    chunk = bytes(1 << 24)
    once = b"".join(compressor.compress(chunk) for _ in range(GIB // len(chunk)))
    once += compressor.flush()
    return zlib.compress(once, 9)


def content_bomb_pdf(bomb: bytes) -> bytes:
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            stream(bomb, b"[/FlateDecode /FlateDecode]"),
        ]
    )


def attachment_bomb_pdf(bomb: bytes) -> bytes:
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R"
            b" /Names << /EmbeddedFiles << /Names [(answers.json) 5 0 R] >> >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            stream(b"BT ET"),
            b"<< /Type /Filespec /F (answers.json) /UF (answers.json) /EF << /F 6 0 R >> >>",
            stream(bomb, b"[/FlateDecode /FlateDecode]"),
        ]
    )


def looping_pages_pdf() -> bytes:
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",  # the tree contains itself
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ]
    )


def upload(client: Client, data: bytes, name: str = "record.pdf"):
    file = io.BytesIO(data)
    file.name = name
    return client.post("/verify/", {"record": file})


def page_text(response) -> str:
    return html.unescape(response.content.decode())


@pytest.mark.parametrize("build", [content_bomb_pdf, attachment_bomb_pdf], ids=["pages", "file"])
def test_a_decompression_bomb_is_refused_as_unreadable(client, bomb, build):
    data = build(bomb)
    assert len(data) < 20_000
    outcome = verify_pdf(data)
    assert not outcome.genuine
    assert "could not be read" in outcome.problem
    response = upload(client, data)
    assert response.status_code == 200
    assert "could not be read" in page_text(response)


# Runs the reader with pypdf's own decompression limits lifted.
READER_WITHOUT_PYPDF_LIMITS = """
import runpy, sys
from pypdf import overwrite_configuration
overwrite_configuration(**{
    name: 1 << 40 for name in (
        "maximum_declared_stream_length", "array_based_stream_maximum_output_length",
        "zlib_maximum_output_length", "stream_decoding_work_maximum_length")})
sys.argv = ["pdfparse", *sys.argv[1:]]
runpy.run_module("council_sm.records.pdfparse", run_name="__main__")
"""


def test_the_reader_s_memory_limit_stops_a_bomb_its_library_would_let_through(bomb, monkeypatch):
    """pypdf stops this bomb itself (its 75 MB output limit). With that lifted the reader's
    768 MiB address-space limit must still stop it, so the protection does not rest on one
    library's defaults."""
    assert pdfparse.parse_pdf(content_bomb_pdf(bomb), max_pages=40).detail == "LimitReachedError"
    monkeypatch.setattr(
        pdfparse, "CHILD_COMMAND", [sys.executable, "-c", READER_WITHOUT_PYPDF_LIMITS]
    )
    parsed = pdfparse.parse_pdf(content_bomb_pdf(bomb), max_pages=40)
    assert parsed.error == "unreadable"
    assert parsed.detail == "MemoryError"


def test_a_page_tree_that_loops_is_refused(client):
    response = upload(client, looping_pages_pdf())
    assert response.status_code == 200
    text = page_text(response)
    assert "This is not a genuine record" in text or "could not be read" in text
    assert "could not be read" in verify_pdf(looping_pages_pdf()).problem


def test_a_file_that_takes_too_long_is_stopped(client, monkeypatch):
    monkeypatch.setattr(pdfparse, "WALL_SECONDS", 0.01)  # less than the reader needs to start
    response = upload(client, content_bomb_pdf(b"x"))
    assert response.status_code == 200
    assert "could not be read in the time allowed" in page_text(response)


def test_a_body_over_the_limit_is_refused_before_it_is_read(settings):
    settings.RECORD_UPLOAD_MAX_BYTES = 1024
    client = Client(enforce_csrf_checks=True)  # the CSRF check would read the body first
    response = client.post(
        "/verify/",
        data=b"x" * 10,
        content_type="multipart/form-data; boundary=zz",
        CONTENT_LENGTH=str(50 * 1024 * 1024),
    )
    assert response.status_code == 413
    assert "The file must be smaller than 5 MB" in page_text(response)


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"GIF89a" + bytes(100), "record.pdf"),
        (b"PK\x03\x04" + bytes(100), "record.pdf"),
        (b"<html><script>alert(1)</script></html>", "record.pdf"),
        (b"", "record.pdf"),
    ],
    ids=["gif", "zip", "html", "empty"],
)
def test_a_file_that_only_pretends_to_be_a_pdf_is_a_form_error(client, data, name):
    response = upload(client, data, name)
    assert response.status_code == 400
    text = page_text(response)
    assert "There is a problem" in text
    assert "<script>alert(1)</script>" not in response.content.decode()
