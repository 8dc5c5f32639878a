from django import forms
from django.utils.translation import gettext_lazy as _


class AssignForm(forms.Form):
    """A team lead (re)assigns the selected youth to a colleague, for good or as a cover."""

    jongeren = forms.MultipleChoiceField(label=_("Jongeren"), choices=(),
                                         widget=forms.CheckboxSelectMultiple)
    collega = forms.TypedChoiceField(label=_("Nieuwe contactpersoon"), coerce=int, choices=())
    tot_en_met = forms.DateField(
        label=_("Waarneming tot en met"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Alleen bij tijdelijke waarneming (afwezigheid): na deze datum komt de vaste "
                    "contactpersoon vanzelf terug. Leeg: de collega wordt de nieuwe vaste "
                    "contactpersoon."))
    reden = forms.CharField(label=_("Reden"), max_length=500,
                            widget=forms.TextInput(attrs={"autocomplete": "off"}))

    def __init__(self, *args, youth_ids=(), colleagues=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jongeren"].choices = [(str(i), str(i)) for i in youth_ids]
        self.fields["collega"].choices = [("", _("Kies een collega"))] + [
            (m.user_id, f"{m.user.get_full_name() or m.user.get_username()} "
                        f"({m.get_role_display()}, {m.team})") for m in colleagues]


class CoverEndForm(forms.Form):
    reden = forms.CharField(label=_("Reden"), max_length=500, required=False)
