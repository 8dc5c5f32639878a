"""The regional programme's workspace (issue 15, first part): the region's parties and
governance, the six steps of seed 000 §6.2 as sections with status, the figures of the
regional analysis and the streefcijfers. Counts only; every page and change is audited."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from route27.audit.models import AuditAction
from route27.audit.purposes import Purpose
from route27.audit.services import audit_record
from route27.core.access import access_policy
from route27.core.errors import Route27Error, ValidationFailed
from route27.core.forms import apply_service_errors
from route27.core.shortcuts import found_or_404, show_refusal
from route27.programme import selectors, services
from route27.programme.forms import (
    AgreementForm,
    BudgetLineForm,
    MeasureForm,
    PartiesForm,
    RegionForm,
    SectionForm,
    SignatureForm,
    TargetForm,
)
from route27.programme.models import ProgrammeTarget, Step

VIEW, CHANGE = "programme.view_programme", "programme.change_programme"


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
    editable = selectors.regions_for(request.user, edit=True).filter(pk=region.pk).exists()
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
                                                                  parties.municipalities)})


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
    if request.method == "POST" and form.is_valid():
        response = _saved(request, form, lambda data: services.programme_parties_save(
            actor=request.user, programme=programme,
            contact_municipality=data["contact_municipality"],
            **{k: data[k] for k in services.TEXT_LIMITS}),
            done=_("De partijen en het overleg zijn opgeslagen."), back=_workspace_url(region))
        if response:
            return response
    return _page(request, region, programme, form,
                 _("Partijen en regionaal bestuurlijk overleg"))


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
def section(request, code, step):
    region, programme = _editable(request, code)
    section = programme.sections.filter(step=step).first()
    if section is None:
        raise Http404(selectors.NOT_FOUND)
    form = SectionForm(request.POST or None,
                       initial={"status": section.status, "text": section.text})
    if request.method == "POST" and form.is_valid():
        response = _saved(request, form, lambda data: services.section_save(
            actor=request.user, section=section, status=data["status"], text=data["text"]),
            done=_("Het onderdeel is opgeslagen."), back=_workspace_url(region))
        if response:
            return response
    return _page(request, region, programme, form, section.get_step_display())


@require_http_methods(["GET", "POST"])
@access_policy(CHANGE)
def target_add(request, code):
    region, programme = _editable(request, code)
    form = TargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        response = _saved(request, form, lambda data: services.programme_target_save(
            actor=request.user, programme=programme, **data),
            done=_("Het streefcijfer is opgeslagen."), back=_workspace_url(region))
        if response:
            return response
    return _page(request, region, programme, form, _("Streefcijfer"))


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
    if request.method == "POST" and form.is_valid():
        response = _saved(request, form, lambda data: services.agreement_save(
            actor=request.user, programme=programme, **data),
            done=_("De samenwerkingsafspraak is opgeslagen."),
            back=_workspace_url(region) + "#afspraken")
        if response:
            return response
    return _page(request, region, programme, form, _("Samenwerkingsafspraak"))


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
    if request.method == "POST" and form.is_valid():
        response = _saved(request, form, lambda data: services.measure_save(
            actor=request.user, programme=programme, measure=current,
            values={k: data[k] for k in services.MEASURE_TEXTS},
            conditions={k.removeprefix("condition_"): v for k, v in data.items()
                        if k.startswith("condition_")},
            final=data["final"], labour_market_region=data["labour_market_region"]),
            done=_("De maatregel is opgeslagen."), back=_workspace_url(region) + "#maatregelen")
        if response:
            return response
    return _page(request, region, programme, form, _("Aanvullende maatregel"))


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
    region, programme = _editable(request, code)
    signed = set(programme.signatures.values_list("party", flat=True))
    open_parties = [(p, label) for p, label in selectors.required_parties(programme)
                    if p not in signed]
    form = SignatureForm(request.POST or None, parties=open_parties)
    if request.method == "POST" and form.is_valid():
        response = _saved(request, form, lambda data: services.programme_sign(
            actor=request.user, programme=programme, **data),
            done=_("De ondertekening is vastgelegd."),
            back=_workspace_url(region) + "#ondertekening")
        if response:
            return response
    return _page(request, region, programme, form, _("Ondertekening vastleggen"))


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
