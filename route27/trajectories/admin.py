"""Functional administration of the reference lists (not of case data: no youth files here)."""

from django.contrib import admin

from route27.trajectories.models import Instrument, LifeDomain


@admin.register(LifeDomain)
class LifeDomainAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "municipality", "special_category", "position", "active"]
    list_filter = ["special_category", "active", "municipality"]
    list_editable = ["position", "active"]
    search_fields = ["name", "code"]
    autocomplete_fields = ["municipality"]


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "source", "active"]
    list_filter = ["active"]
    search_fields = ["name", "code", "description"]
