"""What the trajectory app writes in the file and the audit log, and the staff entrance."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from route27.audit.objects import AUDIT_OBJECTS
from route27.casefile.kinds import EVENT_KINDS
from route27.casefile.vocabularies import ENTRANCES


@EVENT_KINDS.register
class TrajectoryEventKind(models.TextChoices):
    TRAJECTORY_STARTED = "trajectory_started", _("Traject gestart")
    STEP_CHANGED = "step_changed", _("Stap gewijzigd")
    INTAKE_RECORDED = "intake_recorded", _("Intake vastgelegd")
    ROUTE_PROPOSED = "route_proposed", _("Route voorgesteld")
    ROUTE_DECIDED = "route_decided", _("Route vastgesteld")
    PLAN_CHANGED = "plan_changed", _("Plan gewijzigd")
    ACTIVITY_RECORDED = "activity_recorded", _("Activiteit vastgelegd")
    INSTRUMENT_STARTED = "instrument_started", _("Voorziening ingezet")
    PLACEMENT_RECORDED = "placement_recorded", _("Match vastgelegd")
    OUTFLOW = "outflow", _("Uitstroom")
    FOLLOW_UP_RECORDED = "follow_up_recorded", _("Nazorgcontact vastgelegd")
    REOPENED = "reopened", _("Ondersteuning heropend")
    JOINT_ASSESSMENT_RECORDED = "joint_assessment_recorded", _(
        "Gezamenlijke beoordeling met het Doorstroompunt vastgelegd")


@AUDIT_OBJECTS.register
class TrajectoryObject(models.TextChoices):
    TRAJECTORY = "trajectory", _("Traject")
    ROUTE_DECISION = "route_decision", _("Routebesluit")
    GOAL = "goal", _("Doel")
    PLAN_ACTION = "plan_action", _("Actie in het plan")
    FOLLOW_UP = "follow_up", _("Nazorgcontact")
    CASELOAD = "caseload", _("Werkvoorraad")
    JOINT_ASSESSMENT = "joint_assessment", _("Gezamenlijke beoordeling (art. 7a lid 2)")
    PROVISION = "provision", _("Voorziening in de catalogus")


@ENTRANCES.register
class StaffEntrance(models.TextChoices):
    STAFF = "staff", _("Aangemeld door een medewerker")
