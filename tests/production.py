"""Running manage.py and Python in a child process with a production environment."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from .support import PROJECT_ROOT


def production_env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    """The environment a council's server would have: DEBUG off, a long random key, its host
    name, TLS ended at a balancer that sets X-Forwarded-Proto. The test run's own DJANGO_*
    settings (plain HTTP, no manifest) are removed first."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="socialmedia.example.gov.uk",
        DJANGO_CSRF_TRUSTED_ORIGINS="https://socialmedia.example.gov.uk",
        DJANGO_SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto: https",
        DJANGO_STATIC_ROOT=str(tmp_path / "staticfiles"),
    )
    env.update(overrides)
    return env


def run(args: list[str], env: dict[str, str], timeout: int = 120):
    return subprocess.run(
        args, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def manage(*args: str, env: dict[str, str]):
    return run([sys.executable, "manage.py", *args], env=env)


def python(code: str, env: dict[str, str]):
    return run([sys.executable, "-c", code], env={**env, "PYTHONPATH": str(PROJECT_ROOT)})
