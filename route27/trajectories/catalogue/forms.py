from django import forms
from django.utils.translation import gettext_lazy as _

from route27 import law
from route27.trajectories.models import Instrument, Intensity


class CatalogueFilterForm(forms.Form):
    zoek = forms.CharField(label=_("Zoeken"), required=False, max_length=100,
                           help_text=_("Naam, aanbieder of contactpersoon."))
    leeftijd = forms.IntegerField(label=_("Leeftijd"), required=False, min_value=0,
                                  max_value=40, error_messages={
                                      "invalid": _("Vul een leeftijd in."),
                                      "min_value": _("Vul een leeftijd in."),
                                      "max_value": _("Vul een leeftijd in.")})
    startkwalificatie = forms.ChoiceField(
        label=_("Startkwalificatie"), required=False,
        choices=[("", _("Maakt niet uit")), ("without", _("Zonder")), ("with", _("Met"))])
    route = forms.ChoiceField(label=_("Route"), required=False, choices=[
        ("", _("Elke route")), *((str(r), law.route_label(r)) for r in law.Route)])
    intensiteit = forms.ChoiceField(label=_("Intensiteit"), required=False,
                                    choices=[("", _("Elke intensiteit")), *Intensity.choices])


class ProvisionForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=150,
                           error_messages={"required": _("Geef de voorziening een naam.")})
    provider = forms.CharField(label=_("Aanbieder"), max_length=200, required=False)
    description = forms.CharField(label=_("Wat biedt het, in gewone taal"), max_length=4000,
                                  widget=forms.Textarea(attrs={"rows": 4}),
                                  error_messages={"required": _(
                                      "Beschrijf in gewone taal wat de voorziening biedt.")})
    law_code = forms.ChoiceField(label=_("Soort voorziening (voor de wettelijke toets)"),
                                 required=False, choices=[("", _("Geen / lokaal aanbod")), *(
                                     (c, c) for c in law.INSTRUMENT_CODES)])
    min_age = forms.IntegerField(label=_("Vanaf leeftijd"), required=False, min_value=0,
                                 max_value=40)
    max_age = forms.IntegerField(label=_("Tot leeftijd"), required=False, min_value=0,
                                 max_value=40)
    qualification = forms.ChoiceField(label=_("Startkwalificatie"), required=False,
                                      choices=Instrument.Qualification.choices)
    routes = forms.MultipleChoiceField(label=_("Routes (leeg: elke route)"), required=False,
                                       widget=forms.CheckboxSelectMultiple, choices=[
                                           (str(r), law.route_label(r)) for r in law.Route])
    intensities = forms.MultipleChoiceField(label=_("Intensiteit (leeg: elke)"), required=False,
                                            widget=forms.CheckboxSelectMultiple,
                                            choices=Intensity.choices)
    cost_source = forms.CharField(label=_("Bekostiging"), max_length=200, required=False)
    contact_name = forms.CharField(label=_("Contactpersoon"), max_length=150, required=False)
    contact_reach = forms.CharField(label=_("Bereikbaar via (telefoon of e-mail)"),
                                    max_length=200, error_messages={"required": _(
                                        "Vul in hoe collega’s de contactpersoon bereiken.")})
    active = forms.BooleanField(label=_("Wordt aangeboden"), required=False, initial=True)
    area = forms.ChoiceField(label=_("Voor"), required=False)

    def __init__(self, *args, areas=(), **kwargs):
        super().__init__(*args, **kwargs)
        if areas:
            self.fields["area"].choices = areas
            self.fields["area"].required = True
        else:
            del self.fields["area"]
