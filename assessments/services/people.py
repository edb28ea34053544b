"""Coordinators assign focal points their indicators (people are added by invitations)."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import permissions
from ..exceptions import ApplicationError, NotAllowed
from ..models import Assessment, Assignment, Invitation, Membership
from ..selectors.work import assessment_indicators
from .audit import audit_log


def _require_manager(user: AbstractBaseUser, assessment: Assessment) -> None:
    if not permissions.can_manage_people(user, assessment):
        raise NotAllowed(_("Only the government coordinator manages focal points."))


class RemoveAllUnconfirmed(ApplicationError):
    """The form would remove every assignment; the person is asked first."""

    def __init__(self, count: int):
        super().__init__(
            ngettext(
                "This would remove the only assignment: nobody would answer any indicator.",
                "This would remove all %(n)d assignments: nobody would answer any indicator.",
                count,
            )
            % {"n": count}
        )
        self.count = count


@transaction.atomic
def assignments_set(
    *,
    assessment: Assessment,
    actor: AbstractBaseUser,
    subdomain_pairs: Iterable[tuple[int, int]],
    indicator_pairs: Iterable[tuple[int, int]],
    confirm_remove_all: bool = False,
) -> int:
    """Replace all assignments of the assessment with (membership id, item id) pairs.

    Removing every assignment at once (an empty form) needs `confirm_remove_all`.
    """
    _require_manager(actor, assessment)
    members = {m.pk: m for m in assessment.memberships.filter(role=Membership.Role.FOCAL_POINT)}
    # Only what this assessment answers: its framework, and the COVID-19 module if it is on.
    indicators = list(assessment_indicators(assessment).values_list("pk", "subdomain_id"))
    ind_ids = {pk for pk, _sub in indicators}
    sub_ids = {sub for _pk, sub in indicators}
    rows = []
    for member_id, sub_id in set(subdomain_pairs):
        if member_id not in members or sub_id not in sub_ids:
            raise ApplicationError(_("The assignment form names an unknown person or sub-domain."))
        rows.append(Assignment(membership_id=member_id, subdomain_id=sub_id))
    for member_id, ind_id in set(indicator_pairs):
        if member_id not in members or ind_id not in ind_ids:
            raise ApplicationError(_("The assignment form names an unknown person or indicator."))
        rows.append(Assignment(membership_id=member_id, indicator_id=ind_id))
    current = Assignment.objects.filter(membership__assessment=assessment)
    if not rows and not confirm_remove_all and (count := current.count()):
        raise RemoveAllUnconfirmed(count)
    current.delete()
    Assignment.objects.bulk_create(rows)
    audit_log(
        assessment=assessment, actor=actor, action="assignments.set", data={"count": len(rows)}
    )
    return len(rows)


def pending_assignments_apply(*, invitation: Invitation, membership: Membership) -> int:
    """The assignments carried with an accepted invitation become the member's own."""
    if membership.role != Membership.Role.FOCAL_POINT:
        return 0
    rows = [
        Assignment(membership=membership, subdomain_id=p.subdomain_id, indicator_id=p.indicator_id)
        for p in invitation.pending_assignments.all()
    ]
    Assignment.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)
