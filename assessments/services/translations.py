"""Translations of what an assessment writes: findings and their footnotes (and, in
profile_texts, its texts)."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from .. import permissions
from ..exceptions import ApplicationError, NotAllowed
from ..models import Response
from ..report.schedule import profile_schedule_render
from .audit import audit_log
from .preferences import other_languages


def merge_translations(current: dict | None, texts: dict[str, str]) -> dict:
    """The translations after an edit: an empty text removes that language."""
    merged = dict(current or {})
    for code, text in texts.items():
        if text.strip():
            merged[code] = text.strip()
        else:
            merged.pop(code, None)
    return merged


def _changed_languages(before: dict, after: dict) -> set[str]:
    return {code for code in set(before) | set(after) if before.get(code) != after.get(code)}


@transaction.atomic
def finding_translations_save(
    *,
    response: Response,
    user: AbstractBaseUser,
    texts: dict[str, str],
    notes: dict[int, dict[str, str]] | None = None,
) -> Response:
    """Store the finding's and its footnotes' text per language; an empty text removes one."""
    response = (
        Response.objects.select_for_update(of=("self",))
        .select_related("assessment", "indicator")
        .get(pk=response.pk)
    )
    if not permissions.can_translate_finding(user, response):
        raise NotAllowed(_("Only the assessment's consultants can translate findings."))
    known = set(other_languages(response.assessment.language))
    notes = notes or {}
    if set(texts) - known or any(set(t) - known for t in notes.values()):
        raise ApplicationError(_("A finding is translated into another language than its own."))
    evidence = {
        e.pk: e
        for e in response.evidence.filter(pk__in=notes, removed_at__isnull=True).exclude(note="")
    }
    if set(notes) - set(evidence):
        raise ApplicationError(_("This footnote is no longer part of the answer; reload the page."))

    languages: set[str] = set()
    merged = merge_translations(response.finding_translations, texts)
    if merged != response.finding_translations:
        languages |= _changed_languages(response.finding_translations, merged)
        response.finding_translations = merged
        response.full_clean()
        response.save(update_fields=["finding_translations"])
    footnotes = []
    for pk, note_texts in sorted(notes.items()):
        item = evidence[pk]
        merged = merge_translations(item.note_translations, note_texts)
        if merged != item.note_translations:
            languages |= _changed_languages(item.note_translations, merged)
            item.note_translations = merged
            item.save(update_fields=["note_translations"])
            footnotes.append(pk)
    if languages:
        # Drafts follow every change of what a profile prints, translations included (issue 13).
        profile_schedule_render(response.assessment_id)
        data = {"languages": sorted(languages)} | ({"footnotes": footnotes} if footnotes else {})
        audit_log(
            assessment=response.assessment,
            actor=user,
            action="response.translate",
            response=response,
            data=data,
        )
    return response
