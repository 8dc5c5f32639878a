"""Writes on requests for support during school (Pw art. 7a lid 1 sub b).

Only a school for praktijkonderwijs, voortgezet speciaal onderwijs or mbo may ask; the request
records why. Accepting starts (or links) a trajectory and lets the route engine propose
support during school on legal basis 7a-1b. Every write is atomic, evented and audited.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from route27 import law
from route27.audit.models import AuditAction
from route27.casefile.services import record
from route27.casefile.vocabularies import SCHOOL_TYPE_OF, SUPPORT_REQUEST_SENDER_TYPES
from route27.core.errors import ValidationFailed
from route27.handover.events import HandoverEventKind as Kind
from route27.handover.events import SupportRequestEntrance
from route27.handover.intake import handover_youth
from route27.handover.kinds import receiver_problem
from route27.handover.models import SupportRequest
from route27.handover.selectors import organisations_of
from route27.handover.support.selectors import side_of
from route27.handover.support.workflow import check
from route27.organisations.models import Organisation
from route27.organisations.roles import OrganisationType
from route27.organisations.selectors import receiving_team
from route27.trajectories.services import route_propose, trajectory_open_or_start
from route27.youth.models import Youth


def school_type_message() -> str:
    return _("Alleen een school voor praktijkonderwijs, voortgezet speciaal onderwijs of mbo "
             "kan ondersteuning tijdens school aanvragen (Pw art. 7a lid 1 sub b).")


def _notify(request: SupportRequest, organisation: Organisation, text: str) -> None:
    """In-app notice plus mail after commit. No personal data in the text."""
    from route27.handover.models import Notification

    Notification.objects.create(organisation=organisation, support_request=request, text=text)
    recipients = sorted(set(Organisation.objects.filter(pk=organisation.pk).values_list(
        "teams__memberships__user__email", flat=True)) - {None, ""})
    if not recipients:
        return
    link = reverse("handover:support_detail", args=[request.public_id])
    transaction.on_commit(lambda: send_mail(
        subject=_("Route27: %(text)s") % {"text": text},
        message=_("%(text)s\n\nLog in bij Route27 om de aanvraag te bekijken: %(link)s") % {
            "text": text, "link": link},
        from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=recipients, fail_silently=True))


def _check_new(*, actor, school: Organisation, receiver: Organisation | None,
               reason: str, youth: Youth | None = None) -> None:
    """The request's own rules, checked before the pupil is looked up or registered."""
    if school.type not in SUPPORT_REQUEST_SENDER_TYPES:
        message = school_type_message()
        raise ValidationFailed(message, field_errors={"school": [message]})
    errors: dict[str, list[str]] = {}
    if not organisations_of(actor).filter(pk=school.pk).exists():
        errors["school"] = [_("U kunt alleen namens uw eigen school ondersteuning aanvragen.")]
    if receiver is None or receiver.type != OrganisationType.GEMEENTE:
        errors["receiver"] = [_("Kies de gemeente die de ondersteuning biedt.")]
    elif youth is not None and (problem := receiver_problem(receiver, youth)):
        errors["receiver"] = [problem]
    if not (reason or "").strip():
        errors["reason"] = [_("Beschrijf waarom de school ondersteuning aanvraagt.")]
    if errors:
        raise ValidationFailed(_("Controleer de gemarkeerde velden."), field_errors=errors)


@transaction.atomic
def support_request_create(*, actor, school: Organisation, receiver: Organisation,
                           youth: Youth, reason: str) -> SupportRequest:
    """A school asks the gemeente for support during school for this pupil."""
    _check_new(actor=actor, school=school, receiver=receiver, reason=reason, youth=youth)
    request = SupportRequest.objects.create(youth=youth, school=school, receiver=receiver,
                                            reason=reason.strip(), created_by=actor)
    record(actor=actor, about=request, kind=Kind.SUPPORT_REQUEST_CHANGED,
           action=AuditAction.CREATE, to_state=SupportRequest.Status.SENT)
    _notify(request, receiver,
            _("Er is een aanvraag voor ondersteuning tijdens school voor u verstuurd."))
    return request


@transaction.atomic
def support_request_start(*, actor, bsn: str, person: dict[str, Any], school: Organisation,
                          receiver: Organisation, reason: str) -> SupportRequest:
    """Find or register the pupil by BSN and send the request in one transaction: a refused
    request leaves no newly registered youth behind."""
    _check_new(actor=actor, school=school, receiver=receiver, reason=reason)
    youth = handover_youth(actor=actor, bsn=bsn, source="support_request", **person)
    return support_request_create(actor=actor, school=school, receiver=receiver, youth=youth,
                                  reason=reason)


def _decide(actor, request: SupportRequest, target: str) -> tuple[SupportRequest, str]:
    """The locked request and the status it leaves, once the lifecycle table allows the edge."""
    request = SupportRequest.objects.select_for_update().select_related(
        "youth__municipality", "school", "receiver").get(pk=request.pk)
    source = request.status
    check(source, target, side_of(actor, request))
    return request, source


@transaction.atomic
def support_request_accept(*, actor, request: SupportRequest) -> SupportRequest:
    """Accept: start (or link) a trajectory and propose the route for support during school."""
    request, source = _decide(actor, request, SupportRequest.Status.ACCEPTED)
    youth = request.youth
    trajectory = trajectory_open_or_start(
        actor=actor, youth=youth, entrance=SupportRequestEntrance.SUPPORT_REQUEST,
        team=receiving_team(organisation=request.receiver, municipality=youth.municipality,
                            actor=actor),
        requested_by=request.school.name[:100], held_by=request.receiver)
    today = timezone.localdate()
    route_propose(actor=actor, trajectory=trajectory, facts=law.Facts(
        reference_date=today, birth=youth.birth_date, arrival=law.Arrival.SCHOOL_REQUEST,
        in_school=True, school_type=SCHOOL_TYPE_OF[request.school.type],
        requested_by=request.school.name))
    request.status = SupportRequest.Status.ACCEPTED
    request.trajectory = trajectory
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "trajectory", "decided_at"])
    record(actor=actor, about=request, kind=Kind.SUPPORT_REQUEST_CHANGED,
           from_state=source, to_state=SupportRequest.Status.ACCEPTED,
           detail={"status": SupportRequest.Status.ACCEPTED})
    _notify(request, request.school, _("Uw aanvraag voor ondersteuning is geaccepteerd."))
    return request


@transaction.atomic
def support_request_decline(*, actor, request: SupportRequest, reason: str) -> SupportRequest:
    if not (reason or "").strip():
        message = _("Geef aan waarom u de aanvraag afwijst.")
        raise ValidationFailed(message, field_errors={"reason": [message]})
    request, source = _decide(actor, request, SupportRequest.Status.DECLINED)
    request.status = SupportRequest.Status.DECLINED
    request.decline_reason = reason.strip()
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decline_reason", "decided_at"])
    record(actor=actor, about=request, kind=Kind.SUPPORT_REQUEST_CHANGED,
           from_state=source, to_state=SupportRequest.Status.DECLINED,
           detail={"status": SupportRequest.Status.DECLINED})
    _notify(request, request.school, _("Uw aanvraag voor ondersteuning is afgewezen."))
    return request
