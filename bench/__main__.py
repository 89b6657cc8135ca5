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


def _setup_django(database: Path) -> None:
    """Point Django at a fresh SQLite file and migrate it (which loads the casebook)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "council_sm.settings")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def main() -> int:
    from bench import engine

    RESULTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        _setup_django(Path(folder) / "bench.sqlite3")
        from bench import pdf, training_load, web

        results = [engine.run(), web.run(), pdf.run(), training_load.run()]
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
    for module, result in zip((engine, web, pdf, training_load), results, strict=True):
        markdown += [module.to_markdown(result), ""]
    (RESULTS / "report.md").write_text("\n".join(markdown))
    sys.stdout.write("\n".join(markdown) + "\n")
    return 0 if all(result.get("meets_target", True) for result in results) else 1


if __name__ == "__main__":
    sys.exit(main())
