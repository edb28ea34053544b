"""The base of every form that takes user text: text is cleaned once, here, before validation."""

from django import forms

from ..text import clean_text


def _cleaned_data_copy(form: forms.BaseForm):
    """The submitted data with every text field's values passed through clean_text."""
    data = form.data.copy()
    for name, field in form.fields.items():
        if not isinstance(field, forms.CharField):
            continue
        key = form.add_prefix(name)
        if key not in data:
            continue
        multiline = isinstance(field.widget, forms.Textarea)
        if hasattr(data, "setlist"):
            data.setlist(key, [clean_text(v, multiline) for v in data.getlist(key)])
        elif isinstance(data[key], str):
            data[key] = clean_text(data[key], multiline)
    return data


class CleanTextMixin:
    """NFC, no controls or invisible characters, in every CharField (line breaks in Textareas)."""

    def full_clean(self):
        if self.is_bound:
            # Cleaned before validation, so that lengths and duplicates see the stored text and
            # a redisplayed form shows what will be kept.
            self.data = _cleaned_data_copy(self)
        super().full_clean()


class Form(CleanTextMixin, forms.Form):
    pass


class ModelForm(CleanTextMixin, forms.ModelForm):
    pass
