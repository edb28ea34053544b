"""The review board, the review page of one answer, its actions, and stage moves."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions
from ..exceptions import ApplicationError
from ..forms.review import (
    AdvanceForm,
    CommentForm,
    FindingForm,
    PlacementForm,
    ResolveForm,
    ReturnForm,
    SelectionForm,
    WaiveForm,
)
from ..forms.translations import FindingTranslationsForm
from ..models import Assessment, Response
from ..selectors.assessments import assessment_for
from ..selectors.baseline import baseline_beside
from ..selectors.review import (
    assessment_indicators,
    comments_for,
    readiness,
    review_history,
)
from ..services import review, workflow


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _load(request, pk: int, code: str) -> tuple[Assessment, Response]:
    """The response the user may see (unsaved when nobody has started it); 404 otherwise."""
    assessment = assessment_for(request.user, pk)
    indicator = assessment_indicators(assessment).filter(code=code).first()
    if indicator is None:
        raise Http404
    response = (
        Response.objects.filter(assessment=assessment, indicator=indicator)
        .select_related("option")
        .first()
    ) or Response(assessment=assessment, indicator=indicator)
    response.assessment, response.indicator = assessment, indicator
    if not permissions.can_view_response(request.user, response):
        raise Http404
    return assessment, response


def _back(request, response: Response, anchor: str = ""):
    """Where a plain form post returns: a safe `next`, or the review page."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    url = reverse(
        "assessments:review-response", args=[response.assessment_id, response.indicator.code]
    )
    return redirect(url + anchor)


def comments_context(request, response: Response) -> dict:
    """Context of the _comments.html partial (also what the indicator page passes)."""
    return {
        "response": response,
        "comments": comments_for(response),
        "can_comment": permissions.can_comment_response(request.user, response),
        "can_resolve": permissions.can_resolve_comment(request.user, response.assessment),
    }


@login_required
def response_page(request, pk: int, code: str):
    assessment, response = _load(request, pk, code)
    user = request.user
    reviewer = permissions.can_review_response(user, response)
    evidence = (
        list(
            response.evidence.filter(removed_at__isnull=True).select_related("instrument", "source")
        )
        if response.pk
        else []
    )
    context = {
        "assessment": assessment,
        "indicator": response.indicator,
        "evidence": evidence,
        "history": review_history(response),
        "baseline": baseline_beside(response),
        "reviewer": reviewer,
        "moves": workflow.response_moves_open(response, user) if reviewer else set(),
        "can_edit_finding": reviewer and review.finding_editable(response, user),
        "can_place": reviewer and review.profile_editable(response, user),
        "next_step": permissions.next_step(response.assessment),
        "translations_form": FindingTranslationsForm(
            working=assessment.language,
            initial_texts=response.finding_translations,
            notes=evidence,
        )
        if response.pk and permissions.can_translate_finding(user, response)
        else None,
        "can_resubmit": response.status == Response.Status.RETURNED
        and permissions.can_edit_response(user, response),
        "return_form": ReturnForm(),
        "waive_form": WaiveForm(),
        "finding_form": FindingForm(
            initial={"finding": response.finding, "version": response.version},
            language=response.assessment.language,
        ),
        "placement_form": PlacementForm(
            initial={"placement": response.placement_override, "reason": response.placement_reason}
        ),
        "selection_form": SelectionForm(
            initial={"excluded": response.excluded_from_profile, "order": response.profile_order}
        ),
        **comments_context(request, response),
    }
    return render(request, "assessments/review/response.html", context)


@login_required
@require_POST
def response_comment(request, pk: int, code: str):
    assessment, response = _load(request, pk, code)
    form = CommentForm(request.POST)
    try:
        if not form.is_valid():
            raise ApplicationError(_("Write a comment first."))
        parent = None
        if form.cleaned_data["parent"]:
            parent = get_object_or_404(response.comments, pk=form.cleaned_data["parent"])
        review.comment_add(
            response=response, author=request.user, text=form.cleaned_data["text"], parent=parent
        )
        response = Response.objects.get(assessment=assessment, indicator=response.indicator)
    except ApplicationError as exc:
        if _is_htmx(request):
            context = {**comments_context(request, response), "error": exc.message}
            return render(request, "assessments/review/_comments.html", context, status=400)
        messages.error(request, exc.message)
        return _back(request, response, "#comments")
    if _is_htmx(request):
        return render(
            request, "assessments/review/_comments.html", comments_context(request, response)
        )
    messages.success(request, _("Comment posted."))
    return _back(request, response, "#comments")


def _act(request, pk: int, code: str, form_class, action, done: str):
    """Validate a form, call the service, say what happened, go back to the page."""
    assessment, response = _load(request, pk, code)
    form = form_class(request.POST) if form_class else None
    try:
        if form is not None and not form.is_valid():
            errors = [e for field in form.errors.values() for e in field]
            raise ApplicationError(" ".join(errors) or _("Check the form."))
        action(response, form.cleaned_data if form else {})
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return _back(request, response)


@login_required
@require_POST
def response_return(request, pk: int, code: str):
    def act(response, data):
        workflow.response_return(response=response, reviewer=request.user, comment=data["comment"])

    return _act(request, pk, code, ReturnForm, act, _("Returned to the focal point."))


@login_required
@require_POST
def response_accept(request, pk: int, code: str):
    def act(response, data):
        workflow.response_accept(response=response, reviewer=request.user)

    return _act(request, pk, code, None, act, _("Accepted."))


@login_required
@require_POST
def response_waive(request, pk: int, code: str):
    def act(response, data):
        workflow.response_waive(response=response, reviewer=request.user, reason=data["reason"])

    return _act(request, pk, code, WaiveForm, act, _("Waiver recorded."))


@login_required
@require_POST
def response_resubmit(request, pk: int, code: str):
    def act(response, data):
        workflow.response_submit(response=response, user=request.user)

    return _act(request, pk, code, None, act, _("Resubmitted for review. Thank you."))


@login_required
@require_POST
def response_finding(request, pk: int, code: str):
    def act(response, data):
        review.finding_edit(
            response=response,
            reviewer=request.user,
            finding=data["finding"],
            version=data["version"],
        )

    return _act(request, pk, code, FindingForm, act, _("Finding saved as your revision."))


@login_required
@require_POST
def response_placement(request, pk: int, code: str):
    def act(response, data):
        review.placement_override(
            response=response,
            reviewer=request.user,
            placement=data["placement"],
            reason=data["reason"],
        )

    return _act(request, pk, code, PlacementForm, act, _("Placement saved."))


@login_required
@require_POST
def response_selection(request, pk: int, code: str):
    def act(response, data):
        review.profile_selection_set(
            response=response,
            reviewer=request.user,
            excluded=data["excluded"],
            order=data["order"],
        )

    return _act(request, pk, code, SelectionForm, act, _("Profile selection saved."))


@login_required
@require_POST
def comment_resolve(request, pk: int, code: str, comment_pk: int):
    assessment, response = _load(request, pk, code)
    if response.pk is None:
        raise Http404
    comment = get_object_or_404(response.comments, pk=comment_pk)
    form = ResolveForm(request.POST)
    form.is_valid()
    try:
        review.comment_resolve(
            comment=comment, user=request.user, note=form.cleaned_data.get("note", "")
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Comment resolved."))
    if _is_htmx(request):
        return render(
            request, "assessments/review/_comments.html", comments_context(request, response)
        )
    return _back(request, response, "#comments")


# --- Stages -------------------------------------------------------------------------------
@login_required
def advance(request, pk: int):
    """GET: where the assessment stands and which moves are open; POST: make one."""
    assessment = assessment_for(request.user, pk)
    if request.method == "POST":
        form = AdvanceForm(request.POST)
        try:
            if not form.is_valid():
                raise ApplicationError(_("Choose a stage."))
            workflow.assessment_advance(
                assessment=assessment,
                actor=request.user,
                to_stage=form.cleaned_data["to_stage"],
                reason=form.cleaned_data["reason"],
                confirm=form.cleaned_data["confirm"],
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
            return redirect("assessments:assessment-advance", assessment.pk)
        messages.success(request, _("The assessment moved to the next stage."))
        return redirect(assessment.get_absolute_url())
    moves = permissions.stages_open_to(request.user, assessment)
    context = {
        "assessment": assessment,
        "stages": Assessment.Stage.choices,
        "moves": [(stage, Assessment.Stage(stage).label) for stage in moves],
        "next_step": permissions.next_step(assessment),
        "readiness": readiness(assessment) if moves else None,
        "open_profile_comments": workflow.open_profile_comments(assessment),
        "form": AdvanceForm(),
        "can": permissions.capabilities(request.user, assessment),
    }
    return render(request, "assessments/review/stage.html", context)
