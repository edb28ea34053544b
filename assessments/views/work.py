"""'My work' and the assessment overview."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .. import permissions
from ..selectors.assessments import assessment_for, assessments_visible_to


@login_required
def my_work(request):
    assessments = assessments_visible_to(request.user)
    return render(request, "assessments/my_work.html", {"assessments": assessments})


@login_required
def assessment_detail(request, pk: int):
    assessment = assessment_for(request.user, pk)
    context = {"assessment": assessment, "can": permissions.capabilities(request.user, assessment)}
    return render(request, "assessments/assessment_detail.html", context)
