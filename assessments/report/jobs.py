"""Profile renders as background tasks: one render per content, whoever asks.

profile_request() returns the ready version of the current content, or the one render
(queued or running) of it; the first request creates that render and enqueues its task.
profile_render_run() claims a queued render, renders outside any transaction, writes the
file, and only then creates the version and marks the render ready in one short
transaction: a worker killed on the way leaves a render to retry, never half a version.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from ..exceptions import ApplicationError
from ..models import Assessment, ProfileRender, ProfileVersion
from ..tasks import profile_render, runner
from .build import FINAL_STAGES, profile_build
from .process import isolated_html_to_pdf
from .render import render_html
from .store import _stored, content_hash, frozen_version, latest_version

logger = logging.getLogger(__name__)
Status = ProfileRender.Status
ACTIVE = (Status.QUEUED, Status.RENDERING)
MAX_ATTEMPTS = 2  # the first try and one retry after a killed worker


@dataclass
class Requested:
    """What a request for the current profile got: a ready version, or the render to await."""

    version: ProfileVersion | None = None
    render: ProfileRender | None = None


def _version_key(assessment: Assessment, digest: str, language: str) -> dict:
    """The lookup that makes a render unique (the digest covers the language too)."""
    return {"assessment": assessment, "content_hash": digest, "language": language}


def _enqueue(render_id: int) -> None:
    profile_render.enqueue(render_id=render_id)


def _drop_scheduled(assessment: Assessment, started) -> None:
    """This request renders the current content: a pending draft render of edits made before
    it started has nothing left to do (and the page would announce it as still to come)."""
    ProfileRender.objects.filter(
        assessment=assessment,
        status=Status.SCHEDULED,
        due_at__lte=started + timedelta(seconds=settings.PROFILE_RENDER_DELAY),
    ).delete()


def profile_request(
    *,
    assessment: Assessment,
    user: AbstractBaseUser | None = None,
    enqueue: bool = True,
    language: str | None = None,
) -> Requested:
    """The ready PDF of the current content in a language (default: the working one), or its
    single render (created if none runs)."""
    language = language or assessment.language
    if assessment.stage in FINAL_STAGES and (frozen := frozen_version(assessment, language)):
        return Requested(version=frozen)  # a validated profile does not change any more
    renders_recover(assessment=assessment)
    started = timezone.now()
    digest = content_hash(profile_build(assessment, language=language))
    key = _version_key(assessment, digest, language)
    with transaction.atomic():
        # One request at a time per assessment decides; the render itself runs elsewhere.
        Assessment.objects.select_for_update().filter(pk=assessment.pk).first()
        if language == assessment.language:
            _drop_scheduled(assessment, started)
        latest = latest_version(assessment, language)
        if latest and latest.content_hash == digest and _stored(latest):
            return Requested(version=latest)
        if active := ProfileRender.objects.filter(**key, status__in=ACTIVE).first():
            return Requested(render=active)
        try:
            with transaction.atomic():
                render = ProfileRender.objects.create(
                    **key, requested_by=user if user and user.is_authenticated else None
                )
        except IntegrityError:  # a concurrent request created it (SQLite has no row locks)
            return Requested(render=ProfileRender.objects.get(**key, status__in=ACTIVE))
        if enqueue:
            transaction.on_commit(lambda: _enqueue(render.pk))
    return Requested(render=render)


def _claim(render_id: int) -> ProfileRender | None:
    """Mark the render as running if it is still queued; None if someone else took it."""
    claimed = ProfileRender.objects.filter(pk=render_id, status=Status.QUEUED).update(
        status=Status.RENDERING, attempts=F("attempts") + 1, progress=5, error=""
    )
    if not claimed:
        return None
    return ProfileRender.objects.select_related("assessment").get(pk=render_id)


def _progress(render: ProfileRender, percent: int) -> None:
    # Also the heartbeat: a render silent for PROFILE_RENDER_TIMEOUT is taken for dead.
    ProfileRender.objects.filter(pk=render.pk).update(progress=percent, updated_at=timezone.now())


def _finish(render: ProfileRender, version: ProfileVersion) -> ProfileVersion:
    ProfileRender.objects.filter(pk=render.pk).update(
        status=Status.READY, progress=100, version=version, updated_at=timezone.now()
    )
    return version


def _store(render: ProfileRender) -> ProfileVersion:
    assessment = render.assessment
    stage = assessment.stage
    language = render.language or assessment.language
    profile = profile_build(assessment, language=language)
    digest = content_hash(profile)  # the content may have moved on since the request
    latest = latest_version(assessment, language)
    if latest and latest.content_hash == digest and _stored(latest):
        return _finish(render, latest)
    _progress(render, 20)
    html = render_html(profile)
    _progress(render, 30)
    progress = iter(range(35, 90, 5))  # WeasyPrint says nothing on its way: creep forward
    pdf = isolated_html_to_pdf(html, heartbeat=lambda: _progress(render, next(progress, 85)))
    _progress(render, 90)
    # The file first: if the process dies here, no version points at it.
    name = default_storage.save(
        f"profiles/{assessment.pk}/{digest[:12]}-r{render.pk}.pdf", ContentFile(pdf.data)
    )
    with transaction.atomic():
        Assessment.objects.select_for_update().filter(pk=assessment.pk).first()
        number = (assessment.profile_versions.aggregate(n=Max("number"))["n"] or 0) + 1
        version = ProfileVersion(
            assessment=assessment,
            number=number,
            stage=stage,
            language=profile.language,
            content_hash=digest,
            size=len(pdf.data),
            pages=pdf.pages,
            created_by_id=render.requested_by_id,
            # A translation made after validation is as final as the validated original.
            frozen=stage in FINAL_STAGES and language != assessment.language,
        )
        version.file.name = name
        version.full_clean(exclude=["created_by", "file"])
        version.save()
        return _finish(render, version)


@runner("profile_render")
def profile_render_run(*, render_id: int) -> int | None:
    """Render a queued render unless another process has it; the new version's id."""
    renders_recover()
    render = _claim(render_id)
    if render is None:
        return None
    try:
        return _store(render).pk
    except Exception as exc:
        logger.exception("Profile render %s of %s failed", render.pk, render.assessment)
        ProfileRender.objects.filter(pk=render.pk).update(
            status=Status.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000]
        )
        return None


def renders_recover(*, assessment: Assessment | None = None) -> int:
    """Renders a killed worker left running: queued once more, then given up as failed."""
    cutoff = timezone.now() - timedelta(seconds=settings.PROFILE_RENDER_TIMEOUT)
    stale = ProfileRender.objects.filter(status=Status.RENDERING, updated_at__lt=cutoff)
    if assessment is not None:
        stale = stale.filter(assessment=assessment)
    requeued = 0
    for render in stale:
        same = ProfileRender.objects.filter(
            pk=render.pk, status=Status.RENDERING, updated_at=render.updated_at
        )
        if render.attempts >= MAX_ATTEMPTS:
            same.update(status=Status.FAILED, error=_("The render was interrupted twice."))
            logger.error("Profile render %s was interrupted twice; given up", render.pk)
        elif same.update(status=Status.QUEUED, progress=0, updated_at=timezone.now()):
            logger.warning("Profile render %s was interrupted; retrying it once", render.pk)
            transaction.on_commit(lambda pk=render.pk: _enqueue(pk))
            requeued += 1
    return requeued


def profile_wait(requested: Requested, *, timeout: float = 600.0) -> ProfileVersion:
    """The version a request leads to: render it here if no worker has started, else wait."""
    if requested.version is not None:
        return requested.version
    render = requested.render
    deadline = time.monotonic() + timeout
    while True:
        if render.status == Status.QUEUED:
            profile_render_run(render_id=render.pk)
        render.refresh_from_db()
        if render.status == Status.READY and render.version_id:
            return render.version
        if render.status == Status.FAILED:
            raise ApplicationError(
                _("The profile could not be rendered: %(error)s") % {"error": render.error}
            )
        if time.monotonic() > deadline:
            raise ApplicationError(_("The profile is still being rendered; try again later."))
        time.sleep(0.1)
