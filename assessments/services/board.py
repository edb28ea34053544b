"""Writes of the review board: remembering a reviewer's last look, and bulk accept."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..exceptions import ApplicationError
from ..models import Assessment, Response
from .workflow import response_accept

# Visits closer together than this are one sitting: reloading the board, or filtering it,
# does not move "since I last looked" forward.
SITTING = timedelta(hours=1)


SEEN_KEY = "board_seen"


def board_visit_record(*, session, assessment: Assessment) -> datetime | None:
    """Note this look at the board in the session; return when the user looked before.

    Kept in the session, not in a table: opening a page writes no row (issue 14).
    """
    now = timezone.now()
    seen = dict(session.get(SEEN_KEY) or {})
    mine = seen.get(str(assessment.pk))
    previous = None
    if mine is not None:
        last = datetime.fromisoformat(mine["seen_at"])
        earlier = mine.get("previous")
        previous = last if now - last >= SITTING else earlier and datetime.fromisoformat(earlier)
    seen[str(assessment.pk)] = {
        "seen_at": now.isoformat(),
        "previous": previous.isoformat() if previous else None,
    }
    session[SEEN_KEY] = seen
    return previous


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
    result.accepted, result.skipped = each_as_seen(
        responses, seen, lambda r: response_accept(response=r, reviewer=reviewer)
    )
    return result


def each_as_seen(
    responses: Iterable[Response], seen: dict[int, int], move: Callable[[Response], Response]
) -> tuple[list[Response], list[tuple[Response, str]]]:
    """Apply `move` to each answer still at the version its user saw, each in its own
    transaction (a savepoint inside an outer one); changed or refused ones are skipped."""
    done, skipped = [], []
    for response in responses:
        if response.version != seen[response.pk]:
            skipped.append((response, _("it changed after you loaded the page")))
            continue
        try:
            with transaction.atomic():
                done.append(move(response))
        except ApplicationError as exc:
            skipped.append((response, exc.message))
    return done, skipped
