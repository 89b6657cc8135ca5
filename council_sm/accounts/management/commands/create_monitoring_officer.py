"""python manage.py create_monitoring_officer USERNAME --email EMAIL [--name "Full Name"]
[--password-stdin]

Sets up a monitoring officer (or deputy) account: staff access for the case library, the
monitoring officers' group for records. The password is asked for twice, or read from stdin
with --password-stdin, and must pass the password rules. Exit 2 with one line per problem."""

import getpass
import sys

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand
from django.core.validators import validate_email
from django.db import transaction

from council_sm.accounts.roles import MONITORING_OFFICERS, ensure_roles


class Command(BaseCommand):
    help = "Create a monitoring officer account."
    role = MONITORING_OFFICERS  # create_trainer reuses this command for the Trainers group
    role_label = "monitoring officer"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", required=True)
        parser.add_argument("--name", default="", help="full name, shown in the audit trail")
        parser.add_argument("--password-stdin", action="store_true")

    def _fail(self, problems):
        for problem in problems:
            self.stderr.write(problem)
        sys.exit(2)

    def _password(self, options) -> str:
        if options["password_stdin"]:
            return sys.stdin.readline().rstrip("\n")
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            self._fail(["password: the two passwords do not match"])
        return first

    def handle(self, *args, **options):
        User = get_user_model()
        username, email = options["username"].strip(), options["email"].strip()
        problems = []
        if not username:
            problems.append("username: required")
        elif User.objects.filter(username=username).exists():
            problems.append(f"username: {username!r} is already taken")
        try:
            validate_email(email)
        except ValidationError:
            problems.append(f"email: {email!r} is not an email address")
        if problems:
            self._fail(problems)
        password = self._password(options)
        first, _, last = options["name"].partition(" ")
        user = User(username=username, email=email, first_name=first, last_name=last, is_staff=True)
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            self._fail([f"password: {message}" for message in error.messages])
        with transaction.atomic():
            ensure_roles()
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name=self.role))
        self.stdout.write(f"Created {self.role_label} {username}.")
