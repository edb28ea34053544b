"""Confirming carried answers in one go: a page that lists what will be confirmed and what
the rules refuse, then one post (issue 31)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import permissions
from ..exceptions import ApplicationError
from ..forms.board import BulkConfirmForm
from ..selectors.assessments import assessment_for
from ..selectors.board import board_context
from ..selectors.confirm import confirm_plan
from ..selectors.work import assessment_indicators
from ..services.carry_over import carried_confirm_bulk


def _ministry_scope(request, assessment):
    """The coordinator may narrow the list to one ministry's indicators (?ministry=)."""
    if not permissions.can_manage_people(request.user, assessment):
        return "", [], None
    ctx = board_context(assessment)
    ministry = request.GET.get("ministry", "")
    if ministry not in ctx.scopes:
        return "", ctx.ministries, None
    scope = assessment_indicators(assessment).filter(ctx.scope_of(ministry))
    return ministry, ctx.ministries, set(scope.values_list("pk", flat=True))


@login_required
def carried_confirm_page(request, pk: int):
    assessment = assessment_for(request.user, pk)
    if not permissions.can_bulk_confirm(request.user, assessment):
        raise PermissionDenied
    if request.method == "POST":
        return _confirm(request, assessment)
    ministry, ministries, ids = _ministry_scope(request, assessment)
    context = {
        "assessment": assessment,
        "plan": confirm_plan(request.user, assessment, indicator_ids=ids),
        "ministry": ministry,
        "ministries": ministries,
    }
    return render(request, "assessments/carried_confirm.html", context)


def _confirm(request, assessment):
    form = BulkConfirmForm(request.POST)
    back = request.get_full_path()
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("answers", [_("Check the form.")])))
        return redirect(back)
    try:
        result = carried_confirm_bulk(
            assessment=assessment, user=request.user, answers=form.cleaned_data["answers"]
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect(back)
    n = len(result.confirmed)
    messages.success(
        request,
        ngettext(
            "%(n)d answer confirmed unchanged and submitted.",
            "%(n)d answers confirmed unchanged and submitted.",
            n,
        )
        % {"n": n},
    )
    for response, why in result.skipped:
        messages.warning(
            request,
            _("%(code)s was not confirmed: %(why)s")
            % {"code": response.indicator.code, "why": why},
        )
    return redirect(back)
