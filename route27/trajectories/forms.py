"""Forms of the youth file. They parse the page; the rules and their messages live in services."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from route27 import law
from route27.core.forms import date_field
from route27.organisations.models import User
from route27.organisations.roles import CONTACT_PERSON_ROLES, Role
from route27.trajectories.models import (
    Activity,
    FollowUp,
    Instrument,
    Intensity,
    JointAssessment,
    LifeDomain,
    OutflowReason,
    Placement,
    PlanAction,
)
from route27.trajectories.route_facts import facts_errors, facts_from
from route27.trajectories.workflow import ORDER, Step

# Dutch names for the engine's codes. Routes and school types have theirs next to the enum
# (law.ROUTE_LABELS, law.SCHOOL_TYPE_LABELS).
LEGAL_BASIS_LABELS = {
    law.LegalBasis.JOB_SEEKER: _("Pw art. 7a lid 1 sub a: werkzoekende jongere"),
    law.LegalBasis.SCHOOL_REQUEST: _("Pw art. 7a lid 1 sub b: op verzoek van een pro-, vso- of "
                                     "mbo-school"),
    law.LegalBasis.STUDENT_REQUEST: _("Pw art. 7a lid 1 sub c: op verzoek van de hbo/wo-student"),
    law.LegalBasis.HARDSHIP: _("Pw art. 7a lid 7: hardheidsclausule"),
}
ARRIVAL_LABELS = {
    law.Arrival.TRANSFER_PRO: _("Overdracht door praktijkonderwijs"),
    law.Arrival.TRANSFER_VSO: _("Overdracht door het voortgezet speciaal onderwijs"),
    law.Arrival.TRANSFER_MBO: _("Overdracht door een mbo-school"),
    law.Arrival.TRANSFER_DOORSTROOMPUNT: _("Overdracht door het Doorstroompunt"),
    law.Arrival.SCHOOL_REQUEST: _("Verzoek van een pro-, vso- of mbo-school (tijdens school)"),
    law.Arrival.STUDENT_REQUEST: _("Verzoek van de hbo/wo-student zelf"),
    law.Arrival.UWV: _("Via UWV (bijvoorbeeld einde WW)"),
    law.Arrival.BIJSTAND: _("Bijstandsaanvraag"),
    law.Arrival.SELF: _("De jongere meldde zich zelf"),
    law.Arrival.OTHER: _("Anders"),
}
DIPLOMA_LABELS = {
    law.Diploma.NONE: _("Geen diploma"),
    law.Diploma.VMBO: _("vmbo"),
    law.Diploma.PRO: _("Praktijkonderwijs (certificaat)"),
    law.Diploma.VSO: _("Voortgezet speciaal onderwijs"),
    law.Diploma.MBO1: _("mbo 1 (entreeopleiding)"),
    law.Diploma.MBO2: _("mbo 2"),
    law.Diploma.MBO3: _("mbo 3"),
    law.Diploma.MBO4: _("mbo 4"),
    law.Diploma.HAVO: _("havo"),
    law.Diploma.VWO: _("vwo"),
    law.Diploma.HBO: _("hbo"),
    law.Diploma.WO: _("wo"),
}
JUDGEMENT_LABELS = {
    law.Judgement.YES: _("Ja"),
    law.Judgement.NO: _("Nee"),
    law.Judgement.OPEN: _("Nog open: afweging van de professional"),
}
DOCUMENT_CONSENT_LABELS = {
    law.Judgement.YES: _("Ja, toestemming gegeven"),
    law.Judgement.NO: _("Nee, toestemming geweigerd"),
    law.Judgement.OPEN: _("Nog niet bekend"),
}
UWV_BENEFIT_LABELS = {
    law.UwvBenefit.NONE: _("Geen uitkering van UWV"),
    law.UwvBenefit.WAJONG: _("Wajong"),
    law.UwvBenefit.WW: _("WW"),
    law.UwvBenefit.WIA: _("WIA"),
}
CONTACT_ROLE_ORDER = [Role.DOORSTROOMCOACH, Role.JONGERENCOACH_WERK, Role.LEERPLICHTAMBTENAAR,
                      Role.CONSULENT_WI]
assert set(CONTACT_ROLE_ORDER) == set(CONTACT_PERSON_ROLES)

RADIO_CLASS = "utrecht-radio-button utrecht-radio-button--html-input"


def legal_basis_label(code: str | None) -> str:
    try:
        return str(LEGAL_BASIS_LABELS[law.LegalBasis(code)]) if code else ""
    except ValueError:
        return code or ""


def requested_by_label(value: str | None) -> str:
    """Who asked; the engine falls back to the arrival code, shown here in Dutch."""
    try:
        return str(ARRIVAL_LABELS[law.Arrival(value)])
    except ValueError:
        return value or ""


def _choices(labels: dict, blank: str | None = None) -> list[tuple[str, str]]:
    rows = [(str(code), label) for code, label in labels.items()]
    return [("", blank), *rows] if blank is not None else rows


def text_area(label, *, required: bool = False, rows: int = 3, message=None,
              conditional: bool = False, **kwargs) -> forms.CharField:
    """A free-text field. ``conditional``: required in some cases only (the service refuses it
    empty then, the help text says when), so the label carries no "(niet verplicht)"."""
    field = forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": rows}),
        max_length=5000, error_messages={"required": message or _("Vul dit veld in.")}, **kwargs)
    field.conditional = conditional
    return field


def choice(label, choices, *, required: bool = True, message=None, radio: bool = False,
           **kwargs) -> forms.ChoiceField:
    widget = forms.RadioSelect(attrs={"class": RADIO_CLASS}) if radio else forms.Select
    msg = message or _("Maak een keuze.")
    return forms.ChoiceField(label=label, choices=choices, required=required, widget=widget,
                             error_messages={"required": msg, "invalid_choice": msg}, **kwargs)


class StartForm(forms.Form):
    requested_by = forms.CharField(
        label=_("Aangemeld door"), max_length=100, required=False,
        help_text=_("Bijvoorbeeld de school, het Doorstroompunt, UWV of de jongere zelf."))


class MoveForm(forms.Form):
    to = choice(_("Naar stap"), [], message=_("Kies de stap."))
    reason = text_area(_("Reden"), conditional=True, help_text=_(
        "Verplicht bij overslaan, terugzetten of heropenen van stappen (S3 §6)."))

    def __init__(self, *args, current: str, **kwargs):
        super().__init__(*args, **kwargs)
        targets = [s for s in ORDER if s not in (current, Step.AFTERCARE)]
        self.fields["to"].choices = [("", _("Kies een stap")),
                                     *((s.value, s.label) for s in targets)]


class HandBackForm(forms.Form):
    reason = text_area(_("Reden"), required=True, message=_("Geef een reden."), help_text=_(
        "Waarom blijkt school mogelijk? Het Doorstroompunt begeleidt de jongere terug naar "
        "school (Pw art. 7a lid 2)."))


INTAKE_PARTS = (("situation", _("Situatie")), ("possibilities", _("Mogelijkheden")),
                ("barriers", _("Belemmeringen")), ("support_need", _("Ondersteuningsbehoefte")))


class IntakeForm(forms.Form):
    """All life domains of the municipality; each with four open questions."""

    wishes = text_area(_("Wensen van de jongere"), rows=4)
    intensity = choice(_("Intensiteit van de ondersteuning"), Intensity.choices, radio=True,
                       message=_("Kies de intensiteit."))
    multi_problem = forms.BooleanField(
        label=_("Er is sprake van multiproblematiek"), required=False,
        help_text=_("Het sociaal team neemt dan de regie; de coach blijft aanspreekpunt voor "
                    "school of werk (S3 §1)."))

    def __init__(self, *args, domains, **kwargs):
        super().__init__(*args, **kwargs)
        self.domains = list(domains)
        for domain in self.domains:
            for part, label in INTAKE_PARTS:
                self.fields[f"{domain.code}__{part}"] = text_area(label, rows=2)

    def domain_groups(self):
        return [(domain, [self[f"{domain.code}__{part}"] for part, _label in INTAKE_PARTS])
                for domain in self.domains]


def intake_initial(intake) -> dict:
    if intake is None:
        return {}
    initial = {"wishes": intake.wishes, "intensity": intake.intensity,
               "multi_problem": intake.multi_problem}
    for answer in intake.answers.all():
        for part, _label in INTAKE_PARTS:
            initial[f"{answer.domain.code}__{part}"] = getattr(answer, part)
    return initial


class RouteFactsForm(forms.Form):
    """Facts for the art. 7a engine. Birth date and reference date come from the file."""

    arrival = choice(_("Hoe kwam de jongere binnen?"), _choices(ARRIVAL_LABELS, _("Kies")),
                     message=_("Kies hoe de jongere binnenkwam."))
    requested_by = forms.CharField(label=_("Wie vroeg om ondersteuning?"), max_length=100,
                                   required=False,
                                   help_text=_("Bijvoorbeeld de naam van de school."))
    highest_diploma = choice(_("Hoogste diploma"), _choices(DIPLOMA_LABELS, _("Onbekend")),
                             required=False,
                             help_text=_("Startkwalificatie: havo, vwo of mbo 2, 3 of 4."))
    in_school = forms.BooleanField(label=_("Gaat nu naar school (initieel voltijdsonderwijs)"),
                                   required=False)
    school_type = choice(_("Soort (vorige) school"),
                         _choices(law.SCHOOL_TYPE_LABELS, _("Onbekend")), required=False)
    school_left_on = date_field(_("School verlaten op"), required=False)
    diploma_on = date_field(_("Diploma behaald op"), required=False)
    school_possible = choice(_("Is terugkeer naar school mogelijk en passend?"),
                             _choices(JUDGEMENT_LABELS), radio=True, initial=law.Judgement.OPEN,
                             message=_("Kies ja, nee of nog open."))
    wants_retraining = forms.BooleanField(label=_("Wil omscholen (met startkwalificatie)"),
                                          required=False)
    uwv_sheltered_work_indication = forms.BooleanField(
        label=_("UWV heeft een indicatie beschut werk gegeven"), required=False)
    bijstand_granted = forms.BooleanField(label=_("Bijstand is toegekend"), required=False)
    multi_problem = forms.BooleanField(label=_("Er is sprake van multiproblematiek"),
                                       required=False)
    hardship_justification = text_area(
        _("Rechtvaardiging hardheidsclausule"),
        help_text=_("Alleen bij 27 jaar of ouder: waarom wordt de ondersteuning voortgezet "
                    "(Participatiewet art. 7a lid 7)?"))
    on_bbl_job = forms.BooleanField(
        label=_("Werkt op een bbl-leerbaan (er loopt al een leerwerktraject)"), required=False,
        help_text=_("Een bbl-leerbaan is geen initieel voltijdsonderwijs; een nieuwe beoordeling "
                    "of school mogelijk is, is dan niet nodig."))
    learn_work_possible = choice(
        _("Is een leerwerktraject mogelijk en passend?"), _choices(JUDGEMENT_LABELS), radio=True,
        required=False, initial=law.Judgement.OPEN, message=_("Kies ja, nee of nog open."),
        help_text=_("Zonder startkwalificatie, als school niet mogelijk of passend is, gaat een "
                    "leerwerktraject voor (Participatiewet art. 7a lid 3). Nee: ondersteuning "
                    "naar werk."))
    uwv_benefit = choice(
        _("Uitkering van UWV"), _choices(UWV_BENEFIT_LABELS, _("Nog niet gevraagd")),
        required=False, help_text=_("Wajong, WW of WIA: ondersteuning alleen met afspraken met "
                                    "UWV of als UWV de jongere overdraagt (Participatiewet art. "
                                    "7a lid 5)."))
    uwv_agreement = choice(
        _("Zijn er afspraken met UWV over ondersteuning van deze jongere?"),
        _choices(JUDGEMENT_LABELS), radio=True, required=False, initial=law.Judgement.OPEN,
        message=_("Kies ja, nee of nog open."))
    uwv_benefit_ending = forms.BooleanField(
        label=_("De uitkering loopt af en UWV draagt de jongere over"), required=False)
    can_earn_minimum_wage = choice(
        _("Kan de jongere het wettelijk minimumloon verdienen?"), _choices(JUDGEMENT_LABELS),
        radio=True, required=False, initial=law.Judgement.OPEN,
        message=_("Kies ja, nee of nog open."),
        help_text=_("Loonkostensubsidie alleen als dat niet kan."))
    search_period_waived = choice(
        _("Bij een bijstandsaanvraag: meteen ondersteunen, zonder zoektermijn van vier weken?"),
        _choices(JUDGEMENT_LABELS), radio=True, required=False, initial=law.Judgement.OPEN,
        message=_("Kies ja, nee of nog open."),
        help_text=_("Een afweging van de gemeente, gelet op de persoonlijke omstandigheden "
                    "(Participatiewet art. 7a lid 6)."))
    document_consent = choice(
        _("Bij overdracht door de school: is ingestemd met het overgangsdocument?"),
        _choices(DOCUMENT_CONSENT_LABELS), radio=True, required=False,
        initial=law.Judgement.OPEN, message=_("Kies ja, nee of nog open."),
        help_text=_("De jongere stemt in, of een ouder als de jongere minderjarig is. Zonder "
                    "toestemming gaat het overgangsdocument niet mee."))

    def clean(self):
        data = super().clean()
        for name, messages in facts_errors(data, today=timezone.localdate()).items():
            for message in messages:
                self.add_error(name, message)
        return data

    def facts(self, *, birth, today) -> law.Facts:
        return facts_from(self.cleaned_data, birth=birth, today=today)


FACT_KEYS = ("arrival", "requested_by", "highest_diploma", "in_school", "school_type",
             "school_left_on", "diploma_on", "school_possible", "wants_retraining",
             "uwv_sheltered_work_indication", "bijstand_granted", "multi_problem",
             "hardship_justification", "on_bbl_job", "learn_work_possible", "uwv_benefit",
             "uwv_agreement", "uwv_benefit_ending", "can_earn_minimum_wage",
             "search_period_waived", "document_consent")


def facts_initial(decision, trajectory) -> dict:
    """Start from the facts of the last proposal, so a coach only changes what changed."""
    initial = {"multi_problem": trajectory.multi_problem, "requested_by": trajectory.requested_by,
               **{name: law.Judgement.OPEN for name in (
                   "school_possible", "learn_work_possible", "uwv_agreement",
                   "can_earn_minimum_wage", "search_period_waived", "document_consent")}}
    if decision is not None:
        initial.update({k: v for k, v in decision.facts.items()
                        if k in FACT_KEYS and v is not None})
    if initial.get("requested_by") and initial["requested_by"] == initial.get("arrival"):
        initial["requested_by"] = ""  # no one named: the arrival stood in (route_facts)
    return initial


class RouteConfirmForm(forms.Form):
    route = choice(_("Vast te stellen route"), _choices(law.ROUTE_LABELS),
                   message=_("Kies een route."))
    reason = text_area(_("Reden van afwijking"), rows=3, conditional=True, help_text=_(
        "Verplicht als u een andere route kiest dan het voorstel."))


class ContactPersonForm(forms.Form):
    user = forms.ModelChoiceField(
        label=_("Medewerker"), queryset=User.objects.none(), empty_label=_("Kies een medewerker"),
        error_messages={"required": _("Kies een medewerker."),
                        "invalid_choice": _("Kies een medewerker uit het team.")})
    role = choice(_("Rol als vaste contactpersoon"),
                  [("", _("Kies een rol")), *((r.value, r.label) for r in CONTACT_ROLE_ORDER)],
                  message=_("Kies de rol."))
    handover_note = text_area(_("Overdrachtsnotitie (warme overdracht)"), rows=4, help_text=_(
        "Wat moet de nieuwe contactpersoon weten? Geen bijzonder gevoelige gegevens."))
    reason = text_area(_("Reden van de wissel"), conditional=True,
                       help_text=_("Verplicht als er al een contactpersoon is."))

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.team = team
        self.fields["user"].queryset = (
            User.objects.filter(memberships__team=team, memberships__is_active=True,
                                memberships__role__in=CONTACT_PERSON_ROLES)
            .distinct().order_by("last_name", "first_name", "username"))
        self.fields["user"].label_from_instance = (
            lambda u: u.get_full_name() or u.get_username())

    def clean(self):
        data = super().clean()
        user, role = data.get("user"), data.get("role")
        if user and role and not user.memberships.filter(team=self.team, is_active=True,
                                                         role=role).exists():
            self.add_error("role", _("Deze medewerker heeft niet de rol %(role)s in dit team.")
                           % {"role": Role(role).label})
        return data


class GoalForm(forms.Form):
    domain = forms.ModelChoiceField(
        label=_("Leefgebied"), queryset=None, required=False, empty_label=_("Geen leefgebied"),
        error_messages={"invalid_choice": _("Kies een leefgebied uit de lijst.")})
    description = text_area(_("Doel"), required=True, message=_("Beschrijf het doel."))

    def __init__(self, *args, domains, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domain"].queryset = LifeDomain.objects.filter(pk__in=[d.pk for d in domains])


class ActionForm(forms.Form):
    goal = forms.ModelChoiceField(
        label=_("Bij doel"), queryset=None, empty_label=_("Kies een doel"),
        error_messages={"required": _("Kies het doel."),
                        "invalid_choice": _("Kies een doel uit het plan.")})
    description = text_area(_("Actie"), required=True, message=_("Beschrijf de actie."))
    owner = choice(_("Wie voert de actie uit?"), PlanAction.Owner.choices, radio=True,
                   initial=PlanAction.Owner.COACH, message=_("Kies wie de actie uitvoert."))
    owner_name = forms.CharField(label=_("Naam uitvoerder"), max_length=200, required=False,
                                 help_text=_("Bijvoorbeeld de naam van de partner."))
    due_on = date_field(_("Uiterlijk klaar op"), required=False)
    provision = forms.ModelChoiceField(
        label=_("Voorziening uit de catalogus"), queryset=None, required=False,
        empty_label=_("Geen"), help_text=_("Wie kan ik bellen? De catalogus toont aanbieder en "
                                           "contactpersoon."))

    def __init__(self, *args, trajectory, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = trajectory.goals.all()
        self.fields["goal"].label_from_instance = lambda g: g.description[:80]
        from route27.trajectories.catalogue.selectors import offered_in

        self.fields["provision"].queryset = offered_in(trajectory.youth.municipality)


class ActionStatusForm(forms.Form):
    status = choice(_("Status"), PlanAction.Status.choices, message=_("Kies een geldige status."))


class ActivityForm(forms.Form):
    kind = choice(_("Soort activiteit of contact"), [("", _("Kies")), *Activity.Kind.choices],
                  message=_("Kies het soort activiteit."))
    on = date_field(_("Datum"))
    description = text_area(_("Omschrijving"), help_text=Activity._meta.get_field(
        "description").help_text)

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on and on > timezone.localdate():
            raise forms.ValidationError(_("De datum ligt in de toekomst."))
        return on


class InstrumentForm(forms.Form):
    """The instruments the law allows for this youth (``law.Decision.instruments``): one the law
    rules out is not offered; an open one is offered with its question in the label."""

    instrument = forms.ModelChoiceField(
        label=_("Voorziening"), queryset=Instrument.objects.filter(active=True),
        empty_label=_("Kies een voorziening"),
        error_messages={"required": _("Kies een voorziening."),
                        "invalid_choice": _("Kies een voorziening uit de lijst.")})
    started_on = date_field(_("Vanaf"))
    note = text_area(_("Toelichting"))

    def __init__(self, *args, eligibility: dict | None = None, municipality=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.eligibility = eligibility or {}
        ruled_out = [code for code, a in self.eligibility.items()
                     if a.value == law.NO and not a.is_open]
        offered = Instrument.objects.filter(active=True)
        if municipality is not None:  # the catalogue's offer where the youth lives
            from route27.trajectories.catalogue.selectors import offered_in

            offered = offered_in(municipality)
        self.fields["instrument"].queryset = offered.exclude(code__in=ruled_out).exclude(
            law_code__in=ruled_out)

        def label(instrument):
            answer = self.eligibility.get(instrument.law_code or instrument.code)
            if answer is not None and answer.is_open:
                return _("%(name)s — open: %(question)s") % {"name": instrument.name,
                                                             "question": answer.question}
            return instrument.name

        self.fields["instrument"].label_from_instance = label

    def ruled_out(self) -> list[dict]:
        """The instruments not offered, with the reason and citation (shown above the form)."""
        names = dict(Instrument.objects.filter(active=True).values_list("code", "name"))
        names.setdefault(law.PARTICIPATIEPLAATS, str(_("Participatieplaats")))
        return [{"name": names[code], "reason": a.reason,
                 "citation": "; ".join(law.RULES[r].citation for r in a.rules)}
                for code, a in self.eligibility.items()
                if code in names and a.value == law.NO and not a.is_open]


class PlacementForm(forms.Form):
    kind = choice(_("Soort match"), [("", _("Kies")), *Placement.Kind.choices],
                  message=_("Kies het soort match."))
    ladder = choice(_("Trede (alleen bij werk)"),
                    [("", _("Geen trede")), *Placement.Ladder.choices], required=False,
                    help_text=_("De ladder van het Werkcentrum: opstapbaan, streefbaan, "
                                "wensbaan (S3 §5)."))
    organisation_name = forms.CharField(
        label=_("Werkgever of instelling"), max_length=200,
        error_messages={"required": _("Vul de werkgever of instelling in.")})
    started_on = date_field(_("Startdatum"))
    education_level = forms.CharField(label=_("Niveau"), max_length=50, required=False,
                                      help_text=_("Bij onderwijs, bijvoorbeeld mbo 2."))
    learning_path = choice(_("Leerweg"), [("", _("Niet van toepassing")),
                                          *Placement.LearningPath.choices], required=False)
    contract_type = forms.CharField(label=_("Soort contract"), max_length=100, required=False,
                                    help_text=_("Bijvoorbeeld: tijdelijk, vast, leerbaan."))
    hours_per_week = forms.DecimalField(
        label=_("Uren per week"), required=False, max_digits=4, decimal_places=1,
        min_value=0.5, max_value=60,
        error_messages={"invalid": _("Vul een aantal uren in, bijvoorbeeld 32."),
                        "min_value": _("Vul een aantal uren tussen 0 en 60 in."),
                        "max_value": _("Vul een aantal uren tussen 0 en 60 in."),
                        "max_digits": _("Vul een aantal uren tussen 0 en 60 in."),
                        "max_decimal_places": _("Gebruik hoogstens één decimaal.")})

    def clean(self):
        data = super().clean()
        if data.get("ladder") and data.get("kind") and data["kind"] != Placement.Kind.WORK:
            self.add_error("ladder", _("Een trede (opstap-, streef-, wensbaan) hoort alleen bij "
                                       "werk."))
        return data


class OutflowForm(forms.Form):
    outflow_reason = choice(_("Uitstroomreden"), [("", _("Kies")), *OutflowReason.choices],
                            message=_("Kies een uitstroomreden."))
    on = date_field(_("Uitstroomdatum"))
    note = text_area(_("Toelichting"), help_text=_("Verplicht bij de reden 'anders'."))


class FollowUpForm(forms.Form):
    outcome = choice(_("Uitkomst"), FollowUp.Outcome.choices, radio=True,
                     message=_("Kies de uitkomst."))
    on = date_field(_("Datum contact"))
    note = text_area(_("Toelichting"))


class JointAssessmentForm(forms.Form):
    """The Doorstroompunt's joint assessment (Pw art. 7a lid 2)."""

    school_possible = choice(_("Is terugkeer naar initieel voltijdsonderwijs mogelijk en "
                               "passend?"), JointAssessment.Outcome.choices, radio=True,
                             message=_("Kies de uitkomst van de beoordeling."))
    explanation = text_area(_("Toelichting"), required=True, rows=5,
                            message=_("Licht de beoordeling toe."), help_text=_(
                                "Wat is samen met de gemeente afgewogen? Geen bijzonder "
                                "gevoelige gegevens."))
