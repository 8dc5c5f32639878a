"""The regional programme's workspace (issue 15, first part): the region's parties and
governance, the six steps of seed 000 §6.2 as sections with status, the figures of the
regional analysis and the streefcijfers. Counts only; every page and change is audited."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from route27 import law
from route27.audit.models import AuditAction
from route27.audit.purposes import Purpose
from route27.audit.services import audit_record
from route27.core.access import access_policy
from route27.core.errors import Route27Error, ValidationFailed
from route27.core.forms import apply_service_errors
from route27.core.shortcuts import found_or_404, show_refusal
from route27.programme import (
    documents,
    effect_report,
    overview,
    programme_document,
    selectors,
    services,
)
from route27.programme.forms import (
    AdviceForm,
    AgreementForm,
    BudgetLineForm,
    ContributionForm,
    EffectReportForm,
    MeasureForm,
    ParticipationForm,
    PartiesForm,
    ProposalForm,
    RegionForm,
    ResponsibilityForm,
    SectionForm,
    SignatureForm,
    SubsidyForm,
    TargetForm,
)
from route27.programme.models import EffectReport, Programme, ProgrammeTarget, Step

VIEW, CHANGE = "programme.view_programme", "programme.change_programme"
CONTRIBUTE, VIEW_OVERVIEW = "programme.contribute", "programme.view_overview"


def _workspace_url(region) -> str:
    return f"{reverse('programme:workspace')}?regio={region.code}"


@require_http_methods(["GET"])
@access_policy(VIEW)
def workspace(request):
    regions = selectors.regions_for(request.user).order_by("code")
    if not regions.exists():
        return render(request, "programme/workspace.html", {"picker": None})
    picker = RegionForm(request.GET or {"regio": regions.first().code}, regions=regions)
    region = picker.cleaned_data["regio"] if picker.is_valid() else regions.first()
    programme = selectors.current(region)
    parties = selectors.parties_of(region)
    editable = selectors.keeps(request.user, region.pk)
    audit_record(user=request.user, action=AuditAction.READ, object_type="programme",
                 object_id=region.code, purpose=Purpose.MANAGEMENT)
    targets = list(programme.targets.all()) if programme else []
    missing = [label for kind, label in ProgrammeTarget.Kind.choices
               if kind not in {t.kind for t in targets}]
    return render(request, "programme/workspace.html", {
        "picker": picker, "region": region, "programme": programme, "parties": parties,
        "editable": editable and programme is not None and not programme.frozen,
        "may_start": editable and programme is None,
        "sections": sorted(programme.sections.all(), key=lambda s: list(Step).index(s.step))
        if programme else [],
        "targets": targets, "missing_targets": missing,
        "agreements": list(programme.agreements.select_related("theme")) if programme else [],
        "open_themes": selectors.open_themes(programme) if programme else [],
        "measures": list(programme.measures.all()) if programme else [],
        "budget": selectors.budget(programme) if programme else None,
        "signing": _signing(programme, parties) if programme else None,
        "deadline": selectors.next_deadline(),
        "may_amend": editable and programme is not None and programme.status == "signed",
        "target_form": TargetForm(), "tables": selectors.analysis(region,
                                                                  parties.municipalities),
        "reach": _reach(programme), "years": law.PROGRAMME_YEARS,
        "participation": list(programme.participation.all()) if programme else [],
        "responsibilities": list(programme.responsibilities.all()) if programme else [],
        "contributions": list(selectors.contributions(region)[:50]),
        "may_contribute": bool(selectors.contributes_for(request.user, region)),
        "may_sign": programme is not None and not programme.frozen
        and bool(services.signable_parties(request.user, programme)),
        "reminders": [d for d in selectors.timeline(region=region) if d.soon]
        if editable else []})


def _reach(programme):
    """The reach of the final maatregelen over the term so far (to yesterday)."""
    measures = [m for m in programme.measures.all() if m.provision_id] if programme else []
    if not measures:
        return None
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    return selectors.reach(measures, datetime.date(law.PROGRAMME_YEARS[0], 1, 1), yesterday)


def _signing(programme, parties) -> dict:
    signatures = {s.party: s for s in programme.signatures.all()}
    return {"parties": [(label, signatures.get(party))
                        for party, label in selectors.required_parties(programme, parties)],
            "problems": selectors.signing_problems(programme, parties)
            if not programme.frozen else []}


@require_POST
@access_policy(CHANGE)
def start(request, code):
    region = found_or_404(selectors.region_get, user=request.user, code=code, edit=True)
    try:
        services.programme_start(actor=request.user, region=region)
    except Route27Error as exc:
        show_refusal(request, exc)
    else:
        messages.success(request, _("Het regionaal programma is gestart."))
    return redirect(_workspace_url(region))


def _editable(request, code):
    region = found_or_404(selectors.region_get, user=request.user, code=code, edit=True)
    programme = selectors.current(region)
    if programme is None:
        raise Http404(selectors.NOT_FOUND)
    return region, programme


def _saved(request, form, save, *, done: str, back: str):
    """POST of an editing page: the service's field errors go on the form (None: show it
    again), a refusal goes back with its message; saved, to ``back`` with ``done``."""
    try:
        save(form.cleaned_data)
    except ValidationFailed as failed:
        apply_service_errors(failed, form)
        return None
    except Route27Error as exc:
        show_refusal(request, exc)
        return redirect(back)
    messages.success(request, done)
    return redirect(back)


def _form_page(request, region, programme, form, save, *, done: str, back: str, title: str):
    """An editing page: on a valid POST saved through ``_saved``, else the form (again)."""
    if request.method == "POST" and form.is_valid():
        response = _saved(request, form, save, done=done, back=back)
        if response:
            return response
    return _page(request, region, programme, form, title)


def _page(request, region, programme, form, title: str):
    return render(request, "programme/form.html", {
        "region": region, "programme": programme, "form": form, "title": title})


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
def parties(request, code):
    region, programme = _editable(request, code)
    municipalities = region.municipalities.order_by("name")
    form = PartiesForm(request.POST or None, municipalities=municipalities, initial={
        "contact_municipality": programme.contact_municipality,
        **{k: getattr(programme, k) for k in services.TEXT_LIMITS}})
    return _form_page(
        request, region, programme, form, lambda data: services.programme_parties_save(
            actor=request.user, programme=programme,
            contact_municipality=data["contact_municipality"],
            **{k: data[k] for k in services.TEXT_LIMITS}),
        done=_("De partijen en het overleg zijn opgeslagen."), back=_workspace_url(region),
        title=_("Partijen en regionaal bestuurlijk overleg"))


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
def section(request, code, step):
    region, programme = _editable(request, code)
    section = programme.sections.filter(step=step).first()
    if section is None:
        raise Http404(selectors.NOT_FOUND)
    form = SectionForm(request.POST or None,
                       initial={"status": section.status, "text": section.text})
    return _form_page(
        request, region, programme, form, lambda data: services.section_save(
            actor=request.user, section=section, status=data["status"], text=data["text"]),
        done=_("Het onderdeel is opgeslagen."), back=_workspace_url(region),
        title=section.get_step_display())


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
def target_add(request, code):
    region, programme = _editable(request, code)
    form = TargetForm(request.POST or None)
    return _form_page(
        request, region, programme, form, lambda data: services.programme_target_save(
            actor=request.user, programme=programme, **data),
        done=_("Het streefcijfer is opgeslagen."), back=_workspace_url(region),
        title=_("Streefcijfer"))


def _deleted(request, obj, delete, *, done: str, back: str):
    """POST of a delete button: gone (or already gone), or refused with its message."""
    if obj is not None:
        try:
            delete(obj)
        except Route27Error as exc:
            show_refusal(request, exc)
        else:
            messages.success(request, done)
    return redirect(back)


@require_POST
@access_policy(CHANGE)
def target_delete(request, code, target_id):
    region, programme = _editable(request, code)
    return _deleted(request, programme.targets.filter(pk=target_id).first(),
                    lambda target: services.programme_target_delete(actor=request.user,
                                                                    target=target),
                    done=_("Het streefcijfer is verwijderd."), back=_workspace_url(region))


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
def agreement_add(request, code):
    region, programme = _editable(request, code)
    form = AgreementForm(request.POST or None)
    return _form_page(
        request, region, programme, form, lambda data: services.agreement_save(
            actor=request.user, programme=programme, **data),
        done=_("De samenwerkingsafspraak is opgeslagen."),
        back=_workspace_url(region) + "#afspraken",
        title=_("Samenwerkingsafspraak"))


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
def measure(request, code, measure_id=None):
    region, programme = _editable(request, code)
    current = None
    if measure_id is not None:
        current = programme.measures.filter(pk=measure_id).first()
        if current is None:
            raise Http404(selectors.NOT_FOUND)
    initial = {}
    if current is not None:
        initial = {k: getattr(current, k) for k in services.MEASURE_TEXTS} | {
            "final": current.final, "labour_market_region": current.labour_market_region,
            **{f"condition_{c}": t for c, t in current.conditions.items()}}
    form = MeasureForm(request.POST or None, initial=initial,
                       labour_market_regions=selectors.overlapping_labour_market_regions(region))
    return _form_page(
        request, region, programme, form, lambda data: services.measure_save(
            actor=request.user, programme=programme, measure=current,
            values={k: data[k] for k in services.MEASURE_TEXTS},
            conditions={k.removeprefix("condition_"): v for k, v in data.items()
                        if k.startswith("condition_")},
            final=data["final"], labour_market_region=data["labour_market_region"]),
        done=_("De maatregel is opgeslagen."), back=_workspace_url(region) + "#maatregelen",
        title=_("Aanvullende maatregel"))


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
def budget(request, code):
    region, programme = _editable(request, code)
    form = BudgetLineForm(request.POST or None, measures=programme.measures.all())
    if request.method == "POST" and form.is_valid():
        response = _saved(request, form, lambda data: services.budget_line_add(
            actor=request.user, programme=programme, **data),
            done=_("De begrotingsregel is toegevoegd."),
            back=reverse("programme:budget", args=[region.code]))
        if response:
            return response
    lines = programme.budget_lines.select_related("measure")
    return render(request, "programme/budget.html", {
        "region": region, "programme": programme, "form": form, "lines": lines,
        "budget": selectors.budget(programme)})


@require_POST
@access_policy(CHANGE)
def budget_delete(request, code, line_id):
    region, programme = _editable(request, code)
    return _deleted(request, programme.budget_lines.filter(pk=line_id).first(),
                    lambda line: services.budget_line_delete(actor=request.user, line=line),
                    done=_("De begrotingsregel is verwijderd."),
                    back=reverse("programme:budget", args=[region.code]))


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
def sign(request, code):
    region = found_or_404(selectors.region_get, user=request.user, code=code)
    programme = selectors.current(region)
    if programme is None:
        raise Http404(selectors.NOT_FOUND)
    keeps = selectors.keeps(request.user, region.pk)
    own = set(services.signable_parties(request.user, programme))
    if not keeps and not own:
        raise Http404(selectors.NOT_FOUND)
    signed = set(programme.signatures.values_list("party", flat=True))
    open_parties = [(p, label) for p, label in selectors.required_parties(programme)
                    if p not in signed and (keeps or p in own)]
    form = SignatureForm(request.POST or None, parties=open_parties)
    return _form_page(
        request, region, programme, form, lambda data: services.programme_sign(
            actor=request.user, programme=programme, **data),
        done=_("De ondertekening is vastgelegd."),
        back=_workspace_url(region) + "#ondertekening",
        title=_("Ondertekening vastleggen"))


@require_POST
@access_policy(CHANGE)
def amend(request, code):
    region = found_or_404(selectors.region_get, user=request.user, code=code, edit=True)
    programme = selectors.current(region)
    if programme is None:
        raise Http404(selectors.NOT_FOUND)
    try:
        services.programme_amend(actor=request.user, programme=programme)
    except Route27Error as exc:
        show_refusal(request, exc)
    else:
        messages.success(request, _("Versie %(n)s is gemaakt; pas die aan en laat haar opnieuw "
                                    "ondertekenen.") % {"n": programme.version + 1})
    return redirect(_workspace_url(region))


# --- Youth participation, contributions ----------------------------------------------------------
@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
def participation_add(request, code):
    region, programme = _editable(request, code)
    form = ParticipationForm(request.POST or None)
    return _form_page(
        request, region, programme, form, lambda data: services.participation_save(
            actor=request.user, programme=programme, held_on=data["held_on"], form=data["form"],
            participants=data["participants"], step=data["step"],
            values={k: data[k] for k in services.PARTICIPATION_TEXTS}),
        done=_("De jongerenparticipatie is vastgelegd."),
        back=_workspace_url(region) + "#jongeren",
        title=_("Jongeren betrekken"))


@require_POST
@access_policy(CHANGE)
def participation_delete(request, code, session_id):
    region, programme = _editable(request, code)
    return _deleted(request, programme.participation.filter(pk=session_id).first(),
                    lambda session: services.participation_delete(actor=request.user,
                                                                  session=session),
                    done=_("De jongerenparticipatie is verwijderd."),
                    back=_workspace_url(region) + "#jongeren")


@require_http_methods(["GET", "POST"])
@access_policy(CONTRIBUTE)
def contribution_add(request, code):
    region = found_or_404(selectors.region_get, user=request.user, code=code)
    if not selectors.contributes_for(request.user, region):
        raise Http404(selectors.NOT_FOUND)
    form = ContributionForm(request.POST or None)
    return _form_page(
        request, region, selectors.current(region), form, lambda data: services.contribution_add(
            actor=request.user, region=region, **data),
        done=_("Uw bijdrage is toegevoegd."), back=_workspace_url(region) + "#bijdragen",
        title=_("Bijdragen aan het programma"))


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
def responsibility_add(request, code):
    region, programme = _editable(request, code)
    form = ResponsibilityForm(request.POST or None)
    return _form_page(
        request, region, programme, form, lambda data: services.responsibility_add(
            actor=request.user, programme=programme, **data),
        done=_("De verantwoordelijkheid is vastgelegd."),
        back=_workspace_url(region) + "#uitvoering",
        title=_("Wie is verantwoordelijk"))


@require_POST
@access_policy(CHANGE)
def responsibility_delete(request, code, responsibility_id):
    region, programme = _editable(request, code)
    return _deleted(request, programme.responsibilities.filter(pk=responsibility_id).first(),
                    lambda row: services.responsibility_delete(actor=request.user,
                                                               responsibility=row),
                    done=_("De verantwoordelijkheid is verwijderd."),
                    back=_workspace_url(region) + "#uitvoering")


# --- Subsidy application and proposal rounds -----------------------------------------------------
def _region_kept(request, code):
    return found_or_404(selectors.region_get, user=request.user, code=code, edit=True)


@require_http_methods(["GET", "POST"])
@access_policy(VIEW)
def subsidy(request, code):
    region = found_or_404(selectors.region_get, user=request.user, code=code)
    keeps = selectors.keeps(request.user, region.pk)
    application = selectors.subsidy(region)
    status = law.SubsidyStatus(application.status)
    nexts = [(s, law.SUBSIDY_STATUS_LABELS[s]) for s in law.SUBSIDY_TRANSITIONS[status]]
    form = SubsidyForm(request.POST or None, statuses=nexts) if keeps and nexts else None
    if request.method == "POST":
        if form is None:
            raise Http404(selectors.NOT_FOUND)
        if form.is_valid():
            response = _saved(request, form, lambda data: services.subsidy_advance(
                actor=request.user, region=region, **data),
                done=_("De status van de subsidieaanvraag is bijgewerkt."),
                back=reverse("programme:subsidy", args=[region.code]))
            if response:
                return response
    audit_record(user=request.user, action=AuditAction.READ, object_type="programme_subsidy",
                 object_id=region.code, purpose=Purpose.MANAGEMENT)
    return render(request, "programme/subsidy.html", {
        "region": region, "application": application,
        "status_label": law.SUBSIDY_STATUS_LABELS[status],
        "history": [(law.SUBSIDY_STATUS_LABELS[law.SubsidyStatus(h["status"])],
                     datetime.date.fromisoformat(h["on"]), h["note"])
                    for h in application.history],
        "form": form, "rule": law.R_SUBSIDY, "proposals": selectors.proposals(region),
        "keeps": keeps, "timeline": selectors.timeline(region=region)})


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
def proposal(request, code, proposal_id=None):
    region = _region_kept(request, code)
    current = None
    if proposal_id is not None:
        current = selectors.proposals(region).filter(pk=proposal_id).first()
        if current is None:
            raise Http404(selectors.NOT_FOUND)
    initial = {}
    if current is not None:
        initial = {k: getattr(current, k) for k in ("round", "title", "applicant", "decision",
                                                    "reason")} | {
            "amount": selectors.money(current.amount),
            **{f"criterion_{c}": met for c, met in current.criteria.items()}}
    form = ProposalForm(request.POST or None, initial=initial)
    return _form_page(
        request, region, selectors.current(region), form, lambda data: services.proposal_save(
            actor=request.user, region=region, proposal=current,
            values={k: data[k] for k in ("round", "title", "applicant", "reason")},
            amount=data["amount"], decision=data["decision"],
            criteria={k.removeprefix("criterion_"): v for k, v in data.items()
                      if k.startswith("criterion_")}),
        done=_("Het voorstel is opgeslagen."),
        back=reverse("programme:subsidy", args=[region.code]) + "#voorstellen",
        title=_("Voorstel voor het regionaal budget"))


# --- Effectrapportage ----------------------------------------------------------------------------
def _report(region, year: int) -> EffectReport:
    if year not in law.PROGRAMME_YEARS:
        raise Http404(selectors.NOT_FOUND)
    return (EffectReport.objects.filter(region=region, year=year).first()
            or EffectReport(region=region, year=year))


@require_http_methods(["GET", "POST"])
@access_policy(VIEW)
def effect_report_page(request, code, year):
    region = found_or_404(selectors.region_get, user=request.user, code=code)
    report = _report(region, year)
    keeps = selectors.keeps(request.user, region.pk)
    programme = effect_report.programme_for(region, year)
    form = None
    if keeps and programme is not None:
        initial = {"partner_text": report.partner_text, "submitted_on": report.submitted_on,
                   **{f"realised_{k}": v for k, v in report.realised.items()},
                   **{f"explanation_{k}": v for k, v in report.explanations.items()},
                   **{f"progress_{k}": v for k, v in report.progress.items()}}
        form = EffectReportForm(
            request.POST or None, initial=initial,
            targets=programme.targets.filter(year=year),
            agreements=programme.agreements.order_by("theme__order", "id"),
            measures=programme.measures.order_by("section", "id"))
    if request.method == "POST":
        if form is None:
            raise Http404(selectors.NOT_FOUND)
        if form.is_valid():
            response = _saved(request, form, lambda data: services.effect_report_save(
                actor=request.user, region=region, year=year,
                realised=form.entries("realised"), explanations=form.entries("explanation"),
                progress=form.entries("progress"), partner_text=data["partner_text"],
                submitted_on=data["submitted_on"]),
                done=_("De effectrapportage is opgeslagen."),
                back=reverse("programme:effect_report", args=[region.code, year]))
            if response:
                return response
    generated = effect_report.build(report, today=timezone.localdate())
    audit_record(user=request.user, action=AuditAction.READ,
                 object_type="programme_effect_report", object_id=f"{region.code}-{year}",
                 purpose=Purpose.MANAGEMENT)
    return render(request, "programme/effect_report.html", {
        "region": region, "year": year, "report": generated, "form": form,
        "years": law.PROGRAMME_YEARS, "rule": law.R_EFFECT_REPORT})


EXPORTS = {"pdf": (documents.as_pdf, "application/pdf"),
           "xlsx": (documents.as_xlsx, "application/vnd.openxmlformats-officedocument."
                                           "spreadsheetml.sheet"),
           "json": (documents.as_json, "application/json")}


@require_http_methods(["GET"])
@access_policy(VIEW)
def effect_report_export(request, code, year, fmt):
    region = found_or_404(selectors.region_get, user=request.user, code=code)
    if fmt not in EXPORTS:
        raise Http404(selectors.NOT_FOUND)
    generated = effect_report.build(_report(region, year), today=timezone.localdate())
    render_as, content_type = EXPORTS[fmt]
    audit_record(user=request.user, action=AuditAction.EXPORT,
                 object_type="programme_effect_report", object_id=f"{region.code}-{year}",
                 purpose=Purpose.MANAGEMENT, detail={"format": fmt})
    response = HttpResponse(render_as(generated), content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="effectrapportage-{region.code}-{year}.{fmt}"')
    return response


@require_http_methods(["GET"])
@access_policy(VIEW)
def programme_export(request, code, version, fmt):
    """One version of the programme as a document, in the format's order (PDF, XLSX, JSON)."""
    region = found_or_404(selectors.region_get, user=request.user, code=code)
    programme = Programme.objects.filter(region=region, version=version).first()
    if programme is None or fmt not in EXPORTS:
        raise Http404(selectors.NOT_FOUND)
    render_as, content_type = EXPORTS[fmt]
    audit_record(user=request.user, action=AuditAction.EXPORT, object_type="programme",
                 object_id=str(programme.pk), purpose=Purpose.MANAGEMENT,
                 detail={"format": fmt, "version": version})
    response = HttpResponse(render_as(programme_document.build(programme)),
                            content_type=content_type)
    response["Content-Disposition"] = (
        f'attachment; filename="regionaal-programma-{region.code}-v{version}.{fmt}"')
    return response


# --- Centrumgemeente overview and route map ------------------------------------------------------
@require_http_methods(["GET"])
@access_policy(VIEW_OVERVIEW)
def overview_index(request):
    regions = list(overview.labour_market_regions_for(request.user))
    if len(regions) == 1:
        return redirect("programme:overview", code=regions[0].code)
    return render(request, "programme/overview_index.html", {"regions": regions})


@require_http_methods(["GET", "POST"])
@access_policy(VIEW_OVERVIEW)
def overview_page(request, code):
    labour_market_region = overview.labour_market_regions_for(request.user).filter(
        code=code).first()
    if labour_market_region is None:
        raise Http404(selectors.NOT_FOUND)
    municipalities = list(labour_market_region.municipalities.order_by("name"))
    centres = [c for c in selectors.centres_for_labour_market_region(request.user,
                                                                    labour_market_region)]
    form = None
    if centres:
        form = AdviceForm(request.POST or None, municipalities=labour_market_region
                          .municipalities.order_by("name"))
    if request.method == "POST":
        if form is None:
            raise Http404(selectors.NOT_FOUND)
        if form.is_valid():
            about = form.cleaned_data["about"]
            response = _saved(request, form, lambda data: services.contribution_add(
                actor=request.user, region=about.doorstroompunt_region, about=about,
                text=data["text"]), done=_("Het advies is vastgelegd."),
                back=reverse("programme:overview", args=[code]) + "#advies")
            if response:
                return response
    audit_record(user=request.user, action=AuditAction.READ, object_type="programme",
                 object_id=f"amr-{code}", purpose=Purpose.MANAGEMENT)
    return render(request, "programme/overview.html", {
        "labour_market_region": labour_market_region,
        "comparison": overview.comparison(municipalities),
        "table": overview.indicators(municipalities), "form": form,
        "advice": selectors.advice_for(labour_market_region),
        "measures": overview.measures_with(labour_market_region)})


@require_http_methods(["GET"])
@access_policy(VIEW)
def route_map(request, code):
    region = found_or_404(selectors.region_get, user=request.user, code=code)
    return render(request, "programme/route_map.html", {
        "region": region, "stops": overview.route_map(region)})
