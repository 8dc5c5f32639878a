"""Forms parse the pages; the rules and their Dutch messages live in signals.services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from route27.organisations.models import Municipality
from route27.signals.models import Source
from route27.youth.forms import PersonForm

HONEYPOT = "website"


class _PersonFields(PersonForm):
    message = forms.CharField(label=_("Toelichting"), max_length=2000, required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["birth_date"].help_text = _("dd-mm-jjjj, bijvoorbeeld 17-05-2007.")

    def service_data(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != HONEYPOT}
        data["municipality"] = self.cleaned_data["municipality"]
        return data


class SignalForm(_PersonFields):
    """A staff member registers a signal from any entrance."""

    source = forms.ChoiceField(
        label=_("Ingang"), choices=[("", _("Kies een ingang")), *Source.choices],
        error_messages={"required": _("Kies via welke ingang het signaal binnenkwam."),
                        "invalid_choice": _("Kies via welke ingang het signaal binnenkwam.")},
    )
    reporter = forms.CharField(label=_("Gemeld door"), max_length=200, required=False,
                               help_text=_("Organisatie en naam van wie het signaal doorgaf."))

    field_order = ["source", "reporter", "given_names", "surname_prefix", "family_name",
                   "birth_date", "bsn", "municipality", "phone", "email", "message"]


class SelfRegistrationForm(_PersonFields):
    """The public form. Only municipalities that work with Route27 (a team serves them)."""

    autocomplete = {"given_names": "given-name", "family_name": "family-name",
                    "surname_prefix": "off", "phone": "tel", "email": "email", "bsn": "off"}

    website = forms.CharField(label=_("Laat dit veld leeg"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = (
            Municipality.objects.filter(serving_teams__isnull=False).distinct().order_by("name"))
        self.fields["bsn"].help_text = _(
            "Met je BSN zien we sneller of we je al kennen. Je vindt het op je "
            "paspoort, identiteitskaart of rijbewijs.")
        self.fields["message"].label = _("Waar wil je hulp bij?")
        self.fields["message"].help_text = _(
            "Vertel kort iets over je situatie, bijvoorbeeld over school, werk "
            "of geld. Over je gezondheid hoef je hier niets te schrijven.")
        self.fields["birth_date"].widget.attrs["inputmode"] = "numeric"
        self.fields["birth_date"].widget.attrs["autocomplete"] = "bday"
        honeypot = self.fields[HONEYPOT].widget
        honeypot.attrs.update({"tabindex": "-1", "autocomplete": "off"})

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT, "").strip())
