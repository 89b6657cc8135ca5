"""Reading an uploaded PDF in a separate, limited process: its page count, its content hash and
the record's JSON attachments. Hostile files (decompression bombs, endless structures) hit the
child's memory, CPU and time limits instead of the web server. The child needs no database.

Run as: python -m council_sm.records.pdfparse MAX_PAGES < file.pdf   (prints JSON)"""

from __future__ import annotations

import io
import json
import resource
import subprocess
import sys
from dataclasses import dataclass

WANTED = ("answers.json", "result.json", "record.json")
MAX_ATTACHMENT_BYTES = 1024 * 1024
CHILD_MEMORY_BYTES = 768 * 1024 * 1024
CHILD_CPU_SECONDS = 10
WALL_SECONDS = 20
CHILD_COMMAND = [sys.executable, "-m", __name__]  # + the page limit


@dataclass(frozen=True)
class ParsedPdf:
    """What could be read from an uploaded file, or why it could not (error is a code:
    not_pdf, too_many_pages, attachment_too_large, timeout or unreadable; the caller words it
    in the page's language). detail is for the log: the exception or signal that stopped the
    reader."""

    error: str = ""
    detail: str = ""
    pages: int = 0
    content_sha256: str = ""
    attachments: dict | None = None


def _read(data: bytes, max_pages: int) -> dict:
    from pypdf import PdfReader

    from council_sm.records.signing import content_hash

    reader = PdfReader(io.BytesIO(data), strict=False)
    pages = len(reader.pages)
    if pages > max_pages:
        return {"error": "too_many_pages", "pages": pages}
    streams = [_page_content(page) for page in reader.pages]
    attachments = {}
    for name, contents in reader.attachments.items():
        if name in WANTED and contents:
            if len(contents[0]) > MAX_ATTACHMENT_BYTES:
                return {"error": "attachment_too_large", "pages": pages}
            attachments[name] = contents[0].decode("utf-8", errors="replace")
    return {
        "pages": pages,
        "content_sha256": content_hash(streams, _font_programs(reader)),
        "attachments": attachments,
    }


def _page_content(page) -> bytes:
    """Return a page's drawing instructions as stored (decompressed, never re-serialised)."""
    contents = page.get("/Contents")
    if contents is None:
        return b""
    contents = contents.get_object()
    parts = contents if isinstance(contents, list) else [contents]
    return b"\n".join(part.get_object().get_data() for part in parts)


def _font_programs(reader) -> list[bytes]:
    """Return the data of every embedded font program the pages use, each once."""
    programs: dict[tuple[int, int], bytes] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        resources = resources.get_object() if resources is not None else {}
        fonts = resources.get("/Font")
        for font in (fonts.get_object() if fonts is not None else {}).values():
            font = font.get_object()
            descriptors = [font.get("/FontDescriptor")]
            descriptors += [
                kid.get_object().get("/FontDescriptor")
                for kid in font.get("/DescendantFonts") or []
            ]
            for descriptor in filter(None, descriptors):
                descriptor = descriptor.get_object()
                for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                    if key in descriptor:
                        reference = descriptor.raw_get(key)
                        identity = (reference.idnum, reference.generation)
                        programs[identity] = descriptor[key].get_object().get_data()
    return list(programs.values())


def _limit_child() -> None:  # runs in the child before exec
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY_BYTES, CHILD_MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (CHILD_CPU_SECONDS, CHILD_CPU_SECONDS))


def parse_pdf(data: bytes, *, max_pages: int) -> ParsedPdf:
    """Return what a limited child process could read from the bytes of a PDF."""
    if not data.startswith(b"%PDF-"):
        return ParsedPdf(error="not_pdf")
    try:
        completed = subprocess.run(  # noqa: S603 - our interpreter, our module, an integer
            [*CHILD_COMMAND, str(max_pages)],
            input=data,
            capture_output=True,
            timeout=WALL_SECONDS,
            preexec_fn=_limit_child,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return ParsedPdf(error="timeout", detail=f"over {WALL_SECONDS} s")
    if completed.returncode != 0:  # killed by a limit (SIGXCPU, SIGKILL) or crashed
        return ParsedPdf(error="unreadable", detail=f"exit status {completed.returncode}")
    try:
        output = json.loads(completed.stdout)
    except json.JSONDecodeError:
        return ParsedPdf(error="unreadable")
    return ParsedPdf(
        error=output.get("error", ""),
        detail=output.get("detail", ""),
        pages=output.get("pages", 0),
        content_sha256=output.get("content_sha256", ""),
        attachments=output.get("attachments"),
    )


def main() -> int:
    max_pages = int(sys.argv[1])
    data = sys.stdin.buffer.read()
    try:
        output = _read(data, max_pages)
    except Exception as error:  # a hostile or damaged file may raise anything
        output = {"error": "unreadable", "detail": type(error).__name__}
    sys.stdout.write(json.dumps(output))
    return 0


if __name__ == "__main__":
    sys.exit(main())
