"""Reads of profile renders: what the versions page shows while the PDF is being made."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Assessment, ProfileRender, ProfileVersion

Status = ProfileRender.Status


@dataclass
class RenderState:
    latest: ProfileVersion | None  # the newest ready PDF, served at once
    pending: ProfileRender | None  # a render queued or running, or edits waiting to render
    failed: ProfileRender | None  # the last render failed and nothing newer is pending

    @property
    def busy(self) -> bool:
        return self.pending is not None


def render_state(assessment: Assessment) -> RenderState:
    """The newest version and the newest render of the assessment (two queries)."""
    latest = assessment.profile_versions.select_related("created_by").order_by("-number").first()
    newest = (
        ProfileRender.objects.filter(assessment=assessment)
        .exclude(status=Status.READY)
        .order_by("-created_at", "-pk")
        .first()
    )
    pending = failed = None
    if newest is not None and newest.status == Status.FAILED:
        if latest is None or latest.created_at < newest.updated_at:
            failed = newest
    elif newest is not None:
        pending = newest
    return RenderState(latest=latest, pending=pending, failed=failed)
