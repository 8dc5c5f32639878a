"""Reads of the organisation structure: which team handles whom. No personal data."""

from __future__ import annotations

from django.db.models import QuerySet

from route27.organisations.models import Municipality, Organisation, Team


def team_serving(municipality: Municipality, *,
                 among: QuerySet[Team] | None = None) -> Team | None:
    """The team that serves the municipality (the lowest id if several do), optionally only
    among the given teams. Every routing of a youth to a team goes through here."""
    teams = Team.objects.all() if among is None else among
    return teams.filter(serves=municipality).order_by("pk").first()


def receiving_team(*, organisation: Organisation, municipality: Municipality, actor) -> Team | None:
    """The team of a receiving organisation for a youth of ``municipality``: the one serving that
    municipality, else the actor's own casework team in that organisation."""
    teams = Team.objects.filter(organisation=organisation)
    return (team_serving(municipality, among=teams)
            or teams.filter(pk__in=actor.casework_team_ids).order_by("pk").first())


def actor_team_for(actor, municipality: Municipality) -> Team | None:
    """The actor's casework team that serves the municipality, else their first casework team."""
    teams = Team.objects.filter(pk__in=actor.casework_team_ids)
    return team_serving(municipality, among=teams) or teams.order_by("pk").first()


def serves_municipality(organisation: Organisation, municipality: Municipality) -> bool:
    """One of the organisation's teams serves the municipality."""
    return Team.objects.filter(organisation=organisation, serves=municipality).exists()


def serves_region_of(organisation: Organisation, municipality: Municipality) -> bool:
    """The organisation works for the Doorstroompunt region of the municipality: it sits in it,
    or one of its teams serves a municipality in it."""
    region_id = municipality.doorstroompunt_region_id
    if organisation.municipality_id and \
            organisation.municipality.doorstroompunt_region_id == region_id:
        return True
    return Team.objects.filter(organisation=organisation,
                               serves__doorstroompunt_region_id=region_id).exists()
