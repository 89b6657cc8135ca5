"""python -m bench: run every benchmark and write bench/results/report.md and report.json."""

from __future__ import annotations

import json
import os
import platform
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def _setup_django(folder: Path) -> None:
    """Point Django at a fresh SQLite file and migrate it (which loads the casebook); collect
    the static files, as production does. The in-process benchmarks speak plain HTTP, so the
    HTTPS redirect and secure cookies are off; everything else is as in production."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "council_sm.settings")
    os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'bench.sqlite3'}"
    os.environ["DJANGO_STATIC_ROOT"] = str(folder / "static")
    os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "false"
    os.environ["DJANGO_SECURE_COOKIES"] = "false"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def main() -> int:
    from bench import engine, load

    RESULTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        _setup_django(Path(folder))
        from bench import api, pdf, training_load, web

        modules = (engine, web, api, pdf, load, training_load)
        results = [module.run() for module in modules]
    header = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
    }
    (RESULTS / "report.json").write_text(json.dumps({**header, "results": results}, indent=2))
    markdown = [
        "# Benchmarks",
        "",
        f"{header['when']}, Python {header['python']}, {header['machine']}.",
        "",
    ]
    for module, result in zip(modules, results, strict=True):
        markdown += [module.to_markdown(result), ""]
    (RESULTS / "report.md").write_text("\n".join(markdown))
    sys.stdout.write("\n".join(markdown) + "\n")
    return 0 if all(result.get("meets_target", True) for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
