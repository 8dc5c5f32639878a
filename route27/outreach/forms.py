"""Forms of the outreach pages. They parse the page; the rules live in parsing and services."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from route27.core.forms import date_field
from route27.outreach.models import AttemptOutcome, Channel, DeliveryKind, LeaverStatus
from route27.outreach.parsing import FIELDS


class DeliveryForm(forms.Form):
    team = forms.ModelChoiceField(label=_("Voor het team"), queryset=None,
                                  empty_label=None, help_text=_(
                                      "Het team dat de outreach doet; het krijgt de zaken."),
                                  error_messages={"required": _("Kies het team."),
                                                  "invalid_choice": _("Kies het team.")})
    kind = forms.ChoiceField(label=_("Soort levering"), choices=DeliveryKind.choices,
                             error_messages={"required": _("Kies de soort levering.")})
    file = forms.FileField(label=_("Bestand (CSV of Excel .xlsx)"),
                           error_messages={"required": _("Kies een bestand."),
                                           "empty": _("Het bestand is leeg.")})

    def __init__(self, *args, teams=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        self.fields["team"].label_from_instance = lambda team: team.name


class MappingForm(forms.Form):
    """One choice per field: which column of the file holds it."""

    def __init__(self, *args, header: list[str], proposal: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", _("– niet in het bestand –"))] + [(c, c) for c in header if c]
        for field, (label, required) in FIELDS.items():
            self.fields[field] = forms.ChoiceField(
                label=label, choices=choices, required=required,
                initial=proposal.get(field, ""),
                error_messages={"required": _("Kies de kolom met: %(label)s.") % {
                    "label": label}})

    def mapping(self) -> dict[str, str]:
        return {field: value for field, value in self.cleaned_data.items() if value}


class AttemptForm(forms.Form):
    channel = forms.ChoiceField(label=_("Hoe"), choices=Channel.choices,
                                widget=forms.RadioSelect,
                                error_messages={"required": _("Kies hoe.")})
    on = date_field(_("Datum"))
    outcome = forms.ChoiceField(label=_("Uitkomst"), choices=AttemptOutcome.choices,
                                widget=forms.RadioSelect,
                                error_messages={"required": _("Kies de uitkomst.")})
    note = forms.CharField(label=_("Toelichting"), max_length=500, required=False,
                           help_text=_("Bij doorverwezen: waarnaar. Geen gevoelige details."))
    next_attempt_on = date_field(_("Volgende poging op"), required=False,
                                 help_text=_("Niet bereikt: standaard over twee weken."))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Alle"))] + LeaverStatus.choices)
    niet_bevestigd = forms.BooleanField(label=_("Alleen niet recent bevestigd"), required=False)
