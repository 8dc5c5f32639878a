"""Demo data of issue 14, through the services: targets of Amstelveen for this year and the
capacity norm of its youth team (one coach part-time). Loaded once."""

from __future__ import annotations

from django.utils import timezone

from route27.monitoring import services
from route27.monitoring.models import Target
from route27.organisations.models import Membership, Municipality
from route27.organisations.roles import CONTACT_PERSON_ROLES, Role

TARGETS = {"at_doorstroompunt": "12", "to_education": "15", "to_durable_work": "12",
           "in_aftercare": "8", "without_startkwalificatie": "10", "from_school": "20",
           "inflow": "60", "average_days": "240"}


def load_results_demo(*, users: dict, teams: dict) -> None:
    # Amstelveen and Aalsmeer share their policy work (seed 003 is their joint notitie): the
    # beleidsadviseur reads the figures of both. Not a casework role: no file opens by it.
    Membership.objects.get_or_create(user=users["beleid.amstelveen"],
                                     team=teams["Jongerenteam Aalsmeer"],
                                     role=Role.BELEIDSADVISEUR)
    if Target.objects.exists():
        return
    amstelveen = Municipality.objects.get(code="GM0362")
    year = max(timezone.localdate().year, 2026)
    services.targets_save(actor=users["beleid.amstelveen"], municipality=amstelveen,
                          year=min(year, 2029), values=TARGETS)
    team = teams["Jongerenteam Amstelveen"]
    part_time = team.memberships.filter(role__in=CONTACT_PERSON_ROLES,
                                        user__username="leerplicht.amstelveen").first()
    services.capacity_norm_save(
        actor=users["teamleider.amstelveen"], team=team,
        values={"norm_points": "30", "weight_light": "1", "weight_medium": "1,5",
                "weight_intensive": "2,5", "factor_over_23": "1,2", "factor_no_benefit": "1,2"},
        fte={part_time.pk: "0,6"} if part_time else {})
