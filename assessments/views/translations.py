"""Translations of a finding and its footnotes, edited beside the originals on the review page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions
from ..exceptions import ApplicationError
from ..forms.translations import FindingTranslationsForm
from ..services.translations import finding_translations_save
from .review import _back, _load


@login_required
@require_POST
def finding_translations(request, pk: int, code: str):
    assessment, response = _load(request, pk, code)
    if response.pk is None or not permissions.can_translate_finding(request.user, response):
        raise PermissionDenied
    form = FindingTranslationsForm(
        request.POST,
        working=assessment.language,
        initial_texts=response.finding_translations,
        notes=response.evidence.filter(removed_at__isnull=True).exclude(note=""),
    )
    if not form.is_valid():
        messages.error(request, _("Check the form."))
        return _back(request, response, "#translations")
    try:
        finding_translations_save(
            response=response, user=request.user, texts=form.texts(), notes=form.note_texts()
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The translations were saved."))
    return _back(request, response, "#translations")
