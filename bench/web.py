"""Server time of a wizard step (GET and POST) and of the result page, each as a ratio against
a bare Django view rendering the same base template, measured in the same run through the whole
middleware stack (Django's test client, no network). Aims (issue 3): a step at most 2x, the
result page at most 3x."""

from __future__ import annotations

import statistics
import time
from typing import Any

from django.test import Client, override_settings

from bench import journey
from council_sm.assessments.views import WIZARD_PREFIX

REPEAT = 200
assert WIZARD_PREFIX == journey.WIZARD_PREFIX


def _post(client: Client, step: str, value: Any = None):
    return client.post(f"/assessment/{step}/", journey.form_data(step, value))


def _complete(client: Client) -> str:
    client.get("/assessment/platform/")
    for step in journey.ANSWERS:
        _post(client, step)
    done = client.get(_post(client, "check")["Location"])
    return done["Location"]


def _median_ms(function, repeat: int = REPEAT) -> float:
    for _ in range(10):
        function()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = function()
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code in (200, 302), response.status_code
    return statistics.median(samples)


def run() -> dict[str, Any]:
    """Return the medians (ms) and the ratios to the bare view."""
    with override_settings(ROOT_URLCONF="bench.urls", ALLOWED_HOSTS=["testserver"]):
        client = Client()
        result_url = _complete(client)
        bare = _median_ms(lambda: client.get("/bench/bare/"))
        step_get = _median_ms(lambda: client.get("/assessment/audience/"))
        step_post = _median_ms(lambda: _post(client, "audience", "public"))
        result_page = _median_ms(lambda: client.get(result_url))
    rows = [
        {"page": "bare view (baseline)", "ms": bare, "ratio": 1.0, "aim": None},
        {"page": "wizard step, GET", "ms": step_get, "ratio": step_get / bare, "aim": 2.0},
        {"page": "wizard step, POST", "ms": step_post, "ratio": step_post / bare, "aim": 2.0},
        {"page": "result page", "ms": result_page, "ratio": result_page / bare, "aim": 3.0},
    ]
    for row in rows:
        row["ms"] = round(row["ms"], 2)
        row["ratio"] = round(row["ratio"], 2)
    return {
        "name": "web",
        "rows": rows,
        "meets_target": all(row["aim"] is None or row["ratio"] <= row["aim"] for row in rows),
    }


def to_markdown(result: dict[str, Any]) -> str:
    """Return the result as a Markdown section."""
    lines = [
        "## Web: wizard step and result page against a bare view",
        "",
        "Median server time over 200 requests through the full middleware stack (test client).",
        "",
        "| page | median (ms) | ratio to bare view | aim |",
        "|---|---:|---:|---:|",
    ]
    for row in result["rows"]:
        aim = f"<= {row['aim']:.0f}x" if row["aim"] else ""
        lines.append(f"| {row['page']} | {row['ms']} | {row['ratio']}x | {aim} |")
    lines += ["", f"Aims met: {'yes' if result['meets_target'] else 'no'}."]
    return "\n".join(lines)
