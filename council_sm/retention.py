"""The shared shape of the purge commands: `--older-than 30d` (default: a retention setting),
exit 2 with one line when the age is malformed, one line saying how many were deleted."""

from __future__ import annotations

import re
import sys
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand

AGE = re.compile(r"^(\d{1,5})([dhm])$")
UNITS = {"d": "days", "h": "hours", "m": "minutes"}


def parse_age(text: str) -> timedelta | None:
    """Return the age in '30d', '12h' or '90m', or None when it is not of that form."""
    match = AGE.match(text.strip())
    if not match:
        return None
    return timedelta(**{UNITS[match.group(2)]: int(match.group(1))})


class PurgeOlderThanCommand(BaseCommand):
    """Subclasses name the retention setting (in days), what they delete, and how."""

    retention_setting: str
    deleted_label: str  # such as "saved assessment(s)"

    def purge(self, older_than: timedelta) -> int:
        raise NotImplementedError

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            default=f"{getattr(settings, self.retention_setting)}d",
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
        deleted = self.purge(age)
        self.stdout.write(
            f"Deleted {deleted} {self.deleted_label} older than {options['older_than']}."
        )
