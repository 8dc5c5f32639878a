"""Forms of the handover pages. They parse the page; the rules and messages live in services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from route27.handover.kinds import ENDS, HandoverKind
from route27.handover.models import (
    STAFF_CONSENT_METHODS,
    ConsentGiver,
    ConsentMethod,
    TransitionDocument,
)
from route27.handover.rules import ACTING_ROLES
from route27.handover.templates_default import SCHOOL, YOUTH
from route27.handover.workflow import HandoverStatus
from route27.organisations.models import Organisation
from route27.organisations.roles import OrganisationType
from route27.trajectories.forms import DIPLOMA_LABELS, choice, date_field, text_area
from route27.youth.forms import PersonForm

CHECKBOX_CLASS = "utrecht-checkbox utrecht-checkbox--html-input"


def sender_organisations(user):
    """The user's organisations that can send a handover (acting role, sending type)."""
    types = set().union(*(senders for senders, _ in ENDS.values()))
    return Organisation.objects.filter(
        type__in=types, teams__memberships__user=user, teams__memberships__is_active=True,
        teams__memberships__role__in=ACTING_ROLES).distinct().order_by("name")


class ReceiverField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({OrganisationType(obj.type).label})"


class HandoverStartForm(PersonForm):
    """A new handover: kind, receiver, the pupil (by BSN) and how school ended."""

    kind = forms.ChoiceField(label=_("Soort overdracht"),
                             error_messages={"required": _("Kies het soort overdracht."),
                                             "invalid_choice": _("Kies het soort overdracht.")})
    sender = forms.ModelChoiceField(
        label=_("Namens organisatie"), queryset=Organisation.objects.none(),
        empty_label=_("Kies uw organisatie"),
        error_messages={"required": _("Kies namens welke organisatie u overdraagt."),
                        "invalid_choice": _("Kies namens welke organisatie u overdraagt.")})
    receiver = ReceiverField(
        label=_("Naar organisatie"), queryset=Organisation.objects.none(),
        empty_label=_("Kies de ontvanger"),
        help_text=_("De woongemeente van de jongere of het Doorstroompunt; bij pro/vso → mbo "
                    "de nieuwe school."),
        error_messages={"required": _("Kies de ontvangende organisatie."),
                        "invalid_choice": _("Kies de ontvangende organisatie.")})
    school_left_on = date_field(_("School verlaten op"), required=False)
    diploma_on = date_field(_("Diploma behaald op"), required=False)
    highest_diploma = choice(_("Hoogste diploma"),
                             [("", _("Kies een diploma")),
                              *((str(k), v) for k, v in DIPLOMA_LABELS.items())],
                             required=False)

    autocomplete = {"given_names": "off", "family_name": "off"}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bsn"].required = True
        self.fields["bsn"].error_messages["required"] = _(
            "Vul het BSN in: daarmee komt de overdracht bij de juiste jongere.")
        self.fields["bsn"].help_text = _("9 cijfers; wordt gecontroleerd met de elfproef. Het "
                                         "BSN staat nooit in een adres of logregel.")
        self.fields["municipality"].help_text = _("Bepaalt het format van het "
                                                  "overgangsdocument (Doorstroompuntregio).")
        senders = sender_organisations(user)
        self.sender_choices = list(senders)
        types = {o.type for o in self.sender_choices}
        kinds = [k for k in HandoverKind if ENDS[k][0] & types]
        self.fields["kind"].choices = [("", _("Kies het soort overdracht")),
                                       *((k.value, k.label) for k in kinds)]
        receiver_types = set().union(*(ENDS[k][1] for k in kinds)) if kinds else set()
        self.fields["receiver"].queryset = (
            Organisation.objects.filter(type__in=receiver_types)
            .exclude(pk__in=[o.pk for o in self.sender_choices]).order_by("name"))
        if len(self.sender_choices) == 1:
            del self.fields["sender"]
        else:
            self.fields["sender"].queryset = senders

    @property
    def person_data(self) -> dict:
        keys = ("given_names", "surname_prefix", "family_name", "birth_date", "municipality",
                "phone", "email")
        return {k: self.cleaned_data.get(k) for k in keys}

    @property
    def has_sender_choice(self) -> bool:
        return "sender" in self.fields

    @property
    def sender_organisation(self) -> Organisation:
        if "sender" in self.fields:
            return self.cleaned_data["sender"]
        return self.sender_choices[0]


class DocumentPartForm(forms.Form):
    """One part (youth or school) of the overgangsdocument, fields per block of the format."""

    def __init__(self, *args, document: TransitionDocument, part: str, **kwargs):
        kwargs.setdefault("prefix", "jongere" if part == YOUTH else "school")
        super().__init__(*args, **kwargs)
        self.part = part
        self.blocks = [b for b in document.blocks if b["part"] == part]
        for block in self.blocks:
            values = document.content.get(block["key"]) or {}
            for spec in block["fields"]:
                textarea = spec.get("kind") == "textarea"
                self.fields[self._name(block, spec)] = forms.CharField(
                    label=spec["label"], required=False, max_length=4000,
                    initial=values.get(spec["key"], ""),
                    widget=forms.Textarea(attrs={"rows": 4}) if textarea else forms.TextInput)

    @staticmethod
    def _name(block: dict, spec: dict) -> str:
        return f"{block['key']}__{spec['key']}"

    def grouped(self) -> list[tuple[dict, list]]:
        return [(block, [self[self._name(block, spec)] for spec in block["fields"]])
                for block in self.blocks]

    def content(self) -> dict[str, dict[str, str]]:
        return {block["key"]: {spec["key"]: self.cleaned_data.get(self._name(block, spec), "")
                               for spec in block["fields"]}
                for block in self.blocks}


def _block_choices(document: TransitionDocument, keys=None) -> list[tuple[str, str]]:
    ordered = [b for b in document.blocks if b["part"] == YOUTH] + \
        [b for b in document.blocks if b["part"] == SCHOOL]
    return [(b["key"], _("%(title)s (gevoelig: alleen als de jongere dit wil delen)") % {
        "title": b["title"]} if b.get("sensitive") else b["title"])
        for b in ordered if keys is None or b["key"] in keys]


class ConsentForm(forms.Form):
    """Consent the youth or parent gave on paper or orally, recorded by the sender with its
    evidence: who, the relation, when, how and where the proof is. Digital consent is not a
    choice here: the youth or parent gives it in Mijn Route27."""

    use_required_attribute = False

    given_by = choice(_("Wie gaf toestemming?"), ConsentGiver.choices, radio=True,
                      message=_("Kies wie toestemming geeft."))
    given_by_name = forms.CharField(
        label=_("Naam van wie toestemming gaf"), max_length=200,
        error_messages={"required": _("Vul de naam in van wie toestemming geeft.")})
    method = choice(_("Hoe is de toestemming gegeven?"),
                    [(m.value, m.label) for m in STAFF_CONSENT_METHODS], radio=True,
                    message=_("Kies hoe de toestemming is gegeven: op papier of mondeling."))
    given_on = date_field(_("Datum waarop de toestemming is gegeven"))
    proof_reference = forms.CharField(
        label=_("Bewijs"), max_length=200,
        help_text=_("Waar is het bewijs? Bijvoorbeeld het documentnummer of de plek van het "
                    "ondertekende formulier, of de gespreksnotitie van het telefoongesprek."),
        error_messages={"required": _("Vul in waar het bewijs is: bijvoorbeeld het "
                                      "documentnummer of de plek van het ondertekende "
                                      "formulier, of de gespreksnotitie.")})
    block_keys = forms.MultipleChoiceField(
        label=_("Onderdelen waarvoor toestemming geldt"),
        widget=forms.CheckboxSelectMultiple(attrs={"class": CHECKBOX_CLASS}),
        help_text=_("Laat onderdelen weg die de jongere niet wil delen, bijvoorbeeld gezondheid."),
        error_messages={"required": _("Kies de onderdelen waarvoor toestemming geldt."),
                        "invalid_choice": _("Kies de onderdelen waarvoor toestemming geldt.")})

    def __init__(self, *args, document: TransitionDocument, **kwargs):
        kwargs.setdefault("prefix", "toestemming")
        super().__init__(*args, **kwargs)
        self.fields["block_keys"].choices = _block_choices(document)
        self.fields["method"].initial = ConsentMethod.PAPER


class ConsentWithdrawForm(forms.Form):
    block_keys = forms.MultipleChoiceField(
        label=_("Toestemming intrekken voor"),
        widget=forms.CheckboxSelectMultiple(attrs={"class": CHECKBOX_CLASS}),
        help_text=_("De ontvanger ziet deze onderdelen meteen niet meer, maar als "
                    "'Ingetrokken'."),
        error_messages={"required": _("Kies de onderdelen waarvoor u toestemming intrekt."),
                        "invalid_choice": _("Kies de onderdelen waarvoor u toestemming "
                                            "intrekt.")})

    def __init__(self, *args, document: TransitionDocument, active_keys, **kwargs):
        kwargs.setdefault("prefix", "intrekken")
        super().__init__(*args, **kwargs)
        self.fields["block_keys"].choices = _block_choices(document, set(active_keys))


class ReturnForm(forms.Form):
    # Required fields are marked by "(niet verplicht)" on the others; the HTML attribute would
    # make the theme paint an empty textarea as invalid before anything was typed.
    use_required_attribute = False
    reason = text_area(_("Reden van terugsturen"), required=True,
                       message=_("Geef aan waarom u de overdracht terugstuurt."),
                       help_text=_("De verzender ziet deze reden."))

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "terugsturen")
        super().__init__(*args, **kwargs)


class MeetingForm(forms.Form):
    """A warm handover meeting: planned (date ahead) or held."""

    use_required_attribute = False

    held_on = date_field(_("Datum"))
    participants = text_area(_("Deelnemers"), required=True, rows=2,
                             message=_("Vul in wie er bij de warme overdracht zijn."),
                             help_text=_("Namen en organisaties, bijvoorbeeld de mentor en de "
                                         "doorstroomcoach."))
    youth_present = forms.BooleanField(
        label=_("De jongere is (of was) erbij"), required=False,
        widget=forms.CheckboxInput(attrs={"class": CHECKBOX_CLASS}))
    agreements = text_area(_("Afspraken"), rows=3)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "overleg")
        super().__init__(*args, **kwargs)


class LegalBasisForm(forms.Form):
    """A named legal basis from law.LEGAL_BASES for this kind of handover (never free text)."""

    use_required_attribute = False
    basis = choice(_("Wettelijke grondslag"), [], radio=True,
                   message=_("Kies een wettelijke grondslag uit de lijst."))
    note = text_area(_("Toelichting"), rows=2,
                     help_text=_("Waarom deze grondslag voor deze jongere geldt (niet verplicht)."))

    def __init__(self, *args, bases, **kwargs):
        kwargs.setdefault("prefix", "grondslag")
        super().__init__(*args, **kwargs)
        self.fields["basis"].choices = [
            (b.code, f"{b.name} ({b.citation})") for b in bases]


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Alle statussen")), *HandoverStatus.choices])

