"""Reads of Mijn Route27. Everything is scoped by the account: the own youth, never a youth or
handover named in the URL outside it. Every page read is logged as the data subject's own access
(purpose ``inzage_eigen_gegevens``)."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from route27.audit.models import AuditAction, AuditEntry
from route27.casefile.selectors import of_file
from route27.casefile.services import record_read
from route27.core.errors import NotFound
from route27.handover.models import Consent, Handover
from route27.handover.workflow import OPEN, HandoverStatus
from route27.portal.models import PortalAccount, PortalRelation
from route27.trajectories.models import Goal, PlanAction
from route27.trajectories.selectors import trajectory_for_file
from route27.youth.models import Youth
from route27.youth.selectors import youth_current_contact

PURPOSE_OWN_ACCESS = "inzage_eigen_gegevens"
# The handovers the youth sees: the live ones (part and consent) and accepted ones (consent only:
# withdrawing consent must stay possible after acceptance, issue 5 capability 3).
SHOWN = (*OPEN, HandoverStatus.ACCEPTED)
ACCESS_ACTIONS = (AuditAction.READ, AuditAction.EXPORT, AuditAction.UPDATE, AuditAction.CREATE)


def own_youth(*, account: PortalAccount, user, page: str) -> Youth:
    """The account's youth, logged as the data subject's own access to their data."""
    youth = (Youth.objects.select_related("municipality", "team__organisation")
             .get(pk=account.youth_id))
    record_read(user=user, youth=youth, purpose=PURPOSE_OWN_ACCESS,
                detail={"page": page, "relation": account.relation})
    return youth


def own_plan(youth: Youth):
    """Contact person, trajectory (open or latest) with its goals and actions."""
    trajectory = trajectory_for_file(youth=youth)
    goals = []
    if trajectory is not None:
        goals = list(Goal.objects.filter(trajectory=trajectory).select_related("domain")
                     .prefetch_related(Prefetch("actions",
                                                queryset=PlanAction.objects.order_by("id"))))
    return youth_current_contact(youth), trajectory, goals


def own_handovers(youth: Youth) -> QuerySet[Handover]:
    consents = Consent.objects.select_related("receiver").order_by("given_at", "id")
    return (Handover.objects.filter(youth=youth, status__in=SHOWN)
            .select_related("sender", "receiver", "document")
            .prefetch_related(Prefetch("document__consents", queryset=consents), "overrides")
            .order_by("-created_at", "-id"))


def own_handover(*, youth: Youth, public_id) -> Handover:
    handover = Handover.objects.filter(youth=youth, status__in=SHOWN, public_id=public_id).first()
    if handover is None:
        raise NotFound("Dit overgangsdocument is niet gevonden.")
    return handover


def access_log(*, youth: Youth, viewer, relations: dict[int, str]) -> QuerySet[AuditEntry]:
    """Who processed the youth's data, any object of it, newest first. Left out: the viewer's
    own entries, the youth's own visits to Mijn Route27 (a parent does not get to follow those),
    and rows without a person (the public self-registration, automatic steps): the page answers
    *who*. A file merged into this one brings its rows along (``casefile.selectors.of_file``)."""
    own_accounts = [user_id for user_id, relation in relations.items()
                    if relation == PortalRelation.SELF]
    return (AuditEntry.objects.filter(of_file(youth, "subject"), action__in=ACCESS_ACTIONS,
                                      actor__isnull=False)
            .exclude(actor_id=viewer.pk)
            .exclude(actor_id__in=own_accounts, purpose=PURPOSE_OWN_ACCESS)
            .select_related("actor")
            .order_by("-occurred_at", "-id"))


def portal_relations(youth: Youth) -> dict[int, str]:
    """user id → relation, to name portal users (a parent, the youth) in the access log."""
    return dict(PortalAccount.objects.filter(youth=youth).values_list("user_id", "relation"))
