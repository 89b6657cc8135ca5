"""`make serve`'s gunicorn, started from gunicorn.conf.py as in production, answers on
127.0.0.1 and writes its access log as JSON lines with the request id and without the client's
address or the query string."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .production import production_env
from .support import PROJECT_ROOT

GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port() -> int:
    """A free port in 8100-8199, the range this project's test servers use."""
    for port in range(8190, 8100, -1):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.skip("no free port in 8100-8199")


@pytest.fixture
def server(tmp_path):
    port = free_port()
    env = production_env(tmp_path, PORT=str(port), GUNICORN_WORKERS="1")
    log = (tmp_path / "access.log").open("w+")
    process = subprocess.Popen(
        [str(GUNICORN), "--config", "gunicorn.conf.py", "council_sm.wsgi"],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.1)
        else:
            process.terminate()
            pytest.fail("gunicorn did not start: " + process.communicate(timeout=10)[1])
        yield base, log
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def test_gunicorn_logs_requests_as_json_without_addresses_or_query_strings(server):
    base, log = server
    request = urllib.request.Request(  # noqa: S310
        base + "/healthz?email=jones@example.org",
        headers={"X-Forwarded-For": "203.0.113.7", "User-Agent": "Jones's phone"},
    )
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
        assert response.status == 200
        request_id = response.headers["X-Request-ID"]
    time.sleep(0.3)  # the access line is written after the response

    log.seek(0)
    lines = [json.loads(line) for line in log.read().splitlines()]
    access = [line for line in lines if line["logger"] == "gunicorn.access"]
    mine = [line for line in access if line["request_id"] == request_id]
    assert len(mine) == 1
    assert mine[0]["method"] == "GET"
    assert mine[0]["path"] == "/healthz"
    assert mine[0]["status"] == 200
    written = json.dumps(access)
    for personal in ("127.0.0.1", "203.0.113.7", "email", "jones", "Jones", "phone"):
        assert personal not in written
