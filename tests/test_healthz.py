"""GET /healthz says whether this server can reach its database: 200 {"status": "ok"}, or 503
{"status": "unavailable"} without a traceback. A balancer probes servers by address and over
plain HTTP, so neither the Host check nor the HTTPS redirect gets in its way."""

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper

pytestmark = pytest.mark.django_db


def test_a_server_that_reaches_its_database_is_healthy(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response.headers["Cache-Control"]


def test_a_server_that_cannot_reach_its_database_is_unavailable(client, monkeypatch):
    def fail(self, sql, params=None):
        raise OperationalError("connection to server at 10.0.0.9 failed: Connection refused")

    monkeypatch.setattr(CursorWrapper, "execute", fail)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
    assert "Traceback" not in response.text
    assert "10.0.0.9" not in response.text


def test_the_health_check_answers_a_probe_by_address_over_plain_http(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="10.0.3.17:8000")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    # Any other page still checks the Host header and redirects to HTTPS.
    assert client.get("/", HTTP_HOST="10.0.3.17:8000").status_code == 400
    assert client.get("/").status_code == 301


def test_the_health_check_is_not_translated_and_accepts_only_reads(client):
    assert client.get("/cy/healthz").status_code == 404
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
