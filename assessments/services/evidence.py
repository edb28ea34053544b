"""Evidence on a response: add, remove (reversibly) and restore."""

from pathlib import PurePath

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import permissions
from ..exceptions import ApplicationError, NotAllowed
from ..models import Assessment, Evidence, LegalInstrument, Response, Source
from ..selectors.sources import sources_like
from .carry_over import carry_refresh
from .entry import response_row
from .revisions import revision_write
from .uploads import validate_upload


def _lock_editable(response: Response, user: AbstractBaseUser) -> Response:
    locked = (
        Response.objects.select_for_update(of=("self",))
        .select_related("assessment__country", "indicator")
        .get(pk=response_row(response).pk)
    )
    if not permissions.can_edit_response(user, locked):
        raise NotAllowed(permissions.why_not_editable(user, locked) or _("Not allowed."))
    return locked


def source_create(
    *,
    assessment: Assessment,
    organization: str,
    year: str,
    title: str,
    url: str = "",
    confirmed_different: bool = False,
) -> Source:
    """The assessment's entry for this source, cited from evidence; "n.d." without a year.

    A source typed again (same organization, year and title after cleaning) is the existing
    one, so that key sources list it once; one with the same title and another organization
    or year needs the person's confirmation, as a registry entry does.
    """
    identical, similar = sources_like(
        assessment=assessment, organization=organization, year=year, title=title
    )
    if identical is not None:
        if url and not identical.url:
            identical.url = url
            identical.save(update_fields=["url"])
        return identical
    if similar and not confirmed_different:
        raise ApplicationError(
            _(
                "The assessment already has a source with this title: %(sources)s. Choose it "
                "from the list, or confirm that yours is a different source."
            )
            % {"sources": "; ".join(f"“{s}”" for s in similar)}
        )
    source = Source(
        assessment=assessment, organization=organization, year=year or "n.d.", title=title, url=url
    )
    source.full_clean()
    source.save()
    return source


@transaction.atomic
def evidence_add(
    *,
    response: Response,
    user: AbstractBaseUser,
    instrument: LegalInstrument | None = None,
    source: Source | None = None,
    locator: str = "",
    note: str = "",
    file: UploadedFile | None = None,
    action: str = "evidence_add",
) -> Evidence:
    """Attach one piece of evidence; it must cite an instrument or a source."""
    locked = _lock_editable(response, user)
    if instrument is None and source is None:
        raise ApplicationError(_("Cite a legal instrument or a source."))
    if instrument is not None and instrument.country_id != locked.assessment.country_id:
        raise ApplicationError(_("That instrument belongs to another country's registry."))
    if source is not None and source.assessment_id != locked.assessment_id:
        raise ApplicationError(_("That source belongs to another assessment."))
    evidence = Evidence(
        response=locked,
        instrument=instrument,
        source=source,
        locator=locator,
        note=note,
        created_by=user,
        order=locked.evidence.count(),
    )
    if file is not None:
        evidence.file_type = validate_upload(file)
        evidence.file_name = PurePath(file.name).name[:255]
        evidence.file_size = file.size
        evidence.file = file
    evidence.full_clean()
    evidence.save()
    carry_refresh(locked)
    revision_write(response=locked, author=user, action=action, note=str(evidence))
    return evidence


@transaction.atomic
def evidence_remove(*, evidence: Evidence, user: AbstractBaseUser) -> Evidence:
    """Hide the evidence; the file is kept so that the removal can be undone."""
    locked = _lock_editable(evidence.response, user)
    evidence.removed_at = timezone.now()
    evidence.save(update_fields=["removed_at"])
    carry_refresh(locked)
    revision_write(response=locked, author=user, action="evidence_remove", note=str(evidence))
    return evidence


@transaction.atomic
def evidence_restore(*, evidence: Evidence, user: AbstractBaseUser) -> Evidence:
    """Undo a removal."""
    locked = _lock_editable(evidence.response, user)
    if evidence.removed_at is None:
        raise ApplicationError(_("This evidence was not removed."))
    evidence.removed_at = None
    evidence.save(update_fields=["removed_at"])
    carry_refresh(locked)
    revision_write(response=locked, author=user, action="evidence_restore", note=str(evidence))
    return evidence
