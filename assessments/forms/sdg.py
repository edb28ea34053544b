"""The coordinator's answer to one 10.7.2 sub-category."""

from django import forms
from django.utils.translation import gettext_lazy as _


class SdgOverrideForm(forms.Form):
    CHOICES = [
        ("suggested", _("Use the suggestion")),
        ("yes", _("Yes")),
        ("no", _("No")),
    ]

    answer = forms.ChoiceField(label=_("Answer"), choices=CHOICES)
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )

    def clean(self):
        data = super().clean()
        if data.get("answer") in ("yes", "no") and not (data.get("reason") or "").strip():
            self.add_error(
                "reason", forms.ValidationError(_("Say why the answer differs."), code="reason")
            )
        return data
