"""One assessment against the five real cases and against synthetic casebooks of 1,000 and
10,000 cases. Target (issue 2): under 50 ms at 10,000 on this 2-core machine, growing no worse
than linearly. Ratios are against the five-case assessment measured in the same run."""

from __future__ import annotations

import copy
import random
import statistics
import time
from pathlib import Path
from typing import Any

from bench.samples import TYPICAL_ANSWERS
from council_sm.caselaw.fixtures import read_fixture_data
from council_sm.engine import assess, build_casebook, parse_answers
from council_sm.engine.answers import ANSWER_KEYS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "casebook"
SIZES = (1_000, 10_000)
TARGET_MS = 50.0

ANSWERS = TYPICAL_ANSWERS


def synthetic_casebook_data(size: int, seed: int = 2026) -> dict[str, Any]:
    """Return fixture data with `size` invented cases (random profiles and outcomes) added."""
    rng = random.Random(seed)
    data = copy.deepcopy(read_fixture_data(FIXTURES))
    template = data["cases"][0]
    token_specs = [spec for spec in ANSWER_KEYS if spec.kind in {"choice", "tristate", "flag"}]
    for number in range(size - len(data["cases"])):
        profile = {"regime": template["profile"]["regime"]}
        for spec in token_specs:
            token = rng.choice(spec.choices)
            profile[spec.key] = {"true": True, "false": False}.get(token, token)
        case = copy.deepcopy(template)
        case.update(id=f"synthetic-{number:05d}", name=f"Synthetic case {number}", profile=profile)
        case["outcome"]["official_capacity"] = rng.random() < 0.5
        data["cases"].append(case)
    return data


def _time(function, repeat: int) -> list[float]:
    function()  # warm
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def _measure(data: dict[str, Any], repeat: int) -> dict[str, Any]:
    build_ms = _time(lambda: build_casebook(data), repeat=3)
    casebook = build_casebook(data)
    answers = parse_answers(ANSWERS, regimes=casebook.regimes, default_regime="wales-2008")
    assess_ms = statistics.median(_time(lambda: assess(answers, casebook), repeat))
    json_ms = statistics.median(
        _time(lambda: assess(answers, casebook).to_contract(), max(5, repeat // 3))
    )
    return {
        "cases": len(casebook.cases),
        "assess_ms": round(assess_ms, 3),
        "assess_and_json_ms": round(json_ms, 3),
        "build_casebook_ms": round(statistics.median(build_ms), 1),
    }


def run() -> dict[str, Any]:
    """Return the measurements (milliseconds, medians over repeats) and ratios."""
    rows = [_measure(read_fixture_data(FIXTURES), repeat=200)]
    rows += [_measure(synthetic_casebook_data(size), repeat=30) for size in SIZES]
    for row in rows:
        row["ratio_to_five_cases"] = round(row["assess_ms"] / rows[0]["assess_ms"], 1)
    small, large = rows[1], rows[2]
    growth = large["assess_ms"] / small["assess_ms"]
    return {
        "name": "engine",
        "target": f"one assessment against 10,000 cases under {TARGET_MS:.0f} ms; growth <= linear",
        "rows": rows,
        "growth_1k_to_10k": round(growth, 2),
        "size_ratio_1k_to_10k": 10.0,
        "meets_target": large["assess_ms"] < TARGET_MS and growth <= 10.0,
    }


def to_markdown(result: dict[str, Any]) -> str:
    """Return the result as a Markdown section."""
    lines = [
        "## Engine: one assessment",
        "",
        f"Target: {result['target']}.",
        "",
        "| cases | assess (ms) | assess + JSON (ms) | build casebook (ms) | ratio to 5 cases |",
        "|---:|---:|---:|---:|---:|",
    ]
    for row in result["rows"]:
        lines.append(
            f"| {row['cases']:,} | {row['assess_ms']} | {row['assess_and_json_ms']} | "
            f"{row['build_casebook_ms']} | {row['ratio_to_five_cases']}x |"
        )
    lines += [
        "",
        f"Growth from 1,000 to 10,000 cases: {result['growth_1k_to_10k']}x for 10x the cases "
        f"(linear would be 10x). Target met: {'yes' if result['meets_target'] else 'no'}.",
        "",
        "Building the casebook (validation and indexes) happens once per ruleset, not per "
        "assessment. 'assess + JSON' adds writing every precedent's shared and different factors.",
    ]
    return "\n".join(lines)
