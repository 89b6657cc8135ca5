from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CaselawConfig(AppConfig):
    name = "council_sm.caselaw"
    verbose_name = "Case law"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .loading import load_casebook_if_empty

        # After migrate (and after a test flush) an empty casebook is filled from fixtures/
        # and published, so every fresh install can assess at once.
        post_migrate.connect(load_casebook_if_empty, sender=self)
