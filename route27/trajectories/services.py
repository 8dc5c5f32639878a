"""Every write on a trajectory: atomic, validated, with a trajectory event and an audit entry."""

from __future__ import annotations

import datetime
from dataclasses import asdict, replace

from dateutil.relativedelta import relativedelta
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from route27 import law
from route27.audit.models import AuditAction
from route27.casefile.services import append, record
from route27.casefile.vocabularies import ENTRANCES
from route27.core.errors import Refused, TransitionRefused, ValidationFailed
from route27.organisations.models import Team, config_for
from route27.organisations.selectors import team_serving
from route27.trajectories.events import TrajectoryEventKind as Kind
from route27.trajectories.models import (
    AFTERCARE_REASONS,
    Activity,
    FollowUp,
    Goal,
    Instrument,
    InstrumentUse,
    Intake,
    IntakeAnswer,
    Intensity,
    JointAssessment,
    LifeDomain,
    OutflowReason,
    Placement,
    PlanAction,
    RouteDecision,
    Trajectory,
)
from route27.trajectories.selectors import (
    awaiting_joint_assessment,
    doorstroompunt_serving,
    law_decision_for,
    open_trajectory_of,
)
from route27.trajectories.workflow import Step, check_transition
from route27.youth.services import contact_person_end


def _locked(trajectory: Trajectory) -> Trajectory:
    return Trajectory.objects.select_for_update().select_related("youth").get(pk=trajectory.pk)


def _require_open(trajectory: Trajectory) -> None:
    if not trajectory.is_open:
        raise TransitionRefused(_("Dit traject is afgesloten; wijzigen kan niet meer."))


def _check_date(trajectory: Trajectory, on: datetime.date, field: str,
                not_before: datetime.date | None = None) -> None:
    """Dates of facts lie between the start of the trajectory (or ``not_before``) and today."""
    earliest = not_before or trajectory.started_on
    if on > timezone.localdate():
        message = _("De datum ligt in de toekomst.")
    elif on < earliest:
        message = _("De datum ligt vóór %(date)s.") % {"date": earliest.strftime("%d-%m-%Y")}
    else:
        return
    raise ValidationFailed(message, field_errors={field: [message]})


@transaction.atomic
def trajectory_start(*, actor, youth, entrance: str, team: Team | None = None,
                     requested_by: str = "",
                     started_on: datetime.date | None = None) -> Trajectory:
    """Open a new trajectory in step 1. Refused while another one is open for this youth.
    ``entrance``: how the youth came in, a code of ``casefile.vocabularies.ENTRANCES``."""
    if entrance not in ENTRANCES:
        raise ValueError(f"entrance {entrance!r} is not registered")
    team = team or youth.team or team_serving(youth.municipality)
    if team is None:
        raise ValidationFailed(_("Er is geen team dat jongeren uit %(gemeente)s begeleidt.")
                               % {"gemeente": youth.municipality})
    if open_trajectory_of(youth) is not None:
        raise ValidationFailed(_("Voor deze jongere loopt al een traject."))
    try:
        with transaction.atomic():
            trajectory = Trajectory.objects.create(
                youth=youth, team=team, step=Step.SIGNAL, requested_by=requested_by,
                entrance=entrance, started_on=started_on or timezone.localdate())
    except IntegrityError as exc:
        raise ValidationFailed(_("Voor deze jongere loopt al een traject.")) from exc
    earlier = youth.trajectories.exclude(pk=trajectory.pk).count()
    record(actor=actor, youth=youth, trajectory=trajectory, kind=Kind.TRAJECTORY_STARTED,
           action=AuditAction.CREATE, occurred_on=started_on, to_state=Step.SIGNAL,
           data={"entrance": entrance, "team": team.pk, "returning": earlier > 0})
    return trajectory


def trajectory_open_or_start(*, actor, youth, entrance: str, team: Team | None = None,
                             requested_by: str = "", started_on: datetime.date | None = None,
                             held_by=None) -> Trajectory:
    """The youth's open trajectory, or a new one in step 1: every entrance lands in the one file
    (No Wrong Door). A youth without a team gets the trajectory's team. ``held_by`` (an
    organisation accepting a handover or request) may only join a trajectory it holds itself:
    accepting never writes into another team's file (ACCESS.md)."""
    trajectory = open_trajectory_of(youth)
    if trajectory is not None and held_by is not None and \
            trajectory.team.organisation_id != held_by.pk:
        raise TransitionRefused(_(
            "Voor deze jongere loopt al een traject bij een ander team; accepteren zou in dat "
            "dossier schrijven. Stuur het terug of overleg eerst met dat team."))
    if trajectory is None:
        trajectory = trajectory_start(actor=actor, youth=youth, entrance=entrance, team=team,
                                      requested_by=requested_by, started_on=started_on)
    if youth.team_id is None:
        youth.team = trajectory.team
        youth.save(update_fields=["team"])
    return trajectory


def _move(actor, trajectory: Trajectory, target: Step, *, reason: str = "",
          outflow_reason: str = "", occurred_on: datetime.date | None = None,
          audit: dict | None = None) -> None:
    """Change step and append the event; with ``audit`` the move is the write's main fact and
    gets the audit row too."""
    edge = check_transition(trajectory.step, target, reason=reason,
                            outflow_reason=outflow_reason)
    source = trajectory.step
    trajectory.step = target
    closing = target in (Step.CLOSED, Step.HANDED_BACK)
    if closing:
        trajectory.closed_on = timezone.localdate()
    trajectory.save()
    fact = dict(actor=actor, youth=trajectory.youth, trajectory=trajectory,
                kind=Kind.STEP_CHANGED, from_state=source, to_state=target, reason=reason,
                occurred_on=occurred_on, data={"rule": edge.rule})
    if audit is None:
        append(**fact)
    else:
        record(**fact, detail=audit)
    if closing:  # the contact person's reason ends with the trajectory
        contact_person_end(actor=actor, youth=trajectory.youth, trajectory=trajectory,
                           reason=str(target.label))


@transaction.atomic
def trajectory_move(*, actor, trajectory: Trajectory, to: str, reason: str = "") -> Trajectory:
    """Change step. Closing goes through trajectory_outflow, which records the reason."""
    trajectory = _locked(trajectory)
    target = Step(to)
    if target in (Step.CLOSED, Step.AFTERCARE):
        raise TransitionRefused(_("Sluit een traject af met 'Uitstroom vastleggen'."))
    _move(actor, trajectory, target, reason=reason.strip(), audit={"step": target})
    return trajectory


@transaction.atomic
def trajectory_hand_back(*, actor, trajectory: Trajectory, reason: str) -> Trajectory:
    """School turns out possible: hand back to the Doorstroompunt (art. 7a lid 2)."""
    trajectory = _locked(trajectory)
    _move(actor, trajectory, Step.HANDED_BACK, reason=reason.strip(),
          audit={"step": Step.HANDED_BACK})
    return trajectory


@transaction.atomic
def intake_record(*, actor, trajectory: Trajectory, intensity: str, answers: dict[str, dict],
                  wishes: str = "", multi_problem: bool = False) -> Intake:
    """Add a new intake version (never overwrite). ``answers``: domain code → four fields."""
    trajectory = _locked(trajectory)
    _require_open(trajectory)
    if intensity not in Intensity.values:
        raise ValidationFailed(_("Kies de intensiteit: licht, middelzwaar of intensief."),
                               field_errors={"intensity": [_("Kies de intensiteit.")]})
    domains = {d.code: d for d in life_domains_for(trajectory.youth.municipality)}
    unknown = set(answers) - set(domains)
    if unknown:
        raise ValidationFailed(_("Onbekend leefgebied: %(codes)s") % {
            "codes": ", ".join(sorted(unknown))})
    version = (trajectory.intakes.order_by("-version").values_list("version", flat=True).first()
               or 0) + 1
    intake = Intake.objects.create(trajectory=trajectory, version=version, wishes=wishes.strip(),
                                   intensity=intensity, multi_problem=multi_problem,
                                   created_by=actor)
    fields = ("situation", "possibilities", "barriers", "support_need")
    IntakeAnswer.objects.bulk_create(
        IntakeAnswer(intake=intake, domain=domains[code],
                     special_category=domains[code].special_category,
                     **{f: (values.get(f) or "").strip() for f in fields})
        for code, values in answers.items() if any((values.get(f) or "").strip() for f in fields)
    )
    trajectory.intensity, trajectory.multi_problem = intensity, multi_problem
    trajectory.save(update_fields=["intensity", "multi_problem"])
    record(actor=actor, youth=trajectory.youth, trajectory=trajectory,
           kind=Kind.INTAKE_RECORDED, detail={"intake_version": version},
           data={"version": version, "intensity": intensity, "multi_problem": multi_problem})
    if trajectory.step == Step.SIGNAL:
        _move(actor, trajectory, Step.INTAKE)
    return intake


def life_domains_for(municipality) -> list[LifeDomain]:
    """The municipality's own life domains, or the defaults when it has none."""
    own = list(LifeDomain.objects.filter(municipality=municipality, active=True))
    return own or list(LifeDomain.objects.filter(municipality__isnull=True, active=True))


def _facts_json(facts: law.Facts) -> dict:
    raw = asdict(facts)
    raw["birth"] = str(facts.birth)
    return {k: (v.isoformat() if isinstance(v, datetime.date) else
                str(v) if hasattr(v, "value") else v) for k, v in raw.items()}


@transaction.atomic
def route_propose(*, actor, trajectory: Trajectory, facts: law.Facts) -> RouteDecision:
    trajectory = _locked(trajectory)
    _require_open(trajectory)
    facts = replace(facts, in_aftercare=trajectory.step == Step.AFTERCARE)
    decision = law.decide(facts)
    proposal = RouteDecision.objects.create(
        trajectory=trajectory, facts=_facts_json(facts), proposal=decision.as_dict(),
        proposed_route=decision.route, proposed_by=actor)
    record(actor=actor, youth=trajectory.youth, trajectory=trajectory,
           kind=Kind.ROUTE_PROPOSED, to_state=decision.route,
           data={"legal_basis": decision.as_dict()["legal_basis"]},
           detail={"route_proposed": str(decision.route)})
    return proposal


def _route_figures(facts: dict) -> dict:
    """The facts of a decided route that the results dashboard counts (docs/indicators.md):
    a startkwalificatie (None: not known) and a benefit (capacity weighting, law.R_EXTRA_EFFORT)."""
    diploma = facts.get("highest_diploma")
    benefit = bool(facts.get("bijstand_granted")) or facts.get("uwv_benefit") not in (
        None, "", "none")
    has = law.has_startkwalificatie(law.Diploma(diploma) if diploma else None)
    return {"startkwalificatie": {True: "yes", False: "no", None: "unknown"}[has],
            "benefit": benefit}


@transaction.atomic
def route_confirm(*, actor, decision: RouteDecision, route: str = "",
                  reason: str = "") -> RouteDecision:
    """Confirm the proposal, or override it with a reason (an event either way)."""
    decision = RouteDecision.objects.select_for_update().get(pk=decision.pk)
    trajectory = _locked(decision.trajectory)
    _require_open(trajectory)
    if decision.decided_at:
        raise TransitionRefused(_("Over dit voorstel is al besloten."))
    route = route or decision.proposed_route
    if route not in {r.value for r in law.Route}:
        raise ValidationFailed(_("Onbekende route."),
                               field_errors={"route": [_("Kies een route.")]})
    if route != decision.proposed_route and not reason.strip():
        raise ValidationFailed(
            _("Een afwijking van het voorstel vraagt een reden."),
            field_errors={"reason": [_("Geef een reden voor de afwijking.")]})
    decision.route, decision.override_reason = route, reason.strip()
    decision.decided_by, decision.decided_at = actor, timezone.now()
    decision.save()
    trajectory.route = route
    trajectory.legal_basis = decision.proposal.get("legal_basis") or ""
    trajectory.requested_by = decision.proposal.get("requested_by") or trajectory.requested_by
    trajectory.hardship_justification = decision.facts.get("hardship_justification", "")
    trajectory.save(update_fields=["route", "legal_basis", "requested_by",
                                   "hardship_justification"])
    record(actor=actor, youth=trajectory.youth, trajectory=trajectory,
           kind=Kind.ROUTE_DECIDED, from_state=decision.proposed_route, to_state=route,
           reason=decision.override_reason,
           data={"override": decision.is_override, "legal_basis": trajectory.legal_basis,
                 **_route_figures(decision.facts)},
           detail={"route": route, "override": decision.is_override})
    if trajectory.step in (Step.SIGNAL, Step.INTAKE):
        _move(actor, trajectory, Step.ROUTE if trajectory.step == Step.INTAKE else Step.INTAKE)
    return decision


@transaction.atomic
def goal_add(*, actor, trajectory: Trajectory, description: str,
             domain: LifeDomain | None = None) -> Goal:
    trajectory = _locked(trajectory)
    _require_open(trajectory)
    if not description.strip():
        raise ValidationFailed(_("Beschrijf het doel."),
                               field_errors={"description": [_("Beschrijf het doel.")]})
    goal = Goal.objects.create(trajectory=trajectory, domain=domain,
                               description=description.strip())
    record(actor=actor, youth=trajectory.youth, trajectory=trajectory, kind=Kind.PLAN_CHANGED,
           data={"goal": goal.pk, "change": "goal_added"}, detail={"goal": goal.pk})
    return goal


@transaction.atomic
def action_add(*, actor, goal: Goal, description: str, owner: str = PlanAction.Owner.COACH,
               owner_name: str = "", due_on: datetime.date | None = None,
               provision: Instrument | None = None) -> PlanAction:
    trajectory = _locked(goal.trajectory)
    _require_open(trajectory)
    if not description.strip():
        raise ValidationFailed(_("Beschrijf de actie."),
                               field_errors={"description": [_("Beschrijf de actie.")]})
    if owner not in PlanAction.Owner.values:
        raise ValidationFailed(_("Kies wie de actie uitvoert."),
                               field_errors={"owner": [_("Kies een eigenaar.")]})
    if provision is not None and not provision.active:
        raise ValidationFailed(_("Deze voorziening wordt niet meer aangeboden."),
                               field_errors={"provision": [_("Kies een actieve voorziening.")]})
    action = PlanAction.objects.create(goal=goal, description=description.strip(), owner=owner,
                                       owner_name=owner_name.strip(), due_on=due_on,
                                       provision=provision)
    record(actor=actor, youth=trajectory.youth, trajectory=trajectory, kind=Kind.PLAN_CHANGED,
           data={"action": action.pk, "change": "action_added"}, detail={"action": action.pk})
    return action


@transaction.atomic
def action_set_status(*, actor, action: PlanAction, status: str) -> PlanAction:
    trajectory = _locked(action.goal.trajectory)
    _require_open(trajectory)
    if status not in PlanAction.Status.values:
        raise ValidationFailed(_("Kies een geldige status."),
                               field_errors={"status": [_("Kies een geldige status.")]})
    previous, action.status = action.status, status
    action.save(update_fields=["status"])
    record(actor=actor, youth=trajectory.youth, trajectory=trajectory, kind=Kind.PLAN_CHANGED,
           from_state=previous, to_state=status,
           data={"action": action.pk, "change": "action_status"},
           detail={"action": action.pk, "status": status})
    return action


@transaction.atomic
def activity_record(*, actor, trajectory: Trajectory, kind: str, on: datetime.date,
                    description: str = "") -> Activity:
    trajectory = _locked(trajectory)
    _require_open(trajectory)
    if kind not in Activity.Kind.values:
        raise ValidationFailed(_("Kies het soort activiteit."),
                               field_errors={"kind": [_("Kies het soort activiteit.")]})
    _check_date(trajectory, on, "on")
    activity = Activity.objects.create(trajectory=trajectory, kind=kind, on=on,
                                       description=description.strip(), recorded_by=actor)
    reached = kind not in Activity.ATTEMPTS  # a no-show is an attempt, not a contact
    if reached and (trajectory.last_contact_on is None or on > trajectory.last_contact_on):
        trajectory.last_contact_on = on
        trajectory.save(update_fields=["last_contact_on"])
    record(actor=actor, youth=trajectory.youth, trajectory=trajectory, occurred_on=on,
           kind=Kind.ACTIVITY_RECORDED,
           data={"kind": kind, **({} if reached else {"contact_attempt": True})},
           detail={"activity": activity.pk})
    return activity


@transaction.atomic
def instrument_start(*, actor, trajectory: Trajectory, instrument: Instrument,
                     started_on: datetime.date, note: str = "") -> InstrumentUse:
    trajectory = _locked(trajectory)
    _require_open(trajectory)
    if not instrument.active:
        raise ValidationFailed(_("Deze voorziening is niet meer beschikbaar."))
    eligibility = law.instrument_answer(law_decision_for(trajectory), instrument.code)
    if eligibility.value == law.NO and not eligibility.is_open:
        message = _("%(name)s kan niet voor deze jongere: %(reason)s (%(citation)s)") % {
            "name": instrument.name, "reason": eligibility.reason,
            "citation": "; ".join(law.RULES[r].citation for r in eligibility.rules)}
        raise ValidationFailed(message, field_errors={"instrument": [message]})
    use = InstrumentUse.objects.create(trajectory=trajectory, instrument=instrument,
                                       started_on=started_on, note=note.strip())
    record(actor=actor, youth=trajectory.youth, trajectory=trajectory, occurred_on=started_on,
           kind=Kind.INSTRUMENT_STARTED,
           data={"instrument": instrument.code, "name": instrument.name},
           detail={"instrument": instrument.code})
    return use


@transaction.atomic
def placement_record(*, actor, trajectory: Trajectory, kind: str, organisation_name: str,
                     started_on: datetime.date, ladder: str = "", education_level: str = "",
                     learning_path: str = "", contract_type: str = "",
                     hours_per_week=None) -> Placement:
    """Record the match (step 6); moves the trajectory to step 6 when it is not there yet."""
    trajectory = _locked(trajectory)
    _require_open(trajectory)
    errors: dict[str, list[str]] = {}
    if kind not in Placement.Kind.values:
        errors["kind"] = [_("Kies het soort match.")]
    if not organisation_name.strip():
        errors["organisation_name"] = [_("Vul de werkgever of instelling in.")]
    if ladder and (ladder not in Placement.Ladder.values or kind != Placement.Kind.WORK):
        errors["ladder"] = [_("Een trede (opstap-, streef-, wensbaan) hoort alleen bij werk.")]
    if learning_path and learning_path not in Placement.LearningPath.values:
        errors["learning_path"] = [_("Kies bbl of bol.")]
    if hours_per_week is not None and not 0 < float(hours_per_week) <= 60:
        errors["hours_per_week"] = [_("Vul een aantal uren tussen 0 en 60 in.")]
    if errors:
        raise ValidationFailed(_("Controleer de gemarkeerde velden."), field_errors=errors)
    placement = Placement.objects.create(
        trajectory=trajectory, kind=kind, ladder=ladder,
        organisation_name=organisation_name.strip(), started_on=started_on,
        education_level=education_level.strip(), learning_path=learning_path,
        contract_type=contract_type.strip(), hours_per_week=hours_per_week)
    record(actor=actor, youth=trajectory.youth, trajectory=trajectory, occurred_on=started_on,
           kind=Kind.PLACEMENT_RECORDED, to_state=kind, data={"kind": kind, "ladder": ladder},
           detail={"placement": placement.pk})
    if trajectory.step != Step.MATCH:
        _move(actor, trajectory, Step.MATCH, occurred_on=started_on,
              reason="" if trajectory.step == Step.SUPPORT else _("Match vastgelegd"))
    return placement


@transaction.atomic
def trajectory_outflow(*, actor, trajectory: Trajectory, reason: str, on: datetime.date,
                       note: str = "") -> Trajectory:
    """Record outflow. To a place: aftercare with scheduled follow-ups; otherwise close."""
    trajectory = _locked(trajectory)
    if reason not in OutflowReason.values:
        raise ValidationFailed(_("Kies een uitstroomreden."),
                               field_errors={"outflow_reason": [_("Kies een uitstroomreden.")]})
    _check_date(trajectory, on, "on")
    if reason == OutflowReason.OTHER and not note.strip():
        raise ValidationFailed(_("Licht de reden 'anders' toe."),
                               field_errors={"note": [_("Licht de reden toe.")]})
    target = Step.AFTERCARE if reason in AFTERCARE_REASONS else Step.CLOSED
    trajectory.outflow_reason, trajectory.outflow_on = reason, on
    _move(actor, trajectory, target, reason=note.strip(), outflow_reason=reason,
          occurred_on=on)
    record(actor=actor, youth=trajectory.youth, trajectory=trajectory, occurred_on=on,
           kind=Kind.OUTFLOW, to_state=reason, reason=note.strip(),
           detail={"outflow": reason})
    if target == Step.AFTERCARE:
        months = config_for(trajectory.youth.municipality).aftercare_months
        FollowUp.objects.bulk_create(
            FollowUp(trajectory=trajectory, months_after_outflow=m,
                     due_on=on + relativedelta(months=m)) for m in sorted(set(months)))
    return trajectory


@transaction.atomic
def follow_up_record(*, actor, follow_up: FollowUp, outcome: str, on: datetime.date,
                     note: str = "") -> FollowUp:
    """Record an aftercare contact. Dropped out re-opens support; the last one closes."""
    trajectory = _locked(follow_up.trajectory)
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if trajectory.step != Step.AFTERCARE:
        raise TransitionRefused(_("Dit traject is niet in de nazorg."))
    if follow_up.done_on or follow_up.cancelled:
        raise TransitionRefused(_("Dit nazorgcontact is al vastgelegd."))
    if outcome not in FollowUp.Outcome.values:
        raise ValidationFailed(_("Kies de uitkomst."),
                               field_errors={"outcome": [_("Kies de uitkomst.")]})
    _check_date(trajectory, on, "on", not_before=trajectory.outflow_on)
    follow_up.done_on, follow_up.outcome, follow_up.note = on, outcome, note.strip()
    follow_up.save()
    trajectory.last_contact_on = max(filter(None, [trajectory.last_contact_on, on]))
    trajectory.save(update_fields=["last_contact_on"])
    record(actor=actor, youth=trajectory.youth, trajectory=trajectory, occurred_on=on,
           kind=Kind.FOLLOW_UP_RECORDED, to_state=outcome,
           data={"months": follow_up.months_after_outflow},
           detail={"follow_up": follow_up.pk, "outcome": outcome})
    if outcome == FollowUp.Outcome.DROPPED_OUT:
        trajectory.follow_ups.filter(done_on__isnull=True).update(cancelled=True)
        previous_outflow = trajectory.outflow_reason
        trajectory.outflow_reason, trajectory.outflow_on = "", None
        _move(actor, trajectory, Step.INTAKE, occurred_on=on,
              reason=note.strip() or _("Uitgevallen na uitstroom (nazorg)"))
        append(actor=actor, youth=trajectory.youth, trajectory=trajectory, occurred_on=on,
               kind=Kind.REOPENED, from_state=previous_outflow, to_state=Step.INTAKE)
    elif not trajectory.follow_ups.filter(done_on__isnull=True, cancelled=False).exists():
        _move(actor, trajectory, Step.CLOSED, occurred_on=on)
    return follow_up


@transaction.atomic
def joint_assessment_record(*, actor, trajectory: Trajectory, school_possible: str,
                            explanation: str) -> JointAssessment:
    """Record the joint assessment with the Doorstroompunt that the route asks for (Pw art. 7a
    lid 2, ``law.R_JOINT``): is a return to initial full-time education possible and fitting?
    Only a doorstroomcoach of a Doorstroompunt serving the youth's region, only while the route
    asks for it; once recorded, the Doorstroompunt's scope on the file ends and the gemeente's
    coach proposes the route again with this outcome."""
    trajectory = _locked(trajectory)
    asking = awaiting_joint_assessment().filter(pk=trajectory.pk).values_list(
        "asking_decision_id", flat=True).first()
    if asking is None:
        raise TransitionRefused(_("Voor dit traject is geen gezamenlijke beoordeling (meer) "
                                  "nodig."))
    doorstroompunt = doorstroompunt_serving(actor, trajectory.youth.municipality)
    if doorstroompunt is None:
        raise Refused(_("Alleen een doorstroomcoach van het Doorstroompunt van de regio van de "
                        "jongere kan de gezamenlijke beoordeling vastleggen."))
    errors: dict[str, list[str]] = {}
    if school_possible not in JointAssessment.Outcome.values:
        errors["school_possible"] = [_("Kies de uitkomst van de beoordeling.")]
    if not explanation.strip():
        errors["explanation"] = [_("Licht de beoordeling toe.")]
    if errors:
        raise ValidationFailed(_("Controleer de gemarkeerde velden."), field_errors=errors)
    assessment = JointAssessment.objects.create(
        decision_id=asking, trajectory=trajectory, doorstroompunt=doorstroompunt,
        school_possible=school_possible, explanation=explanation.strip(), recorded_by=actor)
    record(actor=actor, about=assessment, youth=trajectory.youth, trajectory=trajectory,
           kind=Kind.JOINT_ASSESSMENT_RECORDED, action=AuditAction.CREATE,
           to_state=school_possible,
           data={"decision": asking, "doorstroompunt": doorstroompunt.pk},
           detail={"school_possible": school_possible, "doorstroompunt": doorstroompunt.name})
    return assessment
