"""The writes of the regional programme (issue 15). A programme holds no personal data, so
there is no file event; every change has its audit row in the same transaction. A signed
version is frozen: nothing here changes it."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from route27 import law
from route27.audit.models import AuditAction
from route27.audit.purposes import Purpose
from route27.audit.services import audit_record
from route27.core.errors import Refused, ValidationFailed
from route27.organisations.models import RegionOverlap
from route27.programme.models import (
    Agreement,
    BudgetLine,
    Contribution,
    EffectReport,
    Funding,
    Measure,
    Overhead,
    ParticipationSession,
    Programme,
    ProgrammeTarget,
    Proposal,
    Responsibility,
    Section,
    Signature,
    Step,
    SubsidyApplication,
)
from route27.programme.selectors import (
    centres_for,
    contributes_for,
    keeps,
    required_parties,
    signing_problems,
)
from route27.trajectories.models import Instrument

KEEPER_ONLY = _("Alleen de regionaal coördinator en de contactgemeente van de regio werken het "
                "programma bij.")
TEXT_LIMITS = {"contact_school": 200, "core_group": 4000, "board_participants": 4000,
               "board_frequency": 200, "board_decisions": 4000}


def _audit(actor, action, obj, detail: dict | None = None) -> None:
    audit_record(user=actor, action=action, object_type=obj.AUDIT_TYPE, object_id=str(obj.pk),
                 purpose=Purpose.MANAGEMENT, detail=detail or {})


def _may_edit(actor, programme: Programme) -> None:
    if not keeps(actor, programme.region_id):
        raise Refused(KEEPER_ONLY)
    if programme.frozen:
        raise Refused(_("Deze versie is ondertekend en ligt vast. Maak een nieuwe versie om "
                        "iets te wijzigen."))


def _new_or_kept(model, row, **scope):
    """(a new row in ``scope``, CREATE), or (``row`` read again within ``scope``, UPDATE)."""
    if row is None:
        return model(**scope), AuditAction.CREATE
    return model.objects.get(pk=row.pk, **scope), AuditAction.UPDATE


def _raise(errors: dict[str, list[str]]) -> None:
    if errors:
        raise ValidationFailed(_("Controleer de gemarkeerde velden."), field_errors=errors)


@transaction.atomic
def programme_start(*, actor, region) -> Programme:
    """Start the region's programme for the Regeling's term, with a section per step."""
    if not keeps(actor, region.pk):
        raise Refused(_("Alleen de regionaal coördinator van de regio start het programma."))
    if Programme.objects.filter(region=region).exists():
        raise Refused(_("Deze regio heeft al een regionaal programma."))
    programme = Programme.objects.create(region=region, updated_by=actor)
    Section.objects.bulk_create(Section(programme=programme, step=step) for step in Step)
    _audit(actor, AuditAction.CREATE, programme, {"region": region.code})
    return programme


@transaction.atomic
def programme_parties_save(*, actor, programme: Programme, contact_municipality=None,
                           **texts: str) -> Programme:
    """The parties and the governance (seed 000 §6.2 stap 1): contactgemeente, contactschool,
    kerngroep, the regional bestuurlijk overleg's participants, frequency and decisions."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    _may_edit(actor, programme)
    errors: dict[str, list[str]] = {}
    unknown = set(texts) - set(TEXT_LIMITS)
    if unknown:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    cleaned = {k: (texts.get(k) or "").strip() for k in TEXT_LIMITS}
    for key, limit in TEXT_LIMITS.items():
        if len(cleaned[key]) > limit:
            errors.setdefault(key, []).append(_("Hoogstens %(n)s tekens.") % {"n": limit})
    if contact_municipality is not None and \
            contact_municipality.doorstroompunt_region_id != programme.region_id:
        errors["contact_municipality"] = [_("De contactgemeente ligt in de regio.")]
    _raise(errors)
    for key, value in cleaned.items():
        setattr(programme, key, value)
    programme.contact_municipality, programme.updated_by = contact_municipality, actor
    programme.save()
    _audit(actor, AuditAction.UPDATE, programme, {"part": "parties"})
    return programme


@transaction.atomic
def section_save(*, actor, section: Section, status: str, text: str) -> Section:
    section = Section.objects.select_for_update().select_related("programme").get(pk=section.pk)
    _may_edit(actor, section.programme)
    errors: dict[str, list[str]] = {}
    if status not in Section.Status.values:
        errors["status"] = [_("Kies een status.")]
    if len(text.strip()) > 20000:
        errors["text"] = [_("Hoogstens %(n)s tekens.") % {"n": 20000}]
    if status == Section.Status.READY and not text.strip():
        errors["text"] = [_("Een onderdeel dat gereed is, heeft een tekst.")]
    _raise(errors)
    section.status, section.text = status, text.strip()
    section.save(update_fields=["status", "text"])
    _audit(actor, AuditAction.UPDATE, section, {"step": section.step, "status": status})
    return section


@transaction.atomic
def programme_target_save(*, actor, programme: Programme, kind: str, year: int | None,
                          maximum: int | None, justification: str,
                          reference_value: int | None = None) -> ProgrammeTarget:
    """Set a streefcijfer (law.R_PROGRAMME_TARGETS): a maximum per (school) year, with its
    justification; for new VSV beside the OCW reference value the region entered."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    _may_edit(actor, programme)
    errors: dict[str, list[str]] = {}
    if kind not in ProgrammeTarget.Kind.values:
        errors["kind"] = [_("Kies het streefcijfer.")]
    elif year not in law.PROGRAMME_YEARS:  # VSV: school years 2026/2027 to 2029/2030
        errors["year"] = [_("Kies een jaar van de looptijd, 2026 tot en met 2029.")]
    if maximum is None or not 0 <= maximum <= 1_000_000:
        errors["maximum"] = [_("Vul een aantal van 0 tot 1.000.000 in.")]
    if reference_value is not None and not 0 <= reference_value <= 1_000_000:
        errors["reference_value"] = [_("Vul een aantal van 0 tot 1.000.000 in.")]
    if not justification.strip():
        errors["justification"] = [_("Onderbouw het streefcijfer: de Regeling vraagt het.")]
    elif len(justification.strip()) > 4000:
        errors["justification"] = [_("Hoogstens %(n)s tekens.") % {"n": 4000}]
    _raise(errors)
    target, created = ProgrammeTarget.objects.update_or_create(
        programme=programme, kind=kind, year=year,
        defaults={"maximum": maximum, "reference_value": reference_value,
                  "justification": justification.strip()})
    _audit(actor, AuditAction.CREATE if created else AuditAction.UPDATE, target,
           {"kind": kind, "year": year, "maximum": maximum})
    return target


@transaction.atomic
def programme_target_delete(*, actor, target: ProgrammeTarget) -> None:
    target = ProgrammeTarget.objects.select_related("programme").get(pk=target.pk)
    _may_edit(actor, target.programme)
    _audit(actor, AuditAction.DELETE, target, {"kind": target.kind, "year": target.year})
    target.delete()


def _texts(values: dict[str, str], limits: dict[str, int], required: dict[str, str],
           errors: dict[str, list[str]]) -> dict[str, str]:
    cleaned = {k: (values.get(k) or "").strip() for k in limits}
    for key, limit in limits.items():
        if len(cleaned[key]) > limit:
            errors.setdefault(key, []).append(_("Hoogstens %(n)s tekens.") % {"n": limit})
    for key, message in required.items():
        if not cleaned[key]:
            errors.setdefault(key, []).append(message)
    return cleaned


@transaction.atomic
def agreement_save(*, actor, programme: Programme, theme, title: str, text: str,
                   parties: str = "", agreement: Agreement | None = None) -> Agreement:
    """Record a samenwerkingsafspraak on a theme of the national format."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    _may_edit(actor, programme)
    errors: dict[str, list[str]] = {}
    cleaned = _texts({"title": title, "text": text, "parties": parties},
                     {"title": 200, "text": 20000, "parties": 300},
                     {"title": _("Geef de afspraak een titel."),
                      "text": _("Beschrijf wat de partijen afspreken.")}, errors)
    if theme is None or not theme.active:
        errors["theme"] = [_("Kies een onderwerp.")]
    _raise(errors)
    agreement, action = _new_or_kept(Agreement, agreement, programme=programme)
    agreement.theme = theme
    for key, value in cleaned.items():
        setattr(agreement, key, value)
    agreement.save()
    _audit(actor, action, agreement, {"theme": theme.code})
    return agreement


MEASURE_TEXTS = {"title": 200, "description": 20000, "section": 10, "agenda_reference": 300,
                 "financial_agreement": 4000}


@transaction.atomic
def measure_save(*, actor, programme: Programme, values: dict[str, str],
                 conditions: dict[str, str], final: bool, labour_market_region=None,
                 measure: Measure | None = None) -> Measure:
    """Keep an aanvullende maatregel with a justification per condition (law.R_MEASURES). It
    can be final only when every condition is justified; with arbeidsmarktregio partners it
    names its place in the meerjarenagenda and the financial agreement."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    _may_edit(actor, programme)
    errors: dict[str, list[str]] = {}
    cleaned = _texts(values, MEASURE_TEXTS,
                     {"title": _("Geef de maatregel een naam."),
                      "description": _("Beschrijf de maatregel.")}, errors)
    known = {c.code for c in law.MEASURE_CONDITIONS}
    justified = {code: (text or "").strip() for code, text in conditions.items()
                 if code in known and (text or "").strip()}
    for code, text in justified.items():
        if len(text) > 4000:
            errors[f"condition_{code}"] = [_("Hoogstens %(n)s tekens.") % {"n": 4000}]
    open_conditions = law.measure_problem(justified)
    if final and open_conditions:
        for code in open_conditions:
            errors.setdefault(f"condition_{code}", []).append(
                _("Onderbouw deze voorwaarde; zonder onderbouwing is de maatregel niet "
                  "definitief."))
        errors.setdefault("final", []).append(
            _("Een maatregel wordt pas definitief als elke voorwaarde is onderbouwd."))
    if labour_market_region is not None:
        if not RegionOverlap.objects.filter(doorstroompunt_region=programme.region,
                                            labour_market_region=labour_market_region).exists():
            errors["labour_market_region"] = [_("Kies een arbeidsmarktregio die de regio "
                                                "overlapt.")]
        if not cleaned["financial_agreement"]:
            errors["financial_agreement"] = [_("Leg de financiële afspraak tussen "
                                               "contactgemeente en centrumgemeente vast.")]
    _raise(errors)
    measure, action = _new_or_kept(Measure, measure, programme=programme)
    for key, value in cleaned.items():
        setattr(measure, key, value)
    measure.conditions, measure.final = justified, final
    measure.labour_market_region = labour_market_region
    measure.save()
    _publish(actor, measure)
    _audit(actor, action, measure, {"final": final, "open": open_conditions})
    return measure


def euros(value) -> Decimal | None:
    """An amount as typed in Dutch ("1.250,50", "1250,5", "1250") or a number; None if not."""
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    text = str(value or "").strip().replace("€", "").replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif text.count(".") > 1 or (text.count(".") == 1 and len(text.split(".")[1]) == 3):
        text = text.replace(".", "")  # thousands separators
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _amount(value, errors: dict[str, list[str]], field: str, *, required: bool
            ) -> Decimal | None:
    """A typed amount of euros above 0 (None when empty and not required)."""
    if not required and not str(value or "").strip():
        return None
    amount = euros(value)
    if amount is None or not Decimal("0.01") <= amount <= Decimal("100000000"):
        errors[field] = [_("Vul een bedrag in euro's in, groter dan 0.")]
        return None
    return amount


@transaction.atomic
def budget_line_add(*, actor, programme: Programme, year: int | None, source: str,
                    amount, owner: str, measure: Measure | None = None,
                    overhead: str = "") -> BudgetLine:
    """A cost for a maatregel or for overhead, in a year of the term, from one source."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    _may_edit(actor, programme)
    errors: dict[str, list[str]] = {}
    if (measure is None) == (not overhead):
        errors["measure"] = [_("Kies een maatregel of een soort overhead, niet allebei.")]
    if measure is not None and measure.programme_id != programme.pk:
        errors["measure"] = [_("Kies een maatregel van dit programma.")]
    if overhead and overhead not in Overhead.values:
        errors["overhead"] = [_("Kies een soort overhead.")]
    if year not in law.PROGRAMME_YEARS:
        errors["year"] = [_("Kies een jaar van de looptijd, 2026 tot en met 2029.")]
    if source not in Funding.values:
        errors["source"] = [_("Kies de financieringsbron.")]
    amount = _amount(amount, errors, "amount", required=True)
    owner = (owner or "").strip()
    if not owner:
        errors["owner"] = [_("Wie is eigenaar van deze regel?")]
    elif len(owner) > 200:
        errors["owner"] = [_("Hoogstens %(n)s tekens.") % {"n": 200}]
    _raise(errors)
    line = BudgetLine.objects.create(programme=programme, measure=measure, overhead=overhead,
                                     year=year, source=source, amount=amount, owner=owner)
    _audit(actor, AuditAction.CREATE, line, {"year": year, "source": source,
                                              "amount": str(amount)})
    return line


@transaction.atomic
def budget_line_delete(*, actor, line: BudgetLine) -> None:
    line = BudgetLine.objects.select_related("programme").get(pk=line.pk)
    _may_edit(actor, line.programme)
    _audit(actor, AuditAction.DELETE, line, {"amount": str(line.amount)})
    line.delete()


@transaction.atomic
def programme_sign(*, actor, programme: Programme, party: str, signer_name: str,
                   signer_function: str, signed_on: datetime.date | None) -> Signature:
    """Record a party's signature (law.R_SIGNING). With the last party the version is signed
    and frozen; an earlier signed version then is superseded."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    if party not in signable_parties(actor, programme):
        _may_edit(actor, programme)
    elif programme.frozen:
        raise Refused(_("Deze versie is al ondertekend."))
    problems = signing_problems(programme)
    if problems:
        raise Refused(_("Nog niet te ondertekenen: %(problems)s") % {
            "problems": " ".join(problems)})
    parties = dict(required_parties(programme))
    errors: dict[str, list[str]] = {}
    if party not in parties:
        errors["party"] = [_("Kies een partij die ondertekent.")]
    elif programme.signatures.filter(party=party).exists():
        errors["party"] = [_("Deze partij heeft al ondertekend.")]
    cleaned = _texts({"signer_name": signer_name, "signer_function": signer_function},
                     {"signer_name": 200, "signer_function": 200},
                     {"signer_name": _("Vul de naam van de ondertekenaar in."),
                      "signer_function": _("Vul de functie in: een bevoegd persoon tekent.")},
                     errors)
    if signed_on is None:
        errors["signed_on"] = [_("Vul de datum van ondertekening in.")]
    elif signed_on > timezone.localdate():
        errors["signed_on"] = [_("De datum ligt in de toekomst.")]
    _raise(errors)
    signature = Signature.objects.create(programme=programme, party=party, signed_on=signed_on,
                                         recorded_by=actor, **cleaned)
    _audit(actor, AuditAction.UPDATE, programme, {"signed_by": party})
    if set(parties) <= set(programme.signatures.values_list("party", flat=True)):
        programme.status = Programme.Status.SIGNED
        programme.save(update_fields=["status", "updated_at"])
        Programme.objects.filter(region=programme.region, version__lt=programme.version,
                                 status=Programme.Status.SIGNED).update(
            status=Programme.Status.SUPERSEDED)
        _audit(actor, AuditAction.UPDATE, programme, {"status": "signed"})
    return signature


@transaction.atomic
def programme_amend(*, actor, programme: Programme) -> Programme:
    """A new version of a signed programme, to amend during the term: a copy of its parties,
    sections, streefcijfers, agreements, maatregelen and budget, in preparation."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    if not keeps(actor, programme.region_id):
        raise Refused(KEEPER_ONLY)
    if programme.status != Programme.Status.SIGNED:
        raise Refused(_("Alleen een ondertekende versie krijgt een nieuwe versie."))
    if Programme.objects.filter(region=programme.region, version__gt=programme.version).exists():
        raise Refused(_("Er is al een nieuwere versie."))
    old_pk = programme.pk
    copy = Programme.objects.get(pk=old_pk)
    copy.pk, copy.version, copy.status, copy.updated_by = None, programme.version + 1, \
        Programme.Status.DRAFT, actor
    copy.save()
    for model in (Section, ProgrammeTarget, Agreement, Responsibility, ParticipationSession):
        rows = list(model.objects.filter(programme_id=old_pk))
        for row in rows:
            row.pk, row.programme = None, copy
        model.objects.bulk_create(rows)
    measures = {}
    for measure in Measure.objects.filter(programme_id=old_pk):
        old = measure.pk
        measure.pk, measure.programme = None, copy
        measure.save()
        measures[old] = measure
    lines = list(BudgetLine.objects.filter(programme_id=old_pk))
    for line in lines:
        line.pk, line.programme = None, copy
        line.measure = measures.get(line.measure_id)
    BudgetLine.objects.bulk_create(lines)
    _audit(actor, AuditAction.CREATE, copy, {"amends": programme.version})
    return copy


def _publish(actor, measure: Measure) -> None:
    """A final maatregel is an offer in the region's catalogue, so a coach can tag a
    trajectory with it (issue 15 §4); a maatregel no longer final leaves the catalogue."""
    provision = measure.provision
    if provision is None and not measure.final:
        return
    if provision is None:
        region = measure.programme.region
        provision = Instrument(code=f"maatregel-{region.code.lower()}-{measure.pk}",
                               scope=Instrument.Scope.REGION, region=region,
                               source=law.REGELING)
    provision.name = measure.title[:150]
    provision.description = measure.description[:4000]
    provision.provider = _("Regionaal programma %(region)s") % {
        "region": measure.programme.region.name}
    provision.active = measure.final
    provision.updated_by = actor
    provision.save()
    if measure.provision_id != provision.pk:
        measure.provision = provision
        measure.save(update_fields=["provision"])
    audit_record(user=actor, action=AuditAction.UPDATE, object_type=Instrument.AUDIT_TYPE,
                 object_id=str(provision.pk), purpose=Purpose.MANAGEMENT,
                 detail={"measure": measure.pk, "active": provision.active})


def signable_parties(actor, programme: Programme) -> list[str]:
    """The parties the actor records a signature for without keeping the programme: a
    centrumgemeente's policy team signs for its own gemeente (law.R_PROGRAMME_ROLES)."""
    return [f"centre:{m.code}" for m in centres_for(actor, programme.region)]


PARTICIPATION_TEXTS = {"groups": 300, "compensation": 200, "input": 8000, "effect": 8000}


@transaction.atomic
def participation_save(*, actor, programme: Programme, held_on: datetime.date | None,
                       form: str, values: dict[str, str], participants: int | None = None,
                       step: str = "") -> ParticipationSession:
    """Record how youth were involved (seed 000 §6.2 stap 4): the session or panel, who took
    part and their compensation, their input and what the programme did with it."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    _may_edit(actor, programme)
    errors: dict[str, list[str]] = {}
    cleaned = _texts(values, PARTICIPATION_TEXTS,
                     {"groups": _("Vul in welke jongeren meededen."),
                      "input": _("Vul de inbreng van de jongeren in.")}, errors)
    if held_on is None:
        errors["held_on"] = [_("Vul de datum in.")]
    elif held_on > timezone.localdate():
        errors["held_on"] = [_("De datum ligt in de toekomst; leg de inbreng vast na de "
                               "bijeenkomst.")]
    if form not in ParticipationSession.Form.values:
        errors["form"] = [_("Kies de vorm.")]
    if step and step not in Step.values:
        errors["step"] = [_("Kies een onderdeel van het programma.")]
    if cleaned["effect"] and not step:
        errors["step"] = [_("Kies het onderdeel dat door de inbreng veranderde.")]
    if participants is not None and not 1 <= participants <= 10000:
        errors["participants"] = [_("Vul een aantal tussen 1 en 10.000 in.")]
    _raise(errors)
    session = ParticipationSession.objects.create(
        programme=programme, held_on=held_on, form=form, participants=participants, step=step,
        **cleaned)
    _audit(actor, AuditAction.CREATE, session, {"form": form})
    return session


@transaction.atomic
def participation_delete(*, actor, session: ParticipationSession) -> None:
    session = ParticipationSession.objects.select_related("programme").get(pk=session.pk)
    _may_edit(actor, session.programme)
    _audit(actor, AuditAction.DELETE, session, {})
    session.delete()


@transaction.atomic
def contribution_add(*, actor, region, text: str, step: str = "", about=None) -> Contribution:
    """A party's remark on a step, or a centrumgemeente's advice to a gemeente of its
    arbeidsmarktregio on its verordening (law.R_PROGRAMME_ROLES)."""
    errors: dict[str, list[str]] = {}
    cleaned = _texts({"text": text}, {"text": 4000},
                     {"text": _("Schrijf uw bijdrage.")}, errors)
    if about is None:
        parties = contributes_for(actor, region)
        if not parties:
            raise Refused(_("Alleen de gemeenten van de regio en hun centrumgemeente(n) dragen "
                            "bij aan het programma."))
        kind = Contribution.Kind.REMARK
        if step and step not in Step.values:
            errors["step"] = [_("Kies een onderdeel van het programma.")]
    else:
        parties = [c for c in centres_for(actor, region)
                   if c.labour_market_region_id == about.labour_market_region_id]
        if not parties:
            raise Refused(_("Alleen de centrumgemeente van de arbeidsmarktregio adviseert over "
                            "de verordening."))
        kind, step = Contribution.Kind.ADVICE, ""
    _raise(errors)
    contribution = Contribution.objects.create(
        region=region, kind=kind, step=step, about=about, author=actor,
        author_name=actor.get_full_name() or actor.username,
        on_behalf_of=", ".join(m.name for m in parties), **cleaned)
    _audit(actor, AuditAction.CREATE, contribution, {"kind": kind})
    return contribution


def _may_keep_region(actor, region) -> None:
    if not keeps(actor, region.pk):
        raise Refused(KEEPER_ONLY)


@transaction.atomic
def subsidy_advance(*, actor, region, status: str, on: datetime.date | None, note: str = "",
                    amount=None) -> SubsidyApplication:
    """Move the subsidy application on along law.SUBSIDY_TRANSITIONS: submitted (and
    amended) with the amount asked, granted with the amount granted."""
    _may_keep_region(actor, region)
    application, _created = SubsidyApplication.objects.select_for_update().get_or_create(
        region=region)
    errors: dict[str, list[str]] = {}
    allowed = law.SUBSIDY_TRANSITIONS[law.SubsidyStatus(application.status)]
    if status not in allowed:
        errors["status"] = [_("Deze stap volgt niet op de huidige status.")]
    if on is None:
        errors["on"] = [_("Vul de datum in.")]
    elif on > timezone.localdate():
        errors["on"] = [_("De datum ligt in de toekomst.")]
    elif application.history and on.isoformat() < application.history[-1]["on"]:
        errors["on"] = [_("De datum ligt voor de vorige stap.")]
    value = _amount(amount, errors, "amount", required=status in (
        law.SubsidyStatus.SUBMITTED, law.SubsidyStatus.AMENDED, law.SubsidyStatus.GRANTED))
    note = (note or "").strip()
    if len(note) > 1000:
        errors["note"] = [_("Hoogstens %(n)s tekens.") % {"n": 1000}]
    _raise(errors)
    if status == law.SubsidyStatus.GRANTED:
        application.amount_granted = value
    elif value is not None:
        application.amount_requested = value
    application.status = status
    application.history = [*application.history,
                           {"status": status, "on": on.isoformat(), "note": note}]
    application.save()
    _audit(actor, AuditAction.UPDATE, application, {"status": status})
    return application


@transaction.atomic
def proposal_save(*, actor, region, values: dict[str, str], amount, criteria: dict[str, bool],
                  decision: str, proposal: Proposal | None = None) -> Proposal:
    """A proposal in a round for the regional budget, judged on the five conditions of a
    maatregel (law.MEASURE_CONDITIONS): it is granted only when it meets all five; a decision
    carries its reason."""
    _may_keep_region(actor, region)
    errors: dict[str, list[str]] = {}
    cleaned = _texts(values, {"round": 60, "title": 200, "applicant": 200, "reason": 4000},
                     {"round": _("Vul de ronde in."), "title": _("Geef het voorstel een naam."),
                      "applicant": _("Vul de indiener in.")}, errors)
    value = _amount(amount, errors, "amount", required=True)
    known = [c.code for c in law.MEASURE_CONDITIONS]
    met = {code: bool(criteria.get(code)) for code in known}
    if decision not in Proposal.Decision.values:
        errors["decision"] = [_("Kies het besluit.")]
    elif decision != Proposal.Decision.PENDING and not cleaned["reason"]:
        errors["reason"] = [_("Geef de reden van het besluit.")]
    if decision == Proposal.Decision.GRANTED and not all(met.values()):
        errors["decision"] = [_("Een voorstel dat niet aan elke voorwaarde voldoet, wordt niet "
                                "toegekend.")]
    _raise(errors)
    proposal, action = _new_or_kept(Proposal, proposal, region=region)
    for key, text in cleaned.items():
        setattr(proposal, key, text)
    proposal.amount, proposal.criteria, proposal.decision = value, met, decision
    proposal.save()
    _audit(actor, action, proposal, {"decision": decision})
    return proposal


@transaction.atomic
def effect_report_save(*, actor, region, year: int, realised: dict[str, str],
                       explanations: dict[str, str], progress: dict[str, str],
                       partner_text: str = "", submitted_on: datetime.date | None = None
                       ) -> EffectReport:
    """What the partners enter in the year's effectrapportage (law.R_EFFECT_REPORT): the
    realised figures where DUO or CBS is the source, why a streefcijfer was or was not met,
    progress per afspraak and maatregel, their own text, and when it went to DUO."""
    _may_keep_region(actor, region)
    errors: dict[str, list[str]] = {}
    if year not in law.PROGRAMME_YEARS:
        raise ValidationFailed(_("Kies een jaar van het programma."))
    numbers = {}
    for key, raw in realised.items():
        raw = (raw or "").strip()
        if not raw:
            continue
        if not raw.isdigit() or int(raw) > 1_000_000:
            errors[f"realised_{key}"] = [_("Vul een heel aantal in.")]
        else:
            numbers[key] = int(raw)
    texts = {}
    for prefix, given in (("explanation", explanations), ("progress", progress)):
        for key, text in given.items():
            text = (text or "").strip()
            if len(text) > 8000:
                errors[f"{prefix}_{key}"] = [_("Hoogstens %(n)s tekens.") % {"n": 8000}]
            elif text:
                texts[(prefix, key)] = text
    partner_text = (partner_text or "").strip()
    if len(partner_text) > 20000:
        errors["partner_text"] = [_("Hoogstens %(n)s tekens.") % {"n": 20000}]
    if submitted_on is not None and submitted_on > timezone.localdate():
        errors["submitted_on"] = [_("De datum ligt in de toekomst.")]
    _raise(errors)
    report, created = EffectReport.objects.select_for_update().get_or_create(
        region=region, year=year)
    report.realised = numbers
    report.explanations = {k: v for (p, k), v in texts.items() if p == "explanation"}
    report.progress = {k: v for (p, k), v in texts.items() if p == "progress"}
    report.partner_text, report.submitted_on, report.updated_by = \
        partner_text, submitted_on, actor
    report.save()
    _audit(actor, AuditAction.CREATE if created else AuditAction.UPDATE, report,
           {"year": year, "submitted": bool(submitted_on)})
    return report


@transaction.atomic
def responsibility_add(*, actor, programme: Programme, part: str, task: str,
                       party: str) -> Responsibility:
    """Who is responsible for carrying out, monitoring or evaluating a part (stap 7)."""
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    _may_edit(actor, programme)
    errors: dict[str, list[str]] = {}
    cleaned = _texts({"part": part, "party": party}, {"part": 200, "party": 200},
                     {"part": _("Noem het onderdeel."), "party": _("Noem de partij.")}, errors)
    if task not in Responsibility.Task.values:
        errors["task"] = [_("Kies uitvoering, monitoring of evaluatie.")]
    _raise(errors)
    row = Responsibility.objects.create(programme=programme, task=task, **cleaned)
    _audit(actor, AuditAction.CREATE, row, {"responsibility": task})
    return row


@transaction.atomic
def responsibility_delete(*, actor, responsibility: Responsibility) -> None:
    row = Responsibility.objects.select_related("programme").get(pk=responsibility.pk)
    _may_edit(actor, row.programme)
    _audit(actor, AuditAction.DELETE, row, {"responsibility": row.task})
    row.delete()
