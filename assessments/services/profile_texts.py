"""Writes of the profile's wording: per-assessment overrides of the framework's texts."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from .. import permissions
from ..exceptions import NotAllowed
from ..models import Assessment
from ..report.schedule import profile_schedule_render
from .audit import audit_log


@transaction.atomic
def profile_texts_save(
    *,
    assessment: Assessment,
    user: AbstractBaseUser,
    values: dict,
    annex_all_instruments: bool | None = None,
    language: str | None = None,
    draft_hashes: dict[str, str | None] | None = None,
    edition: str | None = None,
) -> Assessment:
    """Store the overrides in `values` (None drops one) and the annex's choice of instruments.

    In another language than the working one, the values are that language's translations;
    `edition` is the edition's name in that language ("" drops a translation).
    `draft_hashes` records, per domain number, the draft of the summary of updates that the
    consultant's wording answers (None forgets it), so that a later draft can be flagged.
    """
    assessment = Assessment.objects.select_for_update(of=("self",)).get(pk=assessment.pk)
    if not permissions.can_edit_profile_text(user, assessment):
        raise NotAllowed(_("The profile texts cannot be changed now."))
    language = language or assessment.language
    if draft_hashes:
        _hashes_save(assessment, language, draft_hashes)
    if language != assessment.language:
        if edition is not None:
            values = {**values, "edition": edition.strip() or None}
        return _translations_save(assessment, user, values, language)
    if edition and edition.strip() != assessment.edition:
        assessment.edition = edition.strip()
        assessment.full_clean()
        assessment.save(update_fields=["edition"])
        profile_schedule_render(assessment.pk)
        audit_log(
            assessment=assessment, actor=user, action="profile.texts", data={"keys": ["edition"]}
        )
    current, changed = _applied(assessment.profile_texts, values)
    if changed:
        assessment.profile_texts = current
        assessment.full_clean()
        assessment.save(update_fields=["profile_texts"])
        profile_schedule_render(assessment.pk)
        audit_log(assessment=assessment, actor=user, action="profile.texts", data={"keys": changed})
    if (
        annex_all_instruments is not None
        and annex_all_instruments != assessment.annex_all_instruments
    ):
        assessment.annex_all_instruments = annex_all_instruments
        assessment.save(update_fields=["annex_all_instruments"])
        audit_log(
            assessment=assessment,
            actor=user,
            action="profile.annex_instruments",
            to_state="all" if annex_all_instruments else "in_force",
        )
    return assessment


def _hashes_save(assessment: Assessment, language: str, hashes: dict) -> None:
    current, changed = _applied((assessment.updates_draft_hashes or {}).get(language), hashes)
    if changed:
        assessment.updates_draft_hashes = {
            **(assessment.updates_draft_hashes or {}),
            language: current,
        }
        assessment.save(update_fields=["updates_draft_hashes"])


def _applied(texts: dict | None, values: dict) -> tuple[dict, list[str]]:
    """The texts with `values` set (None drops a key), and the keys that changed."""
    current = dict(texts or {})
    changed = sorted(k for k, v in values.items() if current.get(k) != v)
    for key in changed:
        if values[key] is None:
            current.pop(key, None)
        else:
            current[key] = values[key]
    return current, changed


def _translations_save(
    assessment: Assessment, user: AbstractBaseUser, values: dict, language: str
) -> Assessment:
    translations = dict(assessment.translations or {})
    current, changed = _applied(translations.get(language), values)
    if changed:
        translations[language] = current
        assessment.translations = translations
        assessment.full_clean()
        assessment.save(update_fields=["translations"])
        profile_schedule_render(assessment.pk)
        audit_log(
            assessment=assessment,
            actor=user,
            action="profile.texts",
            data={"keys": changed, "language": language},
        )
    return assessment
