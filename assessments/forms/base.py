"""The base of every form that takes user text: text is cleaned once, here, before validation."""

from django import forms
from django.core.validators import MaxLengthValidator

from ..text import clean_text

# Limits for text fields that name none: a finding, comment or note fits many times over;
# a 200,000-character paste does not. Emails: the database column's 254 (RFC 5321's path).
TEXT_MAX_LENGTH = 20_000
LINE_MAX_LENGTH = 1_000
EMAIL_MAX_LENGTH = 254


def limit_text_fields(form: forms.BaseForm) -> None:
    """Give every text field a maximum length that the form enforces with a message."""
    for field in form.fields.values():
        if not isinstance(field, forms.CharField):
            continue
        if isinstance(field, forms.EmailField):
            limit = min(field.max_length or EMAIL_MAX_LENGTH, EMAIL_MAX_LENGTH)
        elif field.max_length is not None:
            continue
        else:
            multiline = isinstance(field.widget, forms.Textarea)
            limit = TEXT_MAX_LENGTH if multiline else LINE_MAX_LENGTH
        field.max_length = limit
        field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
        field.validators.append(MaxLengthValidator(limit))
        field.widget.attrs["maxlength"] = str(limit)


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
    """NFC, no controls or invisible characters, in every CharField (line breaks in Textareas),
    and a maximum length on each."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_text_fields(self)

    def full_clean(self):
        limit_text_fields(self)  # again: subclasses add fields after __init__
        if self.is_bound:
            # Cleaned before validation, so that lengths and duplicates see the stored text and
            # a redisplayed form shows what will be kept.
            self.data = _cleaned_data_copy(self)
        super().full_clean()


class Form(CleanTextMixin, forms.Form):
    pass


class ModelForm(CleanTextMixin, forms.ModelForm):
    pass
