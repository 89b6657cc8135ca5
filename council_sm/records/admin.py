"""The audit trail is visible in the admin to those allowed to see it, and never editable."""

from django.contrib import admin

from council_sm.admin_support import ReadOnlyAdmin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "actor_label", "action", "subject")
    list_filter = ("action",)
    search_fields = ("actor_label", "subject")
