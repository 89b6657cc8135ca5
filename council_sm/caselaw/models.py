"""The casebook in the database, editable in the admin. Each model knows its fixture form
(`to_data`) and where it sits in the whole casebook (`put_into`), so an edit can be checked
against the whole casebook before it is saved."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


def _replace_or_append(items: list[dict[str, Any]], key: str, entry: dict[str, Any]) -> None:
    for position, item in enumerate(items):
        if item.get(key) == entry[key]:
            items[position] = entry
            return
    items.append(entry)


def _find_or_append(
    items: list[dict[str, Any]], key: str, value: str, empty: dict[str, Any]
) -> dict[str, Any]:
    for item in items:
        if item.get(key) == value:
            return item
    item = {key: value, **empty}
    items.append(item)
    return item


class CasebookRecord(models.Model):
    """Shared behaviour: refuse any edit that would leave the casebook invalid."""

    class Meta:
        abstract = True

    def put_into(self, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def clean(self) -> None:
        from council_sm.engine import InvalidCasebook, build_casebook

        from .services import casebook_data_from_db

        data = casebook_data_from_db()
        self.put_into(data)
        try:
            build_casebook(data)
        except InvalidCasebook as error:
            raise ValidationError([str(problem) for problem in error.problems]) from error


class Ruleset(CasebookRecord):
    """The scoring settings and version label of the casebook (one row)."""

    version = models.CharField(_("version"), max_length=40)
    scoring = models.JSONField(_("scoring settings"))

    class Meta:
        verbose_name = _("ruleset")

    def __str__(self) -> str:
        return self.version

    def to_data(self) -> dict[str, Any]:
        return {"version": self.version, "scoring": self.scoring}

    def put_into(self, data: dict[str, Any]) -> None:
        data["ruleset"] = self.to_data()


class Authority(CasebookRecord):
    """A source that reasons cite: the guide, an Order, a judgment."""

    id = models.CharField(_("id"), max_length=64, primary_key=True)
    title = models.CharField(_("title"), max_length=300)
    title_cy = models.CharField(_("title (Welsh)"), max_length=300)
    citation = models.CharField(_("citation"), max_length=300, blank=True)
    citation_cy = models.CharField(_("citation (Welsh)"), max_length=300, blank=True)
    url = models.URLField(_("address"), blank=True)
    sections = models.JSONField(_("sections"), default=list, blank=True)
    verified_on = models.CharField(_("verified on"), max_length=10)
    note = models.TextField(_("note"), blank=True)
    note_cy = models.TextField(_("note (Welsh)"), blank=True)

    class Meta:
        verbose_name = _("authority")
        verbose_name_plural = _("authorities")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "title": self.title,
            "title_cy": self.title_cy,
            "verified_on": self.verified_on,
        }
        for name in ("citation", "citation_cy", "url", "note", "note_cy"):
            if getattr(self, name):
                data[name] = getattr(self, name)
        if self.sections:
            data["sections"] = self.sections
        return data

    def put_into(self, data: dict[str, Any]) -> None:
        _replace_or_append(data["authorities"], "id", self.to_data())


class Factor(CasebookRecord):
    """A factor that moves the official-capacity score, keyed by the answer it reads."""

    key = models.CharField(_("answer key"), max_length=64, primary_key=True)
    position = models.PositiveSmallIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=200)
    name_cy = models.CharField(_("name (Welsh)"), max_length=200)
    direction = models.TextField(_("direction"))
    direction_cy = models.TextField(_("direction (Welsh)"))
    sources = models.JSONField(_("sources"), default=list)

    class Meta:
        verbose_name = _("factor")
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name

    def to_data(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "name_cy": self.name_cy,
            "direction": self.direction,
            "direction_cy": self.direction_cy,
            "sources": self.sources,
            # .all() keeps a prefetch usable; Meta.ordering puts the values in position order.
            "values": {value.token: value.to_data() for value in self.values.all()},
        }

    def put_into(self, data: dict[str, Any]) -> None:
        entry = _find_or_append(data["factors"], "key", self.key, {"values": {}})
        entry.update(
            name=self.name,
            name_cy=self.name_cy,
            direction=self.direction,
            direction_cy=self.direction_cy,
            sources=self.sources,
        )


class FactorValue(CasebookRecord):
    """What one answer value of a factor weighs, and the reason given for it."""

    factor = models.ForeignKey(Factor, on_delete=models.CASCADE, related_name="values")
    position = models.PositiveSmallIntegerField(_("position"))
    token = models.CharField(_("answer value"), max_length=64)
    weight = models.FloatField(_("weight"))
    reason = models.TextField(_("reason"))
    reason_cy = models.TextField(_("reason (Welsh)"))
    sources = models.JSONField(_("sources"), default=list)

    class Meta:
        verbose_name = _("factor value")
        ordering = ["factor", "position"]
        constraints = [
            models.UniqueConstraint(fields=["factor", "token"], name="unique_factor_token")
        ]

    def __str__(self) -> str:
        return f"{self.factor_id}={self.token}"

    def to_data(self) -> dict[str, Any]:
        return {
            "weight": self.weight,
            "reason": self.reason,
            "reason_cy": self.reason_cy,
            "sources": self.sources,
        }

    def put_into(self, data: dict[str, Any]) -> None:
        for factor in data["factors"]:
            if factor["key"] == self.factor_id:
                factor["values"][self.token] = self.to_data()


class Regime(CasebookRecord):
    """A Code of Conduct and the sentences used to explain when its paragraphs apply."""

    id = models.CharField(_("id"), max_length=64, primary_key=True)
    name = models.CharField(_("name"), max_length=300)
    name_cy = models.CharField(_("name (Welsh)"), max_length=300)
    citation = models.CharField(_("citation"), max_length=300)
    citation_cy = models.CharField(_("citation (Welsh)"), max_length=300)
    capacity_test = models.TextField(_("capacity test"))
    capacity_test_cy = models.TextField(_("capacity test (Welsh)"))
    sources = models.JSONField(_("sources"), default=list)
    texts = models.JSONField(_("explanation texts"), default=dict)
    texts_cy = models.JSONField(_("explanation texts (Welsh)"), default=dict)

    class Meta:
        verbose_name = _("regime")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    def to_data(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "name_cy": self.name_cy,
            "citation": self.citation,
            "citation_cy": self.citation_cy,
            "capacity_test": self.capacity_test,
            "capacity_test_cy": self.capacity_test_cy,
            "sources": self.sources,
            "texts": self.texts,
            "texts_cy": self.texts_cy,
            "paragraphs": [item.to_data() for item in self.paragraphs.all()],
        }

    def put_into(self, data: dict[str, Any]) -> None:
        entry = _find_or_append(data["regimes"], "id", self.id, {"paragraphs": []})
        entry.update(
            name=self.name,
            name_cy=self.name_cy,
            citation=self.citation,
            citation_cy=self.citation_cy,
            capacity_test=self.capacity_test,
            capacity_test_cy=self.capacity_test_cy,
            sources=self.sources,
            texts=self.texts,
            texts_cy=self.texts_cy,
        )


class Paragraph(CasebookRecord):
    """A paragraph of a regime: its duty, when it applies, and what puts it at risk."""

    APPLIES_CHOICES = [
        ("always", _("at all times")),
        ("official_capacity", _("only in official capacity")),
    ]

    regime = models.ForeignKey(Regime, on_delete=models.CASCADE, related_name="paragraphs")
    position = models.PositiveSmallIntegerField(_("position"))
    paragraph = models.CharField(_("paragraph"), max_length=20)
    duty = models.TextField(_("duty"))
    duty_cy = models.TextField(_("duty (Welsh)"))
    applies = models.CharField(_("applies"), max_length=20, choices=APPLIES_CHOICES)
    sources = models.JSONField(_("sources"), default=list)
    triggers = models.JSONField(_("triggers"), default=list)

    class Meta:
        verbose_name = _("paragraph")
        ordering = ["regime", "position"]
        constraints = [
            models.UniqueConstraint(fields=["regime", "paragraph"], name="unique_regime_paragraph")
        ]

    def __str__(self) -> str:
        return f"{self.regime_id} {self.paragraph}"

    def to_data(self) -> dict[str, Any]:
        return {
            "paragraph": self.paragraph,
            "duty": self.duty,
            "duty_cy": self.duty_cy,
            "applies": self.applies,
            "sources": self.sources,
            "triggers": self.triggers,
        }

    def put_into(self, data: dict[str, Any]) -> None:
        for regime in data["regimes"]:
            if regime["id"] == self.regime_id:
                _replace_or_append(regime["paragraphs"], "paragraph", self.to_data())


class Case(CasebookRecord):
    """A decided case, its facts as contract answers, its outcome and its sources."""

    id = models.CharField(_("id"), max_length=64, primary_key=True)
    name = models.CharField(_("name"), max_length=200)
    name_cy = models.CharField(_("name (Welsh)"), max_length=200)
    authority = models.CharField(_("authority"), max_length=200)
    authority_cy = models.CharField(_("authority (Welsh)"), max_length=200)
    tribunal = models.CharField(_("tribunal"), max_length=300)
    tribunal_cy = models.CharField(_("tribunal (Welsh)"), max_length=300)
    citation = models.CharField(_("citation"), max_length=300)
    citation_cy = models.CharField(_("citation (Welsh)"), max_length=300)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    year_note = models.TextField(_("note on the year"), blank=True)
    year_note_cy = models.TextField(_("note on the year (Welsh)"), blank=True)
    jurisdiction = models.CharField(_("jurisdiction"), max_length=40)
    summary = models.TextField(_("summary of the facts"))
    summary_cy = models.TextField(_("summary of the facts (Welsh)"))
    profile = models.JSONField(_("factor profile (contract answers)"))
    profile_notes = models.JSONField(_("notes on the profile"), default=dict, blank=True)
    profile_notes_cy = models.JSONField(_("notes on the profile (Welsh)"), default=dict, blank=True)
    official_capacity = models.BooleanField(_("official capacity found"))
    breach = models.BooleanField(_("breach found"))
    paragraphs = models.JSONField(_("paragraphs breached"), default=list, blank=True)
    sanction = models.TextField(_("sanction"))
    sanction_cy = models.TextField(_("sanction (Welsh)"))
    outcome_note = models.TextField(_("note on the outcome"), blank=True)
    outcome_note_cy = models.TextField(_("note on the outcome (Welsh)"), blank=True)
    sources = models.JSONField(_("sources"), default=list)

    class Meta:
        verbose_name = _("case")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    def to_data(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "name_cy": self.name_cy,
            "authority": self.authority,
            "authority_cy": self.authority_cy,
            "tribunal": self.tribunal,
            "tribunal_cy": self.tribunal_cy,
            "citation": self.citation,
            "citation_cy": self.citation_cy,
            "year": self.year,
            "year_note": self.year_note,
            "year_note_cy": self.year_note_cy,
            "jurisdiction": self.jurisdiction,
            "summary": self.summary,
            "summary_cy": self.summary_cy,
            "profile": self.profile,
            "profile_notes": self.profile_notes,
            "profile_notes_cy": self.profile_notes_cy,
            "outcome": {
                "official_capacity": self.official_capacity,
                "breach": self.breach,
                "paragraphs": self.paragraphs,
                "sanction": self.sanction,
                "sanction_cy": self.sanction_cy,
                "note": self.outcome_note,
                "note_cy": self.outcome_note_cy,
            },
            "sources": self.sources,
        }

    def put_into(self, data: dict[str, Any]) -> None:
        _replace_or_append(data["cases"], "id", self.to_data())


class AdviceRule(CasebookRecord):
    """A policy point of the guide and the answers that call for it."""

    id = models.CharField(_("id"), max_length=64, primary_key=True)
    position = models.PositiveSmallIntegerField(_("position"))
    source = models.CharField(_("source"), max_length=100)
    text = models.TextField(_("advice"))
    text_cy = models.TextField(_("advice (Welsh)"))
    always = models.BooleanField(_("always given"), default=False)
    triggers = models.JSONField(_("triggers"), default=list, blank=True)

    class Meta:
        verbose_name = _("advice point")
        ordering = ["position"]

    def __str__(self) -> str:
        return f"{self.source}: {self.id}"

    def to_data(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "text": self.text,
            "text_cy": self.text_cy,
            "always": self.always,
            "triggers": self.triggers,
        }

    def put_into(self, data: dict[str, Any]) -> None:
        _replace_or_append(data["advice"], "id", self.to_data())


class RulesetSnapshot(models.Model):
    """A published ruleset: the whole casebook as it was published, keyed by its hash. The
    engine always assesses against the latest one, and a record can be recomputed under its own
    ruleset years later. Written once, never changed; the tables above are the working copy."""

    sha256 = models.CharField(_("sha256"), max_length=64, primary_key=True)
    version = models.CharField(_("version"), max_length=40, unique=True)
    data = models.JSONField(_("casebook data"))
    published_at = models.DateTimeField(_("published"), db_index=True)
    published_by = models.CharField(_("published by"), max_length=150, blank=True)
    note = models.TextField(_("what changed"), blank=True)

    class Meta:
        verbose_name = _("published ruleset")
        ordering = ["-published_at"]
        permissions = [("publish_rulesetsnapshot", "Can publish the case library")]

    def __str__(self) -> str:
        return f"{self.version} ({self.sha256[:12]})"
