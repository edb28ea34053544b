"""Draft renders after edits, debounced: a burst of edits gives one render.

Every service that changes what the profile prints calls profile_schedule_render(). The
first edit leaves a `scheduled` marker due a few seconds later and enqueues one deferred
task; later edits only push the marker's due time back. When the task finds the marker due,
it removes it and renders the content of that moment; if edits pushed it back, it defers
itself to the new time.
"""

from __future__ import annotations

import datetime
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Assessment, ProfileRender
from ..tasks import profile_render_due, runner
from .build import FINAL_STAGES
from .jobs import profile_render_run, profile_request

Status = ProfileRender.Status


def profile_schedule_render(assessment_id: int) -> None:
    """Once the current transaction commits, render the draft a few seconds later."""
    transaction.on_commit(lambda: _schedule(assessment_id))


def _enqueue_due(assessment_id: int, due: datetime.datetime) -> None:
    profile_render_due.using(run_after=due).enqueue(assessment_id=assessment_id)


def _schedule(assessment_id: int) -> None:
    if not profile_render_due.get_backend().supports_defer:
        return  # the immediate backend (tests, no worker) cannot wait: Generate renders
    due = timezone.now() + timedelta(seconds=settings.PROFILE_RENDER_DELAY)
    markers = ProfileRender.objects.filter(assessment_id=assessment_id, status=Status.SCHEDULED)
    if markers.update(due_at=due):
        return
    try:
        with transaction.atomic():
            ProfileRender.objects.create(
                assessment_id=assessment_id, status=Status.SCHEDULED, due_at=due
            )
    except IntegrityError:  # another edit created the marker meanwhile
        markers.update(due_at=due)
        return
    _enqueue_due(assessment_id, due)


@runner("profile_render_due")
def profile_render_when_due(*, assessment_id: int) -> int | None:
    """The deferred task's body: render if no edit came since; the new version's id."""
    marker = ProfileRender.objects.filter(
        assessment_id=assessment_id, status=Status.SCHEDULED
    ).first()
    if marker is None:
        return None
    if marker.due_at > timezone.now():
        _enqueue_due(assessment_id, marker.due_at)  # edits went on: wait for the last one
        return None
    # Only the marker as this task saw it: an edit that moved it meanwhile keeps it alive.
    if not ProfileRender.objects.filter(pk=marker.pk, due_at=marker.due_at).delete()[0]:
        return profile_render_when_due(assessment_id=assessment_id)
    assessment = Assessment.objects.get(pk=assessment_id)
    if assessment.stage in FINAL_STAGES:
        return None  # validation renders and freezes the final profile itself
    requested = profile_request(assessment=assessment, enqueue=False)
    if requested.render is None:
        return requested.version.pk if requested.version else None
    return profile_render_run(render_id=requested.render.pk)
