import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from route27 import law
from route27.core.forms import date_field

AGE_CHOICES = [("", _("Alle leeftijden")),
               ("art7a", _("Onder de 27 (art. 7a)")),
               ("regional", _("12 tot 27 (regionaal programma)")),
               ("neet", _("16 tot 27 (NEET-streefcijfer)"))]
assert {code for code, _label in AGE_CHOICES if code} == set(law.AGE_BANDS)


class PeriodForm(forms.Form):
    """Reference date, period and age band; empty fields take today and this year."""

    peildatum = date_field(_("Peildatum"), required=False,
                           help_text=_("Leeg: gisteren, de laatste volledige dag."))
    van = date_field(_("Periode van"), required=False)
    tot = date_field(_("Periode tot en met"), required=False)
    leeftijd = forms.ChoiceField(label=_("Leeftijd"), choices=AGE_CHOICES, required=False)

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        # Yesterday by default: the last whole day, whose figures are kept (monitoring.cache).
        data["peildatum"] = data.get("peildatum") or today - datetime.timedelta(days=1)
        data["tot"] = data.get("tot") or data["peildatum"]
        data["van"] = data.get("van") or datetime.date(data["tot"].year, 1, 1)
        if data["van"] > data["tot"]:
            self.add_error("van", _("De periode begint na het einde."))
        if data["peildatum"] > today:
            self.add_error("peildatum", _("De peildatum ligt in de toekomst."))
        if data["tot"] > today:
            self.add_error("tot", _("De periode eindigt in de toekomst."))
        data["leeftijd"] = data.get("leeftijd") or None
        return data


class DashboardForm(PeriodForm):
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=None, empty_label=None,
                                      to_field_name="code")
    team = forms.ModelChoiceField(label=_("Team"), queryset=None, required=False,
                                  empty_label=_("Alle teams"))
    coach = forms.ModelChoiceField(label=_("Contactpersoon"), queryset=None, required=False,
                                   empty_label=_("Alle contactpersonen"))
    field_order = ["gemeente", "team", "coach", "peildatum", "van", "tot", "leeftijd"]

    def __init__(self, *args, municipalities=None, teams=None, coaches=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = municipalities
        self.fields["team"].queryset = teams
        self.fields["coach"].queryset = coaches
        self.fields["coach"].label_from_instance = lambda u: u.get_full_name() or u.username
        if not teams.exists():
            del self.fields["team"], self.fields["coach"]


class RegionForm(PeriodForm):
    regio = forms.ModelChoiceField(label=_("Regio"), queryset=None, empty_label=None,
                                   to_field_name="code")
    field_order = ["regio", "peildatum", "van", "tot", "leeftijd"]

    def __init__(self, *args, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regio"].queryset = regions


class TargetsForm(forms.Form):
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=None, empty_label=None,
                                      to_field_name="code")
    jaar = forms.TypedChoiceField(label=_("Jaar"), coerce=int,
                                  choices=[(y, y) for y in range(2026, 2030)])

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = municipalities


class TeamForm(forms.Form):
    team = forms.ModelChoiceField(label=_("Team"), queryset=None, empty_label=None)

    def __init__(self, *args, teams=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams


DECIMAL = forms.TextInput(attrs={"inputmode": "decimal"})


class NormForm(forms.Form):
    """The team's norm, weights and each coach's fte, as typed; ``services.capacity_norm_save``
    validates and keeps them."""

    norm_points = forms.CharField(label=_("Normcaseload: punten voor één fte"), max_length=6,
                                  widget=DECIMAL)
    weight_light = forms.CharField(label=_("Gewicht licht"), max_length=6, widget=DECIMAL)
    weight_medium = forms.CharField(label=_("Gewicht middelzwaar"), max_length=6,
                                    widget=DECIMAL)
    weight_intensive = forms.CharField(label=_("Gewicht intensief"), max_length=6,
                                       widget=DECIMAL)
    factor_over_23 = forms.CharField(
        label=_("Factor jongere ouder dan 23"), max_length=6, widget=DECIMAL,
        help_text=_("Handreiking §5.2: jongeren zonder uitkering vragen meer inzet, vooral "
                    "boven de 23 jaar."))
    factor_no_benefit = forms.CharField(label=_("Factor jongere zonder uitkering"),
                                        max_length=6, widget=DECIMAL)

    def __init__(self, *args, coaches=(), **kwargs):
        super().__init__(*args, **kwargs)
        for load in coaches:
            self.fields[f"fte_{load.membership_id}"] = forms.CharField(
                label=_("Fte van %(name)s") % {
                    "name": load.user.get_full_name() or load.user.username},
                max_length=5, initial=load.fte, widget=DECIMAL)


class TargetValuesForm(forms.Form):
    """One optional number per indicator; empty clears the target."""

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        for code, indicator in indicators:
            self.fields[code] = forms.CharField(
                label=indicator.label, required=False, max_length=9,
                widget=forms.TextInput(attrs={"inputmode": "numeric"}),
                help_text=_("Stand op 31 december") if indicator.kind == "stock"
                else _("Totaal over het jaar"))
