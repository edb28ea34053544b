"""The review board: filters kept in the URL, sorting, and bulk accept in one confirmed step."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from .. import permissions
from ..exceptions import ApplicationError
from ..forms.board import BoardFilterForm, BulkAcceptForm
from ..models import Response
from ..selectors.assessments import assessment_for
from ..selectors.board import SORTS, board_context, review_board
from ..services.board import board_visit_record, responses_accept_bulk


def _sort_links(request, current: str) -> dict[str, dict]:
    """Per column: the URL that sorts by it (again: the other way) and its aria-sort value."""
    links = {}
    for key in SORTS:
        query = request.GET.copy()
        query["sort"] = f"-{key}" if current == key else key
        state = {key: "ascending", f"-{key}": "descending"}.get(current, "none")
        links[key] = {"url": f"?{query.urlencode()}", "aria": state}
    return links


@login_required
def board(request, pk: int):
    assessment = assessment_for(request.user, pk)
    if not permissions.can_review(request.user, assessment):
        raise PermissionDenied
    since = board_visit_record(session=request.session, assessment=assessment)
    ctx = board_context(assessment, since=since)
    form = BoardFilterForm(request.GET, ctx=ctx)
    sort = form.sort_key()
    context = {
        "assessment": assessment,
        "form": form,
        "board": review_board(ctx, filters=form.active(), sort=sort),
        "since": since,
        "sorts": _sort_links(request, sort),
        "can_bulk_accept": permissions.can_bulk_accept(request.user, assessment),
        "here": request.get_full_path(),
        "can": permissions.capabilities(request.user, assessment),
    }
    template = "_board.html" if request.headers.get("HX-Request") == "true" else "board.html"
    return render(request, f"assessments/review/{template}", context)


def _board_url(request, assessment) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return reverse("assessments:review-board", args=[assessment.pk])


@login_required
@require_POST
def bulk_accept(request, pk: int):
    """First post: confirm the selection; second post (confirm): accept each answer."""
    assessment = assessment_for(request.user, pk)
    if not permissions.can_bulk_accept(request.user, assessment):
        raise PermissionDenied
    form = BulkAcceptForm(request.POST)
    back = _board_url(request, assessment)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("answers", [_("Check the form.")])))
        return redirect(back)
    answers = form.cleaned_data["answers"]
    if not form.cleaned_data["confirm"]:
        chosen = Response.objects.filter(
            assessment=assessment, pk__in=[pk for pk, _v in answers]
        ).select_related("indicator", "option")
        context = {"assessment": assessment, "answers": chosen, "form": form, "next": back}
        return render(request, "assessments/review/bulk_accept.html", context)
    try:
        result = responses_accept_bulk(
            assessment=assessment, reviewer=request.user, answers=answers
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect(back)
    n = len(result.accepted)
    messages.success(
        request, ngettext("%(n)d answer accepted.", "%(n)d answers accepted.", n) % {"n": n}
    )
    for response, why in result.skipped:
        messages.warning(
            request,
            _("%(code)s was not accepted: %(why)s.")
            % {"code": response.indicator.code, "why": why.rstrip(".")},
        )
    return redirect(back)
