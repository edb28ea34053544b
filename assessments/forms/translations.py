"""Translations of a finding and its footnotes: a text per language other than the working one."""

from django import forms
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from ..services.preferences import other_languages
from .base import Form


def _text_field(code: str, initial: str, rows: int) -> forms.CharField:
    return forms.CharField(
        label=get_language_info(code)["name_local"].capitalize(),
        required=False,
        initial=initial,
        help_text=_("Leave empty while there is no translation."),
        widget=forms.Textarea(attrs={"rows": rows, "lang": code, "class": "form-control"}),
    )


class FindingTranslationsForm(Form):
    """The finding's fields are named by language ("ru"); a footnote's by evidence and language."""

    def __init__(self, *args, working: str, initial_texts: dict, notes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.languages = other_languages(working)
        self.notes = [e for e in notes if e.note]
        for code in self.languages:
            self.fields[code] = _text_field(code, initial_texts.get(code, ""), rows=5)
        for evidence in self.notes:
            for code in self.languages:
                initial = (evidence.note_translations or {}).get(code, "")
                self.fields[self._note_key(evidence.pk, code)] = _text_field(code, initial, rows=2)

    @staticmethod
    def _note_key(pk: int, code: str) -> str:
        return f"note-{pk}-{code}"

    def finding_fields(self) -> list:
        return [self[code] for code in self.languages]

    def note_groups(self) -> list[tuple]:
        """(evidence, its translation fields) for each footnote, in the page's order."""
        return [
            (e, [self[self._note_key(e.pk, code)] for code in self.languages]) for e in self.notes
        ]

    def texts(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(code, "").strip() for code in self.languages}

    def note_texts(self) -> dict[int, dict[str, str]]:
        return {
            e.pk: {
                code: self.cleaned_data.get(self._note_key(e.pk, code), "").strip()
                for code in self.languages
            }
            for e in self.notes
        }
