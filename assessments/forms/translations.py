"""Translations of a finding: one text per language other than the working one."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _


def other_languages(working: str) -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != working]


class FindingTranslationsForm(forms.Form):
    def __init__(self, *args, working: str, initial_texts: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for code in other_languages(working):
            self.fields[code] = forms.CharField(
                label=get_language_info(code)["name_local"].capitalize(),
                required=False,
                initial=initial_texts.get(code, ""),
                help_text=_("Leave empty while there is no translation."),
                widget=forms.Textarea(attrs={"rows": 5, "lang": code, "class": "form-control"}),
            )

    def texts(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(code, "").strip() for code in self.fields}
