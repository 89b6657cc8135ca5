"""Capacity of one facilitated training session (issue 6): 60 participants join on their
phones and vote at once, scenario after scenario, against gunicorn on 127.0.0.1 configured as
in production (gunicorn.conf.py, DEBUG off, CSRF on), while the room's screen refreshes its
votes panel every second and every phone polls its state every 3 seconds, as the pages'
script does. Once on SQLite and once on PostgreSQL when a URL is set (as bench/load.py).

Each participant is a thread with its own HTTP session (cookies, CSRF token), so the 60 votes
of a round go out over 60 connections at the same moment. For each of 5 scenarios every
participant votes, the trainer shows the votes, every participant changes their vote (the
replace path), the trainer shows the outcome and moves on: 10 votes per participant, the most
the default rate limit allows in a minute, so a refused vote counts as an error. Afterwards the
database must hold exactly one vote per participant per scenario, and for each scenario the
stored answers must be exactly the participants' last answers.

Aim: no errors, the database exactly right afterwards, and the 95th percentile of a vote under
one second on this 2-core machine (which also runs the 60 participants): a second is still
"at once" for a person voting in a room.

    python -m bench.training_load   (on its own; BENCH_POSTGRES_URL adds PostgreSQL)
"""

from __future__ import annotations

import json
import random
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import requests

from bench.load import ROOT, SKIPPED_POSTGRES, collect_static, databases, gunicorn

PARTICIPANTS = 60
SCENARIOS = 5
SCREEN_POLL_SECONDS = 1.0
PHONE_POLL_SECONDS = 3.0
AIM_P95_MS = 1000.0
ANSWERS = ("yes", "no", "unsure")
TRAINER = "bench-trainer"
PASSWORD = secrets.token_urlsafe(18)  # a new one each run
KINDS = (
    "join",
    "vote",
    "phone page after voting",
    "phone state poll",
    "screen panel poll",
    "trainer action",
    "training record PDF",
)


def percentile(samples: list[float], share: float) -> float:
    """Return the value below which `share` of the samples fall (nearest rank)."""
    ordered = sorted(samples)
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[rank]


class Recorder:
    """Latencies and errors from many threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.samples: dict[str, list[float]] = {}
        self.errors: list[str] = []

    def timed(self, kind: str, call, ok=(200, 302)):
        start = time.perf_counter()
        try:
            response = call()
        except requests.RequestException as error:  # a failed request is an error to report
            with self.lock:
                self.errors.append(f"{kind}: {type(error).__name__}: {error}")
            return None
        elapsed = (time.perf_counter() - start) * 1000
        with self.lock:
            self.samples.setdefault(kind, []).append(elapsed)
            if response.status_code not in ok:
                self.errors.append(f"{kind}: HTTP {response.status_code}")
        return response


class Browser:
    """One person's browser: cookies, and Django's CSRF token sent back as a header."""

    def __init__(self, base: str):
        self.base = base
        self.http = requests.Session()

    def get(self, path: str) -> requests.Response:
        return self.http.get(self.base + path, allow_redirects=False, timeout=60)

    def post(self, path: str, data: dict) -> requests.Response:
        token = self.http.cookies.get("csrftoken", "")
        return self.http.post(
            self.base + path,
            data=data,
            headers={"X-CSRFToken": token},
            allow_redirects=False,
            timeout=60,
        )


def _create_trainer(env: dict[str, str]) -> None:
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "create_trainer",
            TRAINER,
            "--email",
            "trainer@example.gov.uk",
            "--password-stdin",
        ],
        cwd=ROOT,
        env=env,
        input=PASSWORD,
        text=True,
        check=True,
        capture_output=True,
    )


def _stored_votes(env: dict[str, str], reference: str) -> list[list[str]]:
    """Return [scenario, answer] for every stored vote of the session, read by a separate
    process from the server's own database."""
    code = (
        "import json; from council_sm.training.models import Vote; "
        f"print(json.dumps(list(Vote.objects.filter(session__reference={reference!r})"
        ".values_list('scenario_id', 'answer'))))"
    )
    completed = subprocess.run(
        [sys.executable, "manage.py", "shell", "--command", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def _poll(stop: threading.Event, every: float, call) -> None:
    while not stop.wait(every * random.uniform(0.8, 1.2)):
        call()


def _session_once(base: str, env: dict[str, str]) -> dict[str, Any]:
    """Run one whole session against the server at base; return the figures."""
    _create_trainer(env)
    recorder = Recorder()
    rng = random.Random(2026)
    last_answer: dict[tuple[int, str], str] = {}

    trainer = Browser(base)
    trainer.get("/accounts/sign-in/")
    signed_in = trainer.post("/accounts/sign-in/", {"username": TRAINER, "password": PASSWORD})
    assert signed_in.status_code == 302, f"sign-in failed: {signed_in.status_code}"
    form = trainer.get("/training/sessions/").text
    scenario_ids = re.findall(r'name="scenarios"[^>]*value="([^"]+)"', form)[:SCENARIOS]
    assert len(scenario_ids) == SCENARIOS, "the start form lists too few scenarios"
    started = trainer.post("/training/sessions/", {"scenarios": scenario_ids})
    assert started.status_code == 302, f"starting the session failed: {started.status_code}"
    session_path = started.headers["Location"]
    screen_page = trainer.get(session_path).text
    code = re.search(r'id="join-code">([A-Z0-9]{6})<', screen_page)
    reference = re.search(r"\b(TS-[A-Z0-9-]+)\b", screen_page)
    assert code and reference, "the session screen shows no join code or reference"

    def act(action: str) -> None:
        revision = re.search(r'name="revision" value="(\d+)"', trainer.get(session_path).text)
        recorder.timed(
            "trainer action",
            lambda: trainer.post(
                session_path + "action/", {"action": action, "revision": revision.group(1)}
            ),
        )

    ready = threading.Barrier(PARTICIPANTS + 1)
    phones = [Browser(base) for _ in range(PARTICIPANTS)]

    def participant(number: int) -> None:
        phone = phones[number]
        phone.get("/training/join/")  # the form, and with it the CSRF cookie
        recorder.timed("join", lambda: phone.post("/training/join/", {"code": code.group(1)}))
        ready.wait()
        for scenario_id in scenario_ids:
            for _change in range(2):
                ready.wait()  # the trainer has shown the scenario, or the votes
                answer = rng.choice(ANSWERS)
                done = recorder.timed(
                    "vote",
                    lambda a=answer, s=scenario_id: phone.post(
                        "/training/live/vote/", {"scenario": s, "answer": a}
                    ),
                )
                if done is not None and done.status_code == 302:
                    last_answer[(number, scenario_id)] = answer
                recorder.timed("phone page after voting", lambda: phone.get("/training/live/"))
                ready.wait()  # everyone has voted

    threads = [threading.Thread(target=participant, args=(n,)) for n in range(PARTICIPANTS)]
    clock = time.perf_counter()
    for thread in threads:
        thread.start()
    ready.wait()  # all joined

    stop = threading.Event()
    pollers = [
        threading.Thread(
            target=_poll,
            args=(
                stop,
                SCREEN_POLL_SECONDS,
                lambda: recorder.timed(
                    "screen panel poll", lambda: trainer.get(session_path + "panel/")
                ),
            ),
        )
    ]
    # The phones' script asks for the state every few seconds: four pollers take turns over
    # the phones' cookies rather than 60 more threads.
    per_poller = PARTICIPANTS // 4

    def phone_poller(first: int) -> None:
        while not stop.is_set():
            for phone in phones[first : first + per_poller]:
                recorder.timed("phone state poll", lambda p=phone: p.get("/training/live/state/"))
                if stop.wait(PHONE_POLL_SECONDS / per_poller):
                    return

    pollers += [
        threading.Thread(target=phone_poller, args=(first,))
        for first in range(0, PARTICIPANTS, per_poller)
    ]
    for poller in pollers:
        poller.start()

    for position in range(len(scenario_ids)):
        act("start" if position == 0 else "next")
        ready.wait()  # release the first votes
        ready.wait()  # all have voted
        act("reveal_votes")
        ready.wait()  # release the changed votes
        ready.wait()
        act("reveal_outcome")
    act("end")
    elapsed = time.perf_counter() - clock
    stop.set()
    for thread in threads + pollers:
        thread.join()
    record = recorder.timed("training record PDF", lambda: trainer.get(session_path + "record.pdf"))

    stored = _stored_votes(env, reference.group(1))
    wanted = {
        scenario: Counter(a for (_n, s), a in last_answer.items() if s == scenario)
        for scenario in scenario_ids
    }
    got = {scenario: Counter(a for s, a in stored if s == scenario) for scenario in scenario_ids}
    integrity = {
        "vote_rows": len(stored),
        "expected_rows": PARTICIPANTS * len(scenario_ids),
        "rows_match_last_answers": got == wanted,
    }
    vote_ms = recorder.samples.get("vote", [])
    p95 = percentile(vote_ms, 0.95) if vote_ms else float("inf")
    return {
        "votes": len(vote_ms),
        "errors": len(recorder.errors),
        "error_examples": recorder.errors[:5],
        "vote_p50_ms": round(statistics.median(vote_ms), 1) if vote_ms else None,
        "vote_p95_ms": round(p95, 1),
        "seconds": round(elapsed, 1),
        "requests": sum(len(samples) for samples in recorder.samples.values()),
        "record_ok": bool(record is not None and record.content.startswith(b"%PDF-")),
        "rows": [
            {
                "request": kind,
                "count": len(samples),
                "p50_ms": round(statistics.median(samples), 1),
                "p95_ms": round(percentile(samples, 0.95), 1),
                "max_ms": round(max(samples), 1),
            }
            for kind in KINDS
            if (samples := recorder.samples.get(kind))
        ],
        "integrity": integrity,
        "meets": not recorder.errors
        and p95 < AIM_P95_MS
        and integrity["vote_rows"] == integrity["expected_rows"]
        and integrity["rows_match_last_answers"],
    }


def run() -> dict[str, Any]:
    """Run one session per database; return the figures (milliseconds)."""
    runs = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        static_root = collect_static(folder)
        with databases(folder) as targets:
            for label, url, database_name in targets:
                if url is None:
                    runs.append({"database": label, "skipped": SKIPPED_POSTGRES})
                    continue
                with gunicorn(
                    f"training-{label}", url, static_root, folder, database_name
                ) as served:
                    runs.append({"database": label, **_session_once(served.base, served.env)})
    measured = [item for item in runs if "skipped" not in item]
    return {
        "name": "training",
        "participants": PARTICIPANTS,
        "scenarios": SCENARIOS,
        "runs": runs,
        "meets_target": all(item["meets"] for item in measured),
    }


def to_markdown(result: dict[str, Any]) -> str:
    """Return the result as a Markdown section."""
    lines = [
        "## Training: one session, 60 participants voting at once",
        "",
        f"{result['participants']} participants (threads, each with its own HTTP session and "
        f"CSRF token) against gunicorn on 127.0.0.1 (gunicorn.conf.py, DEBUG off), "
        f"{result['scenarios']} scenarios, each voted on and then changed by everyone at the "
        f"same moment; the screen polls its panel every {SCREEN_POLL_SECONDS:.0f} s and each "
        f"phone its state every {PHONE_POLL_SECONDS:.0f} s. Aim: no errors, p95 of a vote "
        f"under {AIM_P95_MS:.0f} ms, and the stored votes exactly the last answers.",
        "",
    ]
    for item in result["runs"]:
        if "skipped" in item:
            lines += [f"{item['database']}: skipped ({item['skipped']}).", ""]
            continue
        integrity = item["integrity"]
        lines += [
            f"**{item['database']}: votes {item['votes']}, errors {item['errors']}, vote "
            f"latency p50 {item['vote_p50_ms']} ms, p95 {item['vote_p95_ms']} ms** "
            f"({item['requests']:,} requests in {item['seconds']} s).",
            "",
            "| request | count | p50 (ms) | p95 (ms) | max (ms) |",
            "|---|---:|---:|---:|---:|",
            *(
                f"| {row['request']} | {row['count']:,} | {row['p50_ms']} | {row['p95_ms']} | "
                f"{row['max_ms']} |"
                for row in item["rows"]
            ),
            "",
            f"Afterwards: {integrity['vote_rows']} vote rows for {integrity['expected_rows']} "
            f"expected (one per participant per scenario), the stored answers per scenario "
            f"exactly the participants' last answers: "
            f"{'yes' if integrity['rows_match_last_answers'] else 'NO'}. Training record "
            f"rendered: {'yes' if item['record_ok'] else 'NO'}. Aim met: "
            f"{'yes' if item['meets'] else 'no'}.",
            "",
        ]
        if item["error_examples"]:
            lines += ["First errors: " + "; ".join(item["error_examples"]), ""]
    return "\n".join(lines).rstrip()


def main() -> int:
    """Run this benchmark on its own."""
    result = run()
    sys.stdout.write(to_markdown(result) + "\n")
    return 0 if result["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
