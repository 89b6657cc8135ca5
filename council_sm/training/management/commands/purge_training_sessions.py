"""python manage.py purge_training_sessions [--older-than 30d]: delete training sessions, with
their participants and votes, started longer ago than the retention period (default:
TRAINING_SESSION_RETENTION_DAYS). Run it daily, like purge_assessments."""

from datetime import timedelta

from council_sm.retention import PurgeOlderThanCommand
from council_sm.training.services import purge_training_sessions


class Command(PurgeOlderThanCommand):
    help = "Delete training sessions older than the retention period."
    retention_setting = "TRAINING_SESSION_RETENTION_DAYS"
    deleted_label = "training session(s)"

    def purge(self, older_than: timedelta) -> int:
        return purge_training_sessions(older_than=older_than)
