"""The indicator page: answer, finding, evidence; save, autosave, submit, history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions
from ..exceptions import ApplicationError, NotAllowed, StaleVersion
from ..forms.entry import EvidenceForm, NewInstrumentForm, ResponseForm
from ..forms.languages import language_name
from ..languages import clearly_other_language
from ..selectors.assessments import assessment_for
from ..selectors.carried import page_refusal
from ..selectors.history import history_for
from ..selectors.work import indicator_for, neighbours
from ..services import entry, translations, workflow
from ..services.evidence_rules import IncompleteAnswer
from ..services.preferences import other_languages
from .review import comments_context


def load(request, pk: int, code: str):
    """Assessment, indicator and response the user may see; 404 otherwise."""
    assessment = assessment_for(request.user, pk)
    indicator = indicator_for(request.user, assessment, code)
    response = entry.response_open(assessment=assessment, indicator=indicator)
    if not permissions.can_view_response(request.user, response):
        raise Http404
    return assessment, indicator, response


def page_context(request, assessment, indicator, response, **extra):
    previous, following = neighbours(request.user, assessment, indicator)
    evidence = (
        list(response.evidence.select_related("instrument__country", "source"))
        if response.pk
        else []
    )
    chosen = response.option_id
    editable = permissions.can_edit_response(request.user, response)
    if "form" in extra and extra["form"].is_bound:
        chosen = extra["form"].data.get("option")
    context = {
        "assessment": assessment,
        "indicator": indicator,
        "response": response,
        "option_drafts": [
            {
                "pk": option.pk,
                "label": option.tr("label"),
                "draft": entry.draft_finding(option=option, assessment=assessment),
                "checked": str(option.pk) == str(chosen),
            }
            for option in indicator.options.all()
        ],
        "editable": editable,
        "language_warning": language_warning(response, editable),
        "read_only_reason": permissions.why_not_editable(request.user, response),
        "evidence": [e for e in evidence if e.removed_at is None],
        "removed_evidence": [e for e in evidence if e.removed_at is not None],
        "previous_code": previous,
        "next_code": following,
        "evidence_form": EvidenceForm(assessment=assessment),
        "instrument_form": NewInstrumentForm(prefix="new"),
    }
    # A carried answer the rules refuse as it is: its confirm asks for what is missing.
    refusal = page_refusal(response, evidence) if response.pk else ""
    context["confirm_refusal"] = refusal
    context["confirm_with_evidence"] = bool(refusal and response.finding.strip())
    context.update(comments_context(request, response))
    context["can_review"] = permissions.can_review_response(request.user, response)
    context.update(extra)
    if "form" not in context:
        context["form"] = ResponseForm(
            indicator=indicator,
            initial={
                "option": response.option_id,
                "finding": response.finding,
                "version": response.version,
            },
        )
    return context


def _with_suggestion(request, assessment, indicator, response, form: ResponseForm):
    """The form again with the chosen answer's drafted sentence in the finding; nothing saved.

    The fallback of the "Use the suggested sentence" button when JavaScript does not run.
    """
    option = form.cleaned_data["option"]
    data = request.POST.copy()
    if option is not None:
        data["finding"] = entry.draft_finding(option=option, assessment=assessment)
    else:
        messages.info(request, _("Choose an answer first: the suggested sentence depends on it."))
    form = ResponseForm(data, indicator=indicator)
    form.is_valid()
    return render(
        request,
        "assessments/response_edit.html",
        page_context(request, assessment, indicator, response, form=form),
    )


def _refused(request, exc, form, assessment, indicator, response):
    """A refused save or submission, each reason shown at the field it concerns."""
    extra = {}
    if isinstance(exc, IncompleteAnswer):
        for field in ("option", "finding"):
            if field in exc.problems:
                form.add_error(field, exc.problems[field])
        extra["evidence_problem"] = exc.problems.get("evidence", "")
        messages.error(request, _("Not submitted: see what is missing below."))
    else:
        messages.error(request, exc.message)
    return render(
        request,
        "assessments/response_edit.html",
        page_context(request, assessment, indicator, response, form=form, **extra),
        status=403 if isinstance(exc, NotAllowed) else 400,
    )


@login_required
def response_edit(request, pk: int, code: str):
    assessment, indicator, response = load(request, pk, code)
    if request.method != "POST":
        return render(
            request,
            "assessments/response_edit.html",
            page_context(request, assessment, indicator, response),
        )
    form = ResponseForm(request.POST, indicator=indicator)
    autosave = request.POST.get("autosave") == "1"
    if not form.is_valid():
        if autosave:
            return render(
                request, "assessments/_save_status.html", {"error": _("Not saved: check the form.")}
            )
        return render(
            request,
            "assessments/response_edit.html",
            page_context(request, assessment, indicator, response, form=form),
            status=400,
        )
    if request.POST.get("action") == "suggest" and not autosave:
        return _with_suggestion(request, assessment, indicator, response, form)
    try:
        # Save and submit together: a refused submission leaves the answer as it was.
        with transaction.atomic():
            saved = entry.response_save(
                response=response,
                user=request.user,
                option=form.cleaned_data["option"],
                finding=form.cleaned_data["finding"],
                version=form.cleaned_data["version"],
                action="autosave" if autosave else "save",
            )
            if request.POST.get("action") == "submit":
                saved = workflow.response_submit(response=saved, user=request.user)
        response = saved
    except StaleVersion as exc:
        return _conflict(request, exc, autosave, form, assessment, indicator, response)
    except ApplicationError as exc:
        if autosave:
            return render(request, "assessments/_save_status.html", {"error": exc.message})
        return _refused(request, exc, form, assessment, indicator, response)
    if autosave:
        return render(
            request,
            "assessments/_save_status.html",
            {"saved_at": timezone.localtime(), "version": response.version},
        )
    if response.status == response.Status.SUBMITTED:
        messages.success(request, _("Submitted for review. Thank you."))
    else:
        messages.success(
            request, _("Saved at %(time)s.") % {"time": f"{timezone.localtime():%H:%M}"}
        )
    return redirect(response.get_absolute_url())


def _conflict(request, exc, autosave, form, assessment, indicator, response):
    current = exc.current
    if autosave:
        return render(
            request, "assessments/_save_status.html", {"error": exc.message, "conflict": current}
        )
    return render(
        request,
        "assessments/response_edit.html",
        page_context(
            request,
            assessment,
            indicator,
            response,
            form=form,
            conflict=current,
            conflict_message=exc.message,
        ),
        status=409,
    )


def language_warning(response, editable: bool) -> dict | None:
    """A finding clearly in another language than the assessment's: offered as a translation."""
    detected = clearly_other_language(response.finding, response.assessment.language)
    if detected is None or detected not in other_languages(response.assessment.language):
        return None
    return {
        "language": detected,
        "detected": language_name(detected),
        "working": language_name(response.assessment.language),
        "editable": editable,
    }


@login_required
@require_POST
def finding_as_translation(request, pk: int, code: str):
    """Keep the finding's text as its translation into the language it is written in."""
    assessment, indicator, response = load(request, pk, code)
    if not permissions.can_edit_response(request.user, response):
        raise PermissionDenied
    try:
        translations.finding_save_as_translation(
            response=response,
            user=request.user,
            language=request.POST.get("language", ""),
            version=int(request.POST.get("version") or -1),
        )
        messages.success(request, _("The text was kept as the finding's translation."))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect(response.get_absolute_url())


@login_required
@require_POST
def response_submit(request, pk: int, code: str):
    assessment, indicator, response = load(request, pk, code)
    try:
        workflow.response_submit(response=response, user=request.user)
        messages.success(request, _("Submitted for review. Thank you."))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect(response.get_absolute_url())


@login_required
def response_history(request, pk: int, code: str):
    assessment, indicator, response = load(request, pk, code)
    context = {
        "assessment": assessment,
        "indicator": indicator,
        "response": response,
        "entries": history_for(response) if response.pk else [],
        "editable": permissions.can_edit_response(request.user, response),
    }
    return render(request, "assessments/response_history.html", context)


@login_required
@require_POST
def revision_restore(request, pk: int, code: str, version: int):
    assessment, indicator, response = load(request, pk, code)
    if response.pk is None:
        raise Http404
    revision = get_object_or_404(response.revisions, version=version)
    try:
        entry.revision_restore(
            response=response,
            user=request.user,
            revision=revision,
            version=int(request.POST.get("version", -1)),
        )
        messages.success(
            request, _("Version %(v)s was restored as a new version.") % {"v": version}
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect("assessments:response-history", pk, code)
