"""The workbook upload and the choices of the import preview."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..services.xlsx_format import MAX_BYTES


class WorkbookUploadForm(forms.Form):
    workbook = forms.FileField(
        label=_("Filled workbook (.xlsx)"),
        help_text=_("The workbook exported from this assessment; at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean_workbook(self):
        file = self.cleaned_data["workbook"]
        if file.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is %(size).1f MB; the limit is 5 MB."),
                code="too_large",
                params={"size": file.size / 1_048_576},
            )
        return file

    def content(self) -> bytes:
        file = self.cleaned_data["workbook"]
        file.seek(0)
        return file.read()


def chosen_conflicts(values: list[str]) -> dict[str, int]:
    """`code:version` pairs ticked as "use the workbook's text" → {code: version}."""
    chosen = {}
    for value in values:
        code, _sep, version = value.rpartition(":")
        if code and version.isdigit():
            chosen[code] = int(version)
    return chosen
