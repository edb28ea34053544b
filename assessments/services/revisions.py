"""Snapshots of responses, written on every change; one person's autosaves fold into one."""

from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from ..models import Evidence, Response, ResponseRevision
from ..report.schedule import profile_schedule_render

AUTOSAVE = "autosave"
# Autosaves by the same person closer together than this share one revision.
FOLD_WINDOW = timedelta(minutes=10)


def _snapshot(e: Evidence) -> dict:
    return {
        "id": e.pk,
        "instrument_id": e.instrument_id,
        "instrument": str(e.instrument) if e.instrument_id else "",
        "source_id": e.source_id,
        "source": str(e.source) if e.source_id else "",
        "locator": e.locator,
        "note": e.note,
        "file": e.file_name,
    }


def evidence_snapshot(response: Response) -> list[dict]:
    """The live evidence list as plain data, for the revision and its diff."""
    return [
        _snapshot(e)
        for e in response.evidence.filter(removed_at__isnull=True).select_related(
            "instrument", "source"
        )
    ]


def revision_write(
    *, response: Response, author: AbstractBaseUser | None, action: str, note: str = ""
) -> ResponseRevision:
    """Bump the response's version and record the state it now has."""
    response.version += 1
    response.updated_by = author if author is not None and author.is_authenticated else None
    response.save()
    profile_schedule_render(response.assessment_id)
    state = {
        "version": response.version,
        "option": response.option,
        "finding": response.finding,
        "status": response.status,
        "evidence": evidence_snapshot(response),
        "note": note,
    }
    folded = _open_autosave(response, response.updated_by) if action == AUTOSAVE else None
    if folded is not None:
        # The one sanctioned change to a revision: the newest autosave takes the newer text.
        state["updated_at"] = timezone.now()
        ResponseRevision.objects.filter(pk=folded.pk).update(**state)
        folded.refresh_from_db()
        return folded
    return ResponseRevision.objects.create(
        response=response, action=action, author=response.updated_by, **state
    )


def _open_autosave(response: Response, author) -> ResponseRevision | None:
    """The response's latest revision if it is this author's autosave of the last minutes."""
    if author is None:
        return None
    latest = response.revisions.order_by("-version").first()
    if (
        latest is None
        or latest.action != AUTOSAVE
        or latest.author_id != author.pk
        or timezone.now() - latest.updated_at > FOLD_WINDOW
    ):
        return None
    return latest


def revisions_write_many(
    *, responses: list[Response], author: AbstractBaseUser | None, action: str
) -> list[ResponseRevision]:
    """revision_write for many responses in a fixed number of queries (a workbook import)."""
    live = Evidence.objects.filter(response__in=responses, removed_at__isnull=True)
    snapshots: dict[int, list[dict]] = {}
    for e in live.select_related("instrument", "source").order_by("response", "order", "pk"):
        snapshots.setdefault(e.response_id, []).append(_snapshot(e))
    user = author if author is not None and author.is_authenticated else None
    now = timezone.now()
    for response in responses:
        response.version += 1
        response.updated_by, response.updated_at = user, now
    # One small UPDATE per row: bulk_update's CASE expressions cost more than they save here.
    for r in responses:
        Response.objects.filter(pk=r.pk).update(
            option=r.option,
            finding=r.finding,
            status=r.status,
            version=r.version,
            updated_by=user,
            updated_at=now,
        )
    for assessment_id in {r.assessment_id for r in responses}:
        profile_schedule_render(assessment_id)
    return ResponseRevision.objects.bulk_create(
        ResponseRevision(
            response=r,
            version=r.version,
            option=r.option,
            finding=r.finding,
            status=r.status,
            evidence=snapshots.get(r.pk, []),
            action=action,
            author=user,
        )
        for r in responses
    )
