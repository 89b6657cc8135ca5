"""python manage.py create_trainer USERNAME --email EMAIL [--name "Full Name"] [--password-stdin]

Sets up a trainer account: staff access for the training scenarios in the admin, the Trainers
group for running sessions; never advice records. The same checks as create_monitoring_officer
(exit 2 with one line per problem)."""

from council_sm.accounts.roles import TRAINERS

from .create_monitoring_officer import Command as MonitoringOfficerCommand


class Command(MonitoringOfficerCommand):
    help = "Create a trainer account."
    role = TRAINERS
    role_label = "trainer"
