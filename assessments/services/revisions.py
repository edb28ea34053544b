"""Immutable snapshots of responses, written on every change."""

from django.contrib.auth.models import AbstractBaseUser

from ..models import Response, ResponseRevision
from ..report.schedule import profile_schedule_render


def evidence_snapshot(response: Response) -> list[dict]:
    """The live evidence list as plain data, for the revision and its diff."""
    return [
        {
            "id": e.pk,
            "instrument_id": e.instrument_id,
            "instrument": str(e.instrument) if e.instrument_id else "",
            "source_id": e.source_id,
            "source": str(e.source) if e.source_id else "",
            "locator": e.locator,
            "note": e.note,
            "file": e.file_name,
        }
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
    return ResponseRevision.objects.create(
        response=response,
        version=response.version,
        option=response.option,
        finding=response.finding,
        status=response.status,
        evidence=evidence_snapshot(response),
        action=action,
        note=note,
        author=response.updated_by,
    )
