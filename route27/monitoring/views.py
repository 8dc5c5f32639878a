"""The results dashboard (issue 14): a municipality's indicators at a reference date and over a
period, a region's municipalities side by side with small counts suppressed, a team's
capacity, and the targets. Counts only: no youth is named, so nothing is logged per youth;
every view and export has its audit row."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from route27.audit.models import AuditAction
from route27.audit.purposes import Purpose
from route27.audit.services import audit_record
from route27.casefile.services import record_reads
from route27.core.access import access_policy
from route27.core.errors import Refused, ValidationFailed
from route27.core.forms import apply_service_errors
from route27.core.shortcuts import show_refusal
from route27.monitoring import (
    cache,
    exports,
    indicators,
    report,
    selectors,
    services,
    suppression,
)
from route27.monitoring.forms import (
    DashboardForm,
    NormForm,
    RegionForm,
    TargetsForm,
    TargetValuesForm,
    TeamForm,
)
from route27.monitoring.indicators import INDICATORS
from route27.organisations.models import User
from route27.organisations.roles import CONTACT_PERSON_ROLES
from route27.outreach.selectors import status_counts
from route27.trajectories.selectors import trajectories_visible_to
from route27.trajectories.workflow import Step

PAGE_SIZE = 25


def _bound(form_class, request, **kwargs):
    """The form of the query string and its data; where it does not hold, the defaults' data
    (the first municipality or region, today, this year) with the form's errors shown."""
    query = None
    if request.GET:
        query = _first(kwargs) | request.GET.dict()  # one municipality or region: no need to pick
    form = form_class(query, **kwargs)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data
    defaults = form_class(_first(kwargs), **kwargs)
    defaults.is_valid()
    return (form if form.is_bound else defaults), defaults.cleaned_data


def _first(kwargs) -> dict:
    for key, name in (("municipalities", "gemeente"), ("regions", "regio")):
        if key in kwargs and kwargs[key].exists():
            return {name: kwargs[key].first().code}
    return {}


def _export(request, fmt: str, tables: list[report.Table], *, title: str, subtitle: str,
            object_id: str, detail: dict):
    """A table as CSV (``?tabel=``), every table as XLSX or PDF; audited as an export."""
    if fmt == "csv":
        wanted = request.GET.get("tabel", "")
        table = next((t for t in tables if t.slug == wanted), None)
        if table is None:
            return HttpResponse(_("Kies een tabel om te downloaden."), status=400,
                                content_type="text/plain; charset=utf-8")
        body, name = exports.table_csv(table), f"{table.slug}.csv"
    elif fmt == "xlsx":
        body, name = exports.tables_xlsx(tables, title=f"{title}, {subtitle}"), "resultaten.xlsx"
    else:
        body, name = exports.tables_pdf(tables, title=title, subtitle=subtitle), "resultaten.pdf"
    audit_record(user=request.user, action=AuditAction.EXPORT, object_type="dashboard",
                 object_id=object_id, purpose=Purpose.MANAGEMENT,
                 detail={**detail, "format": fmt, "table": request.GET.get("tabel", "")})
    response = HttpResponse(body, content_type=exports.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _coaches(teams):
    return User.objects.filter(memberships__team__in=teams, memberships__is_active=True,
                               memberships__role__in=CONTACT_PERSON_ROLES).distinct().order_by(
        "last_name", "first_name")


@require_GET
@access_policy("monitoring.view_dashboard")
def dashboard(request, fmt: str = ""):
    municipalities = selectors.municipalities_of(request.user)
    teams = selectors.lead_teams(request.user)
    options = {"municipalities": municipalities, "teams": teams, "coaches": _coaches(teams)}
    if not municipalities.exists():
        return render(request, "monitoring/dashboard.html", {"form": None})
    form, data = _bound(DashboardForm, request, **options)
    municipality = data["gemeente"]
    scope = indicators.Scope(
        municipality_ids=(municipality.pk,), age_band=data["leeftijd"],
        team_ids=(data["team"].pk,) if data.get("team") else None,
        coach_id=data["coach"].pk if data.get("coach") else None)
    day, start, end = data["peildatum"], data["van"], data["tot"]
    year_start = day.replace(month=1, day=1)
    if scope.team_ids is None and scope.coach_id is None:  # the municipality: kept figures
        ids, band = (municipality.pk,), data["leeftijd"]
        stock = cache.stock_by_municipality(day, ids, band)[municipality.pk]
        flows = cache.flows_by_municipality(start, end, ids, band)[municipality.pk]
        months = cache.months_by_municipality(start, end, ids, band)[municipality.pk]
        year_flows = (flows if (start, end) == (year_start, day) else
                      cache.flows_by_municipality(year_start, day, ids, band)[municipality.pk])
    else:
        stock = indicators.stock(day, scope)
        flows = indicators.flows(start, end, scope)
        months = indicators.monthly(start, end, scope)
        year_flows = (flows if (start, end) == (year_start, day)
                      else indicators.flows(year_start, day, scope))
    whole = scope.team_ids is None and scope.coach_id is None and scope.age_band is None
    leavers = None
    if whole:
        leavers = status_counts(municipality_ids=[municipality.pk])
    tables = report.municipality_tables(
        municipality=municipality, day=day, start=start, end=end, stock=stock, flows=flows,
        months=months, year_flows=year_flows,
        targets=selectors.targets_for(municipality, day.year) if whole else {},
        leavers=leavers)
    detail = {"day": day.isoformat(), "from": start.isoformat(), "to": end.isoformat(),
              "age": data["leeftijd"] or "", "team": scope.team_ids[0] if scope.team_ids else "",
              "coach": scope.coach_id or ""}
    subtitle = _("%(name)s, peildatum %(day)s, periode %(start)s – %(end)s") % {
        "name": municipality.name, "day": day.strftime("%d-%m-%Y"),
        "start": start.strftime("%d-%m-%Y"), "end": end.strftime("%d-%m-%Y")}
    if fmt:
        return _export(request, fmt, tables, title=_("Resultaten"), subtitle=subtitle,
                       object_id=municipality.code, detail=detail)
    audit_record(user=request.user, action=AuditAction.READ, object_type="dashboard",
                 object_id=municipality.code, purpose=Purpose.MANAGEMENT, detail=detail)
    return render(request, "monitoring/dashboard.html", {
        "form": form, "municipality": municipality, "day": day, "start": start, "end": end,
        "stock": stock, "flows": flows, "tables": tables, "whole": whole,
        "corrections": stock.corrections,
        "listable": [(code, INDICATORS[code].label) for code in LISTABLE],
        "query": request.GET.urlencode(), "export_base": reverse("monitoring:dashboard")})


LISTABLE = tuple(indicators.STOCK_CONDITIONS)


@require_GET
@access_policy("monitoring.view_dashboard")
def youth_list(request):
    """Who is behind a stock figure: only the youth the user has a reason for (their files'
    access reasons), never the others counted; every youth shown is logged as read."""
    municipalities = selectors.municipalities_of(request.user)
    teams = selectors.lead_teams(request.user)
    code = request.GET.get("indicator", "")
    if not municipalities.exists() or code not in LISTABLE:
        return render(request, "monitoring/youth_list.html", {"form": None}, status=404)
    form, data = _bound(DashboardForm, request, municipalities=municipalities, teams=teams,
                        coaches=_coaches(teams))
    scope = indicators.Scope(
        municipality_ids=(data["gemeente"].pk,), age_band=data["leeftijd"],
        team_ids=(data["team"].pk,) if data.get("team") else None,
        coach_id=data["coach"].pk if data.get("coach") else None)
    rows = (indicators.trajectories_at(data["peildatum"], scope)
            .filter(indicators.stock_filter(code),
                    pk__in=trajectories_visible_to(request.user).values("pk"))
            .select_related("youth", "team").order_by("youth__family_name", "youth_id"))
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("pagina"))
    record_reads(user=request.user, shown=list(page), purpose=Purpose.MANAGEMENT)
    steps = dict(Step.choices)
    for trajectory in page:
        trajectory.step_label = steps.get(trajectory.step_at, "")
    return render(request, "monitoring/youth_list.html", {
        "form": form, "page": page, "indicator": INDICATORS[code],
        "municipality": data["gemeente"], "day": data["peildatum"],
        "back": f"{reverse('monitoring:dashboard')}?{request.GET.urlencode()}"})


@require_GET
@access_policy("monitoring.view_region")
def region(request, fmt: str = ""):
    regions = selectors.regions_of(request.user)
    if not regions.exists():
        return render(request, "monitoring/region.html", {"form": None})
    form, data = _bound(RegionForm, request, regions=regions)
    area = data["regio"]
    municipalities = list(area.municipalities.order_by("name"))
    scope = indicators.Scope(municipality_ids=tuple(m.pk for m in municipalities),
                             age_band=data["leeftijd"])
    day, start, end = data["peildatum"], data["van"], data["tot"]
    ids, band = scope.municipality_ids, data["leeftijd"]
    table = report.region_table(
        municipalities=municipalities,
        stocks=cache.stock_by_municipality(day, ids, band),
        flows=cache.flows_by_municipality(start, end, ids, band))
    months = indicators.add_months(
        cache.months_by_municipality(start, end, ids, band).values())
    trend_rows = [[m.month.strftime("%Y-%m"), m.inflow, m.outflow] for m in months]
    shown, _totals = suppression.table([r[1:] for r in trend_rows])
    trend = report.Table("trend", _("Instroom en uitstroom per maand, hele regio"),
                         [_("Maand"), _("Instroom"), _("Uitstroom")],
                         [[r[0], *cells] for r, cells in zip(trend_rows, shown, strict=True)])
    trend.chart = {"type": "line", "labels": [r[0] for r in trend.rows], "series": [
        {"label": _("Instroom"), "values": [suppression.chart_value(r[1]) for r in trend.rows]},
        {"label": _("Uitstroom"), "values": [suppression.chart_value(r[2])
                                              for r in trend.rows]}]}
    tables = [table, trend]
    detail = {"day": day.isoformat(), "from": start.isoformat(), "to": end.isoformat(),
              "age": data["leeftijd"] or ""}
    subtitle = _("%(name)s, peildatum %(day)s, periode %(start)s – %(end)s") % {
        "name": area.name, "day": day.strftime("%d-%m-%Y"),
        "start": start.strftime("%d-%m-%Y"), "end": end.strftime("%d-%m-%Y")}
    if fmt:
        return _export(request, fmt, tables, title=_("Resultaten van de regio"),
                       subtitle=subtitle, object_id=area.code, detail=detail)
    audit_record(user=request.user, action=AuditAction.READ, object_type="dashboard",
                 object_id=area.code, purpose=Purpose.MANAGEMENT, detail=detail)
    return render(request, "monitoring/region.html", {
        "form": form, "region": area, "day": day, "start": start, "end": end,
        "tables": tables, "query": request.GET.urlencode(),
        "export_base": reverse("monitoring:region")})


@require_GET
@access_policy("monitoring.keep_capacity")
def capacity_export(request, fmt: str):
    return capacity(request, fmt=fmt)


@require_http_methods(["GET", "POST"])
@access_policy("monitoring.keep_capacity")
def capacity(request, fmt: str = ""):
    teams = selectors.lead_teams(request.user)
    if not teams.exists():
        return render(request, "monitoring/capacity.html", {"picked": None})
    picked = TeamForm(request.GET or {"team": teams.first().pk}, teams=teams)
    team = picked.cleaned_data["team"] if picked.is_valid() else teams.first()
    result = selectors.capacity(team)  # a refused or failed save changes nothing of it
    form = NormForm(request.POST if request.method == "POST" else None,
                    coaches=result.coaches, initial={
                        field: getattr(result.norm, field) for field in services.NORM_FIELDS})
    if request.method == "POST":
        fte = {int(k.removeprefix("fte_")): v for k, v in request.POST.items()
               if k.startswith("fte_") and k.removeprefix("fte_").isdigit()}
        try:
            services.capacity_norm_save(actor=request.user, team=team, values=request.POST,
                                        fte=fte)
        except Refused as refused:
            show_refusal(request, refused)
        except ValidationFailed as failed:
            apply_service_errors(failed, form)
        else:
            messages.success(request, _("De capaciteit van het team is bijgewerkt."))
            return redirect(f"{reverse('monitoring:capacity')}?team={team.pk}")
    tables = _capacity_tables(result)
    if fmt:
        return _export(request, fmt, tables, title=_("Capaciteit"), subtitle=team.name,
                       object_id=f"team/{team.pk}", detail={"team": team.pk})
    audit_record(user=request.user, action=AuditAction.READ, object_type="dashboard",
                 object_id=f"team/{team.pk}", purpose=Purpose.MANAGEMENT,
                 detail={"team": team.pk, "page": "capacity"})
    return render(request, "monitoring/capacity.html", {
        "picked": picked, "team": team, "capacity": result, "tables": tables, "form": form,
        "query": f"team={team.pk}", "export_base": reverse("monitoring:capacity")})


def _capacity_tables(result: selectors.Capacity) -> list[report.Table]:
    coaches = report.Table(
        "caseload", _("Gewogen caseload per contactpersoon"),
        [_("Contactpersoon"), _("Jongeren"), _("Punten"), _("Capaciteit (punten)"),
         _("Bezetting (%)")],
        [[c.user.get_full_name() or c.user.username, c.youth, str(c.points),
          str(c.capacity.quantize(c.capacity.__class__("0.1"))), c.use] for c in result.coaches],
        totals=[_("Team"), sum(c.youth for c in result.coaches), str(result.points),
                str(result.capacity), result.use])
    coaches.chart = {"type": "bar", "labels": [r[0] for r in coaches.rows], "series": [
        {"label": _("Bezetting (%)"), "values": [r[4] for r in coaches.rows]}]}
    weeks = report.Table("weken", _("Instroom en uitstroom per week"),
                         [_("Week van"), _("Instroom"), _("Uitstroom")],
                         [[w.week.strftime("%d-%m-%Y"), w.inflow, w.outflow]
                          for w in result.weeks])
    weeks.chart = {"type": "line", "labels": [r[0] for r in weeks.rows], "series": [
        {"label": _("Instroom"), "values": [r[1] for r in weeks.rows]},
        {"label": _("Uitstroom"), "values": [r[2] for r in weeks.rows]}]}
    full_on = result.full_on
    summary = report.Table("wachtrij", _("Wachtrij en vooruitzicht"), [_("Cijfer"), _("Waarde")], [
        [_("Wachtend op een contactpersoon"), result.waiting],
        [_("Mediane wachttijd (dagen)"), result.median_waiting],
        [_("Langste wachttijd (dagen)"), max(result.waiting_days, default=None)],
        [_("Gemiddeld van start tot contactpersoon (dagen, laatste 12 weken)"),
         result.days_to_contact],
        [_("Vrije plaatsen (na de wachtenden, bij het gemiddelde gewicht)"),
         result.free_places],
        [_("Netto instroom per week (gemiddeld)"), round(result.net_per_week, 1)],
        [_("Team vol op"), full_on.strftime("%d-%m-%Y") if full_on else _("loopt niet vol")],
    ])
    return [coaches, weeks, summary]


@require_http_methods(["GET", "POST"])
@access_policy("monitoring.set_targets")
def targets(request):
    municipalities = selectors.municipalities_for_targets(request.user)
    if not municipalities.exists():
        return render(request, "monitoring/targets.html", {"form": None})
    form = TargetsForm(request.GET or {"gemeente": municipalities.first().code, "jaar": 2026},
                       municipalities=municipalities)
    if not form.is_valid():
        form = TargetsForm({"gemeente": municipalities.first().code, "jaar": 2026},
                           municipalities=municipalities)
        form.is_valid()
    municipality, year = form.cleaned_data["gemeente"], form.cleaned_data["jaar"]
    values = TargetValuesForm(request.POST if request.method == "POST" else None,
                              initial=selectors.targets_for(municipality, year),
                              indicators=INDICATORS.items())
    if request.method == "POST":
        try:
            services.targets_save(actor=request.user, municipality=municipality, year=year,
                                  values={code: request.POST.get(code, "")
                                          for code in INDICATORS})
        except Refused as refused:
            show_refusal(request, refused)
        except ValidationFailed as failed:
            apply_service_errors(failed, values)
        else:
            messages.success(request, _("De streefcijfers zijn opgeslagen."))
            return redirect(f"{reverse('monitoring:targets')}?gemeente={municipality.code}"
                            f"&jaar={year}")
    return render(request, "monitoring/targets.html", {
        "form": form, "values": values, "municipality": municipality, "year": year})
