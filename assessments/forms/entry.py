"""Forms of the indicator page: the answer, and evidence."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import AnswerOption, LegalInstrument, Source
from .base import Form, ModelForm
from .registry import AdoptionDateMixin, PartialDateField


class OptionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: AnswerOption) -> str:
        return obj.tr("label")


class ResponseForm(Form):
    option = OptionChoiceField(
        label=_("Answer"),
        queryset=AnswerOption.objects.none(),
        widget=forms.RadioSelect,
        required=False,
        empty_label=None,
    )
    finding = forms.CharField(
        label=_("Finding"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "class": "finding-text"}),
        help_text=_("The paragraph that will appear in the profile."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"].queryset = indicator.options.all()


class EvidenceForm(Form):
    instrument = forms.ModelChoiceField(
        label=_("Legal instrument"),
        queryset=LegalInstrument.objects.none(),
        required=False,
        help_text=_("Choose from the registry, or add a new one below."),
    )
    source = forms.ModelChoiceField(
        label=_("Source"), queryset=Source.objects.none(), required=False
    )
    source_organization = forms.CharField(
        label=_("New source: organization or author"), required=False, max_length=400
    )
    source_year = forms.CharField(label=_("Year"), required=False, max_length=20)
    source_title = forms.CharField(label=_("Title"), required=False)
    source_url = forms.URLField(label=_("Link"), required=False, max_length=500)
    confirm_new_source = forms.BooleanField(
        label=_("Yes, this is a different source: add it"), required=False
    )
    keep_letters = forms.BooleanField(label=_("Keep these letters as typed"), required=False)
    locator = forms.CharField(
        label=_("Article or page"), required=False, max_length=200, help_text=_('e.g. "Article 9"')
    )
    note = forms.CharField(
        label=_("Footnote"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Appears as a footnote to the finding in the profile."),
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, DOCX, XLSX, ODT, PNG or JPEG, at most 20 MB."),
    )

    def __init__(self, *args, assessment, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].queryset = LegalInstrument.objects.filter(
            country_id=assessment.country_id, merged_into__isnull=True
        )
        self.fields["source"].queryset = Source.objects.filter(assessment=assessment)

    def typed_texts(self) -> dict[str, str]:
        """{label: text} of the new source's fields, for the script check."""
        names = ("source_organization", "source_title")
        return {str(self.fields[n].label): self.cleaned_data.get(n) or "" for n in names}

    def has_new_source(self) -> bool:
        data = self.cleaned_data
        return bool(data.get("source_organization") or data.get("source_title"))

    def clean(self):
        data = super().clean()
        if self.has_new_source() and not (
            data.get("source_organization") and data.get("source_title")
        ):
            raise forms.ValidationError(
                _("A new source needs an organization or author and a title."), code="source"
            )
        return data


class NewInstrumentForm(AdoptionDateMixin, ModelForm):
    """The small inline form that adds a law to the registry while citing it."""

    adopted_on = PartialDateField(label=_("Date of adoption"), required=False)

    class Meta:
        model = LegalInstrument
        fields = ["title", "number", "kind", "adopted_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self.fields[name].required = False

    def is_filled(self) -> bool:
        return bool(self.is_bound and (self.data.get(self.add_prefix("title")) or "").strip())

    def clean(self):
        data = super().clean()
        if self.is_filled() and not data.get("kind"):
            raise forms.ValidationError(_("Choose the type of the new instrument."), code="kind")
        return data
