"""The casebook in the Django admin. Every save is checked against the whole casebook first
(see CasebookRecord.clean), so an edit that would break assessment is refused with the reason."""

from django.contrib import admin
from django.db import models as db_models

from council_sm.admin_support import ReadOnlyAdmin

from . import models


class FactorValueInline(admin.TabularInline):
    model = models.FactorValue
    extra = 0
    fields = ("position", "token", "weight", "reason", "reason_cy", "sources")


@admin.register(models.Factor)
class FactorAdmin(admin.ModelAdmin):
    list_display = ("position", "key", "name")
    list_display_links = ("key",)
    ordering = ("position",)
    search_fields = ("key", "name", "direction")
    inlines = [FactorValueInline]


class ParagraphInline(admin.StackedInline):
    model = models.Paragraph
    extra = 0
    fields = ("position", "paragraph", "duty", "duty_cy", "applies", "sources", "triggers")


@admin.register(models.Regime)
class RegimeAdmin(admin.ModelAdmin):
    list_display = ("id", "name", "citation")
    inlines = [ParagraphInline]


@admin.register(models.Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ("id", "name", "authority", "year", "official_capacity", "breach")
    list_filter = ("official_capacity", "breach", "jurisdiction")
    search_fields = ("id", "name", "authority", "citation", "summary")
    # Every text has its Welsh beside it: the service is bilingual, and a case without its
    # Welsh cannot be published (validation names the missing field).
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "id",
                    ("name", "name_cy"),
                    ("authority", "authority_cy"),
                    ("tribunal", "tribunal_cy"),
                    ("citation", "citation_cy"),
                    "year",
                    ("year_note", "year_note_cy"),
                    "jurisdiction",
                    "summary",
                    "summary_cy",
                )
            },
        ),
        ("Facts as answers", {"fields": ("profile", "profile_notes", "profile_notes_cy")}),
        (
            "Outcome",
            {
                "fields": (
                    "official_capacity",
                    "breach",
                    "paragraphs",
                    ("sanction", "sanction_cy"),
                    ("outcome_note", "outcome_note_cy"),
                )
            },
        ),
        ("Sources", {"fields": ("sources",)}),
    )


@admin.register(models.AdviceRule)
class AdviceRuleAdmin(admin.ModelAdmin):
    list_display = ("position", "id", "source", "always")
    list_display_links = ("id",)
    search_fields = ("id", "source", "text")


@admin.register(models.Authority)
class AuthorityAdmin(admin.ModelAdmin):
    list_display = ("id", "title", "verified_on")
    search_fields = ("id", "title", "citation")
    # An address typed without a scheme is taken as https (Django 6's default, chosen now).
    formfield_overrides = {db_models.URLField: {"assume_scheme": "https"}}


@admin.register(models.Ruleset)
class RulesetAdmin(admin.ModelAdmin):
    list_display = ("version",)

    def has_add_permission(self, request):
        """The scoring settings are one row, loaded with the casebook; it is changed, not added."""
        return False


@admin.register(models.RulesetSnapshot)
class RulesetSnapshotAdmin(ReadOnlyAdmin):
    """Published rulesets are kept as they were; they are published from the workspace."""

    list_display = ("version", "published_at", "published_by", "sha256")
    exclude = ("data",)
