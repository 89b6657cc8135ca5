"""Words for the training pages' stable ids."""

from django.utils.translation import gettext_lazy as _

CAPACITY_ANSWERS = {
    "yes": _("Yes"),
    "no": _("No"),
    "unsure": _("Not sure"),
}

# What the engine's band says about the member in a scenario (the self-assessment's headlines
# say "you"; a scenario is about someone else).
SCENARIO_HEADLINES = {
    "likely": _("The member is likely to be seen as acting in an official capacity"),
    "borderline": _("The member may be seen as acting in an official capacity"),
    "unlikely": _("The member is unlikely to be seen as acting in an official capacity"),
}

# The answer that matches each band, as the quiz counts agreement.
BAND_ANSWERS = {
    "likely": _("yes"),
    "borderline": _("yes, no or not sure (a borderline case)"),
    "unlikely": _("no"),
}
