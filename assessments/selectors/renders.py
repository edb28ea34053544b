"""Reads of profile renders: what the versions page shows while the PDF is being made."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _

from ..models import Assessment, ProfileRender, ProfileVersion, ResponseRevision
from .sentences import action_sentence, person

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


def versions_with_causes(assessment: Assessment) -> list[ProfileVersion]:
    """The versions, each with `made_by`: the person who asked for it, or for a version the
    scheduler made, the edit that caused it ("Automatic, after 1.2.3: Saved by Aida Bekova")."""
    before = ResponseRevision.objects.filter(
        response__assessment=OuterRef("assessment"), updated_at__lte=OuterRef("created_at")
    ).order_by("-updated_at", "-pk")
    versions = list(
        assessment.profile_versions.select_related("created_by").annotate(
            cause_action=Subquery(before.values("action")[:1]),
            cause_code=Subquery(before.values("response__indicator__code")[:1]),
            cause_author=Subquery(before.values("author")[:1]),
        )
    )
    ids = {v.cause_author for v in versions if v.created_by_id is None and v.cause_author}
    people = get_user_model().objects.in_bulk(ids)
    for v in versions:
        if v.created_by_id is not None:
            v.made_by = person(v.created_by)
        elif v.cause_action:
            edit = action_sentence(v.cause_action, person(people.get(v.cause_author)))
            v.made_by = _("Automatic, after %(code)s: %(edit)s") % {
                "code": v.cause_code,
                "edit": edit,
            }
        else:
            v.made_by = _("Automatic, after an edit of the profile")
    return versions
