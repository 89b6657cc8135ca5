"""Advice records a monitoring officer keeps about named members, their gap-free references,
and the audit trail of everything done with them."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

BANDS = [("likely", _("Likely")), ("borderline", _("Borderline")), ("unlikely", _("Unlikely"))]

# The officer's part of a record: what the form asks for and a correction copies.
OFFICER_FIELDS = (
    "member_name",
    "member_ward",
    "member_role",
    "matter",
    "advice_date",
    "channel",
    "determination",
    "departure_reasons",
    "advice_given",
    "follow_up",
)


class AdviceRecord(models.Model):
    """One version of an advice record. A draft may be edited; an issued version is fixed. A
    correction is a new version in the same series, linked to the one it corrects."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ISSUED = "issued", _("Issued")

    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")
        PHONE = "phone", _("Telephone")
        MEETING = "meeting", _("Meeting")
        LETTER = "letter", _("Letter")
        OTHER = "other", _("Other")

    series = models.UUIDField(_("series"), default=uuid.uuid4, db_index=True)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="superseded_by"
    )
    correction_reason = models.TextField(_("reason for the correction"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    reference = models.CharField(_("reference"), max_length=20, blank=True, db_index=True)

    member_name = models.CharField(_("member's name"), max_length=200)
    member_ward = models.CharField(_("ward or division"), max_length=200, blank=True)
    member_role = models.CharField(_("member's role"), max_length=200, blank=True)
    matter = models.TextField(_("the matter"))
    advice_date = models.DateField(_("date of the advice"))
    channel = models.CharField(_("how the advice was given"), max_length=10, choices=Channel)

    language = models.CharField(_("language"), max_length=8, default="en")
    answers = models.JSONField(_("answers"))
    result = models.JSONField(_("engine result"))
    ruleset_version = models.CharField(_("ruleset version"), max_length=40)
    ruleset_sha256 = models.CharField(_("ruleset sha256"), max_length=64)

    determination = models.CharField(_("officer's determination"), max_length=12, choices=BANDS)
    departure_reasons = models.TextField(_("reasons for departing from the engine"), blank=True)
    departs_from_engine = models.BooleanField(_("departs from the engine"), default=False)
    advice_given = models.TextField(_("advice given"))
    follow_up = models.TextField(_("follow-up actions"), blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last edited"), auto_now=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)
    verification_code = models.CharField(_("verification code"), max_length=19, blank=True)

    kind = "advice"

    class Meta:
        verbose_name = _("advice record")
        ordering = ["-created_at"]
        permissions = [("issue_advicerecord", "Can issue advice records")]
        constraints = [
            models.UniqueConstraint(fields=["series", "version"], name="unique_series_version"),
            models.UniqueConstraint(
                fields=["reference", "version"],
                condition=~models.Q(reference=""),
                name="unique_reference_version",
            ),
        ]

    def __str__(self) -> str:
        label = self.reference or str(_("Draft"))
        return f"{label} v{self.version}: {self.member_name}"

    def save(self, *args, **kwargs):
        # Kept as a column so that the register can filter on it.
        self.departs_from_engine = self.determination != self.result["official_capacity"]["band"]
        super().save(*args, **kwargs)

    @property
    def engine_band(self) -> str:
        return self.result["official_capacity"]["band"]

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_latest(self) -> bool:
        return not hasattr(self, "superseded_by")

    @property
    def label(self) -> str:
        """Return the reference with the version when there is more than one."""
        if not self.reference:
            return str(_("Draft"))
        return self.reference if self.version == 1 else f"{self.reference} v{self.version}"


class ReferenceCounter(models.Model):
    """The last reference number issued in a year; taken under a row lock when issuing so
    that references run without gaps or repeats."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("reference counter")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class ImmutableError(RuntimeError):
    """Raised on any attempt to change or delete an audit event."""


class AuditEvent(models.Model):
    """Who did what, and when. Written once; never changed or deleted by the service."""

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        EDITED = "edited", _("edited")
        ISSUED = "issued", _("issued")
        CORRECTED = "corrected", _("started a correction of")
        VIEWED = "viewed", _("viewed")
        DOWNLOADED = "downloaded", _("downloaded the PDF of")
        EXPORTED = "exported", _("exported")
        PUBLISHED = "published", _("published the case library as")
        SIGNED_IN = "signed_in", _("signed in")
        SIGNED_OUT = "signed_out", _("signed out")
        PURGED = "purged", _("deleted under the retention rule")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(_("who"), max_length=200)
    action = models.CharField(_("action"), max_length=12, choices=Action)
    record = models.ForeignKey(
        AdviceRecord, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    series = models.UUIDField(_("series"), null=True, blank=True, db_index=True)
    subject = models.CharField(_("what"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("audit event")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.subject}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ImmutableError("audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError("audit events cannot be deleted")
