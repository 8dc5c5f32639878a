"""Reads of requests for support during school.

The receiving gemeente's casework members read what the school submitted on the request (the
request's own data, not the youth's file); the school reads its own requests' status only.
Every read is logged; a refused lookup is logged as ``denied`` and raises NotFound.
"""

from __future__ import annotations

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from route27.audit.purposes import Purpose
from route27.casefile.services import record_denied, record_read
from route27.core.errors import NotFound
from route27.handover.events import HandoverObject
from route27.handover.models import SupportRequest
from route27.handover.selectors import organisations_of
from route27.handover.support.workflow import RECEIVER, SCHOOL
from route27.organisations.models import Organisation
from route27.organisations.roles import CASEWORK_ROLES

OBJECT_TYPE = HandoverObject.SUPPORT_REQUEST


def casework_organisations_of(user):
    """Organisations in which the user has an active casework role."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        teams__memberships__user=user, teams__memberships__is_active=True,
        teams__memberships__role__in=CASEWORK_ROLES).distinct()


def side_of(user, request: SupportRequest) -> str | None:
    """RECEIVER for a casework member of the receiving gemeente, SCHOOL for an acting member of
    the school that asked, else None."""
    if casework_organisations_of(user).filter(pk=request.receiver_id).exists():
        return RECEIVER
    if organisations_of(user).filter(pk=request.school_id).exists():
        return SCHOOL
    return None


def support_request_get(*, user, public_id,
                        purpose: Purpose = Purpose.CASEWORK) -> tuple[SupportRequest, str]:
    """The request and the user's side (school or receiver); NotFound and a denied entry else."""
    request = (SupportRequest.objects.select_related("youth__municipality", "school",
                                                     "receiver", "trajectory")
               .filter(public_id=public_id).first())
    side = side_of(user, request) if request is not None else None
    if side is None:
        record_denied(user=user, object_type=OBJECT_TYPE, object_id=public_id, purpose=purpose)
        raise NotFound("Deze aanvraag is niet gevonden of u heeft geen toegang.")
    record_read(user=user, youth=request.youth, about=request, purpose=purpose,
                detail={"side": side})
    return request, side


def school_organisations_of(user):
    """The user's pro, vso and mbo schools (acting role): the ones that may ask."""
    from route27.casefile.vocabularies import SUPPORT_REQUEST_SENDER_TYPES

    return organisations_of(user).filter(
        type__in=sorted(SUPPORT_REQUEST_SENDER_TYPES)).order_by("name")


def support_requests_listed(user) -> QuerySet:
    """The requests on the user's Overdrachten list: those the user's gemeente received
    (casework members, who decide them) and those the user's school sent (status only); open
    ones first."""
    if not user.is_authenticated:
        return SupportRequest.objects.none()
    return (SupportRequest.objects
            .filter(Q(receiver__in=casework_organisations_of(user))
                    | Q(school__in=organisations_of(user)))
            .select_related("youth", "school", "receiver")
            .order_by(Case(When(status=SupportRequest.Status.SENT, then=Value(0)),
                           default=Value(1), output_field=IntegerField()),
                      "-created_at", "-id"))
