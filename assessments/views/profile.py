"""The profile area: preview, versions and their PDFs, and the consultant's texts page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions
from ..exceptions import ApplicationError
from ..forms.profile import ProfileTextsForm
from ..models import ProfileVersion
from ..report import texts, versions
from ..report.build import profile_build
from ..report.render import render_html
from ..report.updates import draft_text
from ..selectors.assessments import assessment_for
from ..services.profile_texts import profile_texts_save


def _assessment(request, pk: int, allowed) -> object:
    """The assessment if the user may do this: 404 for outsiders, 403 for other members."""
    assessment = assessment_for(request.user, pk)
    if not allowed(request.user, assessment):
        raise PermissionDenied
    return assessment


@login_required
def profile_preview(request, pk: int):
    assessment = _assessment(request, pk, permissions.can_preview_profile)
    extra = {
        "back_url": assessment.get_absolute_url(),
        "versions_url": reverse("assessments:profile-versions", args=[pk]),
    }
    if permissions.can_edit_profile_text(request.user, assessment):
        extra["texts_url"] = reverse("assessments:profile-texts", args=[pk])
    profile = profile_build(
        assessment, shows=lambda r: permissions.profile_shows_response(request.user, r)
    )
    return HttpResponse(render_html(profile, preview=True, extra=extra))


@login_required
def profile_versions(request, pk: int):
    assessment = _assessment(request, pk, permissions.can_preview_profile)
    context = {
        "assessment": assessment,
        "versions": assessment.profile_versions.select_related("created_by"),
        "can": permissions.capabilities(request.user, assessment),
    }
    return render(request, "assessments/profile_versions.html", context)


@login_required
@require_POST
def profile_generate(request, pk: int):
    assessment = _assessment(request, pk, permissions.can_generate_profile)
    try:
        version = versions.profile_generate(assessment=assessment, user=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("Version %(n)d of the profile is ready (%(pages)d pages).")
            % {"n": version.number, "pages": version.pages},
        )
    return redirect("assessments:profile-versions", pk=pk)


def profile_download(request, pk: int, number: int):
    """A stored PDF: published ones for anyone, drafts for members only (404 otherwise)."""
    version = (
        ProfileVersion.objects.select_related("assessment__country")
        .filter(assessment_id=pk, number=number)
        .first()
    )
    if version is None or not permissions.can_download_profile(request.user, version):
        raise Http404
    a = version.assessment
    name = f"MGI-{a.country.code}-{a.year}-v{version.number}-{version.language}.pdf"
    return FileResponse(
        version.file.open("rb"), as_attachment=True, filename=name, content_type="application/pdf"
    )


@login_required
def profile_pdf(request, pk: int):
    """The latest version's PDF."""
    assessment = _assessment(request, pk, permissions.can_preview_profile)
    latest = versions.latest_version(assessment)
    if latest is None:
        raise Http404
    return redirect("assessments:profile-download", pk=pk, number=latest.number)


@login_required
def profile_texts(request, pk: int):
    assessment = _assessment(request, pk, permissions.can_edit_profile_text)
    drafted = profile_build(assessment, drafted_updates=True)
    form = ProfileTextsForm(
        request.POST or None,
        defaults=texts.merged(assessment.framework.profile_texts, {}),
        overrides=assessment.profile_texts,
        drafts={b.number: draft_text(b) for b in drafted.updates or []},
        domains=drafted.domains if drafted.updates is not None else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            profile_texts_save(assessment=assessment, user=request.user, values=form.overrides())
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The profile texts were saved."))
            return redirect("assessments:profile-preview", pk=pk)
    return render(
        request, "assessments/profile_texts.html", {"assessment": assessment, "form": form}
    )
