"""python manage.py purge_assessments [--older-than 30d]: delete saved self-assessments older
than the retention period (default: ASSESSMENT_RETENTION_DAYS)."""

from datetime import timedelta

from council_sm.assessments.services import purge_assessments
from council_sm.retention import PurgeOlderThanCommand


class Command(PurgeOlderThanCommand):
    help = "Delete saved self-assessments older than the retention period."
    retention_setting = "ASSESSMENT_RETENTION_DAYS"
    deleted_label = "saved assessment(s)"

    def purge(self, older_than: timedelta) -> int:
        return purge_assessments(older_than=older_than)
