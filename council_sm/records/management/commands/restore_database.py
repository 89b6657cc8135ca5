"""python manage.py restore_database FILE [--no-input]

Replace everything in the database with a backup made by backup_database, after checking that
the file is a whole backup of this service that this version can read; then apply newer
migrations. Asks first unless --no-input. Exit 2, with one line per problem and the database
unchanged, when it cannot."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import connection

from council_sm.records.backup import BackupProblem, restore


class Command(BaseCommand):
    help = "Replace the whole database with a backup made by backup_database."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the backup file")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="do not ask first"
        )

    def handle(self, *args, **options):
        source = Path(options["file"])
        if options["interactive"]:
            name = connection.settings_dict["NAME"]
            answer = input(
                f"This replaces everything in the database {name} with {source}.\n"
                "Type 'restore' to go on: "
            )
            if answer.strip() != "restore":
                self.stderr.write("Nothing was changed.")
                sys.exit(2)
        try:
            restore(source)
        except BackupProblem as problem:
            for line in problem.problems:
                self.stderr.write(line)
            sys.exit(2)
        self.stdout.write(f"Restored from {source}.")
