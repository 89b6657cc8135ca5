from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class CaselawConfig(AppConfig):
    name = "council_sm.caselaw"
    verbose_name = "Case law"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from .loading import load_casebook_if_empty, mark_casebook_changed
        from .services import CASEBOOK_MODELS

        # After migrate (and after a test flush) an empty casebook is filled from fixtures/,
        # so every fresh install can assess at once.
        post_migrate.connect(load_casebook_if_empty, sender=self)
        for model in CASEBOOK_MODELS:
            post_save.connect(mark_casebook_changed, sender=model)
            post_delete.connect(mark_casebook_changed, sender=model)
