"""Snapshots of responses, written on every change; one person's autosaves fold into one."""

from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from ..models import Response, ResponseRevision

AUTOSAVE = "autosave"
# Autosaves by the same person closer together than this share one revision.
FOLD_WINDOW = timedelta(minutes=10)


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
