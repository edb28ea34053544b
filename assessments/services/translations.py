"""Translations of what an assessment writes: findings (and, in profile_texts, its texts)."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from .. import permissions
from ..exceptions import ApplicationError, NotAllowed
from ..models import Response
from .audit import audit_log


@transaction.atomic
def finding_translations_save(
    *, response: Response, user: AbstractBaseUser, texts: dict[str, str]
) -> Response:
    """Store the finding's text per language; an empty text removes that translation."""
    response = (
        Response.objects.select_for_update(of=("self",))
        .select_related("assessment", "indicator")
        .get(pk=response.pk)
    )
    if not permissions.can_translate_finding(user, response):
        raise NotAllowed(_("Only the assessment's consultants can translate findings."))
    known = {code for code, _name in settings.LANGUAGES} - {response.assessment.language}
    if set(texts) - known:
        raise ApplicationError(_("A finding is translated into another language than its own."))
    current = dict(response.finding_translations or {})
    for code, text in texts.items():
        if text.strip():
            current[code] = text.strip()
        else:
            current.pop(code, None)
    if current != response.finding_translations:
        changed = sorted(k for k in known if current.get(k) != response.finding_translations.get(k))
        response.finding_translations = current
        response.full_clean()
        response.save(update_fields=["finding_translations"])
        audit_log(
            assessment=response.assessment,
            actor=user,
            action="response.translate",
            response=response,
            data={"languages": changed},
        )
    return response
