"""python manage.py purge_assessments [--older-than 30d]: delete saved self-assessments older
than the retention period (default: ASSESSMENT_RETENTION_DAYS)."""

import re
import sys
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand

from council_sm.assessments.services import purge_assessments

AGE = re.compile(r"^(\d{1,5})([dhm])$")
UNITS = {"d": "days", "h": "hours", "m": "minutes"}


def parse_age(text: str) -> timedelta | None:
    """Return the age in '30d', '12h' or '90m', or None when it is not of that form."""
    match = AGE.match(text.strip())
    if not match:
        return None
    return timedelta(**{UNITS[match.group(2)]: int(match.group(1))})


class Command(BaseCommand):
    help = "Delete saved self-assessments older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            default=f"{settings.ASSESSMENT_RETENTION_DAYS}d",
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
        deleted = purge_assessments(older_than=age)
        self.stdout.write(
            f"Deleted {deleted} saved assessment(s) older than {options['older_than']}."
        )
