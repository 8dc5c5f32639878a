"""Handovers and support requests built the way schools and gemeenten build them: through the
services, so the overgangsdocument, the consent ledger, the notifications, the events and the
audit rows are what the application would have written.

``HandoverFactory()`` is a draft (concept) from an mbo school to a gemeente about a pupil of 17,
made with ``handover_create`` (which also makes the empty overgangsdocument in the region's
format). Traits, each including the ones before:

=================  ==========================================================================
``filled``         ``document_update``: the youth's part (``youth_part``) and the school's
                   part (``school_part``, with a health block)
``consented``      ``consent_record`` for ``consent_blocks`` (default: every filled block but
                   health): paper consent the school records with its proof (``PROOF``), by a
                   parent for a minor and by the youth for an adult
``sent``           ``handover_send``
``received``       ``handover_receive`` by a caseworker of the receiver
``accepted``       ``handover_accept``: the gemeente gets a trajectory and a route proposal
=================  ==========================================================================

``returned`` (sent, then ``handover_return`` with a reason) and ``withdrawn`` (sent, then
``handover_withdraw``) end the other ways. ``on_legal_basis``: a Doorstroompunt → gemeente
handover, filled, without consent, on the named basis ``dsp_transfer`` (law.LEGAL_BASES) recorded
with ``legal_basis_record``, and sent; ``legal_basis`` records any basis code on a draft.
``actor`` is the school contact who writes and sends (default: the sender's school contact, made
when there is none; for a Doorstroompunt or gemeente sender a caseworker of it);
``receiver_actor`` the caseworker
who receives (default: one of the receiver's, made with a team that serves the youth's
municipality when there is none). ``youth_part`` or ``school_part`` given without a trait fill
just that part of a draft.

``SupportRequestFactory()`` is a request for support during school (Pw art. 7a lid 1 sub b) from
an mbo school, made with ``support_request_create``; traits ``accepted`` and ``declined``.
"""

import datetime

import factory
from django.utils import timezone

from route27 import law
from route27.handover import services
from route27.handover.kinds import receiver_problem
from route27.handover.models import ConsentGiver, ConsentMethod, Handover, SupportRequest
from route27.handover.support import services as support_services
from route27.handover.workflow import HandoverStatus
from route27.organisations.models import User
from route27.organisations.roles import CASEWORK_ROLES, OrganisationType, Role
from route27.organisations.tests.factories import OrganisationFactory, TeamFactory, member
from route27.youth.tests.factories import YouthFactory

YOUTH_PART = {"wie_ben_ik": {"tekst": "Ik ben een leerling en ik bouw graag (test)."}}
SCHOOL_PART = {"opleiding": {"opleiding": "Entree", "niveau": "1"},
               "gezondheid": {"tekst": "Heeft rust nodig (test)."}}
HEALTH = "gezondheid"
PROOF = "Ondertekend formulier, leerlingdossier map 2026-17 (test)"
RETURN_REASON = "Woont niet in deze gemeente (test)."
DECLINE_REASON = "Geen inwoner van deze gemeente (test)."
# The order a handover goes through; returned and withdrawn branch off after sent.
SCHOOL_TYPES = {OrganisationType.SCHOOL_PRO, OrganisationType.SCHOOL_VSO,
                OrganisationType.SCHOOL_MBO}
PATH = [HandoverStatus.CONCEPT, HandoverStatus.SENT, HandoverStatus.RECEIVED,
        HandoverStatus.ACCEPTED]


def school_contact(organisation) -> User:
    """The organisation's (first) school contact, or a new one in a new team of it."""
    existing = User.objects.filter(
        memberships__team__organisation=organisation, memberships__is_active=True,
        memberships__role=Role.SCHOOL_CONTACT).order_by("pk").first()
    return existing or member(Role.SCHOOL_CONTACT, team=TeamFactory(organisation=organisation))


def caseworker(organisation, municipality) -> User:
    """A caseworker of the organisation, or a new doorstroomcoach in a new team of it that serves
    ``municipality`` (so an accepted handover or request has a team for the trajectory)."""
    existing = User.objects.filter(
        memberships__team__organisation=organisation, memberships__is_active=True,
        memberships__role__in=CASEWORK_ROLES).order_by("pk").first()
    return existing or member(Role.DOORSTROOMCOACH,
                              team=TeamFactory(organisation=organisation, serves=[municipality]))


def serving(receiver, youth) -> None:
    """A gemeente or Doorstroompunt receives only for youth it serves (ACCESS.md): give the
    receiver a team serving the youth's municipality when it has none."""
    if receiver_problem(receiver, youth):
        TeamFactory(organisation=receiver, serves=[youth.municipality])


def consent_giver(youth) -> str:
    needed = law.consent_required_from(youth.birth_date, timezone.localdate())
    return ConsentGiver.PARENT if needed == law.ConsentBy.PARENT else ConsentGiver.YOUTH


class HandoverFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Handover

    kind = "mbo_gemeente"
    youth = factory.SubFactory(YouthFactory, team=None, minor=True)
    sender = factory.SubFactory(OrganisationFactory, type=OrganisationType.SCHOOL_MBO,
                                name=factory.Sequence(lambda n: f"Mbo-college {n} (test)"))
    receiver = factory.SubFactory(OrganisationFactory)
    school_left_on = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=30))
    diploma_on = None
    highest_diploma = "mbo1"
    actor = None
    receiver_actor = None
    youth_part = None
    school_part = None
    consent = False
    consent_blocks = None
    legal_basis = ""
    walk_to = HandoverStatus.CONCEPT
    end = ""

    class Params:
        filled = factory.Trait(youth_part=YOUTH_PART, school_part=SCHOOL_PART)
        consented = factory.Trait(filled=True, consent=True)
        sent = factory.Trait(consented=True, walk_to=HandoverStatus.SENT)
        received = factory.Trait(consented=True, walk_to=HandoverStatus.RECEIVED)
        accepted = factory.Trait(consented=True, walk_to=HandoverStatus.ACCEPTED)
        returned = factory.Trait(sent=True, end=HandoverStatus.RETURNED)
        withdrawn = factory.Trait(sent=True, end=HandoverStatus.WITHDRAWN)
        on_legal_basis = factory.Trait(
            kind="dsp_gemeente", filled=True, legal_basis="dsp_transfer",
            walk_to=HandoverStatus.SENT,
            sender=factory.SubFactory(OrganisationFactory, type=OrganisationType.DOORSTROOMPUNT,
                                      name=factory.Sequence(lambda n: f"Doorstroompunt {n} "
                                                                      "(test)")))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        actor, receiver_actor = kwargs.pop("actor"), kwargs.pop("receiver_actor")
        parts = {"youth": kwargs.pop("youth_part"), "school": kwargs.pop("school_part")}
        consent, blocks = kwargs.pop("consent"), kwargs.pop("consent_blocks")
        basis = kwargs.pop("legal_basis")
        target, end = PATH.index(kwargs.pop("walk_to")), kwargs.pop("end")
        actor = actor or (school_contact(kwargs["sender"]) if kwargs["sender"].type in
                          SCHOOL_TYPES else caseworker(kwargs["sender"],
                                                       kwargs["youth"].municipality))
        serving(kwargs["receiver"], kwargs["youth"])
        handover = services.handover_create(
            actor=actor, **{k: kwargs.pop(k) for k in (
                "kind", "youth", "sender", "receiver", "school_left_on", "diploma_on",
                "highest_diploma")})
        for part, content in parts.items():
            if content:
                services.document_update(actor=actor, handover=handover, part=part,
                                         content=content)
        if consent:
            handover.document.refresh_from_db()
            keys = blocks or [k for k in handover.document.filled_block_keys() if k != HEALTH]
            services.consent_record(actor=actor, handover=handover, block_keys=keys,
                                    given_by=consent_giver(handover.youth),
                                    given_by_name="Ouder of jongere (test)",
                                    method=ConsentMethod.PAPER, given_on=timezone.localdate(),
                                    proof_reference=PROOF)
        if basis:
            services.legal_basis_record(actor=actor, handover=handover, basis=basis)
        if target >= PATH.index(HandoverStatus.SENT):
            services.handover_send(actor=actor, handover=handover)
        if target >= PATH.index(HandoverStatus.RECEIVED) or end == HandoverStatus.RETURNED:
            receiver_actor = receiver_actor or caseworker(handover.receiver,
                                                          handover.youth.municipality)
        if target >= PATH.index(HandoverStatus.RECEIVED):
            services.handover_receive(actor=receiver_actor, handover=handover)
        if target >= PATH.index(HandoverStatus.ACCEPTED):
            services.handover_accept(actor=receiver_actor, handover=handover)
        if end == HandoverStatus.RETURNED:
            services.handover_return(actor=receiver_actor, handover=handover,
                                     reason=RETURN_REASON)
        elif end == HandoverStatus.WITHDRAWN:
            services.handover_withdraw(actor=actor, handover=handover)
        if kwargs:  # raw column state: no event, no audit row
            Handover.objects.filter(pk=handover.pk).update(**kwargs)
        handover.refresh_from_db()
        handover.document.refresh_from_db()
        return handover


class SupportRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupportRequest

    youth = factory.SubFactory(YouthFactory, team=None, minor=True)
    school = factory.SubFactory(OrganisationFactory, type=OrganisationType.SCHOOL_MBO,
                                name=factory.Sequence(lambda n: f"Mbo-college {n} (test)"))
    receiver = factory.SubFactory(OrganisationFactory)
    reason = "Dreigt uit te vallen door verzuim; heeft hulp nodig bij stage (test)."
    actor = None
    receiver_actor = None
    decision = ""

    class Params:
        accepted = factory.Trait(decision=SupportRequest.Status.ACCEPTED)
        declined = factory.Trait(decision=SupportRequest.Status.DECLINED)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        actor, receiver_actor = kwargs.pop("actor"), kwargs.pop("receiver_actor")
        decision = kwargs.pop("decision")
        serving(kwargs["receiver"], kwargs["youth"])
        request = support_services.support_request_create(
            actor=actor or school_contact(kwargs["school"]), **kwargs)
        if decision:
            receiver_actor = receiver_actor or caseworker(request.receiver,
                                                          request.youth.municipality)
            if decision == SupportRequest.Status.ACCEPTED:
                support_services.support_request_accept(actor=receiver_actor, request=request)
            else:
                support_services.support_request_decline(actor=receiver_actor, request=request,
                                                         reason=DECLINE_REASON)
            request.refresh_from_db()
        return request
