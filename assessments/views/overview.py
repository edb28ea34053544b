"""The coordinator's reminder to a ministry's focal points, posted from the overview."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from .. import permissions
from ..exceptions import ApplicationError
from ..selectors.assessments import assessment_for
from ..services.reminders import ministry_remind


@login_required
@require_POST
def remind(request, pk: int):
    assessment = assessment_for(request.user, pk)
    if not permissions.can_remind(request.user, assessment):
        raise PermissionDenied
    try:
        sent = ministry_remind(
            assessment=assessment,
            actor=request.user,
            institution=request.POST.get("institution", ""),
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        n = len(sent)
        messages.success(
            request,
            ngettext("%(n)d focal point reminded.", "%(n)d focal points reminded.", n) % {"n": n},
        )
    return redirect(assessment.get_absolute_url() + "#progress")
