"""The results dashboard (issue 14, first part): the indicators of one municipality at a
reference date and over a period, as counts only; no youth, so nothing to log per youth."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import render
from django.views.decorators.http import require_GET

from route27.audit.models import AuditAction
from route27.audit.purposes import Purpose
from route27.audit.services import audit_record
from route27.casefile.vocabularies import ENTRANCES
from route27.core.access import access_policy
from route27.monitoring import indicators
from route27.monitoring.forms import DashboardForm
from route27.organisations.models import Membership, Municipality
from route27.organisations.roles import Role
from route27.trajectories.workflow import ORDER, Step


def municipalities_of(user) -> QuerySet[Municipality]:
    """The municipalities served by the teams of the user's lead and policy memberships."""
    teams = Membership.objects.filter(
        user=user, is_active=True, role__in=[Role.TEAMLEIDER, Role.BELEIDSADVISEUR]).values(
        "team__organisation")
    return Municipality.objects.filter(serving_teams__organisation__in=teams).distinct(
    ).order_by("name")


@require_GET
@access_policy("monitoring.view_dashboard")
def dashboard(request):
    municipalities = municipalities_of(request.user)
    form = DashboardForm(request.GET or None, municipalities=municipalities,
                         initial={"gemeente": municipalities.first()})
    context = {"form": form}
    if not municipalities.exists():
        return render(request, "monitoring/dashboard.html", context)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
    else:
        data = DashboardForm({"gemeente": municipalities.first().code},
                             municipalities=municipalities)
        data.is_valid()
        data = data.cleaned_data
    municipality = data["gemeente"]
    scope = indicators.Scope(municipality_ids=(municipality.pk,))
    stock = indicators.stock(data["peildatum"], scope)
    flows = indicators.flows(data["van"], data["tot"], scope)
    steps = [(str(step.label), stock.by_step.get(step, 0)) for step in ORDER
             if step not in (Step.CLOSED, Step.HANDED_BACK)]
    audit_record(user=request.user, action=AuditAction.READ, object_type="dashboard",
                 object_id=municipality.code, purpose=Purpose.CASELOAD,
                 detail={"day": data["peildatum"].isoformat()})
    context.update(
        municipality=municipality, day=data["peildatum"], start=data["van"], end=data["tot"],
        stock=stock, flows=flows, steps=steps,
        chart={"labels": [label for label, _n in steps], "values": [n for _l, n in steps]},
        entrances=sorted(((ENTRANCES.label(code), n) for code, n in
                          flows.inflow_by_entrance.items()), key=lambda r: -r[1]),
        corrections=indicators.corrections(data["peildatum"], scope))
    return render(request, "monitoring/dashboard.html", context)
