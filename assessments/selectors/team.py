"""The baseline's people a follow-up may bring along, with what each of them answered."""

from django.db.models import Prefetch

from ..models import Assessment, Assignment, Membership

Role = Membership.Role
CARRIED_ROLES = (Role.COORDINATOR, Role.FOCAL_POINT)


def baseline_team(baseline: Assessment | None) -> list[Membership]:
    """The coordinator(s) and focal points of `baseline`, with their assignments (2 queries)."""
    if baseline is None:
        return []
    assignments = Assignment.objects.select_related("subdomain", "indicator").order_by(
        "subdomain__order", "indicator__order"
    )
    return list(
        Membership.objects.filter(assessment=baseline, role__in=CARRIED_ROLES)
        .select_related("user")
        .prefetch_related(Prefetch("assignments", queryset=assignments))
        .order_by("role", "institution", "user__last_name", "pk")
    )


def assignment_codes(member: Membership) -> list[str]:
    """The sub-domain and indicator codes a member answers, as the people page shows them."""
    return [(a.subdomain or a.indicator).code for a in member.assignments.all()]
