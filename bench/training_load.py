"""Capacity of one facilitated training session (issue 6): 60 participants join on their
phones and vote at once, scenario after scenario, while the room's screen refreshes its
votes panel every second and every phone polls its state every 3 seconds, as the pages'
script does.

Each participant is a thread with its own Django test client, going through the whole
middleware stack against the benchmark's database (no network, one process, so the threads
also compete for one interpreter). For each of 5 scenarios every participant votes, the
trainer shows the votes, every participant changes their vote (the replace path), the trainer
shows the outcome and moves on: 10 votes per participant, the most the default rate limit
allows in a minute, so a refused vote counts as an error. Afterwards the database must hold
exactly one vote per participant per scenario, each the participant's last answer.

Aim: no errors, the database exactly right afterwards, and the 95th percentile of a vote
under one second on this 2-core machine: a room's 60 taps land in the same instant on one
Python process here (a deployment runs several workers), and a second is still "at once" for
a person voting in a room.

    python -m bench.training_load [--database-url postgres://...]   (on its own)
"""

from __future__ import annotations

import random
import statistics
import sys
import threading
import time
from typing import Any

PARTICIPANTS = 60
SCENARIOS = 5
SCREEN_POLL_SECONDS = 1.0
PHONE_POLL_SECONDS = 3.0
AIM_P95_MS = 1000.0
ANSWERS = ("yes", "no", "unsure")


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
        except Exception as error:  # a crash is an error to report, not to hide
            with self.lock:
                self.errors.append(f"{kind}: {type(error).__name__}: {error}")
            return None
        elapsed = (time.perf_counter() - start) * 1000
        with self.lock:
            self.samples.setdefault(kind, []).append(elapsed)
            if response.status_code not in ok:
                self.errors.append(f"{kind}: HTTP {response.status_code}")
        return response


def _poll(stop: threading.Event, every: float, call) -> None:
    while not stop.wait(every * random.uniform(0.8, 1.2)):
        call()


def run() -> dict[str, Any]:
    """Run the session and return the figures (milliseconds)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.test import Client, override_settings

    from council_sm.accounts.roles import TRAINERS, ensure_roles
    from council_sm.training.models import Scenario, TrainingSession, Vote

    ensure_roles()
    user, _created = get_user_model().objects.get_or_create(
        username="bench-trainer", defaults={"is_staff": True}
    )
    user.groups.add(Group.objects.get(name=TRAINERS))
    scenario_ids = list(Scenario.objects.values_list("id", flat=True)[:SCENARIOS])
    recorder = Recorder()
    rng = random.Random(2026)
    last_answer: dict[tuple[int, str], str] = {}

    with override_settings(ALLOWED_HOSTS=["testserver"]):
        trainer = Client()
        trainer.force_login(user)
        response = trainer.post("/training/sessions/", {"scenarios": scenario_ids})
        session = TrainingSession.objects.get(
            pk=int(response["Location"].rstrip("/").split("/")[-1])
        )

        def act(action: str) -> None:
            session.refresh_from_db()
            recorder.timed(
                "trainer action",
                lambda: trainer.post(
                    f"/training/sessions/{session.pk}/action/",
                    {"action": action, "revision": session.revision},
                ),
            )

        ready = threading.Barrier(PARTICIPANTS + 1)
        phones: list[Client] = [Client() for _ in range(PARTICIPANTS)]

        def participant(number: int) -> None:
            client = phones[number]
            try:
                recorder.timed(
                    "join", lambda: client.post("/training/join/", {"code": session.code})
                )
                ready.wait()
                for scenario_id in scenario_ids:
                    for _change in range(2):
                        ready.wait()  # the trainer has shown the scenario, or the votes
                        answer = rng.choice(ANSWERS)
                        done = recorder.timed(
                            "vote",
                            lambda a=answer, s=scenario_id: client.post(
                                "/training/live/vote/", {"scenario": s, "answer": a}
                            ),
                        )
                        if done is not None and done.status_code == 302:
                            last_answer[(number, scenario_id)] = answer
                        recorder.timed(
                            "phone page after voting", lambda: client.get("/training/live/")
                        )
                        ready.wait()  # everyone has voted
            finally:
                connection.close()

        threads = [threading.Thread(target=participant, args=(n,)) for n in range(PARTICIPANTS)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        ready.wait()  # all joined

        stop = threading.Event()
        screen = Client()
        screen.force_login(user)
        pollers = [
            threading.Thread(
                target=_poll,
                args=(
                    stop,
                    SCREEN_POLL_SECONDS,
                    lambda: recorder.timed(
                        "screen panel poll",
                        lambda: screen.get(f"/training/sessions/{session.pk}/panel/"),
                    ),
                ),
            )
        ]
        # The phones' script asks for the state every few seconds: one poller per phone
        # would be 60 more threads; four pollers take turns over the phones' cookies instead.
        per_poller = PARTICIPANTS // 4

        def phone_poller(first: int) -> None:
            clients = []
            for phone in phones[first : first + per_poller]:
                client = Client()
                for name, morsel in list(phone.cookies.items()):
                    client.cookies[name] = morsel.value
                clients.append(client)
            try:
                while not stop.is_set():
                    for client in clients:
                        recorder.timed(
                            "phone state poll", lambda c=client: c.get("/training/live/state/")
                        )
                        if stop.wait(PHONE_POLL_SECONDS / per_poller):
                            return
            finally:
                connection.close()

        pollers += [
            threading.Thread(target=phone_poller, args=(first,))
            for first in range(0, PARTICIPANTS, per_poller)
        ]
        for poller in pollers:
            poller.start()

        for position, _scenario_id in enumerate(scenario_ids):
            act("start" if position == 0 else "next")
            ready.wait()  # release the first votes
            ready.wait()  # all have voted
            act("reveal_votes")
            ready.wait()  # release the changed votes
            ready.wait()
            act("reveal_outcome")
        act("end")
        elapsed = time.perf_counter() - started
        stop.set()
        for thread in threads + pollers:
            thread.join()

        votes = list(
            Vote.objects.filter(session=session).values_list(
                "participant__token", "scenario_id", "answer"
            )
        )
        joined = session.participants.count()
        tokens = {
            phone.session["training_participant"]["token"]: number
            for number, phone in enumerate(phones)
        }
        record = recorder.timed(
            "training record PDF",
            lambda: trainer.get(f"/training/sessions/{session.pk}/record.pdf"),
        )

    stored = {(tokens.get(token), scenario_id): answer for token, scenario_id, answer in votes}
    integrity = {
        "participants_joined": joined,
        "vote_rows": len(votes),
        "expected_rows": PARTICIPANTS * len(scenario_ids),
        "rows_match_last_answers": joined == PARTICIPANTS and stored == last_answer,
    }
    vote_ms = recorder.samples.get("vote", [])
    rows = []
    for kind in (
        "join",
        "vote",
        "phone page after voting",
        "phone state poll",
        "screen panel poll",
        "trainer action",
        "training record PDF",
    ):
        samples = recorder.samples.get(kind, [])
        if samples:
            rows.append(
                {
                    "request": kind,
                    "count": len(samples),
                    "p50_ms": round(statistics.median(samples), 1),
                    "p95_ms": round(percentile(samples, 0.95), 1),
                    "max_ms": round(max(samples), 1),
                }
            )
    p95 = percentile(vote_ms, 0.95) if vote_ms else float("inf")
    return {
        "name": "training",
        "participants": PARTICIPANTS,
        "scenarios": len(scenario_ids),
        "votes": len(vote_ms),
        "errors": len(recorder.errors),
        "error_examples": recorder.errors[:5],
        "vote_p50_ms": round(statistics.median(vote_ms), 1) if vote_ms else None,
        "vote_p95_ms": round(p95, 1),
        "seconds": round(elapsed, 1),
        "requests": sum(len(s) for s in recorder.samples.values()),
        "record_ok": bool(record is not None and record.content.startswith(b"%PDF-")),
        "rows": rows,
        "integrity": integrity,
        "database": connection.vendor,
        "meets_target": not recorder.errors
        and p95 < AIM_P95_MS
        and integrity["vote_rows"] == integrity["expected_rows"]
        and integrity["rows_match_last_answers"],
    }


def to_markdown(result: dict[str, Any]) -> str:
    """Return the result as a Markdown section."""
    integrity = result["integrity"]
    lines = [
        "## Training: one session, 60 participants voting at once",
        "",
        f"{result['participants']} participants (threads with Django's test client, in one "
        f"process, {result['database']}), {result['scenarios']} scenarios, each voted on and "
        f"then changed by everyone at the same moment; the screen polls its panel every "
        f"{SCREEN_POLL_SECONDS:.0f} s and each phone its state every {PHONE_POLL_SECONDS:.0f} s. "
        f"{result['requests']:,} requests in {result['seconds']} s.",
        "",
        f"**Votes: {result['votes']}, errors: {result['errors']}, vote latency p50 "
        f"{result['vote_p50_ms']} ms, p95 {result['vote_p95_ms']} ms** (aim: no errors, "
        f"p95 under {AIM_P95_MS:.0f} ms).",
        "",
        "| request | count | p50 (ms) | p95 (ms) | max (ms) |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in result["rows"]:
        lines.append(
            f"| {row['request']} | {row['count']:,} | {row['p50_ms']} | {row['p95_ms']} | "
            f"{row['max_ms']} |"
        )
    lines += [
        "",
        f"Afterwards: {integrity['participants_joined']} participants, "
        f"{integrity['vote_rows']} vote rows for {integrity['expected_rows']} expected (one per "
        f"participant per scenario), each the participant's last answer: "
        f"{'yes' if integrity['rows_match_last_answers'] else 'NO'}. Training record rendered: "
        f"{'yes' if result['record_ok'] else 'NO'}. Aim met: "
        f"{'yes' if result['meets_target'] else 'no'}.",
    ]
    if result["error_examples"]:
        lines += ["", "First errors: " + "; ".join(result["error_examples"])]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Run this benchmark on its own, against a fresh SQLite file or a given database."""
    import argparse
    import os
    import tempfile
    from pathlib import Path

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    options = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "council_sm.settings")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["DATABASE_URL"] = (
            options.database_url or f"sqlite:///{Path(folder) / 'b.sqlite3'}"
        )
        import django
        from django.core.management import call_command

        django.setup()
        call_command("migrate", verbosity=0)
        result = run()
    sys.stdout.write(to_markdown(result) + "\n")
    return 0 if result["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
