"""python manage.py load_casebook [--dir DIR]: replace the database casebook with the fixtures."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from council_sm.caselaw.services import load_fixture_casebook_into_db
from council_sm.engine import InvalidCasebook


class Command(BaseCommand):
    help = "Validate the casebook fixtures and, only if all are valid, load them into the database."

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, default=None, help="fixtures directory")

    def handle(self, *args, **options):
        try:
            casebook = load_fixture_casebook_into_db(options["dir"])
        except InvalidCasebook as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            self.stderr.write("Nothing was loaded.")
            sys.exit(2)
        self.stdout.write(
            f"Loaded casebook {casebook.version} ({len(casebook.cases)} cases, "
            f"{len(casebook.factors)} factors), sha256 {casebook.sha256}"
        )
