"""Generated profiles kept as numbered versions: cached by content, frozen, published.

The workflow calls these on stage changes (see assessments/services/workflow.py):
- on validate, after the stage is set to validated: profile_freeze(assessment=...)
- on publish, after the stage is set to published: profile_publish(assessment=...)
They run inside the transition's transaction and render nothing there: after the commit a
task runs profile_finalize, which renders outside any lock, then freezes and publishes.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from ..exceptions import NotAllowed
from ..models import Assessment, ProfileVersion
from ..tasks import profile_finalize_task, runner
from .build import FINAL_STAGES
from .jobs import profile_request, profile_wait
from .store import _stored, content_hash, frozen_version, latest_version  # noqa: F401


def profile_generate(
    *, assessment: Assessment, user: AbstractBaseUser | None, language: str | None = None
) -> ProfileVersion:
    """A PDF of the current content in a language (default: the working one), now: the stored
    one when nothing changed, else rendered here (or awaited, if a worker renders it)."""
    return profile_wait(profile_request(assessment=assessment, user=user, language=language))


def _enqueue_finalize(assessment: Assessment) -> None:
    transaction.on_commit(lambda: profile_finalize_task.enqueue(assessment_id=assessment.pk))


def profile_freeze(*, assessment: Assessment, user: AbstractBaseUser | None = None) -> None:
    """Called by validation inside its transaction: freeze the profile once that commits.

    Nothing renders under the transition's lock; a task renders (or awaits the render of)
    the validated content and then freezes it (profile_finalize).
    """
    if assessment.stage not in FINAL_STAGES:
        raise NotAllowed(_("Only the profile of a validated assessment can be frozen."))
    if frozen_version(assessment, assessment.language) is None:
        _enqueue_finalize(assessment)


def profile_publish(*, assessment: Assessment, user: AbstractBaseUser | None = None) -> None:
    """Called by publication inside its transaction: list the frozen version once it commits."""
    if assessment.stage not in FINAL_STAGES:
        raise NotAllowed(_("Only the profile of a validated assessment can be published."))
    _enqueue_finalize(assessment)


def profile_finalize(
    *, assessment: Assessment, user: AbstractBaseUser | None = None
) -> ProfileVersion:
    """Render the validated content outside any lock, then freeze it (and publish it if the
    assessment is published) in one short transaction; idempotent."""
    if assessment.stage not in FINAL_STAGES:
        raise NotAllowed(_("Only the profile of a validated assessment can be frozen."))
    rendered = profile_generate(assessment=assessment, user=user, language=assessment.language)
    with transaction.atomic():
        assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
        version = frozen_version(assessment, assessment.language) or rendered
        if not version.frozen:
            version.frozen = True
            version.save(update_fields=["frozen"])
        if assessment.stage == Assessment.Stage.PUBLISHED:
            _publish_each_language(assessment, version)
    return version


def _publish_each_language(assessment: Assessment, version: ProfileVersion) -> None:
    """List the latest frozen version of each language on the public page."""
    frozen = assessment.profile_versions.filter(frozen=True)
    latest = {v.language: v.pk for v in frozen.order_by("number")}  # the last one wins
    latest[version.language] = version.pk
    assessment.profile_versions.exclude(pk__in=latest.values()).update(published=False)
    assessment.profile_versions.filter(pk__in=latest.values()).update(published=True)
    version.published = True


@runner("profile_finalize")
def _finalize_task(*, assessment_id: int) -> int:
    return profile_finalize(assessment=Assessment.objects.get(pk=assessment_id)).pk


def by_language(versions) -> list[tuple[str, list[ProfileVersion]]]:
    """Versions grouped by language, the languages in the order of settings.LANGUAGES."""
    groups: dict[str, list[ProfileVersion]] = {}
    for v in versions:
        groups.setdefault(v.language, []).append(v)
    order = [code for code, _name in settings.LANGUAGES]
    return sorted(groups.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
