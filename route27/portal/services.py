"""Writes of Mijn Route27: atomic, validated in Dutch, audited. Document and consent changes go
through route27.handover.services, help requests through route27.signals.services."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from route27 import law
from route27.audit.models import AuditAction
from route27.audit.purposes import Purpose
from route27.casefile.services import record_audit
from route27.core.errors import ValidationFailed
from route27.handover import services as handover_services
from route27.handover.models import Handover
from route27.portal.models import PortalAccount, PortalRelation
from route27.signals.models import Signal, Source
from route27.signals.services import signal_register
from route27.youth.models import Youth

STUDY_PREFIX = "[Verzoek hbo/wo-student, art. 7a lid 1 sub c]"
MESSAGE_MAX = 1900  # the signal keeps 2000 characters, including the prefix


def display_name(user) -> str:
    return user.get_full_name().strip() or user.get_username()


@transaction.atomic
def portal_account_create(*, actor, user, youth: Youth, relation: str) -> PortalAccount:
    """Give ``user`` access to Mijn Route27 for ``youth``: as the youth, or as a parent of a minor.

    A staff member (any team membership) never gets a portal account: the two kinds of user stay
    apart, so a portal user can never reach a staff page and the other way round.
    """
    errors: dict[str, list[str]] = {}
    if relation not in PortalRelation.values:
        errors["relation"] = [_("Kies of het account voor de jongere zelf is of voor een ouder.")]
    elif relation == PortalRelation.PARENT and \
            law.is_minor(youth.birth_date, timezone.localdate()) is not True:
        errors["relation"] = [_("Een ouder of voogd krijgt alleen een account zolang de jongere "
                                "minderjarig is (%(citation)s).") % {
            "citation": law.R_CONSENT.citation}]
    elif relation == PortalRelation.SELF and \
            PortalAccount.objects.filter(youth=youth, relation=PortalRelation.SELF).exists():
        errors["relation"] = [_("Deze jongere heeft al een eigen account.")]
    if user.memberships.exists():
        errors["user"] = [_("Een medewerker kan geen account voor Mijn Route27 krijgen.")]
    elif PortalAccount.objects.filter(user=user).exists():
        errors["user"] = [_("Deze gebruiker heeft al een account voor Mijn Route27.")]
    if errors:
        raise ValidationFailed(_("Controleer de gemarkeerde velden."), field_errors=errors)
    try:
        with transaction.atomic():
            account = PortalAccount.objects.create(
                user=user, youth=youth, relation=relation,
                created_by=actor if actor is not None and actor.is_authenticated else None)
    except IntegrityError as exc:  # a concurrent second own account
        message = _("Deze jongere heeft al een eigen account.")
        raise ValidationFailed(message, field_errors={"relation": [message]}) from exc
    record_audit(actor=actor, youth=youth, about=account, action=AuditAction.CREATE,
                 purpose=Purpose.REGISTRATION,
                 detail={"relation": relation, "user": user.get_username()})
    return account


def consent_blocked_reason(account: PortalAccount) -> str:
    """Why this account cannot give or withdraw consent now ('' when it can)."""
    needed = law.consent_required_from(account.youth.birth_date, timezone.localdate())
    if needed == law.ConsentBy.UNKNOWN:
        return _("We weten je geboortedatum niet precies. Daarom regelt je contactpersoon of je "
                 "school de toestemming samen met jou.")
    if needed == law.ConsentBy.PARENT and account.relation == PortalRelation.SELF:
        return _("Je bent nog geen 18. Daarom geeft je ouder of voogd toestemming om je "
                 "overgangsdocument te delen, niet jijzelf. Dat kan met het account van je ouder "
                 "in Mijn Route27 (%(citation)s).") % {"citation": law.R_CONSENT.citation}
    if needed == law.ConsentBy.YOUTH and account.relation == PortalRelation.PARENT:
        return _("Je kind is 18 of ouder en geeft nu zelf toestemming.")
    return ""


@transaction.atomic
def portal_part_write(*, actor, account: PortalAccount, handover: Handover,
                      content: dict[str, dict]) -> None:
    """The youth (or the parent of a minor) writes the youth's part of the document."""
    _own(account, handover)
    handover_services.document_update(actor=actor, handover=handover, part="youth",
                                      content=content)


@transaction.atomic
def portal_consent_set(*, actor, account: PortalAccount, handover: Handover,
                       block_keys: list[str]) -> tuple[list[str], list[str]]:
    """Make the active consent to the receiver exactly ``block_keys``: give the new ones (digital
    consent, which only the account itself gives), withdraw the ones no longer ticked. Returns
    (given, withdrawn)."""
    _own(account, handover)
    _may_consent(account)
    document = handover.document
    known = {b["key"] for b in document.blocks}
    chosen = set(block_keys)
    if chosen - known:
        message = _("Kies alleen onderdelen van dit overgangsdocument.")
        raise ValidationFailed(message, field_errors={"block_keys": [message]})
    active = set(document.consents.filter(receiver=handover.receiver, withdrawn_at__isnull=True)
                 .values_list("block_key", flat=True))
    order = [b["key"] for b in document.blocks]
    give = [k for k in order if k in chosen - active]
    withdraw = [k for k in order if k in active - chosen]
    if not give and not withdraw:
        raise ValidationFailed(_("Je hebt niets veranderd aan je toestemming."))
    if give:
        handover_services.consent_give_digital(actor=actor, account=account, handover=handover,
                                               block_keys=give)
    if withdraw:
        handover_services.consent_withdraw(actor=actor, handover=handover, block_keys=withdraw,
                                           receiver=handover.receiver)
    return give, withdraw


@transaction.atomic
def portal_consent_withdraw(*, actor, account: PortalAccount, handover: Handover,
                            block_key: str) -> int:
    """Withdraw consent for one block, for every receiver, at once."""
    _own(account, handover)
    _may_consent(account)
    return handover_services.consent_withdraw(actor=actor, handover=handover,
                                              block_keys=[block_key])


def _own(account: PortalAccount, handover: Handover) -> None:
    if handover.youth_id != account.youth_id:  # the views never get here: they look up by youth
        raise ValidationFailed(_("Dit overgangsdocument is niet van jou."))


def _may_consent(account: PortalAccount) -> None:
    reason = consent_blocked_reason(account)
    if reason:
        raise ValidationFailed(reason, field_errors={"block_keys": [reason]})


@transaction.atomic
def portal_help_request(*, actor, account: PortalAccount, message: str, phone: str = "",
                        email: str = "", study_support: bool = False) -> Signal:
    """"Ik wil hulp": a signal for the own youth (source: the youth, or a parent). An hbo/wo
    student's request for support during study (Pw art. 7a lid 1 sub c) is marked as such."""
    message, phone, email = message.strip(), phone.strip(), email.strip()
    errors: dict[str, list[str]] = {}
    if not message:
        errors["message"] = [_("Vertel kort waarmee je hulp wilt.")]
    elif len(message) > MESSAGE_MAX:
        errors["message"] = [_("Gebruik hoogstens %(n)s tekens.") % {"n": MESSAGE_MAX}]
    if not phone and not email:
        reach = _("Vul je telefoonnummer of e-mailadres in, zodat we je kunnen bereiken.")
        errors["phone"] = [reach]
        errors["email"] = [reach]
    if study_support and account.relation != PortalRelation.SELF:
        errors["kind"] = [_("Een student vraagt deze ondersteuning zelf aan.")]
    if errors:
        raise ValidationFailed(_("Controleer de gemarkeerde velden."), field_errors=errors)
    youth = account.youth
    if study_support:
        message = f"{STUDY_PREFIX} {message}"
    parent = account.relation == PortalRelation.PARENT
    reporter = display_name(actor)
    return signal_register(
        actor=actor, source=Source.PARENT if parent else Source.SELF,
        reporter=_("Ouder of voogd: %(name)s") % {"name": reporter} if parent else reporter,
        given_names=youth.given_names, surname_prefix=youth.surname_prefix,
        family_name=youth.family_name, birth_date=str(youth.birth_date), bsn=youth.bsn or "",
        municipality=youth.municipality, phone=phone, email=email, message=message)
