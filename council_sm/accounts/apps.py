from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "council_sm.accounts"
    verbose_name = "Accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in, user_logged_out

        from .roles import ensure_roles
        from .signals import record_sign_in, record_sign_out

        post_migrate.connect(ensure_roles, sender=self)
        user_logged_in.connect(record_sign_in)
        user_logged_out.connect(record_sign_out)
