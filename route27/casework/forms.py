"""Forms of the collaboration pages. They parse the page; the rules live in the services."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from route27 import law
from route27.casework.models import Recurrence
from route27.core.forms import date_field
from route27.youth.forms import PersonForm


class InvolvementForm(forms.Form):
    role = forms.CharField(label=_("Uw rol"), max_length=100,
                           help_text=_("Bijvoorbeeld: jongerenwerker, schuldhulpverlener."),
                           error_messages={"required": _("Vul uw rol in.")})
    reach = forms.CharField(label=_("Hoe bereiken collega’s u?"), max_length=200,
                            help_text=_("Telefoonnummer of e-mailadres. Niets over de inhoud "
                                        "van uw werk: alleen dát u betrokken bent."),
                            error_messages={"required": _("Vul telefoon of e-mail in.")})
    since = date_field(_("Betrokken sinds"), required=False)


class InvolvementByBsnForm(PersonForm, InvolvementForm):
    """Involvement with a person by BSN (Verwijsindex style): BSN, name and birth date must all
    agree with a file before it is linked."""

    field_order = ["bsn", "given_names", "surname_prefix", "family_name", "birth_date",
                   "municipality", "role", "reach", "since"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["phone"], self.fields["email"]
        self.fields["bsn"].required = True
        self.fields["bsn"].error_messages["required"] = _("Vul het BSN in.")


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Toelichting"), max_length=1000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": _("Vul de toelichting in.")})


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("Naam van het overleg"), max_length=200,
                            initial=_("Casusoverleg"),
                            error_messages={"required": _("Geef het overleg een naam.")})
    day = date_field(_("Datum"))
    time = forms.TimeField(label=_("Tijd"), widget=forms.TimeInput(attrs={"type": "time"}),
                           initial=datetime.time(10, 0),
                           error_messages={"required": _("Vul de tijd in."),
                                           "invalid": _("Vul een geldige tijd in.")})
    place = forms.CharField(label=_("Plaats of link"), max_length=200, required=False)
    recurrence = forms.ChoiceField(label=_("Herhaling"), choices=Recurrence.choices,
                                   required=False)
    occurrences = forms.IntegerField(label=_("Aantal keer (bij herhaling)"), min_value=1,
                                     max_value=26, initial=6, required=False,
                                     error_messages={"invalid": _("Vul een getal in."),
                                                     "min_value": _("Minstens 1."),
                                                     "max_value": _("Hoogstens 26.")})
    participants = forms.ModelMultipleChoiceField(
        label=_("Deelnemers"), queryset=None, required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("U neemt zelf altijd deel. Kies collega’s uit de keten: school, "
                    "Doorstroompunt, sociaal team, jongerenwerk."))

    def __init__(self, *args, participants=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = participants
        self.fields["participants"].label_from_instance = lambda u: (
            f"{u.get_full_name() or u.username} ({u.primary_membership.team.organisation.name})"
            if u.primary_membership else u.get_full_name() or u.username)

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {"title": data["title"], "place": data["place"],
                "starts_at": timezone.make_aware(datetime.datetime.combine(data["day"],
                                                                           data["time"])),
                "recurrence": data["recurrence"] or "",
                "occurrences": data["occurrences"] or 1,
                "participants": list(data["participants"])}


GROUND_CHOICES = [
    (law.MeetingGround.CONSENT, _("Toestemming van de jongere (of van een ouder als de jongere "
                                  "minderjarig is)")),
    (law.MeetingGround.MIRROR, _("Wettelijke taak van elke deelnemer (spiegelbepalingen): "
                                 "alleen school, Doorstroompunt, gemeente en sociaal team")),
]
CONSENT_BY = [("", _("–")), (law.ConsentBy.YOUTH, _("De jongere")),
              (law.ConsentBy.PARENT, _("Een ouder of voogd"))]


class AgendaForm(forms.Form):
    meeting = forms.ChoiceField(label=_("Casusoverleg"),
                                error_messages={"required": _("Kies een overleg.")})
    question = forms.CharField(label=_("Vraag aan het overleg"), max_length=2000,
                               widget=forms.Textarea(attrs={"rows": 3}),
                               error_messages={"required": _("Schrijf de vraag op.")})
    ground = forms.ChoiceField(label=_("Grondslag"), choices=GROUND_CHOICES,
                               widget=forms.RadioSelect,
                               error_messages={"required": _("Kies de grondslag.")})
    consent_given_by = forms.ChoiceField(label=_("Toestemming gegeven door"),
                                         choices=CONSENT_BY, required=False)
    consent_evidence = forms.CharField(
        label=_("Bewijs van toestemming"), max_length=300, required=False,
        help_text=_("Bijvoorbeeld: mondeling in het gesprek van 3 december, in het "
                    "dossier vastgelegd; of het formulier op papier."))

    def __init__(self, *args, meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = [
            (str(m.public_id), f"{m.title} · {timezone.localtime(m.starts_at):%d-%m-%Y %H:%M}")
            for m in meetings]


class MinutesForm(forms.Form):
    minutes = forms.CharField(label=_("Wat is besproken"), max_length=5000,
                              widget=forms.Textarea(attrs={"rows": 4}),
                              error_messages={"required": _("Schrijf kort op wat besproken "
                                                            "is.")})
    decisions = forms.CharField(label=_("Besluiten"), max_length=5000, required=False,
                                widget=forms.Textarea(attrs={"rows": 3}))


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Actie"), max_length=300, required=False)
    owner = forms.ModelChoiceField(label=_("Eigenaar"), queryset=None, required=False,
                                   empty_label=_("Kies een deelnemer"))
    due_on = date_field(_("Uiterlijk op"), required=False)

    def __init__(self, *args, participants=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = participants
        self.fields["owner"].label_from_instance = lambda u: u.get_full_name() or u.username


ActionFormSet = forms.formset_factory(ActionForm, extra=3, max_num=10)
