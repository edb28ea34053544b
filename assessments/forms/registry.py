"""The legal instrument registry form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import LegalInstrument


class InstrumentForm(forms.ModelForm):
    confirm_duplicate = forms.BooleanField(
        label=_("Yes, this is a different instrument with the same number and date"),
        required=False,
    )

    class Meta:
        model = LegalInstrument
        fields = [
            "title",
            "number",
            "kind",
            "adopted_on",
            "adoption_note",
            "last_amended",
            "url",
        ]
        widgets = {"adopted_on": forms.DateInput(attrs={"type": "date"})}


class InstrumentFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("All types")), *LegalInstrument.Kind.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    q = forms.CharField(
        label=_("Search"), required=False, widget=forms.TextInput(attrs={"class": "form-control"})
    )
