from django import forms

from route27.core.errors import ValidationFailed
from route27.core.forms import apply_service_errors

GENERIC = "Controleer de gemarkeerde velden."


class PersonForm(forms.Form):
    name = forms.CharField(required=False)


Rows = forms.formset_factory(PersonForm, extra=0)


def _bound():
    form = PersonForm({"name": "x"})
    rows = Rows({"guardians-TOTAL_FORMS": "1", "guardians-INITIAL_FORMS": "0",
                 "guardians-0-name": "y"}, prefix="guardians")
    assert form.is_valid() and rows.is_valid()
    return form, rows


def test_field_errors_go_on_their_field_and_formset_row():
    form, rows = _bound()
    apply_service_errors(ValidationFailed(GENERIC, field_errors={
        "name": ["Naam fout."], "guardians.0.name": ["Naam ouder fout."],
        "guardians.7.name": ["Rij bestaat niet."], "elders": ["Elders fout."]}), form, rows)

    assert form.errors["name"] == ["Naam fout."]
    assert rows.forms[0].errors["name"] == ["Naam ouder fout."]
    assert form.non_field_errors() == ["Rij bestaat niet.", "Elders fout."]  # no generic text


def test_the_message_shows_when_it_says_more_than_the_fields():
    form, _rows = _bound()
    apply_service_errors(ValidationFailed("Kies de intensiteit: licht of zwaar.",
                                          field_errors={"name": ["Kies."]}), form)
    assert form.non_field_errors() == ["Kies de intensiteit: licht of zwaar."]

    form, _rows = _bound()
    apply_service_errors(ValidationFailed("Naam fout.", field_errors={"name": ["Naam fout."]}),
                         form)
    assert form.non_field_errors() == []


def test_a_message_without_field_errors_is_never_lost():
    for message in ("Voor deze jongere loopt al een traject.", GENERIC):
        form, _rows = _bound()
        apply_service_errors(ValidationFailed(message), form)
        assert form.non_field_errors() == [message]
