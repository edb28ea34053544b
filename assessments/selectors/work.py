"""Reads for 'My work' and the questionnaire, with a fixed number of queries."""

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Case, Q, QuerySet, When
from django.http import Http404
from django.utils.translation import gettext

from .. import permissions
from ..models import Assessment, Comment, Domain, Framework, Indicator, Response
from .carried import CarriedCounts, annotated_refusal, carried_counts, with_evidence_counts

COVID_SLUG = "covid19"
DONE = {Response.Status.SUBMITTED, Response.Status.ACCEPTED}
FINISHED = {Assessment.Stage.VALIDATED, Assessment.Stage.PUBLISHED}


def framework_scope(assessment: Assessment) -> Q:
    """Indicators or domains an assessment answers: its framework, plus the COVID-19 module."""
    scope = Q(framework_id=assessment.framework_id)
    if assessment.covid_module:
        scope |= Q(framework__slug=COVID_SLUG)
    return scope


def assessment_indicators(assessment: Assessment) -> QuerySet[Indicator]:
    """The indicators an assessment answers: its framework, plus the COVID-19 module if on."""
    scope = framework_scope(assessment)
    # Modules (COVID-19) come after the national framework, as in the profile.
    module_last = Case(When(framework__kind=Framework.Kind.MODULE, then=1), default=0)
    return (
        Indicator.objects.filter(scope)
        .select_related("subdomain__domain__framework")
        .order_by(module_last, "order")
    )


def indicators_for(user: AbstractBaseUser, assessment: Assessment) -> QuerySet[Indicator]:
    """What this person answers or reads: a focal point's assignments, everything for others."""
    qs = assessment_indicators(assessment)
    if permissions.role(user, assessment) != permissions.Role.FOCAL_POINT:
        return qs
    membership = permissions.membership(user, assessment)
    assignments = list(membership.assignments.all())
    return qs.filter(
        Q(subdomain_id__in=[a.subdomain_id for a in assignments if a.subdomain_id])
        | Q(pk__in=[a.indicator_id for a in assignments if a.indicator_id])
    )


def indicator_for(user: AbstractBaseUser, assessment: Assessment, code: str) -> Indicator:
    """One indicator the user may open in this assessment; 404 otherwise."""
    indicator = indicators_for(user, assessment).filter(code=code).first()
    if indicator is None:
        raise Http404
    return indicator


@dataclass
class Item:
    indicator: Indicator
    response: Response | None
    comment: Comment | None = None  # the reviewer's latest comment, on a returned answer

    @property
    def status(self) -> str:
        return self.response.status if self.response else Response.Status.NOT_STARTED

    @property
    def waived(self) -> bool:
        return bool(self.response and self.response.is_waived)

    @property
    def status_label(self) -> str:
        """A waived answer reads "Waived": it is not a draft left to finish (issue 31)."""
        return gettext("Waived") if self.waived else Response.Status(self.status).label

    @property
    def carried(self) -> bool:
        """Carried over from the baseline and not looked at yet."""
        r = self.response
        return bool(r and r.carry_state == Response.CarryState.CARRIED and not r.is_waived)

    @property
    def refusal(self) -> str:
        """Why confirming this carried answer as it stands would be refused ("" if it would not)."""
        return annotated_refusal(self.response) if self.carried else ""

    @property
    def done(self) -> bool:
        return self.status in DONE


@dataclass
class DomainProgress:
    domain: Domain
    items: list[Item] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(item.done for item in self.items)

    @property
    def percent(self) -> int:
        return round(100 * self.done / len(self.items)) if self.items else 0

    @property
    def label(self) -> str:
        """ "1" for a MiGOF domain; a module's own letter ("C") for its domain."""
        return self.items[0].indicator.domain_label if self.items else str(self.domain.number)

    @property
    def finished(self) -> bool:
        """Every answer handed over: the domain is folded on My work."""
        return bool(self.items) and self.done == len(self.items)


@dataclass
class Worklist:
    assessment: Assessment
    role: str | None
    domains: list[DomainProgress]
    bulk_confirm: bool = False  # may confirm carried answers in one go (issue 31)

    @property
    def active(self) -> bool:
        """Still being answered or reviewed; validated and published ones are finished."""
        return self.assessment.stage not in FINISHED

    @property
    def items(self) -> list[Item]:
        return [item for d in self.domains for item in d.items]

    @property
    def returned(self) -> list[Item]:
        return [item for item in self.items if item.status == Response.Status.RETURNED]

    @property
    def drafts(self) -> list[Item]:
        """Drafts to finish: neither waived nor carried over untouched (those have groups)."""
        return [
            item
            for item in self.items
            if item.status == Response.Status.DRAFT and not item.waived and not item.carried
        ]

    @property
    def waived(self) -> list[Item]:
        return [item for item in self.items if item.waived]

    @property
    def carried(self) -> list[Item]:
        return [item for item in self.items if item.carried]

    @property
    def carried_counts(self) -> CarriedCounts:
        counts = carried_counts(
            [item.response for item in self.items if item.response and not item.waived]
        )
        counts.refused = sum(bool(item.refusal) for item in self.carried)
        return counts

    @property
    def done(self) -> int:
        return sum(d.done for d in self.domains)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def worklist(user: AbstractBaseUser, assessment: Assessment) -> Worklist:
    """The user's indicators with their response status, grouped by domain (2 queries)."""
    indicators = list(indicators_for(user, assessment))
    # Evidence counts and the option's level mark carried answers the rules would refuse.
    rows = with_evidence_counts(
        Response.objects.filter(assessment=assessment, indicator__in=[i.pk for i in indicators])
    )
    responses = {
        r.indicator_id: r
        for r in rows.select_related("option").only(
            "pk",
            "indicator_id",
            "status",
            "option_id",
            "option__level",
            "version",
            "assessment_id",
            "waiver_reason",
            "carry_state",
            "finding",
        )
    }
    groups: dict[int, DomainProgress] = {}
    for indicator in indicators:
        domain = indicator.subdomain.domain
        group = groups.setdefault(domain.pk, DomainProgress(domain=domain))
        group.items.append(Item(indicator=indicator, response=responses.get(indicator.pk)))
    work = Worklist(
        assessment,
        permissions.role(user, assessment),
        list(groups.values()),
        bulk_confirm=permissions.can_bulk_confirm(user, assessment),
    )
    _attach_return_comments(work.returned)
    return work


def _attach_return_comments(items: list[Item]) -> None:
    """The latest comment on each returned answer (one query, and none if nothing returned)."""
    if not items:
        return
    latest: dict[int, Comment] = {}
    for comment in (
        Comment.objects.filter(response__in=[i.response.pk for i in items], parent__isnull=True)
        .select_related("author")
        .order_by("created_at", "pk")
    ):
        latest[comment.response_id] = comment
    for item in items:
        item.comment = latest.get(item.response.pk)


def neighbours(user: AbstractBaseUser, assessment: Assessment, indicator: Indicator):
    """Previous and next indicator codes within what this person answers."""
    codes = list(indicators_for(user, assessment).values_list("code", flat=True))
    index = codes.index(indicator.code)
    previous = codes[index - 1] if index > 0 else None
    following = codes[index + 1] if index + 1 < len(codes) else None
    return previous, following
