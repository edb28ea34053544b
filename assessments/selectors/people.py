"""Who holds which role in an assessment: the people a move concerns."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q

from ..models import Assessment, Membership, Response

Role = Membership.Role
User = get_user_model()


def members(assessment: Assessment, *roles: str, exclude=None) -> list[AbstractBaseUser]:
    """Users holding one of `roles` in the assessment, except `exclude`."""
    users = User.objects.filter(
        memberships__assessment=assessment, memberships__role__in=roles, is_active=True
    )
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    return list(users.distinct())


def assigned_focal_points(response: Response) -> list[AbstractBaseUser]:
    """Focal points whose assignments cover the response's indicator."""
    indicator = response.indicator
    covered = Q(memberships__assignments__subdomain_id=indicator.subdomain_id) | Q(
        memberships__assignments__indicator_id=indicator.pk
    )
    return list(
        User.objects.filter(
            covered,
            memberships__assessment_id=response.assessment_id,
            memberships__role=Role.FOCAL_POINT,
            is_active=True,
        ).distinct()
    )
