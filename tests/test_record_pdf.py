"""The PDF record: complete, archival (PDF/A-3a with the JSON attached), tagged, deterministic,
and rendered without touching the network."""

import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from council_sm.assessments.labels import KEY_LABELS
from council_sm.records.pdf import _fetcher, extract_text

from .records import DESCRIPTION, RECORD_ANSWERS, attachments, issue_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued():
    return issue_record()


def test_the_text_holds_the_reference_band_precedents_and_every_answer(issued):
    saved, pdf = issued
    text = extract_text(pdf)
    flat = re.sub(r"\s+", " ", text)
    assert saved.reference in flat
    assert "You are likely to be seen as acting in your official capacity" in flat
    for precedent in saved.result["precedents"]:
        assert precedent["name"] in flat
    for key in saved.answers:
        assert str(KEY_LABELS[key]) in flat, key
    assert DESCRIPTION in flat
    assert saved.verification_code in flat
    assert saved.ruleset_sha256 in flat.replace(" ", "")
    assert "not legal advice" in flat
    assert re.search(r"Page 1 of \d", flat)


def test_the_attachments_parse_back_to_exactly_the_answers_and_result(issued):
    saved, pdf = issued
    files = attachments(pdf)
    assert set(files) == {"answers.json", "result.json", "record.json"}
    assert files["answers.json"] == {**saved.answers, "description": DESCRIPTION}
    assert files["result.json"] == saved.result
    assert files["record.json"]["reference"] == saved.reference
    assert files["record.json"]["verification_code"] == saved.verification_code


def test_the_metadata_names_the_record_council_and_language(issued):
    saved, pdf = issued
    reader = PdfReader(io.BytesIO(pdf))
    info = reader.metadata
    assert saved.reference in info.title
    assert info.author == "Example County Council"
    assert "official capacity" in info.subject
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_pdf_a_3a_is_declared_and_the_document_is_tagged(issued):
    _, pdf = issued
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfaid:part="3"|<pdfaid:part>3</pdfaid:part>', xmp)
    assert re.search(r'pdfaid:conformance="A"|<pdfaid:conformance>A</pdfaid:conformance>', xmp)
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    relationships = {spec.get_object()["/AFRelationship"] for spec in root["/AF"]}
    assert relationships == {"/Data"}


def _structure_types(node, found):
    node = node.get_object()
    if "/S" in node:
        found.add(str(node["/S"]))
    kids = node.get("/K")
    if kids is None:
        return found
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, dict):
            _structure_types(kid, found)
    return found


def test_the_tags_give_headings_tables_and_header_cells(issued):
    _, pdf = issued
    root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    types = _structure_types(root["/StructTreeRoot"], set())
    assert {"/H1", "/H2", "/Table", "/TH", "/TD", "/L", "/LI", "/P"} <= types


def test_every_font_is_embedded(issued):
    _, pdf = issued
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            fonts[str(font["/BaseFont"])] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    assert fonts and all(fonts.values()), fonts
    assert all("Record-Sans" in name for name in fonts)  # the bundled font, no fallback


def test_the_same_record_renders_to_identical_bytes():
    from council_sm.records.document import self_assessment_document
    from council_sm.records.pdf import render_record_pdf

    saved, first = issue_record()
    document = self_assessment_document(saved, language="en", description=DESCRIPTION)
    assert render_record_pdf(document).pdf == first


def test_rendering_refuses_anything_but_the_record_s_own_files(tmp_path):
    fetcher = _fetcher()
    with pytest.raises(ValueError, match="local assets only"):
        fetcher.fetch("https://example.com/tracker.png")
    outside = tmp_path / "secret.txt"
    outside.write_text("x")
    with pytest.raises(ValueError, match="outside the record assets"):
        fetcher.fetch(outside.as_uri())


def test_without_the_description_the_record_says_it_is_not_stored():
    _, pdf = issue_record(answers={**RECORD_ANSWERS, "description": ""})
    assert "descriptions are not stored" in re.sub(r"\s+", " ", extract_text(pdf))
    assert "description" not in attachments(pdf)["answers.json"]


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm (poppler-utils) not installed")
def test_the_first_two_pages_render_to_images_with_ink_on_them(issued, tmp_path):
    from PIL import Image

    _, pdf = issued
    source = tmp_path / "record.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(source), str(tmp_path / "page")],
        check=True,
    )
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == 2
    for path in images:
        colours = Image.open(path).convert("L").getextrema()
        assert colours[0] < 60 and colours[1] > 240  # dark text on a white page
