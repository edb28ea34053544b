"""The legal instrument registry forms."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ..dates import parse_partial_date, partial_date_input
from ..models import LegalInstrument
from ..services.preferences import other_languages
from ..services.translations import merge_translations
from .base import Form, ModelForm
from .languages import language_label

# Texts written in the country's language, each with a translation per other language.
TRANSLATED = {"title": _("Title"), "adoption_note": _("Adoption note")}
DATE_HELP = _(
    'A full date, a month ("04/2019" or "2019-04") or a year ("2019"), as the law is cited.'
)


class PartialDateField(forms.CharField):
    """Accepts "2019", "04/2019", "2019-04" or a full date; cleans to (date, precision)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("help_text", DATE_HELP)
        super().__init__(**kwargs)

    def clean(self, value):
        text = super().clean(value)
        if not text:
            return None
        parsed = parse_partial_date(text)
        if parsed is None:
            raise forms.ValidationError(
                _('Write the date as "30.07.2002", "2002-07-30", "07/2002" or "2002".'),
                code="invalid",
            )
        return parsed


class AdoptionDateMixin:
    """One date field for full, month-and-year and year-only dates; precision kept on the entry."""

    def __init__(self, *args, **kwargs):
        given = kwargs.get("initial") or {}
        super().__init__(*args, **kwargs)
        instance = self.instance
        if instance.adopted_on and "adopted_on" not in given:
            self.initial["adopted_on"] = partial_date_input(
                instance.adopted_on, instance.adopted_precision
            )

    def clean_adopted_on(self):
        parsed = self.cleaned_data.get("adopted_on")
        if parsed is None:
            self.instance.adopted_precision = LegalInstrument.Precision.DAY
            return None
        day, precision = parsed
        self.instance.adopted_precision = precision
        return day


class InstrumentForm(AdoptionDateMixin, ModelForm):
    adopted_on = PartialDateField(label=_("Date of adoption"), required=False)
    confirm_duplicate = forms.BooleanField(
        label=_("Yes, this is a different instrument: save it"),
        required=False,
    )
    keep_letters = forms.BooleanField(
        label=_("Keep these letters as typed"),
        required=False,
    )

    class Meta:
        model = LegalInstrument
        fields = [
            "title",
            "number",
            "kind",
            "status",
            "adopted_on",
            "adoption_note",
            "last_amended",
            "replaced_by",
            "url",
            "annex_pinned",
        ]

    def __init__(self, *args, annex_marking: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if not annex_marking:
            # Only consultants choose the uncited entries that the annex lists too.
            del self.fields["annex_pinned"]
        replaced_by = self.fields["replaced_by"]
        replaced_by.queryset = LegalInstrument.objects.filter(
            country_id=self.instance.country_id, merged_into__isnull=True
        ).exclude(pk=self.instance.pk)
        replaced_by.help_text = _("For a repealed or superseded instrument: what replaced it.")
        self.fields["status"].required = False
        # The title is written in the country's language (issue 32); the title as the law is
        # published in each other language follows. A profile in that language prints it, and
        # the title in its own language, in italics, where there is none.
        own = self.registry_language()
        for name, label in TRANSLATED.items():
            self.fields[name].label = language_label(label, own, own, registry=True)
            self.fields[name].widget.attrs["lang"] = own
            translated = getattr(self.instance, f"{name}_translations") or {}
            for code in other_languages(own):
                self.fields[f"{name}_{code}"] = forms.CharField(
                    label=language_label(label, code, own),
                    required=False,
                    max_length=LegalInstrument._meta.get_field(name).max_length,
                    initial=translated.get(code, ""),
                    widget=forms.TextInput(attrs={"lang": code}),
                )

    def registry_language(self) -> str:
        country = getattr(self.instance, "country", None) if self.instance.country_id else None
        return country.language if country else settings.LANGUAGE_CODE

    def typed_texts(self) -> dict[str, str]:
        """{label: text} of the title, number and titles per language, for the script check."""
        names = [n for n in self.fields if n in ("title", "number") or n.startswith("title_")]
        return {str(self.fields[n].label): self.cleaned_data.get(n) or "" for n in names}

    def clean_status(self):
        return self.cleaned_data.get("status") or LegalInstrument.Status.IN_FORCE

    def clean(self):
        cleaned = super().clean()
        languages = other_languages(self.registry_language())
        for name in TRANSLATED:
            texts = {code: cleaned.get(f"{name}_{code}") or "" for code in languages}
            attribute = f"{name}_translations"
            setattr(
                self.instance,
                attribute,
                merge_translations(getattr(self.instance, attribute), texts),
            )
        return cleaned


class InstrumentFilterForm(Form):
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("All types")), *LegalInstrument.Kind.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    q = forms.CharField(
        label=_("Search"), required=False, widget=forms.TextInput(attrs={"class": "form-control"})
    )
