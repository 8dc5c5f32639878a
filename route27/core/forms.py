"""Form helpers every app shares. The rules and their Dutch messages live in the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from route27.core.errors import Route27Error


def apply_service_errors(error: Route27Error, form: forms.Form,
                         formset: forms.BaseFormSet | None = None) -> None:
    """Show a service's error on the page that sent the data.

    Field errors go on their field; ``<prefix>.<n>.<field>`` (e.g. ``guardians.0.name``) on form
    ``n`` of ``formset``; any other key on top of the form. The error's own message goes on top
    as well, unless a field already shows it or it only says "check the marked fields" while
    fields are marked.
    """
    shown: set[str] = set()
    for key, messages in error.field_errors.items():
        target, field = _target(key, form, formset)
        for message in messages:
            target.add_error(field, message)
            shown.add(str(message))
    message = str(error.message or "")
    if not message or message in shown:
        return
    if shown and message == _("Controleer de gemarkeerde velden."):
        return
    form.add_error(None, error.message)


def _target(key: str, form: forms.Form,
            formset: forms.BaseFormSet | None) -> tuple[forms.Form, str | None]:
    if key in form.fields:
        return form, key
    parts = key.split(".")
    if (formset is not None and len(parts) == 3 and parts[0] == formset.prefix
            and parts[1].isdigit() and int(parts[1]) < len(formset.forms)):
        row = formset.forms[int(parts[1])]
        if parts[2] in row.fields:
            return row, parts[2]
    return form, None


def date_field(label, *, required: bool = True, **kwargs) -> forms.DateField:
    """A native date picker (<input type="date">) with Dutch messages."""
    return forms.DateField(
        label=label, required=required,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y"],
        error_messages={"required": gettext_lazy("Vul de datum in."),
                        "invalid": gettext_lazy("Vul een geldige datum in (dd-mm-jjjj).")},
        **kwargs)
