"""The consultant's form that starts an assessment."""

import re

from django import forms
from django.conf import settings
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ..models import Country
from ..selectors.setup import baseline_choices, countries, national_frameworks
from ..selectors.team import assignment_codes, baseline_team
from ..services.assessments import baseline_default
from .base import Form, limit_text_fields
from .languages import language_label

AUTO = "auto"
NONE = "none"
# Names typed per language: (label, maximum length, example shown under the working language's).
NAME_FIELDS = {
    "name": (_("Formal name of a new country"), 200, _('e.g. "the Kyrgyz Republic"')),
    "short_name": (_("Short name of a new country"), 100, _('e.g. "Kyrgyzstan"')),
    "edition": (_("Edition"), 200, _('e.g. "Second profile 2024"')),
}


class AssessmentForm(Form):
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
    # Optional when the baseline's coordinator is brought along (the team below).
    coordinator_email = forms.EmailField(label=_("Government coordinator's email"), required=False)
    coordinator_first_name = forms.CharField(
        label=_("Coordinator's first name"), max_length=150, required=False
    )
    coordinator_last_name = forms.CharField(
        label=_("Coordinator's last name"), max_length=150, required=False
    )
    coordinator_institution = forms.CharField(
        label=_("Coordinator's institution"), max_length=300, required=False
    )
    # The baseline's people, invited again; the page posts `team_from`, the baseline whose
    # people it listed, so that a team listed for another baseline is never carried.
    team = forms.MultipleChoiceField(required=False)

    def __init__(self, *args, suggested=None, team_data=None, **kwargs):
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
        self._team_init(self.data if self.is_bound else (team_data or {}))

    def _team_init(self, source) -> None:
        self.team_baseline = self._guess_baseline(source)
        self.team_members = {str(m.pk): m for m in baseline_team(self.team_baseline)}
        self.fields["team"].choices = [(pk, str(m.user)) for pk, m in self.team_members.items()]

    def team_from(self) -> str:
        return str(self.team_baseline.pk) if self.team_baseline else ""

    def _guess_baseline(self, source):
        """The baseline the form points at now, before validation: its team is offered."""
        value = source.get("baseline") or self.fields["baseline"].initial or AUTO
        if value == NONE:
            return None
        if value in self.baselines:
            return self.baselines[value]
        country = source.get("country")
        country = Country.objects.filter(pk=country).first() if str(country).isdigit() else None
        year = str(source.get("year") or "")
        editions = " ".join(str(v) for k, v in source.items() if k.startswith("edition"))
        years = re.findall(r"\b(20\d\d)\b", editions)
        year = int(year) if year.isdigit() else int(years[-1]) if years else None
        return baseline_default(country, year)

    @property
    def main_fields(self):
        return [self[name] for name in self.fields if name != "team"]

    @property
    def team_rows(self) -> list[dict]:
        """Each baseline member with their assignment codes and whether the box is ticked."""
        ticked = set(self.data.getlist("team")) if self.is_bound else set(self.team_members)
        return [
            {"member": m, "codes": assignment_codes(m), "checked": pk in ticked}
            for pk, m in self.team_members.items()
        ]

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
        self._clean_team(data)
        return data

    def _clean_team(self, data) -> None:
        if self.team_members and self.data.get("team_from", "") != self.team_from():
            self.add_error(
                None,
                _("The people listed were those of another baseline: check the team again."),
            )
        data["team"] = [self.team_members[pk] for pk in data.get("team") or []]
        brings_coordinator = any(m.role == "coordinator" for m in data["team"])
        if not data.get("coordinator_email"):
            if not brings_coordinator:
                self.add_error(
                    "coordinator_email",
                    _("Give the coordinator's email, or bring the baseline's coordinator."),
                )
            return
        for name in ("coordinator_first_name", "coordinator_last_name", "coordinator_institution"):
            if not data.get(name):
                self.add_error(name, self.fields[name].error_messages["required"])

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


class InvitationPasswordForm(SetPasswordForm):
    """The password of the account an invitation creates (validated against its names)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_text_fields(self)


class CancelForm(Form):
    """Why an assessment is cancelled (the service refuses an empty reason with its message)."""

    reason = forms.CharField(required=False, widget=forms.Textarea)
