"""Render time of a typical record against WeasyPrint rendering a static HTML file of the same
length (the record's own HTML and CSS, saved to disk) in the same run. Aim (issue 4): at most
1.3x. Also the absolute median and the peak memory of one rendering."""

from __future__ import annotations

import resource
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from bench.samples import TYPICAL_ANSWERS

REPEAT = 15
ANSWERS = TYPICAL_ANSWERS


def _median_ms(function) -> float:
    function()
    samples = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def run() -> dict[str, Any]:
    """Return the medians (ms), ratio and peak memory (MiB) of one record rendering."""
    from weasyprint import HTML

    from council_sm.assessments.services import save_self_assessment
    from council_sm.records.document import self_assessment_document
    from council_sm.records.pdf import _asset_base, record_html, render_record_pdf

    saved = save_self_assessment(dict(ANSWERS), language="en")
    document = self_assessment_document(saved, language="en", description=ANSWERS["description"])
    with tempfile.TemporaryDirectory() as folder:
        static = Path(folder) / "record.html"
        html = record_html(document)
        static.write_text(html, encoding="utf-8")
        baseline = _median_ms(
            lambda: HTML(filename=str(static), base_url=_asset_base()).write_pdf()
        )
        record = _median_ms(lambda: render_record_pdf(document))
        pages = len(HTML(filename=str(static), base_url=_asset_base()).render().pages)
    tracemalloc.start()
    render_record_pdf(document)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    process_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "name": "pdf",
        "pages": pages,
        "html_chars": len(html),
        "baseline_ms": round(baseline, 1),
        "record_ms": round(record, 1),
        "ratio": round(record / baseline, 2),
        "peak_python_mib": round(peak / 2**20, 1),
        "process_peak_rss_mib": round(process_peak, 1),
        "meets_target": record / baseline <= 1.3,
    }


def to_markdown(result: dict[str, Any]) -> str:
    """Return the result as a Markdown section."""
    return "\n".join(
        [
            "## PDF record against bare WeasyPrint",
            "",
            f"A typical self-assessment record: {result['pages']} A4 pages, "
            f"{result['html_chars']:,} characters of HTML. Medians over {REPEAT} renderings.",
            "",
            "| rendering | median (ms) | ratio |",
            "|---|---:|---:|",
            "| WeasyPrint, the same HTML as a static file (baseline) | "
            f"{result['baseline_ms']} | 1.0x |",
            "| the record: PDF/A-3a, tagged, 3 attachments, content sealed | "
            f"{result['record_ms']} | {result['ratio']}x |",
            "",
            f"Peak Python memory of one rendering (tracemalloc): {result['peak_python_mib']} MiB; "
            f"peak resident memory of the whole benchmark process: "
            f"{result['process_peak_rss_mib']} MiB. "
            f"Aim (<= 1.3x) met: {'yes' if result['meets_target'] else 'no'}.",
        ]
    )
