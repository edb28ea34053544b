"""Reads for starting assessments and for invitations."""

from functools import lru_cache

from babel import Locale
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from .. import permissions
from ..models import Assessment, Country, Framework, Invitation
from .assessments import assessments_visible_to


def open_invitations_for(user: AbstractBaseUser) -> list[Invitation]:
    """Invitations waiting for this person's answer, for 'My work'."""
    if not user.is_authenticated:
        return []
    return list(
        Invitation.objects.filter(
            user=user,
            accepted_at__isnull=True,
            declined_at__isnull=True,
            assessment__cancelled_at__isnull=True,
            created_at__gte=timezone.now() - settings.INVITATION_MAX_AGE,
        ).select_related("assessment__country", "invited_by")
    )


def open_invitations_of(assessment: Assessment) -> QuerySet[Invitation]:
    """Invitations to this assessment still waiting for an answer, for the people page."""
    return assessment.invitations.filter(
        accepted_at=None,
        declined_at=None,
        created_at__gte=timezone.now() - settings.INVITATION_MAX_AGE,
    ).select_related("user")


def invitation_by_token(token: str) -> Invitation:
    """The invitation behind a link, whoever opens it (the view checks who may answer)."""
    invitation = (
        Invitation.objects.filter(token=token)
        .select_related("assessment__country", "invited_by")
        .first()
    )
    if invitation is None:
        raise Http404
    return invitation


def national_frameworks() -> QuerySet[Framework]:
    return Framework.objects.exclude(kind=Framework.Kind.MODULE).order_by("name")


def baseline_choices() -> QuerySet[Assessment]:
    """Assessments that can serve as a baseline: any not cancelled."""
    return Assessment.objects.filter(cancelled_at__isnull=True).select_related("country")


def countries() -> QuerySet[Country]:
    return Country.objects.all()


def cancelled_for(user: AbstractBaseUser) -> list[Assessment]:
    """Cancelled assessments this person may restore."""
    rows = assessments_visible_to(user, include_cancelled=True).filter(cancelled_at__isnull=False)
    return [a for a in rows if permissions.can_restore_assessment(user, a)]


@lru_cache(maxsize=1)
def suggested_names() -> dict[str, dict[str, str]]:
    """{ISO code: {language: short name}} from CLDR (Babel), to suggest a new country's names."""
    languages = [code for code, _name in settings.LANGUAGES]
    names: dict[str, dict[str, str]] = {}
    for language in languages:
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha():
                names.setdefault(code, {})[language] = name
    return names
