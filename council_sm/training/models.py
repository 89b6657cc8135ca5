"""Training: scenarios (data, editable by trainers in the admin) and facilitated sessions with
anonymous participants and their votes. Every piece of a live session's state is a row here, so
a server restart, or a second app server, loses nothing."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Scenario(models.Model):
    """A situation to discuss: its facts told neutrally, the same facts as contract answers,
    what it teaches (with citations), points for discussion and, for a decided case, the case
    whose outcome is revealed after answering."""

    id = models.CharField(_("id"), max_length=64, primary_key=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    title_cy = models.CharField(_("title (Welsh)"), max_length=200)
    text = models.TextField(_("scenario"))
    text_cy = models.TextField(_("scenario (Welsh)"))
    profile = models.JSONField(_("factor profile (contract answers)"))
    teaching_point = models.TextField(_("teaching point"))
    teaching_point_cy = models.TextField(_("teaching point (Welsh)"))
    sources = models.JSONField(_("sources of the teaching point"), default=list)
    discussion = models.JSONField(_("points for discussion"), default=list)
    discussion_cy = models.JSONField(_("points for discussion (Welsh)"), default=list)
    case = models.CharField(
        _("decided case id"),
        max_length=64,
        blank=True,
        help_text=_("For a decided case only: its id in the case library. Leave blank otherwise."),
    )

    class Meta:
        verbose_name = _("training scenario")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title

    def to_data(self) -> dict[str, Any]:
        """Return the scenario in fixture form."""
        return {
            "id": self.id,
            "title": self.title,
            "title_cy": self.title_cy,
            "text": self.text,
            "text_cy": self.text_cy,
            "profile": self.profile,
            "teaching_point": self.teaching_point,
            "teaching_point_cy": self.teaching_point_cy,
            "sources": self.sources,
            "discussion": self.discussion,
            "discussion_cy": self.discussion_cy,
            "case": self.case or None,
        }

    def clean(self) -> None:
        """Refuse an edit that breaks the scenario rules, naming each field at fault."""
        from council_sm.caselaw.services import get_casebook
        from council_sm.engine import InvalidCasebook

        from .scenarios import scenario_problems

        try:
            casebook = get_casebook()
        except InvalidCasebook as error:
            raise ValidationError(_("No case library has been published yet.")) from error
        problems = [
            str(problem)
            for problem in scenario_problems(
                self.to_data(),
                casebook,
                default_regime=settings.CASEBOOK_DEFAULT_REGIME,
                where=f"scenarios[{self.id}]",
            )
        ]
        if self.case and Scenario.objects.filter(case=self.case).exclude(pk=self.pk).exists():
            problems.append(f"scenarios[{self.id}].case: this case is already told by a scenario")
        if problems:
            raise ValidationError(problems)

    def in_language(self, name: str, language: str | None = None) -> Any:
        """Return a text field in a language (its Welsh partner for "cy")."""
        if (language or get_language()) == "cy":
            return getattr(self, f"{name}_cy")
        return getattr(self, name)

    @property
    def is_decided_case(self) -> bool:
        return bool(self.case)


class TrainingSession(models.Model):
    """A facilitated session: a trainer moves a room through chosen scenarios, the room votes.
    `revision` goes up on every change a participant's screen should follow."""

    class Stage(models.TextChoices):
        LOBBY = "lobby", _("Waiting to start")
        QUESTION = "question", _("Voting")
        VOTES = "votes", _("Votes shown")
        OUTCOME = "outcome", _("Outcome shown")
        ENDED = "ended", _("Ended")

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    code = models.CharField(_("join code"), max_length=6, unique=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="training_sessions",
        verbose_name=_("started by"),
    )
    language = models.CharField(_("language"), max_length=8)
    scenario_ids = models.JSONField(_("scenarios, in order"))
    position = models.PositiveSmallIntegerField(_("current scenario"), default=0)
    stage = models.CharField(_("stage"), max_length=10, choices=Stage.choices, default=Stage.LOBBY)
    reached = models.SmallIntegerField(_("last scenario shown"), default=-1)
    revision = models.PositiveIntegerField(_("revision"), default=0)
    created_at = models.DateTimeField(_("started"), db_index=True)
    expires_at = models.DateTimeField(_("join code expires"))
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)

    class Meta:
        verbose_name = _("training session")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.reference} ({self.created_at:%Y-%m-%d})"

    @property
    def is_open(self) -> bool:
        """Return True while people may join and vote: not ended and the code not expired."""
        return self.ended_at is None and timezone.now() < self.expires_at

    @property
    def current_scenario_id(self) -> str | None:
        """Return the scenario on the screen now (None before the first and after the end)."""
        if self.stage in (self.Stage.LOBBY, self.Stage.ENDED):
            return None
        return self.scenario_ids[self.position]

    @property
    def is_last(self) -> bool:
        return self.position >= len(self.scenario_ids) - 1

    @property
    def covered_ids(self) -> list[str]:
        """Return the scenarios the room has been shown, in order."""
        return list(self.scenario_ids[: self.reached + 1])


class Participant(models.Model):
    """Someone in the room, known only by a random token kept in their browser session. The
    vote counter and its window enforce the rate limit in the database, so it holds across
    processes and restarts."""

    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="participants"
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    joined_at = models.DateTimeField(_("joined"))
    window_started_at = models.DateTimeField(_("vote window started"))
    window_votes = models.PositiveSmallIntegerField(_("votes in the window"), default=0)

    class Meta:
        verbose_name = _("participant")

    def __str__(self) -> str:
        return f"participant {self.pk} of {self.session_id}"


class Vote(models.Model):
    """One participant's answer to one scenario: official capacity yes, no or not sure. A new
    vote replaces the old one (the unique constraint makes that the only possibility)."""

    class Answer(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        UNSURE = "unsure", _("Not sure")

    session = models.ForeignKey(TrainingSession, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    scenario_id = models.CharField(_("scenario"), max_length=64)
    answer = models.CharField(_("answer"), max_length=8, choices=Answer.choices)
    cast_at = models.DateTimeField(_("cast"))

    class Meta:
        verbose_name = _("vote")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "scenario_id"], name="one_vote_per_participant_per_scenario"
            )
        ]
        indexes = [models.Index(fields=["session", "scenario_id"], name="vote_tally")]

    def __str__(self) -> str:
        return f"{self.scenario_id}: {self.answer}"
