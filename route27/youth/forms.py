from django import forms
from django.utils.translation import gettext_lazy as _

from route27.organisations.models import Municipality
from route27.youth.models import Guardian


class PersonForm(forms.Form):
    """The person fields every registration asks (youth, signal). Rules: youth.validation."""

    given_names = forms.CharField(label=_("Voornamen"), max_length=200,
                                  error_messages={"required": _("Vul de voornamen in.")})
    surname_prefix = forms.CharField(label=_("Voorvoegsel"), max_length=20, required=False,
                                     help_text=_("Bijvoorbeeld: van, de, van der."))
    family_name = forms.CharField(label=_("Achternaam"), max_length=200,
                                  error_messages={"required": _("Vul de achternaam in.")})
    birth_date = forms.CharField(
        label=_("Geboortedatum"), max_length=10,
        help_text=_("dd-mm-jjjj. Gebruik 00 voor een onbekende dag of maand, zoals in de BRP."),
        error_messages={"required": _("Vul de geboortedatum in.")},
    )
    bsn = forms.CharField(label=_("BSN"), max_length=11, required=False,
                          help_text=_("9 cijfers; wordt gecontroleerd met de elfproef."))
    municipality = forms.ModelChoiceField(
        label=_("Woongemeente"), queryset=Municipality.objects.order_by("name"),
        to_field_name="code", empty_label=_("Kies een gemeente"),
        error_messages={"required": _("Kies de woongemeente."),
                        "invalid_choice": _("Kies de woongemeente.")},
    )
    phone = forms.CharField(label=_("Telefoonnummer"), max_length=20, required=False)
    email = forms.CharField(label=_("E-mailadres"), max_length=254, required=False)

    autocomplete: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.setdefault("autocomplete", self.autocomplete.get(name, "off"))
        self.fields["bsn"].widget.attrs["inputmode"] = "numeric"
        self.fields["phone"].widget.input_type = "tel"
        self.fields["email"].widget.input_type = "email"


class YouthForm(PersonForm):
    """Parses the page; the business rules and their Dutch messages live in youth.services."""

    street_address = forms.CharField(label=_("Straat en huisnummer"), max_length=200,
                                     required=False)
    postal_code = forms.CharField(label=_("Postcode"), max_length=7, required=False)
    place = forms.CharField(label=_("Woonplaats"), max_length=100, required=False)


class GuardianForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200, required=False)
    relationship = forms.ChoiceField(label=_("Relatie"), choices=Guardian.Relationship.choices,
                                     required=False)
    phone = forms.CharField(label=_("Telefoonnummer"), max_length=20, required=False)
    email = forms.CharField(label=_("E-mailadres"), max_length=254, required=False)


GuardianFormSet = forms.formset_factory(GuardianForm, extra=0, max_num=4, min_num=2,
                                        validate_max=True)


def initial_from_youth(youth) -> tuple[dict, list[dict]]:
    initial = {
        "given_names": youth.given_names, "surname_prefix": youth.surname_prefix,
        "family_name": youth.family_name, "birth_date": str(youth.birth_date),
        "bsn": youth.bsn or "", "municipality": youth.municipality.code,
        "street_address": youth.street_address, "postal_code": youth.postal_code,
        "place": youth.place, "phone": youth.phone, "email": youth.email,
    }
    guardians = [
        {"name": g.name, "relationship": g.relationship, "phone": g.phone, "email": g.email}
        for g in youth.guardians.all()
    ]
    return initial, guardians
