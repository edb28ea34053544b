"""Writes of the review board: remembering a reviewer's last look, and bulk accept."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..exceptions import ApplicationError
from ..models import Assessment, BoardVisit, Response
from .workflow import response_accept

# Visits closer together than this are one sitting: reloading the board, or filtering it,
# does not move "since I last looked" forward.
SITTING = timedelta(hours=1)


def board_visit_record(*, user: AbstractBaseUser, assessment: Assessment) -> datetime | None:
    """Note this look at the board; return when the user looked before (None: never).

    Not locked: two tabs racing lose at worst one look, and the board stays two queries.
    """
    now = timezone.now()
    visit = BoardVisit.objects.filter(user=user, assessment=assessment).first()
    if visit is None:
        try:
            with transaction.atomic():
                BoardVisit.objects.create(user=user, assessment=assessment, seen_at=now)
        except IntegrityError:
            pass
        return None
    if now - visit.seen_at >= SITTING:
        visit.previous_seen_at = visit.seen_at
    visit.seen_at = now
    visit.save(update_fields=["seen_at", "previous_seen_at"])
    return visit.previous_seen_at


@dataclass
class BulkResult:
    accepted: list[Response] = field(default_factory=list)
    skipped: list[tuple[Response, str]] = field(default_factory=list)  # (answer, why)


@transaction.atomic
def responses_accept_bulk(
    *, assessment: Assessment, reviewer: AbstractBaseUser, answers: list[tuple[int, int]]
) -> BulkResult:
    """Accept each (response id, version seen) through the one-answer service.

    Each accept is its own audited move; an answer changed since the reviewer saw it, or
    that can no longer be accepted, is skipped and reported instead.
    """
    seen = dict(answers)
    # Locked until commit, so that nobody changes an answer between the check and the accept.
    responses = (
        Response.objects.select_for_update(of=("self",))
        .filter(assessment=assessment, pk__in=seen)
        .select_related("indicator", "assessment")
        .order_by("indicator__order")
    )
    if len(responses) != len(seen):
        raise ApplicationError(_("Some selected answers do not belong to this assessment."))
    result = BulkResult()
    for response in responses:
        if response.version != seen[response.pk]:
            result.skipped.append((response, _("it changed after you loaded the page")))
            continue
        try:
            with transaction.atomic():
                result.accepted.append(response_accept(response=response, reviewer=reviewer))
        except ApplicationError as exc:
            result.skipped.append((response, exc.message))
    return result
