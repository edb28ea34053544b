"""Translations of what an assessment writes: findings and their footnotes (and, in
profile_texts, its texts)."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from .. import permissions
from ..exceptions import ApplicationError, NotAllowed
from ..languages import language_of
from ..models import Response
from ..report.schedule import profile_schedule_render
from .audit import audit_log
from .entry import response_save
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


@transaction.atomic
def finding_save_as_translation(
    *, response: Response, user: AbstractBaseUser, language: str, version: int
) -> Response:
    """The finding's text becomes its translation into `language`; the finding goes back to its
    last text in the assessment's language (empty when it never had one)."""
    if response.pk is None:
        raise ApplicationError(_("There is no finding to keep as a translation."))
    response = (
        Response.objects.select_for_update(of=("self",))
        .select_related("assessment", "option")
        .get(pk=response.pk)
    )
    text = response.finding
    if language not in other_languages(response.assessment.language) or not text.strip():
        raise ApplicationError(_("There is no finding to keep as a translation."))
    working = response.assessment.language
    # Autosave may have stored the other-language text already: look back in the revisions.
    previous = ""
    for revision in response.revisions.exclude(finding=text).order_by("-version")[:50]:
        if not revision.finding.strip() or language_of(revision.finding) == working:
            previous = revision.finding
            break
    saved = response_save(
        response=response, user=user, option=response.option, finding=previous, version=version
    )
    saved.finding_translations = merge_translations(saved.finding_translations, {language: text})
    saved.save(update_fields=["finding_translations"])
    profile_schedule_render(saved.assessment_id)
    audit_log(
        assessment=saved.assessment,
        actor=user,
        action="response.translate",
        response=saved,
        data={"languages": [language]},
    )
    return saved
