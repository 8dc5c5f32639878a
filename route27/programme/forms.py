from django import forms
from django.utils.translation import gettext_lazy as _

from route27 import law
from route27.programme.models import ProgrammeTarget, Section


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
