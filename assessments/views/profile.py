"""The profile area: preview, versions and their PDFs, and the consultant's texts page."""

from django.conf import settings
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
from ..forms.languages import language_label
from ..forms.profile import ProfileTextsForm
from ..models import ProfileVersion
from ..report import jobs, texts, versions
from ..report.build import profile_build, untranslated
from ..report.render import render_html
from ..report.updates import draft_text
from ..selectors.assessments import assessment_for
from ..selectors.renders import render_state, versions_with_causes
from ..services.profile_texts import profile_texts_save
from . import is_htmx


def _language(request, assessment) -> str:
    """The profile language asked for (GET or POST), else the assessment's working one."""
    asked = request.POST.get("language") or request.GET.get("language") or ""
    return asked if asked in dict(settings.LANGUAGES) else assessment.language


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
        assessment,
        language=_language(request, assessment),
        shows=lambda r: permissions.profile_shows_response(request.user, r),
    )
    return HttpResponse(render_html(profile, preview=True, extra=extra))


@login_required
def profile_versions(request, pk: int):
    """The versions; htmx polls it for the fragment while a render is pending."""
    assessment = _assessment(request, pk, permissions.can_preview_profile)
    language = _language(request, assessment)
    all_versions = versions_with_causes(assessment)
    context = {
        "assessment": assessment,
        "versions": all_versions,
        "state": render_state(assessment),
        "language": language,
        "by_language": versions.by_language(all_versions),
        "untranslated": untranslated(assessment, language),
        "can": permissions.capabilities(request.user, assessment),
    }
    template = "assessments/_profile_versions_body.html" if is_htmx(request) else None
    return render(request, template or "assessments/profile_versions.html", context)


@login_required
@require_POST
def profile_generate(request, pk: int):
    """Ask for the PDF of the current content; it renders in the background."""
    assessment = _assessment(request, pk, permissions.can_generate_profile)
    try:
        requested = jobs.profile_request(
            assessment=assessment, user=request.user, language=_language(request, assessment)
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("assessments:profile-versions", pk=pk)
    if requested.render is not None:
        requested.render.refresh_from_db()  # a backend without a worker has rendered it
        requested.version = requested.render.version
    # No message here: the versions page says once what happened (ready, rendering, failed).
    url = reverse("assessments:profile-versions", args=[pk])
    return redirect(f"{url}?language={_language(request, assessment)}")


def profile_download(request, pk: int, number: int):
    """A stored PDF: published ones for anyone, drafts for members only (404 otherwise)."""
    version = (
        ProfileVersion.objects.select_related("assessment__country")
        .filter(assessment_id=pk, number=number)
        .first()
    )
    if version is None or not permissions.can_download_profile(request.user, version):
        raise Http404
    return _pdf_response(version)


def _pdf_response(version: ProfileVersion) -> FileResponse:
    a = version.assessment
    name = f"MGI-{a.country.code}-{a.year}-v{version.number}-{version.language}.pdf"
    return FileResponse(
        version.file.open("rb"), as_attachment=True, filename=name, content_type="application/pdf"
    )


@login_required
def profile_pdf(request, pk: int):
    """The current draft: the latest ready PDF at once, saying if a newer one is rendering."""
    assessment = _assessment(request, pk, permissions.can_preview_profile)
    state = render_state(assessment)
    if state.latest is None:
        raise Http404
    state.latest.assessment = assessment
    if not permissions.can_download_profile(request.user, state.latest):
        raise Http404
    response = _pdf_response(state.latest)  # served here: one request, no redirect
    if state.busy:
        response["X-Profile-Newer-Rendering"] = "1"
        messages.info(
            request,
            _("You downloaded version %(n)d; a newer version is being rendered.")
            % {"n": state.latest.number},
        )
    return response


@login_required
def profile_texts(request, pk: int):
    assessment = _assessment(request, pk, permissions.can_edit_profile_text)
    language = _language(request, assessment)
    drafted = profile_build(assessment, language=language, drafted_updates=True)
    drafts = {b.number: draft_text(b) for b in drafted.updates or []}
    data, copied = _with_draft(request, drafts)
    form = ProfileTextsForm(
        data,
        defaults=texts.merged(texts.framework_texts(assessment.framework, language), {}),
        overrides=texts.overrides(assessment, language),
        drafts=drafts,
        domains=drafted.domains if drafted.updates is not None else None,
        seen=(assessment.updates_draft_hashes or {}).get(language),
        domain_names={d.number: d.tr("name") for d in assessment.framework.domains.all()},
        initial={"annex_all_instruments": assessment.annex_all_instruments},
        edition=(
            language_label(_("Edition"), language, assessment.language),
            assessment.edition_in(language),
            language == assessment.language,
        ),
    )
    form.mark_language(language)
    if language != assessment.language:
        form.show_originals(profile_build(assessment, drafted_updates=True), assessment)
    if copied is not None:  # "Use the draft" without JavaScript: nothing is saved
        if copied:
            messages.info(request, _("The draft is in the field: edit it, then save."))
        else:
            messages.error(request, _("There is no draft for this field."))
    elif request.method == "POST" and form.is_valid():
        try:
            profile_texts_save(
                assessment=assessment,
                user=request.user,
                values=form.overrides(),
                annex_all_instruments=form.cleaned_data["annex_all_instruments"],
                language=language,
                draft_hashes=form.draft_hashes(),
                edition=form.cleaned_data["edition"],
            )
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The profile texts were saved."))
            url = reverse("assessments:profile-preview", args=[pk])
            return redirect(f"{url}?language={language}")
    context = {"assessment": assessment, "form": form, "language": language}
    return render(request, "assessments/profile_texts.html", context)


def _with_draft(request, drafts: dict) -> tuple:
    """The posted data, with a domain's draft copied into its field when "Use the draft" was
    pressed without JavaScript; and True then, False for a field without a draft, None when
    the button was not pressed."""
    if request.method != "POST":
        return None, None
    data = request.POST.copy()
    if "use_draft" not in data:
        return data, None
    key = data.pop("use_draft", [""])[-1]
    number = key.removeprefix(texts.UPDATES_PREFIX)
    if not (key.startswith(texts.UPDATES_PREFIX) and number.isdigit() and int(number) in drafts):
        return data, False
    data[key] = drafts[int(number)]
    return data, True
