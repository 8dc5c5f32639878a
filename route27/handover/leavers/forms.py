"""The upload form of the leavers import."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy


class LeaversFileForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Bestand met schoolverlaters"),
        help_text=gettext_lazy("CSV (UTF-8, gescheiden door ; of ,) of Excel (.xlsx, het "
                               "eerste werkblad), hoogstens 2000 leerlingen en 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}))
