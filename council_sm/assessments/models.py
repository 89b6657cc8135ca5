"""Completed self-assessments, kept without anything that identifies the person."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class SavedAssessment(models.Model):
    """One completed self-assessment: answers (the description only as a hash), the result,
    the ruleset used, the language and the time. No name, account or address is kept."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    reference = models.CharField(_("reference"), max_length=20, unique=True)
    verification_code = models.CharField(_("verification code"), max_length=19)
    created_at = models.DateTimeField(_("created"), db_index=True)
    language = models.CharField(_("language"), max_length=8)
    contract = models.PositiveSmallIntegerField(_("contract version"))
    answers = models.JSONField(_("answers"))
    description_sha256 = models.CharField(_("sha256 of the description"), max_length=64, blank=True)
    result = models.JSONField(_("result"))
    ruleset_version = models.CharField(_("ruleset version"), max_length=40)
    ruleset_sha256 = models.CharField(_("ruleset sha256"), max_length=64)

    class Meta:
        verbose_name = _("saved assessment")
        ordering = ["-created_at"]

    kind = "self-assessment"

    def __str__(self) -> str:
        return f"{self.reference} ({self.created_at:%Y-%m-%d %H:%M})"
