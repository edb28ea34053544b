"""The consultant's dashboard: all their assessments at a glance."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from .. import permissions
from ..selectors.review import dashboard_for


@login_required
def consultant_dashboard(request):
    if not permissions.can_use_dashboard(request.user):
        raise PermissionDenied
    assessments = dashboard_for(request.user)
    context = {
        "assessments": assessments,
        "can_create_assessment": permissions.can_create_assessment(request.user),
    }
    return render(request, "assessments/review/dashboard.html", context)
