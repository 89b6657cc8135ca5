"""Backing up and restoring the whole database: every record and its versions, the audit
trail, the published rulesets, accounts and roles. SQLite uses its online backup API (a
consistent copy while the service runs); PostgreSQL uses pg_dump and pg_restore in their custom
format. A backup is checked before it is restored, and a restore is all or nothing."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

# Tables whose presence says a file is a backup of this service.
OUR_TABLES = ("django_migrations", "records_advicerecord", "caselaw_rulesetsnapshot")


class BackupProblem(Exception):
    """The backup or restore could not be done; each line says why in plain words."""

    def __init__(self, *problems: str):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class BackupFile:
    path: Path
    size: int
    sha256: str


def backup(target: Path) -> BackupFile:
    """Write a backup of the database to target, whole or not at all."""
    if target.exists():
        raise BackupProblem(f"{target}: already exists; choose a new file name")
    if not target.parent.is_dir():
        raise BackupProblem(f"{target.parent}: no such folder")
    partial = target.with_name(target.name + ".partial")
    try:
        if connection.vendor == "sqlite":
            _sqlite_backup(partial)
        elif connection.vendor == "postgresql":
            _run(_pg_command("pg_dump", "--format=custom", "--file", str(partial)), "pg_dump")
        else:
            raise BackupProblem(f"backing up a {connection.vendor} database is not supported")
        os.replace(partial, target)
    except OSError as error:
        raise BackupProblem(f"{target}: cannot write ({error.strerror})") from error
    finally:
        partial.unlink(missing_ok=True)
    data = target.read_bytes()
    return BackupFile(target, len(data), hashlib.sha256(data).hexdigest())


def restore(source: Path) -> None:
    """Replace the database's contents with the backup in source, after checking that it is
    a whole backup of this service that this version can read; then apply any migrations
    newer than the backup."""
    migrations = backup_migrations(source)
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    newer = sorted(f"{app}.{name}" for app, name in migrations - known)
    if newer:
        raise BackupProblem(
            f"{source}: made by a newer version of council_sm (migrations {', '.join(newer)});"
            " upgrade first"
        )
    if connection.vendor == "sqlite":
        _sqlite_restore(source)
    else:
        connection.close()
        _run(
            _pg_command(
                "pg_restore",
                "--clean",
                "--if-exists",
                "--single-transaction",
                "--exit-on-error",
                str(source),
            ),
            "pg_restore",
        )
    call_command("migrate", interactive=False, verbosity=0)


def backup_migrations(source: Path) -> set[tuple[str, str]]:
    """Check that source is a whole backup of this service; return the migrations (app,
    name) its database had applied."""
    if not source.is_file():
        raise BackupProblem(f"{source}: no such file")
    if connection.vendor == "sqlite":
        return _sqlite_migrations(source)
    if connection.vendor == "postgresql":
        return _pg_migrations(source)
    raise BackupProblem(f"restoring a {connection.vendor} database is not supported")


# SQLite


def _sqlite_backup(target: Path) -> None:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        (verdict,) = copy.execute("PRAGMA integrity_check").fetchone()
    finally:
        copy.close()
    if verdict != "ok":
        raise BackupProblem(f"the copy failed SQLite's integrity check ({verdict})")


def _open_backup(source: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)


def _sqlite_migrations(source: Path) -> set[tuple[str, str]]:
    try:
        backup_db = _open_backup(source)
        try:
            (verdict,) = backup_db.execute("PRAGMA integrity_check").fetchone()
            tables = {row[0] for row in backup_db.execute("SELECT name FROM sqlite_master")}
            missing = [table for table in OUR_TABLES if table not in tables]
            if verdict != "ok":
                raise BackupProblem(f"{source}: damaged ({verdict})")
            if missing:
                raise BackupProblem(f"{source}: not a council_sm backup (no {', '.join(missing)})")
            return set(backup_db.execute("SELECT app, name FROM django_migrations"))
        finally:
            backup_db.close()
    except sqlite3.DatabaseError as error:
        raise BackupProblem(f"{source}: not an SQLite backup ({error})") from error


def _sqlite_restore(source: Path) -> None:
    connection.ensure_connection()
    backup_db = _open_backup(source)
    try:
        backup_db.backup(connection.connection)  # replaces every page, in one step
    finally:
        backup_db.close()


# PostgreSQL


def _pg_command(program: str, *arguments: str, database: bool = True) -> tuple[list, dict]:
    """Return pg_dump's or pg_restore's command line for this database (or for reading an
    archive alone, database=False) and its environment, with the password out of argv."""
    if shutil.which(program) is None:
        raise BackupProblem(f"{program} is not installed (Debian: postgresql-client)")
    settings = connection.settings_dict
    command = [program, "--no-owner", "--no-privileges", *arguments]
    if database:
        for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
            if settings.get(key):
                command += [flag, str(settings[key])]
        command += ["--dbname", settings["NAME"]] if program == "pg_restore" else [settings["NAME"]]
    environment = {**os.environ, "PGPASSWORD": str(settings.get("PASSWORD") or "")}
    return command, environment


def _run(command_and_environment: tuple[list, dict], program: str) -> str:
    command, environment = command_and_environment
    completed = subprocess.run(  # noqa: S603 - fixed programs, arguments from settings
        command, env=environment, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        lines = [line for line in completed.stderr.splitlines() if line.strip()]
        raise BackupProblem(f"{program} failed: {lines[-1] if lines else completed.returncode}")
    return completed.stdout


COPY_MIGRATIONS = re.compile(r"^COPY \S*django_migrations \((?P<columns>[^)]*)\) FROM stdin;$")


def _pg_migrations(source: Path) -> set[tuple[str, str]]:
    """Check that the file is a pg_dump archive of this service; return its migrations."""
    listing = _run(_pg_command("pg_restore", "--list", str(source), database=False), "pg_restore")
    tables = set(re.findall(r" TABLE (?:\S+ )?(\w+) ", listing))
    missing = [table for table in OUR_TABLES if table not in tables]
    if missing:
        raise BackupProblem(f"{source}: not a council_sm backup (no {', '.join(missing)})")
    script = _run(
        _pg_command(
            "pg_restore",
            "--data-only",
            "--table=django_migrations",
            "--file=-",
            str(source),
            database=False,
        ),
        "pg_restore",
    )
    rows: set[tuple[str, str]] = set()
    columns: list[str] = []
    for line in script.splitlines():
        if match := COPY_MIGRATIONS.match(line):
            columns = [column.strip() for column in match["columns"].split(",")]
        elif columns and line == "\\.":
            columns = []
        elif columns:
            values = dict(zip(columns, line.split("\t"), strict=False))
            rows.add((values["app"], values["name"]))
    return rows
