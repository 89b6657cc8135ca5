"""python manage.py export_member_data "NAME" [--output FILE]: everything held about a named
member (every version of every advice record), as JSON, for a subject access request. The
export is written to the audit trail."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from council_sm.records.models import AuditEvent
from council_sm.records.pdf import write_atomically
from council_sm.records.services import audit, member_data


class Command(BaseCommand):
    help = "Export all advice records about a named member as JSON."

    def add_arguments(self, parser):
        parser.add_argument("name", help="the member's name as recorded (case does not matter)")
        parser.add_argument("--output", type=Path, help="write to this file instead of stdout")

    def handle(self, *args, **options):
        name = options["name"].strip()
        if not name:
            self.stderr.write("name: required")
            sys.exit(2)
        data = member_data(name)
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        if options["output"]:
            try:
                write_atomically(options["output"], text.encode())
            except OSError as error:
                self.stderr.write(f"output: cannot write {options['output']}: {error.strerror}")
                sys.exit(1)
        else:
            self.stdout.write(text, ending="")
        audit(
            None,
            AuditEvent.Action.EXPORTED,
            subject=f"member data for a subject access request ({len(data['records'])} records)",
        )
