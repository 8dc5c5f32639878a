from django.contrib import admin

from route27.programme.models import Deadline, Theme


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    """The national format's themes change with the format: data, not code."""

    list_display = ["order", "section", "label", "mandatory", "active"]
    list_editable = ["mandatory", "active"]
    list_display_links = ["label"]


@admin.register(Deadline)
class DeadlineAdmin(admin.ModelAdmin):
    """The programme's calendar: dates are data, a changed Regeling is an edit here."""

    list_display = ["ends_on", "starts_on", "label"]
