"""The navigation's search: indicators, registry laws and assessments the user may open."""

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q

from .. import permissions
from ..models import Assessment, Indicator, LegalInstrument
from .assessments import assessments_visible_to
from .work import indicators_for

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
    # One query per assessment: a person works on a handful, and a focal point sees only
    # the indicators assigned to them.
    by_code = Q(code__istartswith=text)
    for assessment in visible:
        matches = indicators_for(user, assessment).filter(
            by_code | _words(text, ("title", "question"))
        )
        results.indicators += [(assessment, i) for i in matches[:LIMIT]]
    instruments = LegalInstrument.objects.select_related("country").filter(
        _words(text, ("title", "number"))
    )
    if not permissions.is_administrator(user):
        instruments = instruments.filter(country__in={a.country_id for a in visible})
    results.instruments = list(instruments.order_by("country__short_name", "title")[:LIMIT])
    return results
