"""python manage.py backup_database FILE

Write a consistent backup of the whole database to a new FILE while the service runs: SQLite's
online backup, or pg_dump's custom format on PostgreSQL. Exit 2, with one line per problem and
no file left behind, when it cannot."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from council_sm.records.backup import BackupProblem, backup


class Command(BaseCommand):
    help = "Back up the whole database (records, audit trail, rulesets, accounts) to a new file."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the backup file to create")

    def handle(self, *args, **options):
        try:
            written = backup(Path(options["file"]))
        except BackupProblem as problem:
            for line in problem.problems:
                self.stderr.write(line)
            sys.exit(2)
        self.stdout.write(
            f"Backed up to {written.path} ({written.size} bytes, sha256 {written.sha256})"
        )
