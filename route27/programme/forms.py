from django import forms
from django.utils.translation import gettext_lazy as _

from route27 import law
from route27.core.forms import date_field
from route27.programme.models import (
    Funding,
    Overhead,
    ParticipationSession,
    ProgrammeTarget,
    Proposal,
    Responsibility,
    Section,
    Step,
    Theme,
)


class RegionForm(forms.Form):
    regio = forms.ModelChoiceField(label=_("Regio"), queryset=None, empty_label=None,
                                   to_field_name="code")

    def __init__(self, *args, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regio"].queryset = regions


class PartiesForm(forms.Form):
    """As typed; ``services.programme_parties_save`` validates and keeps."""

    contact_municipality = forms.ModelChoiceField(
        label=_("Contactgemeente"), queryset=None, required=False,
        empty_label=_("Nog niet aangewezen"),
        help_text=_("De gemeenten van de regio wijzen er één aan; zij voert de procesregie."))
    contact_school = forms.CharField(label=_("Contactschool"), max_length=200, required=False)
    core_group = forms.CharField(label=_("Kerngroep"), widget=forms.Textarea(attrs={"rows": 3}),
                                 required=False,
                                 help_text=_("Wie van contactgemeente, contactschool en "
                                             "centrumgemeente(n) het programma maken."))
    board_participants = forms.CharField(
        label=_("Deelnemers regionaal bestuurlijk overleg"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}))
    board_frequency = forms.CharField(label=_("Hoe vaak het overleg is"), max_length=200,
                                      required=False)
    board_decisions = forms.CharField(label=_("Hoe het overleg besluit"), required=False,
                                      widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact_municipality"].queryset = municipalities


class SectionForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Section.Status.choices,
                               widget=forms.RadioSelect)
    text = forms.CharField(label=_("Tekst"), required=False,
                           widget=forms.Textarea(attrs={"rows": 12}))


class TargetForm(forms.Form):
    kind = forms.ChoiceField(label=_("Streefcijfer"), choices=ProgrammeTarget.Kind.choices)
    year = forms.TypedChoiceField(
        label=_("Jaar"), coerce=int, choices=[(y, f"{y} (schooljaar {y}/{y + 1})")
                                              for y in law.PROGRAMME_YEARS],
        help_text=_("Voor voortijdig schoolverlaters geldt het schooljaar dat in dit jaar "
                    "begint."))
    maximum = forms.IntegerField(label=_("Maximum"), min_value=0, max_value=1_000_000)
    reference_value = forms.IntegerField(label=_("Referentiewaarde OCW (alleen VSV)"),
                                         min_value=0, max_value=1_000_000, required=False)
    justification = forms.CharField(label=_("Onderbouwing"),
                                    widget=forms.Textarea(attrs={"rows": 4}))


class AgreementForm(forms.Form):
    theme = forms.ModelChoiceField(label=_("Onderwerp"), queryset=Theme.objects.filter(
        active=True), empty_label=None)
    title = forms.CharField(label=_("Afspraak"), max_length=200)
    text = forms.CharField(label=_("Uitwerking"), widget=forms.Textarea(attrs={"rows": 6}))
    parties = forms.CharField(label=_("Wie"), max_length=300, required=False,
                              help_text=_("De partijen die de afspraak uitvoeren."))


class MeasureForm(forms.Form):
    title = forms.CharField(label=_("Maatregel"), max_length=200)
    description = forms.CharField(label=_("Omschrijving"),
                                  widget=forms.Textarea(attrs={"rows": 5}))
    section = forms.CharField(label=_("Onderdeel van het format"), max_length=10,
                              required=False, help_text=_("Bijvoorbeeld 4c."))
    labour_market_region = forms.ModelChoiceField(
        label=_("Uitgevoerd met de arbeidsmarktregio"), queryset=None, required=False,
        empty_label=_("Nee"))
    agenda_reference = forms.CharField(label=_("Plaats in de meerjarenagenda"), max_length=300,
                                       required=False)
    financial_agreement = forms.CharField(
        label=_("Financiële afspraak contactgemeente en centrumgemeente"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}))
    final = forms.BooleanField(label=_("Definitief: elke voorwaarde is onderbouwd"),
                               required=False)

    def __init__(self, *args, labour_market_regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["labour_market_region"].queryset = labour_market_regions
        for condition in law.MEASURE_CONDITIONS:
            self.fields[f"condition_{condition.code}"] = forms.CharField(
                label=condition.text, required=False, widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Onderbouwing"))
        self.order_fields(["title", "description", "section",
                           *[f"condition_{c.code}" for c in law.MEASURE_CONDITIONS]])


class BudgetLineForm(forms.Form):
    measure = forms.ModelChoiceField(label=_("Maatregel"), queryset=None, required=False,
                                     empty_label=_("Geen: overhead"))
    overhead = forms.ChoiceField(label=_("Of overhead"), required=False,
                                 choices=[("", _("Geen: een maatregel")), *Overhead.choices])
    year = forms.TypedChoiceField(label=_("Jaar"), coerce=int,
                                  choices=[(y, y) for y in law.PROGRAMME_YEARS])
    source = forms.ChoiceField(label=_("Bron"), choices=Funding.choices)
    amount = forms.CharField(label=_("Bedrag (euro)"), max_length=20,
                             widget=forms.TextInput(attrs={"inputmode": "decimal"}),
                             help_text=_("Bijvoorbeeld 12.500,00"))
    owner = forms.CharField(label=_("Eigenaar"), max_length=200,
                            help_text=_("De partij die over deze regel verantwoording "
                                        "aflegt."))

    def __init__(self, *args, measures=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = measures


class SignatureForm(forms.Form):
    party = forms.ChoiceField(label=_("Partij"))
    signer_name = forms.CharField(label=_("Naam van de ondertekenaar"), max_length=200)
    signer_function = forms.CharField(label=_("Functie"), max_length=200,
                                      help_text=_("Een bevoegd persoon van de partij."))
    signed_on = date_field(_("Ondertekend op"))

    def __init__(self, *args, parties=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = list(parties)


class ParticipationForm(forms.Form):
    held_on = date_field(_("Datum"))
    form = forms.ChoiceField(label=_("Vorm"), choices=ParticipationSession.Form.choices)
    groups = forms.CharField(label=_("Welke jongeren"), max_length=300,
                             help_text=_("Bijvoorbeeld: jongeren zonder startkwalificatie uit "
                                         "Zaanstad, nieuwkomers, een jongerenpanel."))
    participants = forms.IntegerField(label=_("Aantal deelnemers"), min_value=1,
                                      max_value=10000, required=False)
    compensation = forms.CharField(label=_("Vergoeding"), max_length=200, required=False,
                                   help_text=_("Bijvoorbeeld: een cadeaubon van 25 euro."))
    input = forms.CharField(label=_("Inbreng van de jongeren"),
                            widget=forms.Textarea(attrs={"rows": 4}))
    effect = forms.CharField(label=_("Wat het programma ermee deed"), required=False,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             help_text=_("De seed vraagt te laten zien hoe de inbreng het "
                                         "programma veranderde."))
    step = forms.ChoiceField(label=_("Onderdeel dat veranderde"), required=False,
                             choices=[("", _("Nog geen")), *Step.choices])


class ContributionForm(forms.Form):
    step = forms.ChoiceField(label=_("Over het onderdeel"), required=False,
                             choices=[("", _("Het programma als geheel")), *Step.choices])
    text = forms.CharField(label=_("Uw bijdrage"), max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 4}))


class AdviceForm(forms.Form):
    about = forms.ModelChoiceField(label=_("Aan gemeente"), queryset=None, empty_label=None)
    text = forms.CharField(label=_("Advies over de verordening"), max_length=4000,
                           widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["about"].queryset = municipalities


class SubsidyForm(forms.Form):
    status = forms.ChoiceField(label=_("Nieuwe status"))
    on = date_field(_("Datum"))
    amount = forms.CharField(label=_("Bedrag (euro)"), max_length=20, required=False,
                             widget=forms.TextInput(attrs={"inputmode": "decimal"}),
                             help_text=_("Bij indienen het aangevraagde, bij toekennen het "
                                         "toegekende bedrag."))
    note = forms.CharField(label=_("Toelichting"), max_length=1000, required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, statuses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = list(statuses)


class ProposalForm(forms.Form):
    round = forms.CharField(label=_("Ronde"), max_length=60,
                            help_text=_("Bijvoorbeeld: voorjaar 2026."))
    title = forms.CharField(label=_("Voorstel"), max_length=200)
    applicant = forms.CharField(label=_("Indiener"), max_length=200)
    amount = forms.CharField(label=_("Bedrag (euro)"), max_length=20,
                             widget=forms.TextInput(attrs={"inputmode": "decimal"}))
    decision = forms.ChoiceField(label=_("Besluit"), choices=Proposal.Decision.choices)
    reason = forms.CharField(label=_("Reden van het besluit"), required=False,
                             widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for condition in law.MEASURE_CONDITIONS:
            self.fields[f"criterion_{condition.code}"] = forms.BooleanField(
                label=condition.text, required=False)
        self.order_fields(["round", "title", "applicant", "amount",
                           *[f"criterion_{c.code}" for c in law.MEASURE_CONDITIONS]])


class EffectReportForm(forms.Form):
    """The partners' entries: per streefcijfer of the year the realised figure and the
    explanation, progress per afspraak and maatregel, their text and the date sent."""

    partner_text = forms.CharField(label=_("Toelichting van de partners"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 6}))
    submitted_on = date_field(_("Ingediend bij DUO op"), required=False)

    def __init__(self, *args, targets=(), agreements=(), measures=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.keys = {"realised": [], "explanation": [], "progress": []}
        for t in targets:
            key = f"{t.kind}-{t.year}"
            label = f"{t.get_kind_display()} {t.period_label}"
            self.fields[f"realised_{key}"] = forms.CharField(
                label=_("%(target)s: gerealiseerd (DUO/CBS)") % {"target": label},
                required=False, max_length=10,
                widget=forms.TextInput(attrs={"inputmode": "numeric"}),
                help_text=_("Maximum %(n)s.") % {"n": t.maximum})
            self.fields[f"explanation_{key}"] = forms.CharField(
                label=_("%(target)s: behaald of niet, en waardoor") % {"target": label},
                required=False, widget=forms.Textarea(attrs={"rows": 3}))
            self.keys["realised"].append(key)
            self.keys["explanation"].append(key)
        for prefix, objects, text in (("agreement", agreements, _("Voortgang afspraak")),
                                      ("measure", measures, _("Voortgang maatregel"))):
            for obj in objects:
                key = f"{prefix}-{obj.pk}"
                self.fields[f"progress_{key}"] = forms.CharField(
                    label=f"{text}: {obj.title}", required=False,
                    widget=forms.Textarea(attrs={"rows": 2}))
                self.keys["progress"].append(key)
        self.order_fields([*[f for f in self.fields if f not in ("partner_text",
                                                                  "submitted_on")],
                           "partner_text", "submitted_on"])

    def entries(self, prefix: str) -> dict[str, str]:
        return {key: self.cleaned_data.get(f"{prefix}_{key}", "") for key in self.keys[prefix]}


class ResponsibilityForm(forms.Form):
    part = forms.CharField(label=_("Onderdeel"), max_length=200,
                           help_text=_("Een stap, afspraak of maatregel, bijvoorbeeld: "
                                       "maatregel Jongerenloket."))
    task = forms.ChoiceField(label=_("Taak"), choices=Responsibility.Task.choices)
    party = forms.CharField(label=_("Verantwoordelijke partij"), max_length=200)
