import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from route27.core.forms import date_field


class DashboardForm(forms.Form):
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=None, empty_label=None,
                                      to_field_name="code")
    peildatum = date_field(_("Peildatum"), required=False)
    van = date_field(_("Periode van"), required=False)
    tot = date_field(_("Periode tot en met"), required=False)

    def __init__(self, *args, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = municipalities

    def clean(self):
        data = super().clean()
        today = timezone.localdate()
        data["peildatum"] = data.get("peildatum") or today
        data["tot"] = data.get("tot") or today
        data["van"] = data.get("van") or datetime.date(data["tot"].year, 1, 1)
        if data["van"] > data["tot"]:
            self.add_error("van", _("De periode begint na het einde."))
        if data["peildatum"] > today:
            self.add_error("peildatum", _("De peildatum ligt in de toekomst."))
        return data
