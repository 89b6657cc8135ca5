"""python manage.py load_scenarios [--file PATH]: replace the training scenarios in the
database with the fixture file, all or nothing. Problems are listed one a line, each naming its
scenario and field; nothing is changed unless every scenario is valid."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from council_sm.engine import InvalidCasebook
from council_sm.training.loading import fixture_path, load_fixture_scenarios_into_db
from council_sm.training.scenarios import InvalidScenarios


class Command(BaseCommand):
    help = "Replace the training scenarios in the database with fixtures/training/scenarios.json."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=None, help="another scenarios file")

    def handle(self, *args, **options):
        path = options["file"] or fixture_path()
        try:
            count = load_fixture_scenarios_into_db(path)
        except InvalidScenarios as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            sys.exit(2)
        except InvalidCasebook as error:
            self.stderr.write(f"No published casebook to check the scenarios against: {error}")
            sys.exit(1)
        self.stdout.write(f"Loaded {count} training scenario(s) from {path}.")
