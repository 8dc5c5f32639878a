"""Every write on handovers, documents and consent: atomic, validated, evented and audited."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from route27 import law
from route27.audit.models import AuditAction
from route27.casefile.services import record
from route27.casefile.vocabularies import SCHOOL_TYPE_OF
from route27.core.errors import TransitionRefused, ValidationFailed
from route27.handover.events import HandoverEventKind as Kind
from route27.handover.events import entrance_for
from route27.handover.kinds import (
    ENDS,
    SCHOOL_TO_SCHOOL,
    HandoverKind,
    arrival_for_handover,
    receiver_problem,
)
from route27.handover.models import (
    Consent,
    ConsentGiver,
    ConsentMethod,
    DocumentTemplate,
    Handover,
    HandoverMeeting,
    LegalBasisOverride,
    Notification,
    TransitionDocument,
)
from route27.handover.selectors import organisations_of
from route27.handover.workflow import RECEIVER, SENDER, HandoverStatus, check
from route27.organisations.models import Organisation, Team
from route27.organisations.roles import OrganisationType
from route27.organisations.selectors import receiving_team
from route27.trajectories.services import route_propose, trajectory_open_or_start
from route27.youth.models import Youth

# A pro, vso or mbo school that hands over to the municipality provides an overgangsdocument
# (S0 §4.3); the Doorstroompunt may, but need not (S0 §4.3, WEB art. 9.2.5).
DOCUMENT_REQUIRED = frozenset({HandoverKind.MBO_MUNICIPALITY, HandoverKind.PRO_VSO_MUNICIPALITY})


def _notify(handover: Handover, organisation: Organisation, text: str) -> None:
    """In-app notice plus mail after commit. No personal data in the text (it leaves the app)."""
    Notification.objects.create(organisation=organisation, handover=handover, text=text)
    recipients = sorted(set(Organisation.objects.filter(pk=organisation.pk).values_list(
        "teams__memberships__user__email", flat=True)) - {None, ""})
    if recipients:
        transaction.on_commit(lambda: send_mail(
            subject=_("Route27: %(text)s") % {"text": text},
            message=_("%(text)s\n\nLog in bij Route27 om de overdracht te bekijken.") % {
                "text": text},
            from_email=settings.DEFAULT_FROM_EMAIL, recipient_list=recipients,
            fail_silently=True))


def _side(actor, handover: Handover) -> str:
    org_ids = set(organisations_of(actor).values_list("pk", flat=True))
    if handover.sender_id in org_ids:
        return SENDER
    if handover.receiver_id in org_ids:
        return RECEIVER
    raise TransitionRefused(_("U hoort niet bij de verzender of de ontvanger."))


def _template_for(youth: Youth) -> list[dict]:
    region = youth.municipality.doorstroompunt_region
    template = (DocumentTemplate.objects.filter(doorstroompunt_region=region).first()
                or DocumentTemplate.objects.filter(doorstroompunt_region__isnull=True).first())
    return template.blocks if template else DocumentTemplate().blocks


@transaction.atomic
def handover_create(*, actor, kind: str, youth: Youth, sender: Organisation,
                    receiver: Organisation, school_left_on: datetime.date | None = None,
                    diploma_on: datetime.date | None = None,
                    highest_diploma: str = "") -> Handover:
    """Draft a handover (status concept) with an empty overgangsdocument in the region's format."""
    errors: dict[str, list[str]] = {}
    if kind not in HandoverKind.values:
        errors["kind"] = [_("Kies het soort overdracht.")]
    elif sender.type not in ENDS[kind][0]:
        errors["kind"] = [_("Uw organisatie kan dit soort overdracht niet versturen.")]
    elif receiver.type not in ENDS[kind][1]:
        errors["receiver"] = [_("Deze ontvanger past niet bij het soort overdracht.")]
    elif problem := receiver_problem(receiver, youth):
        errors["receiver"] = [problem]
    if not organisations_of(actor).filter(pk=sender.pk).exists():
        errors["sender"] = [_("U kunt alleen namens uw eigen organisatie overdragen.")]
    if highest_diploma and highest_diploma not in {d.value for d in law.Diploma}:
        errors["highest_diploma"] = [_("Kies een diploma uit de lijst.")]
    today = timezone.localdate()
    for field, value in (("school_left_on", school_left_on), ("diploma_on", diploma_on)):
        if value and value > today:
            errors[field] = [_("De datum ligt in de toekomst.")]
    if errors:
        raise ValidationFailed(_("Controleer de gemarkeerde velden."), field_errors=errors)
    handover = Handover.objects.create(
        kind=kind, youth=youth, sender=sender, receiver=receiver, created_by=actor,
        school_left_on=school_left_on, diploma_on=diploma_on, highest_diploma=highest_diploma)
    TransitionDocument.objects.create(handover=handover, blocks=_template_for(youth))
    record(actor=actor, about=handover, kind=Kind.HANDOVER_CHANGED, action=AuditAction.CREATE,
           to_state=HandoverStatus.CONCEPT, data={"kind": handover.kind})
    return handover


@transaction.atomic
def document_update(*, actor, handover: Handover, part: str, content: dict[str, dict]) -> None:
    """Write one part of the document: 'youth' (the youth or a parent) or 'school' (sender)."""
    handover = Handover.objects.select_for_update().get(pk=handover.pk)
    if handover.status not in (HandoverStatus.CONCEPT, HandoverStatus.SENT,
                               HandoverStatus.RECEIVED):
        raise TransitionRefused(_("Het overgangsdocument kan niet meer worden gewijzigd."))
    document = handover.document
    allowed = {b["key"]: b for b in document.blocks if b["part"] == part}
    unknown = set(content) - set(allowed)
    if unknown:
        raise ValidationFailed(_("Onbekend blok: %(keys)s") % {"keys": ", ".join(sorted(unknown))})
    for key, values in content.items():
        fields = {f["key"] for f in allowed[key]["fields"]}
        clean = {k: str(v).strip()[:4000] for k, v in (values or {}).items() if k in fields}
        document.content[key] = clean
    document.save(update_fields=["content", "updated_at"])
    record(actor=actor, about=handover, kind=Kind.HANDOVER_CHANGED,
           data={"kind": handover.kind, "part": part, "blocks": sorted(content)},
           detail={"part": part})


def _check_giver(youth: Youth, given_by: str) -> None:
    needed = law.consent_required_from(youth.birth_date, timezone.localdate())
    if needed == law.ConsentBy.UNKNOWN:
        raise ValidationFailed(_("De geboortedatum is onvolledig: controleer in de BRP of de "
                                 "jongere minderjarig is voordat toestemming wordt vastgelegd."))
    if needed == law.ConsentBy.PARENT and given_by != ConsentGiver.PARENT:
        message = _("De jongere is minderjarig: een ouder of voogd moet toestemming geven "
                    "(%(citation)s).") % {"citation": law.R_CONSENT.citation}
        raise ValidationFailed(message, field_errors={"given_by": [message]})
    if needed == law.ConsentBy.YOUTH and given_by != ConsentGiver.YOUTH:
        message = _("De jongere is meerderjarig en geeft zelf toestemming.")
        raise ValidationFailed(message, field_errors={"given_by": [message]})


@transaction.atomic
def consent_give(*, actor, handover: Handover, block_keys: list[str], given_by: str,
                 given_by_name: str, method: str = ConsentMethod.DIGITAL,
                 receiver: Organisation | None = None) -> list[Consent]:
    """Record consent for these blocks to the receiver (default: the handover's receiver)."""
    handover = Handover.objects.select_for_update().get(pk=handover.pk)
    document = handover.document
    receiver = receiver or handover.receiver
    errors: dict[str, list[str]] = {}
    keys = {b["key"] for b in document.blocks}
    if not block_keys or set(block_keys) - keys:
        errors["block_keys"] = [_("Kies de onderdelen waarvoor toestemming geldt.")]
    if given_by not in ConsentGiver.values:
        errors["given_by"] = [_("Kies wie toestemming geeft.")]
    if not given_by_name.strip():
        errors["given_by_name"] = [_("Vul de naam in van wie toestemming geeft.")]
    if method not in ConsentMethod.values:
        errors["method"] = [_("Kies hoe de toestemming is gegeven.")]
    if errors:
        raise ValidationFailed(_("Controleer de gemarkeerde velden."), field_errors=errors)
    _check_giver(handover.youth, given_by)
    active = set(document.consents.filter(receiver=receiver, withdrawn_at__isnull=True)
                 .values_list("block_key", flat=True))
    created = [Consent.objects.create(document=document, block_key=key, receiver=receiver,
                                      given_by=given_by, given_by_name=given_by_name.strip(),
                                      method=method, recorded_by=actor)
               for key in block_keys if key not in active]
    record(actor=actor, about=handover, kind=Kind.CONSENT_GIVEN,
           data={"kind": handover.kind, "blocks": sorted(block_keys), "receiver": receiver.pk,
                 "given_by": given_by},
           detail={"consent": "given", "blocks": sorted(block_keys)})
    return created


@transaction.atomic
def consent_withdraw(*, actor, handover: Handover, block_keys: list[str],
                     receiver: Organisation | None = None) -> int:
    """Withdraw consent: the receiver loses these blocks at once and sees 'ingetrokken'."""
    handover = Handover.objects.select_for_update().get(pk=handover.pk)
    consents = handover.document.consents.filter(block_key__in=block_keys,
                                                 withdrawn_at__isnull=True)
    if receiver is not None:
        consents = consents.filter(receiver=receiver)
    count = consents.update(withdrawn_at=timezone.now(), withdrawn_by=actor)
    if not count:
        raise ValidationFailed(_("Er is geen toestemming om in te trekken."))
    record(actor=actor, about=handover, kind=Kind.CONSENT_WITHDRAWN,
           data={"kind": handover.kind, "blocks": sorted(block_keys)},
           detail={"consent": "withdrawn", "blocks": sorted(block_keys)})
    if handover.status != HandoverStatus.CONCEPT:
        _notify(handover, handover.receiver,
                _("De toestemming voor een deel van een overgangsdocument is ingetrokken."))
    return count


@transaction.atomic
def legal_basis_record(*, actor, handover: Handover, basis: str) -> LegalBasisOverride:
    """Share without consent on a legal basis (e.g. the Doorstroompunt's own legal task)."""
    if not actor.has_perm("handover.override_consent"):
        raise TransitionRefused(_("U heeft niet de bevoegdheid om zonder toestemming te delen."))
    if len(basis.strip()) < 10:
        message = _("Beschrijf de wettelijke grondslag (artikel en reden).")
        raise ValidationFailed(message, field_errors={"basis": [message]})
    override = LegalBasisOverride.objects.create(handover=handover, basis=basis.strip(),
                                                 recorded_by=actor)
    record(actor=actor, about=handover, kind=Kind.HANDOVER_CHANGED,
           data={"kind": handover.kind, "legal_basis": True},
           detail={"legal_basis": basis.strip()[:200]})
    return override


def _move(actor, handover: Handover, target: str) -> Handover:
    handover = Handover.objects.select_for_update().select_related(
        "youth", "sender", "receiver").get(pk=handover.pk)
    source = handover.status
    check(source, target, _side(actor, handover))
    handover.status = target
    return handover


@transaction.atomic
def handover_send(*, actor, handover: Handover) -> Handover:
    handover = _move(actor, handover, HandoverStatus.SENT)
    if problem := receiver_problem(handover.receiver, handover.youth):
        raise ValidationFailed(problem, field_errors={"receiver": [problem]})
    document = handover.document
    filled = document.filled_block_keys()
    has_override = handover.overrides.exists()
    consented = set(document.consents.filter(receiver=handover.receiver,
                                             withdrawn_at__isnull=True)
                    .values_list("block_key", flat=True))
    if handover.kind in DOCUMENT_REQUIRED and not filled:
        raise ValidationFailed(_("Vul het overgangsdocument in voordat u het verstuurt."))
    if filled and not has_override and not (consented & set(filled)):
        needed = law.consent_required_from(handover.youth.birth_date, timezone.localdate())
        who = _("de ouder of voogd (de jongere is minderjarig)") \
            if needed == law.ConsentBy.PARENT else _("de jongere")
        raise ValidationFailed(
            _("Zonder toestemming van %(who)s kan het overgangsdocument niet worden verstuurd "
              "(%(citation)s).") % {"who": who, "citation": law.R_CONSENT.citation})
    handover.sent_at = timezone.now()
    handover.save(update_fields=["status", "sent_at"])
    record(actor=actor, about=handover, kind=Kind.HANDOVER_CHANGED,
           from_state=HandoverStatus.CONCEPT, to_state=HandoverStatus.SENT,
           data={"kind": handover.kind, "blocks_shared": sorted(consented & set(filled))
                 if not has_override else filled},
           detail={"status": HandoverStatus.SENT})
    _notify(handover, handover.receiver, _("Er is een overdracht voor u verstuurd."))
    return handover


@transaction.atomic
def handover_receive(*, actor, handover: Handover) -> Handover:
    handover = _move(actor, handover, HandoverStatus.RECEIVED)
    handover.received_at = timezone.now()
    handover.save(update_fields=["status", "received_at"])
    record(actor=actor, about=handover, kind=Kind.HANDOVER_CHANGED, from_state=HandoverStatus.SENT,
           to_state=HandoverStatus.RECEIVED, data={"kind": handover.kind},
           detail={"status": HandoverStatus.RECEIVED})
    _notify(handover, handover.sender, _("Uw overdracht is ontvangen."))
    return handover


@transaction.atomic
def handover_accept(*, actor, handover: Handover, team: Team | None = None) -> Handover:
    """Accept. A municipality or Doorstroompunt gets (or links) a trajectory its team holds, so
    the team reason replaces the narrow handover scope (ACCESS.md); for a municipality with a
    route proposal that carries the art. 7a presumption that school is not possible now (S0
    §4.3)."""
    handover = _move(actor, handover, HandoverStatus.ACCEPTED)
    handover.decided_at = timezone.now()
    if handover.receiver.type in (OrganisationType.GEMEENTE, OrganisationType.DOORSTROOMPUNT) \
            and handover.kind not in SCHOOL_TO_SCHOOL:
        youth = handover.youth
        trajectory = trajectory_open_or_start(
            actor=actor, youth=youth, entrance=entrance_for(handover.kind),
            team=team or receiving_team(organisation=handover.receiver,
                                        municipality=youth.municipality, actor=actor),
            requested_by=handover.sender.name, held_by=handover.receiver)
        handover.trajectory = trajectory
        arrival = arrival_for_handover(handover.kind, handover.sender.type)
        if arrival is not None:
            route_propose(actor=actor, trajectory=trajectory, facts=law.Facts(
                reference_date=timezone.localdate(), birth=youth.birth_date, arrival=arrival,
                highest_diploma=law.Diploma(handover.highest_diploma)
                if handover.highest_diploma else None,
                school_type=SCHOOL_TYPE_OF.get(handover.sender.type),
                school_left_on=handover.school_left_on, diploma_on=handover.diploma_on,
                requested_by=handover.sender.name))
    handover.save(update_fields=["status", "decided_at", "trajectory"])
    record(actor=actor, about=handover, kind=Kind.HANDOVER_CHANGED,
           from_state=HandoverStatus.RECEIVED, to_state=HandoverStatus.ACCEPTED,
           data={"kind": handover.kind}, detail={"status": HandoverStatus.ACCEPTED})
    _notify(handover, handover.sender, _("Uw overdracht is geaccepteerd."))
    return handover


@transaction.atomic
def handover_return(*, actor, handover: Handover, reason: str) -> Handover:
    if not reason.strip():
        message = _("Geef aan waarom u de overdracht terugstuurt.")
        raise ValidationFailed(message, field_errors={"reason": [message]})
    source = handover.status
    handover = _move(actor, handover, HandoverStatus.RETURNED)
    handover.return_reason, handover.decided_at = reason.strip(), timezone.now()
    handover.save(update_fields=["status", "return_reason", "decided_at"])
    record(actor=actor, about=handover, kind=Kind.HANDOVER_CHANGED, from_state=source,
           to_state=HandoverStatus.RETURNED, data={"kind": handover.kind},
           detail={"status": HandoverStatus.RETURNED})
    _notify(handover, handover.sender, _("Uw overdracht is teruggestuurd."))
    return handover


@transaction.atomic
def handover_withdraw(*, actor, handover: Handover) -> Handover:
    source = handover.status
    handover = _move(actor, handover, HandoverStatus.WITHDRAWN)
    handover.save(update_fields=["status"])
    record(actor=actor, about=handover, kind=Kind.HANDOVER_CHANGED, from_state=source,
           to_state=HandoverStatus.WITHDRAWN, data={"kind": handover.kind},
           detail={"status": HandoverStatus.WITHDRAWN})
    if source != HandoverStatus.CONCEPT:
        _notify(handover, handover.receiver, _("Een overdracht is ingetrokken door de school."))
    return handover


@transaction.atomic
def meeting_record(*, actor, handover: Handover, held_on: datetime.date, participants: str,
                   youth_present: bool, agreements: str = "") -> HandoverMeeting:
    _side(actor, handover)
    errors = {}
    if not participants.strip():
        errors["participants"] = [_("Vul in wie er bij de warme overdracht waren.")]
    if held_on > timezone.localdate() + datetime.timedelta(days=365):
        errors["held_on"] = [_("Kies een datum binnen een jaar.")]
    if errors:
        raise ValidationFailed(_("Controleer de gemarkeerde velden."), field_errors=errors)
    meeting = HandoverMeeting.objects.create(
        handover=handover, held_on=held_on, participants=participants.strip(),
        youth_present=youth_present, agreements=agreements.strip(), recorded_by=actor)
    record(actor=actor, about=handover, kind=Kind.HANDOVER_CHANGED,
           data={"kind": handover.kind, "meeting": str(held_on)}, detail={"meeting": str(held_on)})
    return meeting
