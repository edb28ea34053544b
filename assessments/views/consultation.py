"""Consultation on the draft profile: comments per section, resolved by consultants."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions
from ..exceptions import ApplicationError
from ..forms.review import CommentForm, ResolveForm
from ..selectors.assessments import assessment_for
from ..selectors.review import consultation_threads
from ..services import consultation


@login_required
def consultation_page(request, pk: int):
    """GET: the sections and their threads; POST: a comment or reply on one section."""
    assessment = assessment_for(request.user, pk)
    if request.method == "POST":
        form = CommentForm(request.POST)
        section = request.POST.get("section", "")
        try:
            if not form.is_valid():
                # Too long says so; empty asks for a comment.
                too_long = form.data.get("text") and form.errors.get("text")
                raise ApplicationError(
                    " ".join(too_long) if too_long else _("Write a comment first.")
                )
            parent = None
            if form.cleaned_data["parent"]:
                parent = get_object_or_404(
                    assessment.comments, pk=form.cleaned_data["parent"], response__isnull=True
                )
            consultation.profile_comment_add(
                assessment=assessment,
                author=request.user,
                section=section,
                text=form.cleaned_data["text"],
                parent=parent,
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Comment posted."))
        return redirect(reverse("assessments:consultation", args=[pk]) + f"#section-{section}")
    context = {
        "assessment": assessment,
        "sections": consultation_threads(assessment),
        "can_comment": permissions.can_comment_profile(request.user, assessment),
        "can_reply": permissions.can_comment_profile(request.user, assessment, reply=True),
        "can_resolve": permissions.can_resolve_profile_comment(request.user, assessment),
        "can": permissions.capabilities(request.user, assessment),
    }
    return render(request, "assessments/review/consultation.html", context)


@login_required
@require_POST
def consultation_resolve(request, pk: int, comment_pk: int):
    assessment = assessment_for(request.user, pk)
    comment = get_object_or_404(assessment.comments, pk=comment_pk, response__isnull=True)
    form = ResolveForm(request.POST)
    form.is_valid()
    try:
        consultation.profile_comment_resolve(
            comment=comment, user=request.user, note=form.cleaned_data.get("note", "")
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Comment resolved."))
    return redirect(reverse("assessments:consultation", args=[pk]) + f"#section-{comment.section}")
