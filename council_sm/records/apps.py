from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "council_sm.records"
    verbose_name = "Records"
    default_auto_field = "django.db.models.BigAutoField"
