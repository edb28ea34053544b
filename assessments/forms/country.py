"""The country form (admin): names in the country's language, then in each other language."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ..models import Country
from .base import ModelForm
from .languages import language_label

NAMES = {"name": _("Formal name"), "short_name": _("Short name")}
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _name(key: str, code: str) -> forms.CharField:
    """One name in one language; the country's own language's is disabled at init."""
    return forms.CharField(
        required=False,
        max_length=Country._meta.get_field(key).max_length,
        help_text=_("Empty: the standard name of the country in this language."),
        widget=forms.TextInput(attrs={"lang": code}),
    )


class CountryForm(ModelForm):
    """The names typed in the country's language are the originals; the others translations."""

    name_en, short_name_en = _name("name", "en"), _name("short_name", "en")
    name_ru, short_name_ru = _name("name", "ru"), _name("short_name", "ru")
    name_fr, short_name_fr = _name("name", "fr"), _name("short_name", "fr")
    name_es, short_name_es = _name("name", "es"), _name("short_name", "es")

    class Meta:
        model = Country
        fields = ["code", "language", "name", "short_name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        own = self.instance.language or settings.LANGUAGE_CODE
        translations = self.instance.translations or {}
        for key, label in NAMES.items():
            self.fields[key].label = language_label(label, own, own, registry=True)
            for code in LANGUAGES:
                field = self.fields[f"{key}_{code}"]
                field.label = language_label(label, code, own)
                field.initial = (translations.get(code) or {}).get(key, "")
                if code == own:
                    field.disabled = True
                    field.help_text = _("The country's language: its names are the fields above.")

    def clean(self):
        cleaned = super().clean()
        own = cleaned.get("language") or settings.LANGUAGE_CODE
        translations = {}
        for code in LANGUAGES:
            names = {k: (cleaned.get(f"{k}_{code}") or "").strip() for k in NAMES}
            names = {k: v for k, v in names.items() if v}
            if code != own and names:
                translations[code] = names
        self.instance.translations = translations
        return cleaned
