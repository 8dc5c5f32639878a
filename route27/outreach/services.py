"""Every write of the outreach app: importing a delivery, working a case, re-approach, and
confirming a status. Atomic, validated, with file events and audit rows.

The import writes in bulk (``casefile.services.record_many``): one query per batch for the new
files, cases, namings, status confirmations, events and audit rows, so a national delivery of
100 000 rows takes seconds, not hours (``make bench-import``). It runs in ONE transaction: a
crash, an exception or a killed worker leaves nothing of the file behind.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from route27.audit.models import AuditAction
from route27.audit.purposes import Purpose
from route27.audit.services import audit_record
from route27.casefile.services import record, record_many
from route27.casework.models import CaseworkNotice
from route27.casework.services import holders_tell
from route27.core.db.bulk import insert_values
from route27.core.errors import Refused, TransitionRefused, ValidationFailed
from route27.organisations.models import Team
from route27.outreach import parsing
from route27.outreach.events import OutreachEntrance
from route27.outreach.events import OutreachEventKind as Kind
from route27.outreach.models import (
    Attempt,
    AttemptOutcome,
    CaseStatus,
    Channel,
    Delivery,
    LeaverStatus,
    Naming,
    OutreachCase,
    StatusConfirmation,
)
from route27.trajectories.models import OutflowReason, Trajectory
from route27.trajectories.services import trajectory_open_or_start
from route27.youth.events import YouthEventKind
from route27.youth.models import Youth
from route27.youth.services import youth_create

BATCH = 2000
RETRY_DAYS = 14  # a youth not reached is tried again after two weeks, unless the coach says
CLOSING = {AttemptOutcome.ALREADY_IN_VIEW, AttemptOutcome.DECLINED, AttemptOutcome.REFERRED}
# A trajectory that stopped early (issue 13 §7): the youth comes back on the re-approach list.
STOPPED_EARLY = (OutflowReason.UNREACHABLE, OutflowReason.NO_SUPPORT_WANTED, OutflowReason.OTHER)


def reapproach_days() -> int:
    return int(settings.ROUTE27_REAPPROACH_DAYS)


# --- Import -------------------------------------------------------------------------------------
def _same_person(row: dict, person: parsing.Person) -> bool:
    def agree(a, b) -> bool:
        return a is None or b is None or a == b

    return (row["family_name"].strip().casefold() == person.family_name.casefold()
            and row["birth_year"] == person.birth.year
            and agree(row["birth_month"], person.birth.month)
            and agree(row["birth_day"], person.birth.day))


def _known(bsns: list[str]) -> dict[str, dict]:
    """The files holding these BSNs, with what the import needs to decide: who holds the file
    and whether it is already worked on (open trajectory or open outreach case)."""
    rows = {}
    for start in range(0, len(bsns), BATCH):
        chunk = bsns[start:start + BATCH]
        found = list(Youth.objects.filter(bsn__in=chunk, bsn_under_review=False,
                                          merged_into__isnull=True).values(
            "pk", "bsn", "family_name", "birth_year", "birth_month", "birth_day", "team_id"))
        ids = [r["pk"] for r in found]
        busy = set(Trajectory.objects.filter(youth_id__in=ids, closed_on__isnull=True)
                   .values_list("youth_id", flat=True))
        busy |= set(OutreachCase.objects.filter(youth_id__in=ids, status=CaseStatus.OPEN)
                    .values_list("youth_id", flat=True))
        for r in found:
            r["busy"] = r["pk"] in busy
            rows[r["bsn"]] = r
    return rows


@transaction.atomic
def delivery_import(*, actor, team: Team, kind: str, people: list[parsing.Person],
                    filename: str = "", rejected: int = 0,
                    progress: Callable[[int], None] | None = None) -> Delivery:
    """Import checked rows: each is matched (BSN + family name + birth date) to a file, or
    becomes a new file with an outreach case for ``team``.

    - the file is the team's own (or held by no team): an open trajectory or case means it is
      in view; otherwise an outreach case opens;
    - another team holds the file: that team is told, the importer learns nothing more;
    - the BSN is held by a file whose name or birth date disagree: a new file under review
      beside it (``youth_create(bsn_clash="review")``), with an outreach case.
    """
    progress = progress or (lambda n: None)
    today = timezone.localdate()
    delivery = Delivery.objects.create(kind=kind, team=team, imported_by=actor,
                                       filename=filename[:200], rows=len(people) + rejected,
                                       rejected=rejected)
    known = _known([p.bsn for p in people])
    new_people, reviewed, case_youth, namings, told = [], [], [], [], []
    for person in people:
        row = known.get(person.bsn)
        if row is None:
            new_people.append(person)
        elif not _same_person(row, person):
            reviewed.append(person)
        elif row["team_id"] not in (None, team.pk):
            told.append(row["pk"])
            namings.append((row["pk"], person))
        elif row["busy"]:
            namings.append((row["pk"], person))
        else:
            case_youth.append((row["pk"], person))
    progress(len(people) // 4)

    made = [uuid.uuid4() for _p in new_people]
    ids = insert_values(Youth, [
        {"public_id": public_id, "bsn": p.bsn, "given_names": p.given_names,
         "surname_prefix": p.surname_prefix, "family_name": p.family_name,
         "birth_year": p.birth.year, "birth_month": p.birth.month, "birth_day": p.birth.day,
         "municipality_id": p.municipality_id, "phone": p.phone, "email": p.email,
         "team_id": team.pk} for public_id, p in zip(made, new_people, strict=True)])
    record_many(actor=actor, kind=YouthEventKind.YOUTH_REGISTERED,
                items=[(pk, ("youth", str(public_id))) for pk, public_id in zip(
                    ids, made, strict=True)],
                purpose=Purpose.REGISTRATION, data={"delivery": str(delivery.public_id)})
    case_youth += list(zip(ids, new_people, strict=True))
    for person in reviewed:  # rare: one by one, with the review item for a coach
        youth = youth_create(
            actor=actor, team=team, bsn_clash="review", source="delivery",
            bsn=person.bsn, given_names=person.given_names, surname_prefix=person.surname_prefix,
            family_name=person.family_name, birth_date=str(person.birth),
            municipality=next(m for m in team.serves.all() if m.pk == person.municipality_id))
        case_youth.append((youth.pk, person))
    progress(len(people) // 2)

    Youth.objects.filter(pk__in=[pk for pk, _p in case_youth], team__isnull=True).update(
        team=team)
    case_ids = [uuid.uuid4() for _c in case_youth]
    insert_values(OutreachCase, [
        {"public_id": public_id, "youth_id": pk, "team_id": team.pk,
         "source": OutreachCase.Source.DELIVERY, "delivery_id": delivery.pk,
         "next_attempt_on": today, "status": CaseStatus.OPEN}
        for public_id, (pk, _p) in zip(case_ids, case_youth, strict=True)])
    record_many(actor=actor, kind=Kind.OUTREACH_OPENED, purpose=Purpose.CASEWORK,
                items=[(pk, ("outreach_case", str(public_id))) for public_id, (pk, _p) in zip(
                    case_ids, case_youth, strict=True)],
                data={"delivery_kind": kind})
    progress(3 * len(people) // 4)

    named = namings + case_youth
    insert_values(Naming, [{"delivery_id": delivery.pk, "youth_id": pk, "row": p.row}
                           for pk, p in named])
    source = str(delivery.get_kind_display())
    insert_values(StatusConfirmation, [
        {"youth_id": pk, "status": p.status, "confirmed_on": today, "source": source,
         "by_id": None} for pk, p in named if p.status])
    record_many(actor=actor, kind=Kind.NAMED_IN_DELIVERY, purpose=Purpose.CASEWORK,
                items=[(pk, delivery) for pk, _p in namings],
                data={"delivery_kind": kind})
    holders_tell(youth_ids=told, kind=CaseworkNotice.Kind.NAMED_ELSEWHERE, text=_(
        "Deze jongere staat in een levering (%(kind)s) van een ander team. Is de jongere bij u "
        "in beeld, dan hoeft u niets te doen.") % {"kind": delivery.get_kind_display()})
    delivery.new_cases, delivery.told = len(case_ids), len(told)
    delivery.in_view = len(namings) - len(told)
    delivery.save(update_fields=["new_cases", "told", "in_view"])
    audit_record(user=actor, action=AuditAction.CREATE, object_type=delivery.AUDIT_TYPE,
                 object_id=str(delivery.public_id), purpose=Purpose.REGISTRATION,
                 detail={"rows": delivery.rows, "rejected": rejected,
                         "new_cases": delivery.new_cases})
    progress(len(people))
    return delivery


# --- Working a case -----------------------------------------------------------------------------
def _locked(case: OutreachCase) -> OutreachCase:
    return OutreachCase.objects.select_for_update().select_related("youth", "team").get(
        pk=case.pk)


def _writes(actor, case: OutreachCase) -> None:
    if case.team_id not in actor.casework_team_ids:
        raise Refused(_("Alleen het team van deze outreachzaak legt pogingen vast."))
    if case.status != CaseStatus.OPEN:
        raise TransitionRefused(_("Deze outreachzaak is al gesloten."))


def _close(actor, case: OutreachCase, *, status: str, outcome: str,
           trajectory: Trajectory | None = None) -> None:
    case.status, case.outcome, case.closed_at = status, outcome, timezone.now()
    case.trajectory, case.next_attempt_on = trajectory, None
    case.save(update_fields=["status", "outcome", "closed_at", "trajectory", "next_attempt_on"])
    record(actor=actor, youth=case.youth, about=case, kind=Kind.OUTREACH_CLOSED,
           trajectory=trajectory, from_state=CaseStatus.OPEN, to_state=status,
           data={"outcome": outcome})


def _held_elsewhere(case: OutreachCase) -> list[int]:
    """Ids of the youth when another team holds an open trajectory for them."""
    return list(Trajectory.objects.filter(youth=case.youth, closed_on__isnull=True)
                .exclude(team=case.team).values_list("youth_id", flat=True)[:1])


@transaction.atomic
def attempt_record(*, actor, case: OutreachCase, channel: str, on: datetime.date | None,
                   outcome: str, note: str = "",
                   next_attempt_on: datetime.date | None = None) -> Attempt:
    """One attempt to reach the youth. Not reached: tried again (next date). Already in view,
    declined or referred: the case closes; "already in view" tells the team that holds the
    youth, and the coach learns nothing more."""
    case = _locked(case)
    _writes(actor, case)
    errors: dict[str, list[str]] = {}
    today = timezone.localdate()
    if channel not in Channel.values:
        errors["channel"] = [_("Kies hoe u de jongere probeerde te bereiken.")]
    if outcome not in AttemptOutcome.values:
        errors["outcome"] = [_("Kies de uitkomst.")]
    if on is None:
        errors["on"] = [_("Vul de datum in.")]
    elif on > today:
        errors["on"] = [_("Een poging ligt niet in de toekomst.")]
    elif on < timezone.localdate(case.opened_at) - datetime.timedelta(days=1):
        errors["on"] = [_("De poging ligt vóór het openen van de zaak.")]
    if outcome == AttemptOutcome.REFERRED and not note.strip():
        errors["note"] = [_("Schrijf op waarnaar u de jongere verwees.")]
    if next_attempt_on is not None and next_attempt_on < today:
        errors["next_attempt_on"] = [_("De volgende poging ligt niet in het verleden.")]
    if errors:
        raise ValidationFailed(_("Controleer de gemarkeerde velden."), field_errors=errors)
    attempt = Attempt.objects.create(case=case, channel=channel, on=on, outcome=outcome,
                                     note=note.strip()[:500], by=actor)
    record(actor=actor, youth=case.youth, about=attempt, kind=Kind.OUTREACH_ATTEMPT,
           occurred_on=on, action=AuditAction.CREATE,
           data={"channel": channel, "outcome": outcome})
    if outcome in CLOSING:
        _close(actor, case, status=CaseStatus.CLOSED, outcome=outcome)
        if outcome == AttemptOutcome.DECLINED:
            StatusConfirmation.objects.create(youth=case.youth, status=LeaverStatus.DECLINED,
                                              confirmed_on=on, source=_("Outreach"), by=actor)
        if outcome == AttemptOutcome.ALREADY_IN_VIEW:
            holders_tell(youth_ids=_held_elsewhere(case),
                         kind=CaseworkNotice.Kind.REACHED_ELSEWHERE, text=_(
                             "Een outreachteam heeft deze jongere benaderd; de jongere zegt al "
                             "bij u in beeld te zijn. Het outreachteam weet verder niets."))
    else:
        case.next_attempt_on = next_attempt_on or (
            today if outcome == AttemptOutcome.REACHED
            else on + datetime.timedelta(days=RETRY_DAYS))
        case.outcome = outcome
        case.save(update_fields=["next_attempt_on", "outcome"])
    return attempt


@transaction.atomic
def case_start_trajectory(*, actor, case: OutreachCase) -> Trajectory:
    """The youth is reached and wants support: a trajectory starts in step 1 (or the youth's
    open trajectory of this team is joined), and the case closes."""
    case = _locked(case)
    _writes(actor, case)
    if not case.attempts.filter(outcome=AttemptOutcome.REACHED).exists():
        raise TransitionRefused(_("Leg eerst vast dat u de jongere heeft bereikt."))
    trajectory = trajectory_open_or_start(actor=actor, youth=case.youth,
                                          entrance=OutreachEntrance.OUTREACH, team=case.team,
                                          held_by=case.team.organisation)
    _close(actor, case, status=CaseStatus.TRAJECTORY, outcome=AttemptOutcome.REACHED,
           trajectory=trajectory)
    return trajectory


@transaction.atomic
def reapproach_open(*, actor, trajectory: Trajectory) -> OutreachCase:
    """Put a youth whose trajectory stopped early back in view: an outreach case of the team
    that held it (issue 13 §7); the attempts record the outcome."""
    trajectory = Trajectory.objects.select_related("youth", "team").get(pk=trajectory.pk)
    if trajectory.team_id not in actor.casework_team_ids:
        raise Refused(_("Alleen het team van het traject benadert de jongere opnieuw."))
    if trajectory.closed_on is None or trajectory.outflow_reason not in STOPPED_EARLY:
        raise TransitionRefused(_("Dit traject is niet voortijdig gestopt."))
    if Trajectory.objects.filter(youth=trajectory.youth, closed_on__isnull=True).exists() or \
            OutreachCase.objects.filter(youth=trajectory.youth,
                                        status=CaseStatus.OPEN).exists():
        raise TransitionRefused(_("Deze jongere is al in beeld."))
    case = OutreachCase.objects.create(
        youth=trajectory.youth, team=trajectory.team, source=OutreachCase.Source.REAPPROACH,
        earlier_trajectory=trajectory, next_attempt_on=timezone.localdate())
    record(actor=actor, youth=trajectory.youth, about=case, kind=Kind.OUTREACH_OPENED,
           action=AuditAction.CREATE, data={"source": case.source})
    return case
