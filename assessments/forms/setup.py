"""The consultant's form that starts an assessment."""

import re

from django import forms
from django.conf import settings
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _

from ..selectors.setup import baseline_choices, countries, national_frameworks
from .base import Form, limit_text_fields

AUTO = "auto"
NONE = "none"


class AssessmentForm(Form):
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=countries(),
        required=False,
        empty_label=_("A new country (fill in below)"),
    )
    code = forms.CharField(label=_("ISO 3166 code of a new country"), max_length=2, required=False)
    name = forms.CharField(
        label=_("Formal name"),
        max_length=200,
        required=False,
        help_text=_('e.g. "the Kyrgyz Republic"'),
    )
    short_name = forms.CharField(
        label=_("Short name"), max_length=100, required=False, help_text=_('e.g. "Kyrgyzstan"')
    )
    edition = forms.CharField(
        label=_("Edition"), max_length=200, help_text=_('e.g. "Second profile 2024"')
    )
    year = forms.IntegerField(
        label=_("Year"),
        min_value=2000,
        max_value=2100,
        required=False,
        help_text=_("Taken from the edition when left empty."),
    )
    framework = forms.ModelChoiceField(label=_("Framework"), queryset=national_frameworks())
    covid_module = forms.BooleanField(label=_("COVID-19 module"), required=False)
    language = forms.ChoiceField(label=_("Working language"), choices=settings.LANGUAGES)
    baseline = forms.ChoiceField(label=_("Baseline"), required=False)
    coordinator_email = forms.EmailField(label=_("Government coordinator's email"))
    coordinator_first_name = forms.CharField(label=_("Coordinator's first name"), max_length=150)
    coordinator_last_name = forms.CharField(label=_("Coordinator's last name"), max_length=150)
    coordinator_institution = forms.CharField(label=_("Coordinator's institution"), max_length=300)

    def __init__(self, *args, suggested=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.baselines = {str(a.pk): a for a in baseline_choices()}
        self.fields["baseline"].choices = [
            (AUTO, _("The country's latest earlier assessment, if there is one")),
            (NONE, _("None: this is a first profile")),
        ] + [(pk, f"{a} ({a.year})") for pk, a in self.baselines.items()]
        self.fields["baseline"].initial = str(suggested.pk) if suggested else AUTO
        frameworks = list(self.fields["framework"].queryset)
        if len(frameworks) == 1:
            self.fields["framework"].initial = frameworks[0].pk

    def clean(self):
        data = super().clean()
        if not data.get("country") and not data.get("code"):
            raise forms.ValidationError(_("Pick a country or give the ISO code of a new one."))
        code = (data.get("code") or "").upper()
        if code and not re.fullmatch(r"[A-Z]{2}", code):
            self.add_error("code", _("An ISO 3166 code has two letters, e.g. UZ."))
        if data.get("edition") and not data.get("year"):
            years = re.findall(r"\b(20\d\d)\b", data["edition"])
            if years:
                data["year"] = int(years[-1])
        if not data.get("year"):
            self.add_error("year", _("Give the year of the assessment."))
        return data

    def baseline_value(self):
        """An assessment, None for a first profile, or AUTO."""
        value = self.cleaned_data.get("baseline") or AUTO
        if value in (AUTO, NONE):
            return AUTO if value == AUTO else None
        return self.baselines.get(value)


class InvitationPasswordForm(SetPasswordForm):
    """The password of the account an invitation creates (validated against its names)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_text_fields(self)


class CancelForm(Form):
    """Why an assessment is cancelled (the service refuses an empty reason with its message)."""

    reason = forms.CharField(required=False, widget=forms.Textarea)
