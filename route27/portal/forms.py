from django import forms
from django.utils.translation import gettext_lazy as _

FIELD_MAX = 4000  # handover.services.document_update keeps 4000 characters per field


class YouthPartForm(forms.Form):
    """The youth's own blocks of the document's regional format (part 'youth')."""

    def __init__(self, *args, document, **kwargs):
        super().__init__(*args, **kwargs)
        self.blocks = [b for b in document.blocks if b["part"] == "youth"]
        for block in self.blocks:
            saved = document.content.get(block["key"]) or {}
            for spec in block["fields"]:
                widget = forms.Textarea(attrs={"rows": 4}) if spec.get("kind") == "textarea" \
                    else forms.TextInput()
                self.fields[self.name_for(block, spec)] = forms.CharField(
                    label=spec["label"], required=False, max_length=FIELD_MAX, widget=widget,
                    initial=saved.get(spec["key"], ""),
                    error_messages={"max_length": _("Gebruik hoogstens %(limit_value)d tekens.")})

    @staticmethod
    def name_for(block: dict, spec: dict) -> str:
        return f"{block['key']}__{spec['key']}"

    def groups(self):
        """(block, [bound fields]) per block, for one fieldset each."""
        return [(block, [self[self.name_for(block, spec)] for spec in block["fields"]])
                for block in self.blocks]

    def content(self) -> dict[str, dict[str, str]]:
        return {block["key"]: {spec["key"]: self.cleaned_data[self.name_for(block, spec)]
                               for spec in block["fields"]}
                for block in self.blocks}


class ConsentForm(forms.Form):
    block_keys = forms.MultipleChoiceField(required=False)

    def __init__(self, *args, document, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["block_keys"].choices = [(b["key"], b["title"]) for b in document.blocks]
        self.fields["block_keys"].error_messages["invalid_choice"] = _(
            "Kies alleen onderdelen van dit overgangsdocument.")


class HelpForm(forms.Form):
    KIND_HELP, KIND_STUDY = "hulp", "studie"
    # The browser's :invalid styling would mark the empty message red before anything was sent;
    # the server checks it (and says so in Dutch). Optional fields say "(niet verplicht)".
    use_required_attribute = False

    kind = forms.ChoiceField(
        label=_("Waar gaat je vraag over?"), widget=forms.RadioSelect, initial=KIND_HELP,
        choices=[(KIND_HELP, _("Ik wil hulp bij school, werk, geld of iets anders")),
                 (KIND_STUDY, _("Ik studeer aan een hogeschool of universiteit en wil "
                                "ondersteuning naar werk"))],
        error_messages={"required": _("Kies waar je vraag over gaat.")})
    message = forms.CharField(
        label=_("Waarmee wil je hulp?"), widget=forms.Textarea(attrs={"rows": 5}), max_length=1900,
        help_text=_("Schrijf het in je eigen woorden. Kort is ook goed."),
        error_messages={"required": _("Vertel kort waarmee je hulp wilt."),
                        "max_length": _("Gebruik hoogstens %(limit_value)d tekens.")})
    phone = forms.CharField(label=_("Je telefoonnummer"), max_length=20, required=False)
    email = forms.CharField(label=_("Je e-mailadres"), max_length=254, required=False)

    def __init__(self, *args, allow_study: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_study:
            self.fields["kind"].choices = self.fields["kind"].choices[:1]
        self.fields["phone"].widget.input_type = "tel"
        self.fields["phone"].widget.attrs["autocomplete"] = "tel"
        self.fields["email"].widget.input_type = "email"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
