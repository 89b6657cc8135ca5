"""python manage.py seed_demo: a demo monitoring officer for local development only.

Refuses unless DEBUG is on. The account's password is public (it is printed, and shown on the
sign-in page while DEBUG is on), so it must never exist on a real server."""

import sys

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from council_sm.accounts.roles import MONITORING_OFFICERS, ensure_roles

DEMO_USERNAME = "demo-officer"
DEMO_PASSWORD = "demo-officer-password"  # noqa: S105 - public on purpose, DEBUG only


class Command(BaseCommand):
    help = "Create the demo monitoring officer (DEBUG only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            self.stderr.write(
                "seed_demo: refused, DJANGO_DEBUG is off (no demo accounts in production)"
            )
            sys.exit(2)
        ensure_roles()
        user, _created = get_user_model().objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={"first_name": "Demo", "last_name": "Officer", "is_staff": True},
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name=MONITORING_OFFICERS))
        self.stdout.write(
            f"Demo monitoring officer for local development: {DEMO_USERNAME} / {DEMO_PASSWORD}"
        )
