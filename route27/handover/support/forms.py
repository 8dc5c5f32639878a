"""Forms for support during school: the school's request and the gemeente's decline."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from route27.organisations.models import Organisation
from route27.organisations.roles import OrganisationType
from route27.trajectories.forms import text_area
from route27.youth.forms import PersonForm

PERSON_FIELDS = ("given_names", "surname_prefix", "family_name", "birth_date", "municipality",
                 "phone", "email")


class SupportRequestForm(PersonForm):
    """The pupil (by BSN), the gemeente and why the school asks."""

    use_required_attribute = False
    school = forms.ModelChoiceField(
        label=gettext_lazy("Namens school"), queryset=Organisation.objects.none(),
        empty_label=gettext_lazy("Kies uw school"),
        error_messages={"required": gettext_lazy("Kies namens welke school u aanvraagt."),
                        "invalid_choice": gettext_lazy("Kies namens welke school u aanvraagt.")})
    receiver = forms.ModelChoiceField(
        label=gettext_lazy("Gemeente"), empty_label=gettext_lazy("Kies de gemeente"),
        queryset=Organisation.objects.filter(type=OrganisationType.GEMEENTE).order_by("name"),
        help_text=gettext_lazy("Meestal de woongemeente van de leerling."),
        error_messages={"required": gettext_lazy("Kies de gemeente die de ondersteuning biedt."),
                        "invalid_choice": gettext_lazy("Kies de gemeente die de ondersteuning "
                                                       "biedt.")})
    reason = text_area(gettext_lazy("Waarom vraagt de school ondersteuning aan?"), required=True,
                       rows=5, message=gettext_lazy("Beschrijf waarom de school ondersteuning "
                                                    "aanvraagt."),
                       help_text=gettext_lazy("Beschrijf wat de leerling nodig heeft om school "
                                              "af te maken. De gemeente ziet deze tekst."))

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bsn"].required = True
        self.fields["bsn"].error_messages["required"] = _(
            "Vul het BSN in: daarmee komt de aanvraag bij de juiste jongere.")
        self.fields["bsn"].help_text = _("9 cijfers; wordt gecontroleerd met de elfproef. Het "
                                         "BSN staat nooit in een adres of logregel.")
        self.schools = list(schools)
        if len(self.schools) == 1:
            del self.fields["school"]
        else:
            self.fields["school"].queryset = schools

    @property
    def has_school_choice(self) -> bool:
        return "school" in self.fields

    @property
    def school_organisation(self) -> Organisation:
        return self.cleaned_data["school"] if "school" in self.fields else self.schools[0]

    @property
    def person_data(self) -> dict:
        return {key: self.cleaned_data.get(key) for key in PERSON_FIELDS}


class DeclineForm(forms.Form):
    use_required_attribute = False
    reason = text_area(gettext_lazy("Reden van afwijzing"), required=True,
                       message=gettext_lazy("Geef aan waarom u de aanvraag afwijst."),
                       help_text=gettext_lazy("De school ziet deze reden."))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "afwijzen")
        super().__init__(*args, **kwargs)
