"""Forms of the appointment pages. They parse the page; the rules live in the services."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from route27.appointments.models import Mode

DURATIONS = [(15, _("15 minuten")), (30, _("30 minuten")), (45, _("45 minuten")),
             (60, _("1 uur")), (90, _("1,5 uur")), (120, _("2 uur"))]


class PlanForm(forms.Form):
    day = forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}),
                          error_messages={"required": _("Vul de datum in."),
                                          "invalid": _("Vul een geldige datum in.")})
    time = forms.TimeField(label=_("Tijd"), widget=forms.TimeInput(attrs={"type": "time"}),
                           error_messages={"required": _("Vul de tijd in."),
                                           "invalid": _("Vul een geldige tijd in.")})
    duration = forms.TypedChoiceField(label=_("Duur"), choices=DURATIONS, coerce=int,
                                      initial=45)
    mode = forms.ChoiceField(label=_("Vorm"), choices=Mode.choices, initial=Mode.ON_SITE)
    place = forms.CharField(label=_("Plaats (bij een afspraak op locatie)"), max_length=200,
                            required=False)
    with_whom = forms.CharField(label=_("Met wie (niet verplicht)"), max_length=200,
                                required=False,
                                help_text=_("Bijvoorbeeld: jongere en ouder."))

    def service_data(self) -> dict:
        data = self.cleaned_data
        starts = timezone.make_aware(datetime.datetime.combine(data["day"], data["time"]))
        return {"starts_at": starts, "duration": datetime.timedelta(minutes=data["duration"]),
                "mode": data["mode"], "place": data["place"], "with_whom": data["with_whom"]}


class MoveRequestForm(forms.Form):
    note = forms.CharField(label=_("Wanneer kun je wel? (niet verplicht)"), max_length=500,
                           required=False, widget=forms.Textarea(attrs={"rows": 3}))
