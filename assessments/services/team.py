"""A follow-up brings its baseline's people along: each one is invited again, with the same
role, institution and assignments.

Decision (issue 31): nobody joins a follow-up without saying yes, so the team is carried as
invitations. The baseline's assignments wait on the invitation (PendingAssignment) and become
real Assignments when it is accepted; if the invitation service adds someone at once (it
returns a Membership), the assignments are made at once instead.
"""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from ..exceptions import ApplicationError
from ..models import Assessment, Assignment, Invitation, Membership, PendingAssignment
from ..selectors.team import CARRIED_ROLES
from ..selectors.work import assessment_indicators
from .audit import audit_log
from .invitations import person_invite


def _matching_scope(assessment: Assessment) -> tuple[dict[str, int], dict[str, int]]:
    """Sub-domain and indicator ids of the follow-up by code: frameworks may differ."""
    rows = assessment_indicators(assessment).values_list(
        "pk", "code", "subdomain_id", "subdomain__code"
    )
    indicators = {code: pk for pk, code, _s, _sc in rows}
    subdomains = {sub_code: sub for _pk, _c, sub, sub_code in rows}
    return subdomains, indicators


def _assignment_targets(member: Membership, scope) -> list[dict]:
    subdomains, indicators = scope
    targets = []
    for a in member.assignments.all():
        if a.subdomain_id and a.subdomain.code in subdomains:
            targets.append({"subdomain_id": subdomains[a.subdomain.code]})
        elif a.indicator_id and a.indicator.code in indicators:
            targets.append({"indicator_id": indicators[a.indicator.code]})
    return targets


@transaction.atomic
def team_carry(
    *,
    assessment: Assessment,
    actor: AbstractBaseUser,
    members: Iterable[Membership],
    skip_emails: Iterable[str] = (),
) -> list[Invitation | Membership]:
    """Invite the chosen baseline members to the follow-up, with their assignments.

    Someone already invited or taking part (e.g. the coordinator typed on the form) is skipped.
    """
    chosen = list(members)
    if any(
        m.assessment_id != assessment.baseline_id or m.role not in CARRIED_ROLES for m in chosen
    ):
        raise ApplicationError(_("Only the baseline's coordinator and focal points are carried."))
    skip = {e.strip().lower() for e in skip_emails if e}
    scope = _matching_scope(assessment)
    done = []
    for member in chosen:
        email = (member.user.email or "").strip().lower()
        if not email or email in skip:
            continue
        skip.add(email)
        try:
            with transaction.atomic():
                invited = person_invite(
                    assessment=assessment,
                    actor=actor,
                    email=email,
                    role=member.role,
                    institution=member.institution,
                    first_name=member.user.first_name,
                    last_name=member.user.last_name,
                )
        except ApplicationError:
            continue  # already invited or taking part: nothing to carry twice
        _carry_assignments(invited, _assignment_targets(member, scope))
        done.append(invited)
    audit_log(
        assessment=assessment,
        actor=actor,
        action="team.carry",
        data={"baseline": assessment.baseline_id, "count": len(done)},
    )
    return done


def _carry_assignments(invited: Invitation | Membership, targets: list[dict]) -> None:
    if invited.role != Membership.Role.FOCAL_POINT or not targets:
        return
    if isinstance(invited, Membership):
        Assignment.objects.bulk_create(Assignment(membership=invited, **t) for t in targets)
    else:
        PendingAssignment.objects.bulk_create(
            PendingAssignment(invitation=invited, **t) for t in targets
        )
