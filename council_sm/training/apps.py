from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TrainingConfig(AppConfig):
    name = "council_sm.training"
    verbose_name = "Training"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .loading import load_scenarios_if_empty

        # After migrate (and after a test flush) an empty scenario table is filled from
        # fixtures/training/, validated against the published casebook (loaded just before,
        # as the caselaw app comes earlier in INSTALLED_APPS).
        post_migrate.connect(load_scenarios_if_empty, sender=self)
