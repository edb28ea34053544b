"""The review board's filters and its bulk accept: they only validate what the URL or post says."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Level, Response
from ..selectors.board import BOARD_FILTERS, NO_LEVEL, SORTS, WAIVED, BoardContext

ANY = [("", _("Any"))]
CHECKBOX = forms.CheckboxInput(attrs={"class": "form-check-input"})


class BoardFilterForm(forms.Form):
    """The GET parameters of the board; a value that is not offered is ignored."""

    domain = forms.TypedChoiceField(label=_("Domain"), required=False, coerce=int)
    ministry = forms.ChoiceField(label=_("Ministry"), required=False)
    level = forms.ChoiceField(
        label=_("Level"),
        required=False,
        choices=ANY + list(Level.choices) + [(NO_LEVEL, _("Not yet answered"))],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=ANY + list(Response.Status.choices) + [(WAIVED, _("Waived"))],
    )
    no_evidence = forms.BooleanField(label=_("Without evidence"), required=False, widget=CHECKBOX)
    changed = forms.BooleanField(
        label=_("Changed since I last looked"), required=False, widget=CHECKBOX
    )
    since = forms.ChoiceField(
        label=_("Since the baseline"),
        required=False,
        choices=ANY
        + [
            ("changed", _("Changed since the baseline")),
            ("confirmed", _("Confirmed unchanged")),
            ("carried", _("Carried, not yet looked at")),
        ],
    )
    sort = forms.ChoiceField(
        required=False,
        choices=[(k, k) for k in SORTS] + [(f"-{k}", f"-{k}") for k in SORTS],
        widget=forms.HiddenInput,
    )

    def __init__(self, data, *, ctx: BoardContext):
        super().__init__(data)
        self.fields["domain"].choices = ANY + [(d.pk, str(d)) for d in ctx.domains]
        self.fields["ministry"].choices = ANY + [(m, m) for m in ctx.ministries]
        if not ctx.assessment.baseline_id:
            del self.fields["since"]

    def active(self) -> dict:
        """The filters to apply: each valid, non-empty field named in BOARD_FILTERS."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            name: data[name]
            for name in BOARD_FILTERS
            if name in data and data[name] not in ("", None, False)
        }

    def sort_key(self) -> str:
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get("sort") or "code"


class BulkAcceptForm(forms.Form):
    """Selected answers as "<response id>:<version seen>"; confirmed by a second step."""

    answers = forms.MultipleChoiceField(required=False)
    confirm = forms.BooleanField(required=False)

    def __init__(self, data):
        super().__init__(data)
        self.fields["answers"].choices = [(a, a) for a in data.getlist("answers")]

    def clean_answers(self) -> list[tuple[int, int]]:
        pairs = []
        for item in self.cleaned_data["answers"]:
            pk, _sep, version = item.partition(":")
            if not (pk.isdigit() and version.isdigit()):
                raise forms.ValidationError(_("The selection is not valid."), code="invalid")
            pairs.append((int(pk), int(version)))
        if not pairs:
            raise forms.ValidationError(_("Select at least one submitted answer."), code="empty")
        return pairs


class BulkConfirmForm(BulkAcceptForm):
    """Carried answers ticked on the confirmation page, as "<response id>:<version seen>"."""

    def clean_answers(self) -> list[tuple[int, int]]:
        if not self.cleaned_data["answers"]:
            raise forms.ValidationError(_("Tick at least one answer to confirm."), code="empty")
        return super().clean_answers()
