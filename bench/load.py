"""Load test: gunicorn, configured as in production (gunicorn.conf.py, DEBUG off), on 127.0.0.1,
with 50 locust users each walking the whole wizard for 60 seconds; once on SQLite and once on
PostgreSQL (BENCH_POSTGRES_URL, else TEST_POSTGRES_URL; skipped, saying so, when neither is
set). Each run migrates a fresh database of its own: a SQLite file in a temporary folder, or a
PostgreSQL database named after the URL's with "_bench" added, dropped afterwards. Worker
memory is sampled from /proc while the test runs.

Aims (issue 8, on this 2-core machine, which also runs locust): no errors, p95 of a wizard step
under 100 ms, under 150 MB per worker. Users think BENCH_THINK_SECONDS (1 s on average) before
each answer; BENCH_LOAD_USERS and BENCH_LOAD_SECONDS change the load."""

from __future__ import annotations

import csv
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
USERS = int(os.environ.get("BENCH_LOAD_USERS", "50"))
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
THINK = float(os.environ.get("BENCH_THINK_SECONDS", "1.0"))
STEP_NAMES = ("wizard step (GET)", "wizard step (POST)")
AIM_P95_MS = 100
AIM_RSS_MIB = 150
SKIPPED_POSTGRES = "set BENCH_POSTGRES_URL or TEST_POSTGRES_URL to run it"


def _free_port() -> int:
    for port in range(8120, 8190):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 8120-8189")


def _environment(database_url: str, static_root: Path, port: int) -> dict[str, str]:
    """Production settings, except plain HTTP on loopback: no redirect, no secure cookies."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DATABASE_URL=database_url,
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="bench-only-not-secret-" + "x" * 40,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SECURE_COOKIES="false",
        DJANGO_STATIC_ROOT=str(static_root),
        DJANGO_CONN_MAX_AGE="60",
        PORT=str(port),
        PYTHONPATH=str(ROOT),
    )
    return env


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True
    )


class _PostgresDatabase:
    """A fresh database beside the one a URL names, dropped afterwards."""

    def __init__(self, url: str):
        parts = urlsplit(url)
        self.name = parts.path.lstrip("/") + "_bench"
        self.url = urlunsplit(parts._replace(path="/" + self.name))
        self.admin = dict(
            host=parts.hostname,
            port=parts.port or 5432,
            user=parts.username,
            password=parts.password,
            dbname="postgres",
            autocommit=True,
        )

    def _execute(self, statement: str) -> None:
        import psycopg
        from psycopg import sql

        with psycopg.connect(**self.admin) as connection:
            connection.execute(sql.SQL(statement).format(sql.Identifier(self.name)))

    def __enter__(self) -> str:
        self._execute("DROP DATABASE IF EXISTS {} WITH (FORCE)")
        self._execute("CREATE DATABASE {}")
        return self.url

    def __exit__(self, *exc) -> None:
        self._execute("DROP DATABASE IF EXISTS {} WITH (FORCE)")


class _Sampler(threading.Thread):
    """Every 0.25 s, the resident (and proportional) memory of each gunicorn worker; every
    second, the CPU time of every process on the machine, split into the system under test
    (gunicorn, locust, and PostgreSQL's backends for the bench database) and everything else,
    so that a report can say how busy the machine was with other work during the run."""

    def __init__(self, master: int, database_name: str | None):
        super().__init__(daemon=True)
        self.master = master
        self.database_name = database_name
        self.locust: int | None = None
        self.rss: dict[int, int] = {}
        self.pss: dict[int, int] = {}
        self.cpu_ticks: dict[int, int] = {}
        self.ours: set[int] = set()
        self.started = time.monotonic()
        self.stopped = threading.Event()

    @staticmethod
    def _kib(path: str, field: str) -> int | None:
        try:
            for line in Path(path).read_text().splitlines():
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        except OSError:
            return None
        return None

    def workers(self) -> list[int]:
        try:
            children = Path(f"/proc/{self.master}/task/{self.master}/children").read_text()
        except OSError:
            return []
        return [int(pid) for pid in children.split()]

    def _sample_cpu(self) -> None:
        ours = {self.master, *self.workers()}
        if self.locust:
            ours.add(self.locust)
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            pid = int(entry.name)
            try:
                stat = (entry / "stat").read_text()
                fields = stat[stat.rindex(")") + 2 :].split()
                ticks = int(fields[11]) + int(fields[12])  # utime + stime
                if self.database_name and pid not in ours:
                    command = (entry / "cmdline").read_bytes()
                    if b"postgres" in command and self.database_name.encode() in command:
                        ours.add(pid)
            except (OSError, ValueError, IndexError):
                continue
            self.cpu_ticks[pid] = ticks
            if pid in ours:
                self.ours.add(pid)

    def run(self) -> None:
        self._sample_cpu()
        self.first_ticks = dict(self.cpu_ticks)
        beats = 0
        while not self.stopped.wait(0.25):
            for pid in self.workers():
                for store, path, field in (
                    (self.rss, f"/proc/{pid}/status", "VmRSS"),
                    (self.pss, f"/proc/{pid}/smaps_rollup", "Pss"),
                ):
                    value = self._kib(path, field)
                    if value is not None:
                        store[pid] = max(store.get(pid, 0), value)
            beats += 1
            if beats % 4 == 0:
                self._sample_cpu()
        self._sample_cpu()

    def cpu_share(self) -> tuple[float, float]:
        """Return the CPU used by the system under test and by everything else, as a
        percentage of the machine's cores over the run."""
        hertz = os.sysconf("SC_CLK_TCK")
        elapsed = (time.monotonic() - self.started) * (os.cpu_count() or 1)
        ours = others = 0
        for pid, ticks in self.cpu_ticks.items():
            used = ticks - self.first_ticks.get(pid, 0)
            if pid in self.ours:
                ours += used
            elif pid != os.getpid():
                others += used
        return 100 * ours / hertz / elapsed, 100 * others / hertz / elapsed


def _wait_until_healthy(base: str, server: subprocess.Popen) -> None:
    for _ in range(200):
        if server.poll() is not None:
            raise RuntimeError("gunicorn exited: " + server.stderr.read().decode()[-2000:])
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("gunicorn did not become healthy")


def _warm_up(base: str) -> None:
    """A few requests first, so that each worker has compiled its templates and built the
    casebook before the measurement starts (as a server does soon after it starts)."""
    for _ in range(10):
        for path in ("/", "/assessment/platform/", "/verify/"):
            with urllib.request.urlopen(base + path, timeout=10) as response:  # noqa: S310
                response.read()


def _read_stats(prefix: Path) -> list[dict[str, Any]]:
    rows = []
    with open(f"{prefix}_stats.csv", newline="") as handle:
        for row in csv.DictReader(handle):
            rows.append(
                {
                    "name": row["Name"],
                    "requests": int(row["Request Count"]),
                    "failures": int(row["Failure Count"]),
                    "p50_ms": float(row["50%"]),
                    "p95_ms": float(row["95%"]),
                    "rps": round(float(row["Requests/s"]), 1),
                }
            )
    return rows


def _failures(prefix: Path) -> list[str]:
    path = Path(f"{prefix}_failures.csv")
    if not path.exists():
        return []
    with path.open(newline="") as handle:
        return [
            f"{row['Name']}: {row['Error']} (x{row['Occurrences']})"
            for row in csv.DictReader(handle)
        ]


class Served:
    """A running gunicorn: its address, environment and memory/CPU sampler."""

    def __init__(self, base: str, env: dict[str, str], sampler: _Sampler):
        self.base, self.env, self.sampler = base, env, sampler


@contextmanager
def gunicorn(
    label: str, database_url: str, static_root: Path, folder: Path, database_name=None
) -> Iterator[Served]:
    """Migrate the database, start gunicorn as in production on a free loopback port, wait
    until it is healthy and warm, and stop it afterwards."""
    port = _free_port()
    env = _environment(database_url, static_root, port)
    _manage(env, "migrate", "--noinput")
    base = f"http://127.0.0.1:{port}"
    access_log = (folder / f"access-{label}.log").open("w")
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py", "council_sm.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=access_log,
        stderr=subprocess.PIPE,
    )
    sampler = _Sampler(server.pid, database_name)
    try:
        _wait_until_healthy(base, server)
        _warm_up(base)
        yield Served(base, env, sampler)
    finally:
        sampler.stopped.set()
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        access_log.close()


@contextmanager
def databases(folder: Path) -> Iterator[list[tuple[str, str | None, str | None]]]:
    """Yield (label, URL, PostgreSQL database name) for a fresh SQLite file and, when a URL is
    set, a fresh PostgreSQL database (URL None: skipped); the PostgreSQL one is dropped
    afterwards."""
    sqlite = ("sqlite", f"sqlite:///{folder / 'load.sqlite3'}", None)
    postgres = os.environ.get("BENCH_POSTGRES_URL") or os.environ.get("TEST_POSTGRES_URL")
    if not postgres:
        yield [sqlite, ("postgresql", None, None)]
        return
    database = _PostgresDatabase(postgres)
    with database as url:
        yield [sqlite, ("postgresql", url, database.name)]


def collect_static(folder: Path) -> Path:
    static_root = folder / "static"
    _manage(_environment("sqlite://:memory:", static_root, 0), "collectstatic", "--noinput")
    return static_root


def _run_once(
    database: str, database_url: str, static_root: Path, folder: Path, database_name=None
) -> dict:
    prefix = folder / f"locust-{database}"
    with gunicorn(database, database_url, static_root, folder, database_name) as served:
        base, env, sampler = served.base, served.env, served.sampler
        sampler.start()
        locust_process = subprocess.Popen(
            [
                str(BIN / "locust"),
                "--locustfile",
                str(ROOT / "bench" / "locustfile.py"),
                "--headless",
                "--users",
                str(USERS),
                "--spawn-rate",
                str(max(1, USERS // 2)),
                "--run-time",
                f"{SECONDS}s",
                "--host",
                base,
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env={**env, "BENCH_THINK_SECONDS": str(THINK)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        sampler.locust = locust_process.pid
        _stdout, locust_errors = locust_process.communicate(timeout=SECONDS + 120)
    if not Path(f"{prefix}_stats.csv").exists():
        raise RuntimeError("locust wrote no statistics: " + locust_errors[-2000:])
    rows = _read_stats(prefix)
    total = next(row for row in rows if row["name"] == "Aggregated")
    steps = [row for row in rows if row["name"] in STEP_NAMES]
    step_p95 = max(row["p95_ms"] for row in steps)
    peak_rss = max(sampler.rss.values()) / 1024
    peak_pss = max(sampler.pss.values()) / 1024 if sampler.pss else None
    with (folder / f"access-{database}.log").open() as handle:
        access_lines = sum(1 for _ in handle)
    cpu_ours, cpu_others = sampler.cpu_share()
    return {
        "database": database,
        "users": USERS,
        "seconds": SECONDS,
        "think_seconds": THINK,
        "workers": len(sampler.rss),
        "rows": [row for row in rows if row["name"] != "Aggregated"],
        "requests": total["requests"],
        "failures": total["failures"],
        "failure_examples": _failures(prefix)[:5],
        "p50_ms": total["p50_ms"],
        "p95_ms": total["p95_ms"],
        "rps": total["rps"],
        "step_p95_ms": step_p95,
        "peak_rss_mib_per_worker": round(peak_rss, 1),
        "peak_pss_mib_per_worker": round(peak_pss, 1) if peak_pss is not None else None,
        "access_log_lines": access_lines,
        "cpu_percent_under_test": round(cpu_ours),
        "cpu_percent_other_processes": round(cpu_others),
        "meets": {
            "no_errors": total["failures"] == 0,
            "step_p95_under_100_ms": step_p95 < AIM_P95_MS,
            "under_150_mb_per_worker": peak_rss < AIM_RSS_MIB,
        },
    }


def run() -> dict[str, Any]:
    """Return one result per database (PostgreSQL marked skipped when no URL is set)."""
    runs = []
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        static_root = collect_static(folder)
        with databases(folder) as targets:
            for label, url, database_name in targets:
                if url is None:
                    runs.append({"database": label, "skipped": SKIPPED_POSTGRES})
                else:
                    runs.append(_run_once(label, url, static_root, folder, database_name))
    measured = [item for item in runs if "skipped" not in item]
    return {
        "name": "load",
        "runs": runs,
        "meets_target": all(all(item["meets"].values()) for item in measured),
    }


def _yes(value: bool) -> str:
    return "yes" if value else "**no**"


def to_markdown(result: dict[str, Any]) -> str:
    """Return the result as a Markdown section."""
    lines = ["## Load test: gunicorn, 50 users walking the whole wizard", ""]
    first = next((item for item in result["runs"] if "skipped" not in item), None)
    if first:
        lines += [
            f"locust, headless, {first['users']} users for {first['seconds']} s against gunicorn "
            f"(gunicorn.conf.py: {first['workers']} sync workers, DEBUG off) on 127.0.0.1, on the "
            f"same 2 cores, after 30 warm-up requests. Each user starts a new session, then "
            f"for each question GETs the page, thinks {first['think_seconds']} s on average, "
            "and POSTs the answer with its CSRF token; then the check page, the save and the "
            "result page. Response times in ms.",
            "",
            "| database | requests | errors | requests/s | p50 | p95 | wizard step p95 | "
            "peak RSS per worker (MiB) | peak PSS per worker (MiB) | CPU: under test / "
            "other processes |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
    for item in result["runs"]:
        if "skipped" in item:
            continue
        lines.append(
            f"| {item['database']} | {item['requests']:,} | {item['failures']} | {item['rps']} | "
            f"{item['p50_ms']:.0f} | {item['p95_ms']:.0f} | {item['step_p95_ms']:.0f} | "
            f"{item['peak_rss_mib_per_worker']} | {item['peak_pss_mib_per_worker']} | "
            f"{item['cpu_percent_under_test']}% / {item['cpu_percent_other_processes']}% |"
        )
    for item in result["runs"]:
        if "skipped" in item:
            lines += ["", f"PostgreSQL: skipped ({item['skipped']})."]
            continue
        lines += [
            "",
            f"{item['database']}, by request (p50 / p95 ms, requests/s): "
            + "; ".join(
                f"{row['name']} {row['p50_ms']:.0f} / {row['p95_ms']:.0f}, {row['rps']}"
                for row in item["rows"]
            )
            + ".",
            f"Aims: no errors {_yes(item['meets']['no_errors'])}; wizard step p95 under "
            f"{AIM_P95_MS} ms {_yes(item['meets']['step_p95_under_100_ms'])}; under "
            f"{AIM_RSS_MIB} MB per worker {_yes(item['meets']['under_150_mb_per_worker'])}.",
        ]
        if item["failure_examples"]:
            lines.append("Errors: " + "; ".join(item["failure_examples"]) + ".")
    lines += [
        "",
        "RSS counts the pages a worker shares with the master (gunicorn preloads the app and "
        "forks); PSS divides shared pages among the processes that share them. CPU is a share "
        "of both cores over the run: the system under test (gunicorn, locust, the bench "
        "database's PostgreSQL backends) and every other process on the machine; a busy "
        "neighbour (another test run) shows there, and lengthens the tail of the latencies.",
    ]
    return "\n".join(lines)
