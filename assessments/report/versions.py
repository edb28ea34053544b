"""Generated profiles kept as numbered versions: cached by content, frozen, published.

The workflow calls these on stage changes (see assessments/services/workflow.py):
- on validate, after the stage is set to validated: profile_freeze(assessment=..., user=actor)
- on publish, after the stage is set to published: profile_publish(assessment=..., user=actor)
Both are idempotent; call them inside the transition's transaction.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from ..exceptions import NotAllowed
from ..models import Assessment, ProfileVersion
from .build import FINAL_STAGES, profile_build
from .profile import Profile
from .render import render_pdf, template_version


def content_hash(profile: Profile) -> str:
    """Digest of everything printed, plus the template's own version."""
    payload = json.dumps(dataclasses.asdict(profile), sort_keys=True, default=str)
    return hashlib.sha256(f"{template_version()}\n{payload}".encode()).hexdigest()


def _in(assessment: Assessment, language: str | None):
    versions = assessment.profile_versions.all()
    return versions.filter(language=language) if language else versions


def latest_version(assessment: Assessment, language: str | None = None) -> ProfileVersion | None:
    return _in(assessment, language).order_by("-number").first()


def frozen_version(assessment: Assessment, language: str | None = None) -> ProfileVersion | None:
    return _in(assessment, language).filter(frozen=True).order_by("-number").first()


def _stored(version: ProfileVersion | None) -> bool:
    return bool(version and version.file and version.file.storage.exists(version.file.name))


def profile_generate(
    *, assessment: Assessment, user: AbstractBaseUser | None, language: str | None = None
) -> ProfileVersion:
    """A PDF of the current content in a language (default: the assessment's working one).

    The latest version in that language when nothing changed, else a new one.
    """
    language = language or assessment.language
    if assessment.stage in FINAL_STAGES and (frozen := frozen_version(assessment, language)):
        return frozen  # a validated profile does not change any more
    profile = profile_build(assessment, language=language)
    digest = content_hash(profile)
    latest = latest_version(assessment, language)
    if latest and latest.content_hash == digest and _stored(latest):
        return latest
    # Render outside the transaction: it takes seconds and needs no lock.
    pdf = render_pdf(profile)
    with transaction.atomic():
        Assessment.objects.select_for_update().filter(pk=assessment.pk).first()
        latest = latest_version(assessment, language)
        if latest and latest.content_hash == digest and _stored(latest):
            return latest  # someone else rendered the same content meanwhile
        number = (assessment.profile_versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = ProfileVersion(
            assessment=assessment,
            number=number,
            stage=assessment.stage,
            language=profile.language,
            content_hash=digest,
            size=len(pdf.data),
            pages=pdf.pages,
            # A translation made after validation is as final as the validated original.
            frozen=assessment.stage in FINAL_STAGES,
            published=assessment.stage == Assessment.Stage.PUBLISHED,
            created_by=user if user is not None and user.is_authenticated else None,
        )
        version.file.save(f"v{number}.pdf", ContentFile(pdf.data), save=False)
        version.full_clean(exclude=["created_by"])  # null for batch renders from the CLI
        version.save()
    return version


@transaction.atomic
def profile_freeze(
    *, assessment: Assessment, user: AbstractBaseUser | None = None
) -> ProfileVersion:
    """Freeze the profile generated at validation (generating it if needed); idempotent."""
    if assessment.stage not in FINAL_STAGES:
        raise NotAllowed(_("Only the profile of a validated assessment can be frozen."))
    if frozen := frozen_version(assessment, assessment.language):
        return frozen
    version = profile_generate(assessment=assessment, user=user, language=assessment.language)
    version.frozen = True
    version.save(update_fields=["frozen"])
    return version


@transaction.atomic
def profile_publish(
    *, assessment: Assessment, user: AbstractBaseUser | None = None
) -> ProfileVersion:
    """List the frozen version (one per language) on the public page; idempotent."""
    version = profile_freeze(assessment=assessment, user=user)
    frozen = assessment.profile_versions.filter(frozen=True)
    latest = {v.language: v.pk for v in frozen.order_by("number")}  # the last one wins
    assessment.profile_versions.exclude(pk__in=latest.values()).update(published=False)
    frozen.filter(pk__in=latest.values()).exclude(pk=version.pk).update(published=True)
    if not version.published:
        version.published = True
        version.save(update_fields=["published"])
    return version


def by_language(versions) -> list[tuple[str, list[ProfileVersion]]]:
    """Versions grouped by language, the languages in the order of settings.LANGUAGES."""
    groups: dict[str, list[ProfileVersion]] = {}
    for v in versions:
        groups.setdefault(v.language, []).append(v)
    order = [code for code, _name in settings.LANGUAGES]
    return sorted(groups.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
