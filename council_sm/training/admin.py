"""Scenarios in the admin, for trainers: every save is checked first (Scenario.clean), so a
scenario with a profile the engine cannot read, an unknown citation, a missing Welsh text or a
case that is not in the library is refused with the reason."""

from django.contrib import admin

from . import models


@admin.register(models.Scenario)
class ScenarioAdmin(admin.ModelAdmin):
    list_display = ("position", "id", "title", "case")
    list_display_links = ("id",)
    ordering = ("position", "id")
    search_fields = ("id", "title", "title_cy", "text")
    # Every text has its Welsh beside it: the service is bilingual.
    fieldsets = (
        (None, {"fields": ("id", "position", ("title", "title_cy"), "text", "text_cy", "case")}),
        ("Facts as answers", {"fields": ("profile",)}),
        (
            "Teaching",
            {
                "fields": (
                    "teaching_point",
                    "teaching_point_cy",
                    "sources",
                    "discussion",
                    "discussion_cy",
                )
            },
        ),
    )

    def get_readonly_fields(self, request, obj=None):
        # The id names the scenario in sessions and quiz answers; it is fixed once made.
        return ("id",) if obj is not None else ()
