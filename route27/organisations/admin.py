from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from route27.organisations.models import (
    DoorstroompuntRegion,
    LabourMarketRegion,
    Membership,
    MunicipalConfig,
    Municipality,
    Organisation,
    Team,
    User,
)


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "labour_market_region", "doorstroompunt_region",
                    "is_centre_municipality", "is_contact_municipality"]
    list_filter = ["is_centre_municipality", "is_contact_municipality", "province"]
    search_fields = ["name", "code"]
    # Only the designations are editable: the rest is reference data from CBS/DUO.
    readonly_fields = ["code", "number", "name", "province", "labour_market_region",
                       "doorstroompunt_region", "population_2024", "estimate_15_to_25_2024"]


@admin.register(MunicipalConfig)
class MunicipalConfigAdmin(admin.ModelAdmin):
    list_display = ["municipality", "intake_weeks", "aftercare_months", "aftercare_term_months",
                    "hardship_policy", "intensive_contacts_per_month", "executor",
                    "no_contact_weeks"]
    search_fields = ["municipality__name"]
    autocomplete_fields = ["municipality"]


@admin.register(LabourMarketRegion, DoorstroompuntRegion)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "population_2024"]
    search_fields = ["code", "name"]


class TeamInline(admin.TabularInline):
    model = Team
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "municipality"]
    list_filter = ["type"]
    search_fields = ["name"]
    inlines = [TeamInline]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation"]
    search_fields = ["name", "organisation__name"]
    filter_horizontal = ["serves"]
    inlines = [MembershipInline]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = [MembershipInline]
