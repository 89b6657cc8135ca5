"""python manage.py purge_training_sessions [--older-than 30d]: delete training sessions, with
their participants and votes, started longer ago than the retention period (default:
TRAINING_SESSION_RETENTION_DAYS). Run it daily, like purge_assessments."""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from council_sm.assessments.management.commands.purge_assessments import parse_age
from council_sm.training.services import purge_training_sessions


class Command(BaseCommand):
    help = "Delete training sessions older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            default=f"{settings.TRAINING_SESSION_RETENTION_DAYS}d",
            help="an age such as 30d, 12h or 90m (default: the retention setting)",
        )

    def handle(self, *args, **options):
        age = parse_age(options["older_than"])
        if age is None:
            self.stderr.write(
                f"--older-than: expected a number and a unit (d, h or m), such as 30d; "
                f"got {options['older_than']!r}"
            )
            sys.exit(2)
        deleted = purge_training_sessions(older_than=age)
        self.stdout.write(
            f"Deleted {deleted} training session(s) older than {options['older_than']}."
        )
