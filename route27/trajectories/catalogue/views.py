"""The catalogue pages: search and filter ("Wie kan ik bellen?"), one provision, keeping the
region's or municipality's entries, and what fits one youth and why."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from route27 import law
from route27.core.access import access_policy
from route27.core.errors import Route27Error
from route27.core.forms import apply_service_errors
from route27.core.shortcuts import found_or_404
from route27.organisations.models import DoorstroompuntRegion, Municipality
from route27.trajectories.catalogue import selectors, services
from route27.trajectories.catalogue.forms import CatalogueFilterForm, ProvisionForm
from route27.trajectories.models import Instrument
from route27.trajectories.selectors import (
    law_decision_for,
    trajectory_get,
    trajectory_log_read,
)

VIEW = "trajectories.view_catalogue"
KEEP = "trajectories.keep_catalogue"
PAGE_SIZE = 25


@require_GET
@access_policy(VIEW)
def catalogue_list(request):
    form = CatalogueFilterForm(request.GET or None)
    filters = {}
    if form.is_valid():
        data = form.cleaned_data
        filters = {"search": data["zoek"], "age": data["leeftijd"],
                   "qualification": data["startkwalificatie"], "route": data["route"],
                   "intensity": data["intensiteit"]}
    rows = selectors.catalogue(user=request.user, **filters)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(request, "trajectories/catalogue/list.html", {
        "form": form, "page": page, "can_keep": request.user.has_perm(KEEP)})


@require_GET
@access_policy(VIEW)
def provision_detail(request, code):
    provision = get_object_or_404(Instrument.objects.select_related("region", "municipality"),
                                  code=code)
    return render(request, "trajectories/catalogue/detail.html", {
        "provision": provision, "can_edit": services.may_keep(request.user, provision)})


def _areas(user) -> list[tuple[str, str]]:
    scopes = services.editable_scopes(user)
    areas = [(f"region:{r.pk}", _("Regio %(name)s") % {"name": r.name})
             for r in DoorstroompuntRegion.objects.filter(pk__in=scopes["region"])]
    areas += [(f"municipality:{m.pk}", _("Gemeente %(name)s") % {"name": m.name})
              for m in Municipality.objects.filter(pk__in=scopes["municipality"])]
    return areas


@require_http_methods(["GET", "POST"])
@access_policy(KEEP)
def provision_edit(request, code=None):
    provision = None
    if code is not None:
        provision = get_object_or_404(Instrument, code=code)
        if not services.may_keep(request.user, provision):
            raise Http404
    areas = [] if provision else _areas(request.user)
    if provision is None and not areas:
        raise Http404
    initial = {} if provision is None else {
        f: getattr(provision, f) for f in ("name", "provider", "description", "law_code",
                                           "min_age", "max_age", "qualification", "routes",
                                           "intensities", "cost_source", "contact_name",
                                           "contact_reach", "active")}
    form = ProvisionForm(request.POST or None, initial=initial, areas=areas)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        area = data.pop("area", "")
        scope, _sep, area_id = area.partition(":")
        try:
            provision = services.provision_save(
                actor=request.user, provision=provision, scope=scope,
                area_id=int(area_id) if area_id.isdigit() else None, **data)
        except Route27Error as exc:
            apply_service_errors(exc, form)
        else:
            messages.success(request, _("De voorziening is opgeslagen."))
            return redirect("catalogue:detail", provision.code)
    return render(request, "trajectories/catalogue/edit.html", {
        "form": form, "provision": provision})


@require_GET
@access_policy("trajectories.view_trajectory")
def fitting(request, public_id):
    """What fits this youth, and why: the law's answer for each instrument, the conditions."""
    trajectory = found_or_404(trajectory_get, user=request.user, public_id=public_id)
    trajectory_log_read(user=request.user, trajectory=trajectory, view="catalogue_fitting")
    today = timezone.localdate()
    decision = law_decision_for(trajectory, today=today)
    youth = trajectory.youth
    sk = decision.answers.get("startkwalificatie") if decision is not None else None
    has_sk = None if sk is None or sk.is_open else sk.value == law.YES
    route = trajectory.route
    fits = selectors.fitting(municipality=youth.municipality, age=selectors.age_on(youth, today),
                             has_sk=has_sk, route=route or None,
                             intensity=trajectory.intensity or "", decision=decision)
    return render(request, "trajectories/catalogue/fitting.html", {
        "trajectory": trajectory, "youth": youth, "fits": fits})
