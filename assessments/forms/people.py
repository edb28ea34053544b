"""Adding people to an assessment: focal points, coordinators and, for consultants, colleagues."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Membership
from .base import Form

Role = Membership.Role


class FocalPointForm(Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("Email"))
    institution = forms.CharField(label=_("Institution"), max_length=300)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=[
            (Role.FOCAL_POINT, Role.FOCAL_POINT.label),
            (Role.COORDINATOR, Role.COORDINATOR.label),
        ],
        initial=Role.FOCAL_POINT,
        required=False,
    )

    def __init__(self, *args, consultants: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if consultants:
            self.fields["role"].choices = [
                *self.fields["role"].choices,
                (Role.CONSULTANT, Role.CONSULTANT.label),
            ]

    def clean_role(self) -> str:
        return self.cleaned_data.get("role") or Role.FOCAL_POINT


class MemberChangeForm(forms.Form):
    """Change a member's role, or remove them."""

    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, required=False)
    remove = forms.BooleanField(required=False)
