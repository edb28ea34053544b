"""The offline workbook (export, import with preview and confirmation) and analysis downloads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions
from ..exceptions import ApplicationError
from ..forms.xlsx import WorkbookUploadForm, chosen_conflicts
from ..selectors.assessments import assessment_for, assessments_visible_to
from ..selectors.xlsx import analysis_data, workbook_data, workbook_filename
from ..services.xlsx_analysis import analysis_csv, analysis_table, analysis_xlsx
from ..services.xlsx_export import workbook_export
from ..services.xlsx_import import WorkbookError
from ..services.xlsx_preview import import_confirm, import_preview
from ..services.xlsx_store import upload_discard, upload_stash, upload_take

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _attachment(content, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    # RFC 6266 with a UTF-8 fallback: the name may be in Cyrillic or carry accents.
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _session_key(assessment) -> str:
    return f"xlsx_import_{assessment.pk}"


@login_required
def workbook_download(request, pk: int):
    assessment = assessment_for(request.user, pk)
    if not permissions.can_export_workbook(request.user, assessment):
        raise PermissionDenied
    content = workbook_export(data=workbook_data(request.user, assessment), user=request.user)
    language = (get_language() or "en").split("-")[0]
    name = workbook_filename(assessment=assessment, user=request.user, language=language)
    return _attachment(content, XLSX, name)


@login_required
def workbook_import(request, pk: int):
    """GET: the upload form. POST: the preview of what the workbook would change."""
    assessment = assessment_for(request.user, pk)
    if not permissions.can_export_workbook(request.user, assessment):
        raise PermissionDenied
    context = {
        "assessment": assessment,
        "why_not": permissions.why_no_import(request.user, assessment),
        "form": WorkbookUploadForm(),
    }
    if request.method != "POST":
        return render(request, "assessments/xlsx/import.html", context)
    if context["why_not"]:
        raise PermissionDenied
    form = context["form"] = WorkbookUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "assessments/xlsx/import.html", context, status=400)
    content = form.content()
    try:
        preview = import_preview(assessment=assessment, user=request.user, content=content)
    except WorkbookError as exc:
        context["problems"] = exc.problems
        return render(request, "assessments/xlsx/import.html", context, status=400)
    upload_discard(token=request.session.get(_session_key(assessment), ""))
    request.session[_session_key(assessment)] = upload_stash(
        content=content, assessment=assessment, user=request.user
    )
    context["preview"] = preview
    return render(request, "assessments/xlsx/preview.html", context)


@login_required
@require_POST
def workbook_import_confirm(request, pk: int):
    assessment = assessment_for(request.user, pk)
    if not permissions.can_import_workbook(request.user, assessment):
        raise PermissionDenied
    token = request.session.get(_session_key(assessment), "")
    use_workbook = chosen_conflicts(request.POST.getlist("use_workbook"))
    try:
        content = upload_take(token=token, assessment=assessment, user=request.user)
        preview = import_confirm(
            assessment=assessment, user=request.user, content=content, use_workbook=use_workbook
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("assessments:xlsx-import", pk=assessment.pk)
    upload_discard(token=token)
    del request.session[_session_key(assessment)]
    chosen = sum(1 for item in preview.conflicts if item.code in use_workbook)
    messages.success(
        request,
        _("Imported %(n)d changed indicators; %(r)d refused, %(c)d conflicts kept as they were.")
        % {
            "n": len(preview.changed) + chosen,
            "r": len(preview.refused),
            "c": len(preview.conflicts) - chosen,
        },
    )
    return redirect(assessment.get_absolute_url())


def _analysis_response(assessments: list, fmt: str, name: str) -> HttpResponse:
    if fmt not in ("xlsx", "csv"):
        raise Http404
    rows = analysis_table(*analysis_data(assessments))
    if fmt == "csv":
        return _attachment(analysis_csv(rows), "text/csv; charset=utf-8", f"{name}.csv")
    return _attachment(analysis_xlsx(rows), XLSX, f"{name}.xlsx")


@login_required
def analysis_download(request, pk: int, fmt: str):
    assessment = assessment_for(request.user, pk)
    if not permissions.can_export_analysis(request.user, assessment):
        raise PermissionDenied
    name = f"MGI-{assessment.country.code}-{assessment.year}-answers"
    return _analysis_response([assessment], fmt, name)


@login_required
def country_analysis_download(request, code: str, fmt: str):
    """Every assessment of the country that the user may analyse, oldest first, side by side."""
    assessments = [
        a
        for a in assessments_visible_to(request.user).filter(country__code=code.upper())
        if permissions.can_export_analysis(request.user, a)
    ]
    if not assessments:
        raise Http404
    assessments.sort(key=lambda a: (a.year, a.pk))
    return _analysis_response(assessments, fmt, f"MGI-{code.upper()}-answers")
