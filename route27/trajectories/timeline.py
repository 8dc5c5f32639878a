"""The one-line summaries of the trajectory's events on the file's timeline
(``casefile.timeline``)."""

from django.utils.translation import gettext as _

from route27 import law
from route27.casefile.models import Event
from route27.casefile.timeline import register_summary
from route27.trajectories.events import TrajectoryEventKind as Kind
from route27.trajectories.models import (
    Activity,
    FollowUp,
    Instrument,
    JointAssessment,
    OutflowReason,
    Placement,
    PlanAction,
)
from route27.trajectories.workflow import Step


def instrument_names(events: list[Event]) -> dict[str, str]:
    """The instruments' names, read once for the page, only for events written before the
    name went into the event itself (issue 12)."""
    if any(event.kind == Kind.INSTRUMENT_STARTED and not (event.data or {}).get("name")
           for event in events):
        return dict(Instrument.objects.values_list("code", "name"))
    return {}


def summarise(event: Event, instruments: dict[str, str]) -> str:
    def step(code):
        return Step(code).label if code in Step.values else code

    kind, data = event.kind, event.data or {}
    if kind == Kind.STEP_CHANGED:
        return f"{step(event.from_state)} → {step(event.to_state)}"
    if kind == Kind.TRAJECTORY_STARTED:
        return _("Terugkeer na een eerder traject") if data.get("returning") else ""
    if kind == Kind.ROUTE_PROPOSED:
        return law.route_label(event.to_state)
    if kind == Kind.ROUTE_DECIDED:
        text = law.route_label(event.to_state)
        return text + (" " + _("(afwijking van het voorstel)") if data.get("override") else "")
    if kind == Kind.INTAKE_RECORDED:
        return _("Versie %(v)s, intensiteit %(i)s") % {"v": data.get("version", "?"),
                                                        "i": data.get("intensity", "")}
    if kind == Kind.PLAN_CHANGED:
        change = data.get("change")
        if change == "goal_added":
            return _("Doel toegevoegd")
        if change == "action_added":
            return _("Actie toegevoegd")
        labels = dict(PlanAction.Status.choices)
        return _("Status actie: %(a)s → %(b)s") % {"a": labels.get(event.from_state, ""),
                                                   "b": labels.get(event.to_state, "")}
    if kind == Kind.ACTIVITY_RECORDED:
        return dict(Activity.Kind.choices).get(data.get("kind"), "")
    if kind == Kind.INSTRUMENT_STARTED:
        return data.get("name") or instruments.get(data.get("instrument"),
                                                   data.get("instrument", ""))
    if kind == Kind.PLACEMENT_RECORDED:
        return dict(Placement.Kind.choices).get(event.to_state, "")
    if kind == Kind.OUTFLOW:
        return dict(OutflowReason.choices).get(event.to_state, event.to_state)
    if kind == Kind.FOLLOW_UP_RECORDED:
        return dict(FollowUp.Outcome.choices).get(event.to_state, "")
    if kind == Kind.JOINT_ASSESSMENT_RECORDED:
        return dict(JointAssessment.Outcome.choices).get(event.to_state, "")
    return ""


register_summary(Kind, summarise, prepare=instrument_names)
