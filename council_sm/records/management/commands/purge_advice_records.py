"""python manage.py purge_advice_records [--dry-run]: delete advice records whose series was
last issued more than ADVICE_RECORD_RETENTION_YEARS ago (and drafts untouched for as long).
The audit trail keeps that each existed and when it was deleted."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from council_sm.records.models import AdviceRecord, AuditEvent
from council_sm.records.services import audit


class Command(BaseCommand):
    help = "Delete advice records past the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=365 * settings.ADVICE_RECORD_RETENTION_YEARS)
        latest = AdviceRecord.objects.values("series").annotate(
            last=Max("issued_at"), touched=Max("updated_at")
        )
        expired = [row["series"] for row in latest if (row["last"] or row["touched"]) < cutoff]
        if options["dry_run"]:
            self.stdout.write(f"{len(expired)} series would be deleted.")
            return
        deleted = 0
        for series in expired:
            with transaction.atomic():
                versions = list(AdviceRecord.objects.filter(series=series).order_by("-version"))
                label = versions[0].label
                for version in versions:  # newest first: each version protects the one before
                    version.delete()
                    deleted += 1
                audit(None, AuditEvent.Action.PURGED, subject=label)
        self.stdout.write(f"Deleted {deleted} record version(s) in {len(expired)} series.")
