"""python manage.py verify_record FILE.pdf

Exit 0 only when the record is genuine: its code and text seal hold, it matches the stored copy
where one is held, and the engine gives the same result under the ruleset it names. Exit 1 when
it is not, exit 2 when the file cannot be read at all. Never a traceback."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from council_sm.records.verification import verify_pdf


class Command(BaseCommand):
    help = "Check that a PDF record is genuine and unaltered."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the PDF record")

    def handle(self, *args, **options):
        try:
            data = Path(options["file"]).read_bytes()
        except OSError as error:
            self.stderr.write(f"{options['file']}: cannot read ({error.strerror})")
            sys.exit(2)
        outcome = verify_pdf(data)
        output = self.stdout if outcome.genuine else self.stderr
        for line in outcome.lines():
            output.write(line)
        if not outcome.genuine:
            sys.exit(1)
