"""The SDG 10.7.2 draft and GCM table of an assessment, the coordinator's overrides, exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions
from ..exceptions import ApplicationError
from ..forms.sdg import SdgOverrideForm
from ..models import SdgSubcategory
from ..report.sdg_export import sdg_csv, sdg_xlsx
from ..selectors.assessments import assessment_for
from ..selectors.sdg import RULE, gcm_table, sdg_draft
from ..services.sdg import sdg_override_clear, sdg_override_set

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _assessment(request, pk: int, allowed):
    assessment = assessment_for(request.user, pk)
    if not allowed(request.user, assessment):
        raise PermissionDenied
    return assessment


@login_required
def sdg_page(request, pk: int):
    assessment = _assessment(request, pk, permissions.can_view_sdg)
    context = {
        "assessment": assessment,
        "domains": sdg_draft(assessment),
        "gcm": gcm_table(assessment),
        "rule": RULE,
        "can_override": permissions.can_override_sdg(request.user, assessment),
        "form": SdgOverrideForm(),
    }
    return render(request, "assessments/sdg.html", context)


def _back(assessment, code: str) -> str:
    return f"{reverse('assessments:sdg', args=[assessment.pk])}#sub-{code}"


@login_required
@require_POST
def sdg_override(request, pk: int, code: str):
    assessment = _assessment(request, pk, permissions.can_override_sdg)
    subcategory = get_object_or_404(SdgSubcategory, code=code)
    form = SdgOverrideForm(request.POST)
    if not form.is_valid():
        errors = "; ".join(e for errs in form.errors.values() for e in errs)
        messages.error(
            request, _("%(code)s not changed: %(errors)s") % {"code": code, "errors": errors}
        )
        return redirect(f"{reverse('assessments:sdg', args=[assessment.pk])}#sub-{code}")
    try:
        if form.cleaned_data["answer"] == "suggested":
            sdg_override_clear(assessment=assessment, subcategory=subcategory, user=request.user)
        else:
            sdg_override_set(
                assessment=assessment,
                subcategory=subcategory,
                user=request.user,
                value=form.cleaned_data["answer"] == "yes",
                reason=form.cleaned_data["reason"],
            )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Answer to %(code)s saved.") % {"code": code})
    return redirect(f"{reverse('assessments:sdg', args=[assessment.pk])}#sub-{code}")


@login_required
def sdg_export(request, pk: int, fmt: str):
    assessment = _assessment(request, pk, permissions.can_view_sdg)
    domains = sdg_draft(assessment)
    name = slugify(f"sdg-10-7-2-{assessment.country.code}-{assessment.year}")
    if fmt == "csv":
        response = HttpResponse(sdg_csv(domains), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        title = _("SDG indicator 10.7.2 – draft from the MGI answers – %(a)s") % {"a": assessment}
        response = HttpResponse(sdg_xlsx(domains, title=title), content_type=XLSX)
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response
