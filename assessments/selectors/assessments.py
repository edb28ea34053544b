"""Reads of assessments, always scoped to what the user may see."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.http import Http404

from .. import permissions
from ..models import Assessment


def assessments_visible_to(
    user: AbstractBaseUser, *, include_cancelled: bool = True
) -> QuerySet[Assessment]:
    """Assessments the user takes part in (all of them for administrators)."""
    qs = Assessment.objects.select_related("country", "framework", "baseline")
    if not include_cancelled:
        qs = qs.filter(cancelled_at__isnull=True)
    if permissions.is_administrator(user):
        return qs
    if not user.is_authenticated:
        return qs.none()
    return qs.filter(pk__in=list(permissions.memberships(user).keys()))


def assessment_for(user: AbstractBaseUser, pk: int) -> Assessment:
    """One assessment the user may see; 404 otherwise, so existence does not leak."""
    try:
        return assessments_visible_to(user).get(pk=pk)
    except Assessment.DoesNotExist:
        raise Http404 from None


def assessments_in_progress(user: AbstractBaseUser) -> QuerySet[Assessment]:
    """What 'My work' and the dashboard list: visible and not cancelled."""
    return assessments_visible_to(user, include_cancelled=False)
