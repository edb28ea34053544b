"""The sign-in page as shown to someone locked out after too many failed tries."""

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import render
from django.utils.translation import gettext as _


def locked_out(request, original_response=None, credentials=None):
    """django-axes calls this for every refused sign-in (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = _(
        "Too many failed sign-in attempts. Signing in is paused for %(minutes)d minutes "
        "for this account and this address; try again later or reset your password."
    ) % {"minutes": minutes}
    context = {"form": AuthenticationForm(request), "locked_out": message}
    return render(request, "registration/login.html", context, status=429)
