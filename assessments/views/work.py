"""'My work' and the questionnaire of an assessment."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .. import permissions
from ..selectors.assessments import assessment_for, assessments_in_progress
from ..selectors.next_step import next_step
from ..selectors.overview import assessment_overview
from ..selectors.setup import open_invitations_for
from ..selectors.work import worklist


@login_required
def my_work(request):
    worklists = [worklist(request.user, a) for a in assessments_in_progress(request.user)]
    # Work in progress first; finished assessments stay listed below, without their items.
    worklists.sort(key=lambda work: not work.active)
    context = {"worklists": worklists, "invitations": open_invitations_for(request.user)}
    return render(request, "assessments/my_work.html", context)


@login_required
def assessment_detail(request, pk: int):
    assessment = assessment_for(request.user, pk)
    work = worklist(request.user, assessment)
    overview = assessment_overview(assessment)
    context = {
        "assessment": assessment,
        "work": work,
        "overview": overview,
        "next_step": next_step(request.user, assessment, work, overview),
        "can_remind": permissions.can_remind(request.user, assessment),
        "can": permissions.capabilities(request.user, assessment),
    }
    return render(request, "assessments/assessment_detail.html", context)
