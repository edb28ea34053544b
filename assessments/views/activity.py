"""The activity feed of one assessment, read from its audit trail."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render

from .. import permissions
from ..selectors.assessments import assessment_for
from ..selectors.review import activity_for
from ..selectors.sentences import audit_sentences

PER_PAGE = 50


@login_required
def activity(request, pk: int):
    assessment = assessment_for(request.user, pk)
    if not permissions.can_view_activity(request.user, assessment):
        raise PermissionDenied
    page = Paginator(activity_for(assessment), PER_PAGE).get_page(request.GET.get("page"))
    audit_sentences(page.object_list)
    context = {"assessment": assessment, "page": page}
    return render(request, "assessments/review/activity.html", context)
