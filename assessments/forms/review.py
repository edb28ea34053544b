"""Forms of the review area: they validate input; services do the rest."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Assessment, Response
from .base import Form


class CommentForm(Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ReturnForm(Form):
    comment = forms.CharField(
        label=_("What needs to change"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The focal points assigned to this indicator and the coordinator are emailed."),
    )


class WaiveForm(Form):
    reason = forms.CharField(
        label=_("Why this answer may be missing"), widget=forms.Textarea(attrs={"rows": 2})
    )


class FindingForm(Form):
    finding = forms.CharField(label=_("Finding"), widget=forms.Textarea(attrs={"rows": 6}))
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, language: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if language:  # the finding is written in the assessment's language
            self.fields["finding"].widget.attrs["lang"] = language


class PlacementForm(Form):
    placement = forms.ChoiceField(
        label=_("Place in the profile"), choices=Response.Placement.choices, required=False
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when the placement differs from what the answer suggests."),
    )

    def clean(self):
        data = super().clean()
        if data.get("placement") and not (data.get("reason") or "").strip():
            self.add_error("reason", forms.ValidationError(_("Give a reason."), code="required"))
        return data


class SelectionForm(Form):
    excluded = forms.BooleanField(label=_("Leave out of the profile"), required=False)
    order = forms.IntegerField(label=_("Position within its section"), required=False, min_value=0)


class ResolveForm(Form):
    note = forms.CharField(
        label=_("Resolution note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class AdvanceForm(Form):
    to_stage = forms.ChoiceField(choices=Assessment.Stage.choices, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason or note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    confirm = forms.BooleanField(label=_("Validate despite open comments"), required=False)
