"""Adding focal points."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .base import Form


class FocalPointForm(Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("Email"))
    institution = forms.CharField(label=_("Institution"), max_length=300)
