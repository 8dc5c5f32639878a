"""Reads of trajectories, always through the youth scope (youth.access)."""

from __future__ import annotations

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from route27.trajectories.models import INTENSITY_WEIGHT, FollowUp, Trajectory
from route27.youth.access import visible_q
from route27.youth.models import ContactAssignment, Youth


def trajectories_visible_to(user) -> QuerySet[Trajectory]:
    return Trajectory.objects.filter(
        Exists(Youth.objects.filter(visible_q(user), pk=OuterRef("youth_id"))))


def _annotated(qs: QuerySet[Trajectory]) -> QuerySet[Trajectory]:
    today = timezone.localdate()
    active_contact = ContactAssignment.objects.filter(youth=OuterRef("youth_id"),
                                                      ended_at__isnull=True)
    return qs.select_related("youth", "youth__municipality", "team").annotate(
        contact_user_id=Subquery(active_contact.values("user_id")[:1]),
        contact_role=Subquery(active_contact.values("role")[:1]),
        overdue_follow_up=Exists(FollowUp.objects.filter(
            trajectory=OuterRef("pk"), done_on__isnull=True, cancelled=False, due_on__lt=today)),
    )


SORTS = {"naam": ("youth__family_name", "youth__given_names"), "stap": ("step", "id"),
         "start": ("-started_on", "id"), "contact": ("last_contact_on", "id")}


def worklist(*, user, step: str = "", intensity: str = "", route: str = "",
             sort: str = "naam") -> QuerySet[Trajectory]:
    """The coach's own youth: open trajectories where the user is the contact person."""
    own = ContactAssignment.objects.filter(youth=OuterRef("youth_id"), user=user,
                                           ended_at__isnull=True)
    qs = _annotated(trajectories_visible_to(user).filter(Exists(own), closed_on__isnull=True))
    if step:
        qs = qs.filter(step=step)
    if intensity:
        qs = qs.filter(intensity=intensity)
    if route:
        qs = qs.filter(route=route)
    return qs.order_by(*SORTS.get(sort, SORTS["naam"]))


def intake_queue(*, user) -> QuerySet[Trajectory]:
    """Open trajectories of the user's teams without a contact person (unassigned signals)."""
    has_contact = ContactAssignment.objects.filter(youth=OuterRef("youth_id"),
                                                   ended_at__isnull=True)
    return _annotated(trajectories_visible_to(user).filter(
        ~Exists(has_contact), closed_on__isnull=True, team_id__in=user.casework_team_ids,
    )).order_by("started_on", "id")


def team_caseload(*, team_ids) -> list[dict]:
    """Per contact person: open trajectories by intensity and a weighted caseload."""
    rows = (ContactAssignment.objects
            .filter(ended_at__isnull=True, youth__trajectories__closed_on__isnull=True,
                    youth__trajectories__team_id__in=team_ids)
            .values("user_id", "user__first_name", "user__last_name", "user__username", "role")
            .annotate(
                total=Count("youth", distinct=True),
                light=Count("youth", filter=Q(youth__trajectories__intensity="licht"),
                            distinct=True),
                medium=Count("youth", filter=Q(youth__trajectories__intensity="middelzwaar"),
                             distinct=True),
                intensive=Count("youth", filter=Q(youth__trajectories__intensity="intensief"),
                                distinct=True))
            .order_by("user__last_name", "user__first_name"))
    weights = INTENSITY_WEIGHT
    result = []
    for row in rows:
        unknown = row["total"] - row["light"] - row["medium"] - row["intensive"]
        row["unknown"] = unknown
        row["weighted"] = (row["light"] * weights["licht"] + row["medium"] * weights["middelzwaar"]
                           + row["intensive"] * weights["intensief"] + unknown * weights["licht"])
        result.append(row)
    return result


def trajectory_for_file(*, youth) -> Trajectory | None:
    """The open trajectory (or the latest) of a youth already read through youth_get."""
    return (Trajectory.objects.filter(youth=youth)
            .select_related("team").prefetch_related("follow_ups")
            .order_by(F("closed_on").asc(nulls_first=True), "-started_on").first())
