"""The navigation's search: indicators, registry laws and assessments the user may open."""

import operator
from dataclasses import dataclass, field
from functools import reduce

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q

from .. import permissions
from ..models import Assessment, Indicator, LegalInstrument
from .assessments import assessments_visible_to
from .work import COVID_SLUG, framework_scope

MIN_LENGTH = 2
LIMIT = 25


@dataclass
class SearchResults:
    query: str
    indicators: list[tuple[Assessment, Indicator]] = field(default_factory=list)
    instruments: list[LegalInstrument] = field(default_factory=list)
    assessments: list[Assessment] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.indicators) + len(self.instruments) + len(self.assessments)


def _words(text: str, fields: tuple[str, ...]) -> Q:
    """Every word appears in one of the fields (in any order)."""
    condition = Q()
    for word in text.split():
        either = Q()
        for name in fields:
            either |= Q(**{f"{name}__icontains": word})
        condition &= either
    return condition


def _in_reach(user: AbstractBaseUser, assessment: Assessment, indicator: Indicator) -> bool:
    """In the assessment's scope and, for a focal point, assigned to them."""
    in_scope = indicator.framework_id == assessment.framework_id or (
        assessment.covid_module and indicator.framework.slug == COVID_SLUG
    )
    focal_point = permissions.role(user, assessment) == permissions.Role.FOCAL_POINT
    return in_scope and (not focal_point or permissions.is_assigned(user, assessment, indicator))


def _indicators(user: AbstractBaseUser, visible: list[Assessment], text: str) -> list[tuple]:
    """Indicators by code or by words of their title or question, in English or the user's
    language; one query whatever the number of assessments (memberships are cached)."""
    scope = reduce(operator.or_, (framework_scope(a) for a in visible), Q(pk__in=[]))
    words = text.casefold().split()
    matches = []
    # A framework holds about a hundred indicators: matched here, in the reader's language.
    for indicator in Indicator.objects.filter(scope).select_related("framework").order_by("order"):
        haystack = " ".join(
            (indicator.title, indicator.question, indicator.tr("title"), indicator.tr("question"))
        ).casefold()
        if indicator.code.startswith(text) or all(word in haystack for word in words):
            matches.append(indicator)
    found = []
    for assessment in visible:
        mine = [i for i in matches if _in_reach(user, assessment, i)]
        # The national framework first, then the COVID-19 module, as in the profile.
        mine.sort(key=lambda i: (i.framework.slug == COVID_SLUG, i.order))
        found += [(assessment, i) for i in mine[:LIMIT]]
    return found


def search_for(user: AbstractBaseUser, query: str) -> SearchResults:
    """Matches by code or words, each one an object this user may open."""
    text = " ".join(query.split())[:100]
    results = SearchResults(text)
    if len(text) < MIN_LENGTH:
        return results
    visible = list(assessments_visible_to(user))
    for assessment in visible:
        haystack = f"{assessment} {assessment.country.name} {assessment.year}".lower()
        if all(word in haystack for word in text.lower().split()):
            results.assessments.append(assessment)
    results.indicators = _indicators(user, visible, text)
    instruments = LegalInstrument.objects.select_related("country").filter(
        _words(text, ("title", "number"))
    )
    if not permissions.is_administrator(user):
        instruments = instruments.filter(country__in={a.country_id for a in visible})
    results.instruments = list(instruments.order_by("country__short_name", "title")[:LIMIT])
    return results
