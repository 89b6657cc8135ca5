"""Throughput of POST /api/v1/assessments through the whole middleware stack, in process
(Django's test client, no network), against the bare view measured in the same run."""

from __future__ import annotations

import json
import statistics
import time
from typing import Any

from django.test import Client, override_settings

from bench.samples import TYPICAL_ANSWERS

REPEAT = 300


def _timed(function, repeat: int = REPEAT) -> tuple[float, float]:
    """Return the median (ms) and the throughput (requests/s) of repeated calls."""
    for _ in range(20):
        function()
    samples = []
    started = time.perf_counter()
    for _ in range(repeat):
        start = time.perf_counter()
        response = function()
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    elapsed = time.perf_counter() - started
    return statistics.median(samples), repeat / elapsed


def run() -> dict[str, Any]:
    """Return the medians, requests per second and the ratio to the bare view."""
    body = json.dumps(TYPICAL_ANSWERS)
    with override_settings(ROOT_URLCONF="bench.urls", ALLOWED_HOSTS=["testserver"]):
        client = Client()
        bare_ms, bare_rps = _timed(lambda: client.get("/bench/bare/"))
        api_ms, api_rps = _timed(
            lambda: client.post("/api/v1/assessments", body, content_type="application/json")
        )
    return {
        "name": "api",
        "repeat": REPEAT,
        "bare_ms": round(bare_ms, 2),
        "bare_rps": round(bare_rps, 1),
        "api_ms": round(api_ms, 2),
        "api_rps": round(api_rps, 1),
        "ratio": round(api_ms / bare_ms, 2),
    }


def to_markdown(result: dict[str, Any]) -> str:
    """Return the result as a Markdown section."""
    return "\n".join(
        [
            "## API: POST /api/v1/assessments in process",
            "",
            f"{result['repeat']} requests in a row through the full middleware stack (test "
            "client, one process, no network), the typical answers each time.",
            "",
            "| request | median (ms) | requests/s | ratio to bare view |",
            "|---|---:|---:|---:|",
            f"| bare view (baseline) | {result['bare_ms']} | {result['bare_rps']} | 1.0x |",
            f"| POST /api/v1/assessments | {result['api_ms']} | {result['api_rps']} | "
            f"{result['ratio']}x |",
        ]
    )
