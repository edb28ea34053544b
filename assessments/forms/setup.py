"""The consultant's form that starts an assessment."""

import re

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ..selectors.setup import baseline_choices, countries, national_frameworks
from .languages import language_label

AUTO = "auto"
NONE = "none"
# Names typed per language: (label, maximum length, example shown under the working language's).
NAME_FIELDS = {
    "name": (_("Formal name of a new country"), 200, _('e.g. "the Kyrgyz Republic"')),
    "short_name": (_("Short name of a new country"), 100, _('e.g. "Kyrgyzstan"')),
    "edition": (_("Edition"), 200, _('e.g. "Second profile 2024"')),
}


class AssessmentForm(forms.Form):
    country = forms.ModelChoiceField(
        label=_("Country"),
        queryset=countries(),
        required=False,
        empty_label=_("A new country (fill in below)"),
    )
    code = forms.CharField(label=_("ISO 3166 code of a new country"), max_length=2, required=False)
    language = forms.ChoiceField(label=_("Working language"), choices=settings.LANGUAGES)
    year = forms.IntegerField(
        label=_("Year"),
        min_value=2000,
        max_value=2100,
        required=False,
        help_text=_("Taken from the edition when left empty."),
    )
    framework = forms.ModelChoiceField(label=_("Framework"), queryset=national_frameworks())
    covid_module = forms.BooleanField(label=_("COVID-19 module"), required=False)
    baseline = forms.ChoiceField(label=_("Baseline"), required=False)
    coordinator_email = forms.EmailField(label=_("Government coordinator's email"))
    coordinator_first_name = forms.CharField(label=_("Coordinator's first name"), max_length=150)
    coordinator_last_name = forms.CharField(label=_("Coordinator's last name"), max_length=150)
    coordinator_institution = forms.CharField(label=_("Coordinator's institution"), max_length=300)

    def __init__(self, *args, suggested=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The consultant's interface language is the likeliest working language (issue 32).
        interface = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        if interface in dict(settings.LANGUAGES):
            self.fields["language"].initial = interface
        self._add_names(working=self.data.get("language") or self.fields["language"].initial)
        self.baselines = {str(a.pk): a for a in baseline_choices()}
        self.fields["baseline"].choices = [
            (AUTO, _("The country's latest earlier assessment, if there is one")),
            (NONE, _("None: this is a first profile")),
        ] + [(pk, f"{a} ({a.year})") for pk, a in self.baselines.items()]
        self.fields["baseline"].initial = str(suggested.pk) if suggested else AUTO
        frameworks = list(self.fields["framework"].queryset)
        if len(frameworks) == 1:
            self.fields["framework"].initial = frameworks[0].pk

    def _add_names(self, working: str) -> None:
        """Country and edition names per language; the working language's come first."""
        codes = sorted(dict(settings.LANGUAGES), key=lambda code: code != working)
        self.name_groups = []
        for code in codes:
            group = []
            for kind, (label, length, example) in NAME_FIELDS.items():
                key = f"{kind}_{code}"
                self.fields[key] = forms.CharField(
                    label=language_label(label, code, working),
                    max_length=length,
                    required=False,
                    help_text=example if code == working else "",
                    widget=forms.TextInput(attrs={"lang": code, "data-name-kind": kind}),
                )
                group.append(key)
            self.name_groups.append((code, group))
        # Name fields sit between the working language and the year, in the page's order.
        order = ["country", "code", "language", *(k for _c, g in self.name_groups for k in g)]
        self.order_fields(order)

    def clean(self):
        data = super().clean()
        if not data.get("country") and not data.get("code"):
            raise forms.ValidationError(_("Pick a country or give the ISO code of a new one."))
        code = (data.get("code") or "").upper()
        if code and not re.fullmatch(r"[A-Z]{2}", code):
            self.add_error("code", _("An ISO 3166 code has two letters, e.g. UZ."))
        working = data.get("language") or settings.LANGUAGE_CODE
        for kind in NAME_FIELDS:
            # Older clients post one name per kind ("edition"): it is the working language's.
            data[f"{kind}_{working}"] = (
                data.get(f"{kind}_{working}") or (self.data.get(kind) or "").strip()
            )
        data["edition"] = data[f"edition_{working}"]
        if not data["edition"]:
            self.add_error(
                f"edition_{working}", _("Give the edition's name in the working language.")
            )
        if data.get("edition") and not data.get("year"):
            years = re.findall(r"\b(20\d\d)\b", data["edition"])
            if years:
                data["year"] = int(years[-1])
        if not data.get("year"):
            self.add_error("year", _("Give the year of the assessment."))
        return data

    def label_variants(self) -> dict[str, dict[str, str]]:
        """Each name field's label with and without the working-language mark, for the page's
        script that follows the choice of working language."""
        variants = {}
        for code, keys in self.name_groups:
            for key in keys:
                label = NAME_FIELDS[key.removesuffix(f"_{code}")][0]
                variants[key] = {
                    "working": language_label(label, code, code),
                    "other": language_label(label, code, ""),
                }
        return variants

    def names(self, kind: str) -> dict[str, str]:
        """{language: text} of one kind of name ("name", "short_name", "edition"), as typed."""
        return {
            code: self.cleaned_data.get(f"{kind}_{code}", "")
            for code in dict(settings.LANGUAGES)
            if self.cleaned_data.get(f"{kind}_{code}")
        }

    def baseline_value(self):
        """An assessment, None for a first profile, or AUTO."""
        value = self.cleaned_data.get("baseline") or AUTO
        if value in (AUTO, NONE):
            return AUTO if value == AUTO else None
        return self.baselines.get(value)
