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
    STAFF_CONSENT_METHODS,
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
from route27.handover.rules import ACTING_ROLES
from route27.handover.selectors import organisations_of, visible_blocks
from route27.handover.workflow import RECEIVER, SENDER, VIA, HandoverStatus, check
from route27.organisations.models import Membership, Organisation, Team
from route27.organisations.roles import OrganisationType
from route27.organisations.selectors import receiving_team
from route27.trajectories.services import route_propose, trajectory_open_or_start
from route27.youth.models import Youth


def _notify(handover: Handover, organisation: Organisation, text: str) -> None:
    """In-app notice plus mail after commit. No personal data in the text (it leaves the app).
    The mail goes to the people who act on handovers there (``rules.ACTING_ROLES``), not to a
    policy adviser or functional administrator of the organisation."""
    Notification.objects.create(organisation=organisation, handover=handover, text=text)
    recipients = sorted(set(Membership.objects.filter(
        team__organisation=organisation, is_active=True, role__in=ACTING_ROLES,
        user__is_active=True).values_list("user__email", flat=True)) - {None, ""})
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


# A paper form signed for this transfer is at most this old when the draft starts: consent is
# specific to this transfer and receiver (AVG art. 4 sub 11); an older form is about something
# else. Not in the seeds: a judgement, documented in docs/privacy.md.
CONSENT_FORM_MAX_AGE = datetime.timedelta(days=365)
# Consent is not recorded on a handover that ended without acceptance.
CONSENT_CLOSED = (HandoverStatus.RETURNED, HandoverStatus.WITHDRAWN)


def _giver_problem(youth: Youth, given_by: str, on: datetime.date) -> str:
    """Why ``given_by`` may not consent for ``youth`` on ``on`` and today ('' when it may): the
    youth when of age, a parent of a minor (law.R_CONSENT)."""
    for day in sorted({on, timezone.localdate()}):
        needed = law.consent_required_from(youth.birth_date, day)
        if problem := law.consent_giver_problem(needed, given_by):
            return problem
    return ""


def _consent_target(handover: Handover, block_keys: list[str], errors: dict) -> None:
    keys = {b["key"] for b in handover.document.blocks}
    if not block_keys or set(block_keys) - keys:
        errors["block_keys"] = [_("Kies de onderdelen waarvoor toestemming geldt.")]


def _consent_open(handover: Handover) -> None:
    if handover.status in CONSENT_CLOSED:
        raise TransitionRefused(_("Bij een teruggestuurde of ingetrokken overdracht wordt geen "
                                  "toestemming meer vastgelegd."))


def _consent_create(*, actor, handover: Handover, receiver: Organisation, block_keys: list[str],
                    **evidence) -> list[Consent]:
    document = handover.document
    active = set(document.consents.filter(receiver=receiver, withdrawn_at__isnull=True)
                 .values_list("block_key", flat=True))
    created = [Consent.objects.create(document=document, block_key=key, receiver=receiver,
                                      recorded_by=actor, **evidence)
               for key in block_keys if key not in active]
    record(actor=actor, about=handover, kind=Kind.CONSENT_GIVEN,
           data={"kind": handover.kind, "blocks": sorted(block_keys), "receiver": receiver.pk,
                 "given_by": evidence["given_by"], "method": evidence["method"],
                 "given_on": evidence["given_on"].isoformat()},
           detail={"consent": "given", "blocks": sorted(block_keys),
                   "method": evidence["method"]})
    return created


@transaction.atomic
def consent_record(*, actor, handover: Handover, block_keys: list[str], given_by: str,
                   given_by_name: str, method: str, given_on: datetime.date | None,
                   proof_reference: str, receiver: Organisation | None = None) -> list[Consent]:
    """A staff member of the sending organisation records consent the youth or parent gave on
    paper or orally: who gave it, the relation, the date, how, and where the proof is.

    Digital consent is never recorded by staff: the youth or parent gives it in Mijn Route27
    (``consent_give_digital``). The giver must be whom the law asks for on the day it was given
    and today (law.consent_required_from). Nothing is written when anything is wrong.
    """
    handover = Handover.objects.select_for_update().select_related("youth").get(pk=handover.pk)
    if _side(actor, handover) != SENDER:
        raise TransitionRefused(_("Alleen de verzendende organisatie legt toestemming vast."))
    _consent_open(handover)
    receiver = receiver or handover.receiver
    given_by_name, proof_reference = given_by_name.strip(), proof_reference.strip()
    errors: dict[str, list[str]] = {}
    _consent_target(handover, block_keys, errors)
    if given_by not in ConsentGiver.values:
        errors["given_by"] = [_("Kies wie toestemming geeft.")]
    if not given_by_name:
        errors["given_by_name"] = [_("Vul de naam in van wie toestemming geeft.")]
    if method == ConsentMethod.DIGITAL:
        errors["method"] = [_("Digitale toestemming geeft de jongere of ouder zelf in Mijn "
                              "Route27. Een medewerker legt alleen toestemming op papier of "
                              "mondeling vast.")]
    elif method not in STAFF_CONSENT_METHODS:
        errors["method"] = [_("Kies hoe de toestemming is gegeven: op papier of mondeling.")]
    today = timezone.localdate()
    earliest = timezone.localtime(handover.created_at).date() - CONSENT_FORM_MAX_AGE
    if given_on is None:
        errors["given_on"] = [_("Vul in op welke datum de toestemming is gegeven.")]
    elif given_on > today:
        errors["given_on"] = [_("De datum ligt in de toekomst.")]
    elif given_on < earliest:
        errors["given_on"] = [_("Deze toestemming is meer dan een jaar voor de overdracht "
                                "gegeven. Vraag opnieuw toestemming voor deze overdracht.")]
    if len(proof_reference) < 3:
        errors["proof_reference"] = [_("Vul in waar het bewijs is: bijvoorbeeld het "
                                       "documentnummer of de plek van het ondertekende "
                                       "formulier, of de gespreksnotitie.")]
    if given_by in ConsentGiver.values and "given_on" not in errors and \
            (problem := _giver_problem(handover.youth, given_by, given_on)):
        errors["given_by"] = [problem]
    if errors:
        first = next(iter(errors.values()))[0] if set(errors) == {"given_by"} else \
            _("Controleer de gemarkeerde velden.")
        raise ValidationFailed(first, field_errors=errors)
    return _consent_create(actor=actor, handover=handover, receiver=receiver,
                           block_keys=block_keys, given_by=given_by,
                           given_by_name=given_by_name, method=method, given_on=given_on,
                           proof_reference=proof_reference[:200])


# The portal account's relation ("self" or "parent", route27.portal.models.PortalRelation) →
# who gives consent.
GIVER_OF_RELATION = {"self": ConsentGiver.YOUTH, "parent": ConsentGiver.PARENT}


@transaction.atomic
def consent_give_digital(*, actor, account, handover: Handover,
                         block_keys: list[str]) -> list[Consent]:
    """The youth, or a parent of a minor, gives consent in Mijn Route27 with their own account.

    ``account`` is the actor's portal account (route27.portal). Only that account gives digital
    consent: a staff member never does (they record paper or oral consent, ``consent_record``),
    and the account must be the actor's own, for this youth and still active. Who consents is
    the account's relation, checked against the law (R_CONSENT).
    """
    handover = Handover.objects.select_for_update().select_related("youth").get(pk=handover.pk)
    if actor.memberships.exists():
        raise TransitionRefused(_("Een medewerker geeft geen digitale toestemming namens de "
                                  "jongere of ouder; leg toestemming op papier of mondeling "
                                  "vast, met het bewijs."))
    if account is None or account.user_id != actor.pk or \
            account.youth_id != handover.youth_id or not account.is_active():
        raise TransitionRefused(_("Alleen de jongere of een ouder met een eigen account in Mijn "
                                  "Route27 geeft digitaal toestemming."))
    _consent_open(handover)
    errors: dict[str, list[str]] = {}
    _consent_target(handover, block_keys, errors)
    given_by = GIVER_OF_RELATION.get(account.relation, "")
    today = timezone.localdate()
    if not errors and (problem := _giver_problem(handover.youth, given_by, today)):
        errors["block_keys"] = [problem]
    if errors:
        raise ValidationFailed(next(iter(errors.values()))[0], field_errors=errors)
    name = actor.get_full_name().strip() or actor.get_username()
    return _consent_create(actor=actor, handover=handover, receiver=handover.receiver,
                           block_keys=block_keys, given_by=given_by, given_by_name=name,
                           method=ConsentMethod.DIGITAL, given_on=today, proof_reference="")


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


def bases_for(handover: Handover) -> list[law.SharingBasis]:
    """The named legal bases the sender may record for this handover (law.py)."""
    return law.handover_sharing_basis(handover.kind).established_bases


def shared_blocks(handover: Handover) -> list[str]:
    """The filled blocks that reach the receiver: active consent or a recorded legal basis."""
    filled = set(handover.document.filled_block_keys())
    return [key for key in visible_blocks(document=handover.document,
                                          receiver_id=handover.receiver_id) if key in filled]


@transaction.atomic
def legal_basis_record(*, actor, handover: Handover, basis: str,
                       note: str = "") -> LegalBasisOverride:
    """The sender records that blocks go to the receiver without consent on a named legal basis
    (law.LEGAL_BASES). Only a basis the law module has established for this kind of handover can
    be recorded, and it opens only the blocks it covers (never the youth's own part or health)."""
    handover = Handover.objects.select_for_update().get(pk=handover.pk)
    if _side(actor, handover) != SENDER:
        raise TransitionRefused(_("Alleen de verzendende organisatie legt een grondslag vast."))
    if handover.status != HandoverStatus.CONCEPT:
        raise TransitionRefused(_("Een grondslag wordt vastgelegd voordat de overdracht wordt "
                                  "verstuurd."))
    sharing = law.handover_sharing_basis(handover.kind)
    if not sharing.established_bases:
        raise TransitionRefused(
            _("Voor dit soort overdracht is geen wettelijke grondslag om zonder toestemming te "
              "delen: %(rule)s (%(citation)s)") % {"rule": sharing.rule.text,
                                                   "citation": sharing.rule.citation})
    errors: dict[str, list[str]] = {}
    if not law.basis_applies(basis, handover.kind):
        errors["basis"] = [_("Kies een wettelijke grondslag uit de lijst.")]
    elif handover.overrides.filter(basis=basis).exists():
        errors["basis"] = [_("Deze grondslag is al vastgelegd.")]
    if len(note.strip()) > 2000:
        errors["note"] = [_("Gebruik hoogstens %(n)s tekens.") % {"n": 2000}]
    if errors:
        raise ValidationFailed(next(iter(errors.values()))[0], field_errors=errors)
    override = LegalBasisOverride.objects.create(handover=handover, basis=basis,
                                                 note=note.strip(), recorded_by=actor)
    named = law.LEGAL_BASES[basis]
    blocks = law.blocks_opened_by_bases([basis], handover.kind, handover.document.blocks)
    record(actor=actor, about=handover, kind=Kind.HANDOVER_CHANGED,
           data={"kind": handover.kind, "legal_basis": basis, "blocks": blocks},
           detail={"legal_basis": basis, "citation": named.citation[:200]})
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
    """Send: only the blocks with consent or a recorded legal basis reach the receiver; a filled
    document with none of those is refused (law.handover_sharing_basis says which applies)."""
    handover = _move(actor, handover, HandoverStatus.SENT)
    if problem := receiver_problem(handover.receiver, handover.youth):
        raise ValidationFailed(problem, field_errors={"receiver": [problem]})
    sharing = law.handover_sharing_basis(handover.kind)
    filled = handover.document.filled_block_keys()
    shared = shared_blocks(handover)
    if sharing.document_required and not filled:
        raise ValidationFailed(_("Vul het overgangsdocument in voordat u het verstuurt."))
    if filled and not shared:
        needed = law.consent_required_from(handover.youth.birth_date, timezone.localdate())
        who = _("de ouder of voogd (de jongere is minderjarig)") \
            if needed == law.ConsentBy.PARENT else _("de jongere")
        if sharing.ground == law.SharingGround.CONSENT:
            message = _("Zonder toestemming van %(who)s kan het overgangsdocument niet worden "
                        "verstuurd (%(citation)s).") % {"who": who,
                                                         "citation": sharing.rule.citation}
        else:
            message = _("Zonder toestemming van %(who)s of een vastgelegde wettelijke grondslag "
                        "kan het overgangsdocument niet worden verstuurd (%(citation)s).") % {
                "who": who, "citation": sharing.rule.citation}
        raise ValidationFailed(message)
    handover.sent_at = timezone.now()
    handover.save(update_fields=["status", "sent_at"])
    record(actor=actor, about=handover, kind=Kind.HANDOVER_CHANGED,
           from_state=HandoverStatus.CONCEPT, to_state=HandoverStatus.SENT,
           data={"kind": handover.kind, "blocks_shared": shared},
           detail={"status": HandoverStatus.SENT})
    _notify(handover, handover.receiver, _("Er is een overdracht voor u verstuurd."))
    return handover


@transaction.atomic
def handover_receive(*, actor, handover: Handover, notify: bool = True) -> Handover:
    handover = _move(actor, handover, HandoverStatus.RECEIVED)
    handover.received_at = timezone.now()
    handover.save(update_fields=["status", "received_at"])
    record(actor=actor, about=handover, kind=Kind.HANDOVER_CHANGED, from_state=HandoverStatus.SENT,
           to_state=HandoverStatus.RECEIVED, data={"kind": handover.kind},
           detail={"status": HandoverStatus.RECEIVED})
    if notify:
        _notify(handover, handover.sender, _("Uw overdracht is ontvangen."))
    return handover


@transaction.atomic
def handover_accept(*, actor, handover: Handover, team: Team | None = None) -> Handover:
    """Accept. A municipality or Doorstroompunt gets (or links) a trajectory its team holds, so
    the team reason replaces the narrow handover scope (ACCESS.md); for a municipality with a
    route proposal that carries the art. 7a presumption that school is not possible now (S0
    §4.3).

    Accepting is one action for the receiver: a handover still ``sent`` is received first, on the
    table's own ``receive`` edge (its event stays in the history), then accepted; the sender is
    told once, that it was accepted."""
    current = Handover.objects.select_for_update().values_list("status", flat=True).get(
        pk=handover.pk)
    if VIA.get((current, HandoverStatus.ACCEPTED)) == HandoverStatus.RECEIVED:
        handover = handover_receive(actor=actor, handover=handover, notify=False)
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
