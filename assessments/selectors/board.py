"""The review board: every indicator with its answer, filterable, sortable, in fixed queries.

Filters are named queryset functions in BOARD_FILTERS, applied to the assessment's indicators
annotated with their answer's figures; adding a filter is one entry there and one form field.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext

from ..models import (
    Assessment,
    Assignment,
    Domain,
    Evidence,
    Indicator,
    LegalInstrument,
    Level,
    Membership,
    Response,
)
from ..report.placement import placement
from .baseline import BASELINE_FILTERS
from .carried import CarriedCounts, annotated_refusal, carried_counts, refusal, with_evidence_counts
from .work import assessment_indicators, framework_scope

Status = Response.Status
WAIVED = "waived"
NO_LEVEL = "none"


@dataclass
class BoardContext:
    """What filters and rows need besides the indicators: domains, owners, last look."""

    assessment: Assessment
    domains: list[Domain]
    # institution -> (sub-domain ids, indicator ids) assigned to its focal points
    scopes: dict[str, tuple[set[int], set[int]]]
    # (institution, focal point name, sub-domain id or None, indicator id or None)
    owners: list[tuple[str, str, int | None, int | None]]
    since: datetime | None = None

    @property
    def ministries(self) -> list[str]:
        return sorted(self.scopes)

    def scope_of(self, institution: str) -> Q:
        subdomains, singles = self.scopes.get(institution, (set(), set()))
        return Q(subdomain_id__in=subdomains) | Q(pk__in=singles)

    def owners_of(self, indicator: Indicator) -> list[tuple[str, str]]:
        return [
            (inst, name)
            for inst, name, sub, single in self.owners
            if sub == indicator.subdomain_id or single == indicator.pk
        ]


def board_context(assessment: Assessment, *, since: datetime | None = None) -> BoardContext:
    """Domains of the assessment and who owns which indicators (two queries)."""
    # The national domains first, then the module's, as on the board.
    domains = list(
        Domain.objects.filter(framework_scope(assessment)).order_by("-framework__kind", "number")
    )
    rows = Assignment.objects.filter(
        membership__assessment=assessment, membership__role=Membership.Role.FOCAL_POINT
    ).values_list(
        "membership__institution",
        "membership__user__first_name",
        "membership__user__last_name",
        "membership__user__username",
        "subdomain_id",
        "indicator_id",
    )
    scopes: dict[str, tuple[set[int], set[int]]] = {}
    owners = []
    for institution, first, last, username, sub, single in rows:
        name = f"{first} {last}".strip() or username
        institution = institution or name
        subs, singles = scopes.setdefault(institution, (set(), set()))
        (subs.add(sub) if sub else singles.add(single))
        owners.append((institution, name, sub, single))
    return BoardContext(assessment, domains, scopes, owners, since)


def _changed(qs: QuerySet, value: Any, ctx: BoardContext) -> QuerySet:
    if ctx.since is None:
        return qs.filter(b_updated__isnull=False)
    return qs.filter(b_updated__gt=ctx.since)


def _since_baseline(qs: QuerySet, value: Any, ctx: BoardContext) -> QuerySet:
    """A follow-up's answers changed since the baseline, or carried over unchanged."""
    kept = BASELINE_FILTERS[value](Response.objects.filter(assessment=ctx.assessment))
    return qs.filter(pk__in=kept.values("indicator_id"))


BoardFilter = Callable[[QuerySet, Any, BoardContext], QuerySet]
BOARD_FILTERS: dict[str, BoardFilter] = {
    "domain": lambda qs, v, ctx: qs.filter(subdomain__domain_id=v),
    "ministry": lambda qs, v, ctx: qs.filter(ctx.scope_of(v)),
    "level": lambda qs, v, ctx: (
        qs.filter(b_level__isnull=True) if v == NO_LEVEL else qs.filter(b_level=v)
    ),
    "status": lambda qs, v, ctx: (
        qs.filter(b_waived=True) if v == WAIVED else qs.filter(b_status=v, b_waived=False)
    ),
    "no_evidence": lambda qs, v, ctx: qs.filter(b_evidence=0),
    "changed": _changed,
    "since": _since_baseline,
}


def _annotated(assessment: Assessment) -> QuerySet[Indicator]:
    """The indicators with their answer's status, level, evidence count and last change."""
    answer = Response.objects.filter(assessment=assessment, indicator=OuterRef("pk"))
    active = Evidence.objects.filter(
        response__assessment=assessment,
        response__indicator=OuterRef("pk"),
        removed_at__isnull=True,
    ).order_by()

    def counted(qs):
        return qs.values("response").annotate(n=Count("pk")).values("n")

    evidence = counted(active)
    in_force = counted(
        active.filter(
            Q(source__isnull=False) | Q(instrument__status=LegalInstrument.Status.IN_FORCE)
        )
    )
    return assessment_indicators(assessment).annotate(
        b_in_force=Coalesce(Subquery(in_force, output_field=IntegerField()), Value(0)),
        b_status=Coalesce(Subquery(answer.values("status")[:1]), Value(Status.NOT_STARTED)),
        b_waived=Exists(answer.exclude(waiver_reason="")),
        b_level=Subquery(answer.values("option__level")[:1]),
        b_updated=Subquery(answer.values("updated_at")[:1]),
        b_evidence=Coalesce(Subquery(evidence, output_field=IntegerField()), Value(0)),
    )


LEVEL_ORDER = {Level.DEVELOPED: 0, Level.PARTIAL: 1, Level.ABSENT: 2, Level.NOT_APPLICABLE: 3}


@dataclass
class BoardRow:
    indicator: Indicator
    response: Response | None
    evidence: int = 0
    open_comments: int = 0
    owners: list[tuple[str, str]] = field(default_factory=list)
    changed: bool = False
    in_force: int = 0  # evidence that is a source or an instrument in force

    @property
    def refusal(self) -> str:
        """A carried answer nobody looked at that the rules would refuse as it is (issue 31)."""
        r = self.response
        if r is None or r.carry_state != Response.CarryState.CARRIED or r.is_waived:
            return ""
        return refusal(r, self.evidence, self.in_force)

    @property
    def waived(self) -> bool:
        return bool(self.response and self.response.is_waived)

    @property
    def status(self) -> str:
        return self.response.status if self.response else Status.NOT_STARTED

    @property
    def shown_status(self) -> str:
        """A waived answer reads "Waived" alone, never "Accepted" and "Waived" at once."""
        return WAIVED if self.waived else self.status

    @property
    def status_label(self) -> str:
        return gettext("Waived") if self.waived else Status(self.status).label

    @property
    def level(self) -> str:
        r = self.response
        return r.option.level if r and r.option_id else ""

    @property
    def needs_evidence(self) -> bool:
        """A developed or partial answer without evidence: it can be neither submitted nor
        accepted (issue 17)."""
        return self.evidence == 0 and self.level in (Level.DEVELOPED, Level.PARTIAL)

    @property
    def level_label(self) -> str:
        return Level(self.level).label if self.level else ""

    @property
    def placement(self) -> str:
        """Where the answer lands in the profile (the profile's own rule; overrides win)."""
        return (placement(self.response) or "") if self.response else ""

    @property
    def overridden(self) -> bool:
        return bool(self.placement and self.response.placement_override)

    @property
    def selectable(self) -> bool:
        return self.status == Status.SUBMITTED and not self.waived

    @property
    def ministry(self) -> str:
        return ", ".join(sorted({inst for inst, _ in self.owners}))


SORTS: dict[str, Callable[[BoardRow], Any]] = {
    "code": lambda r: r.indicator.order,
    "status": lambda r: r.shown_status,
    "level": lambda r: LEVEL_ORDER.get(r.level, 9),
    "placement": lambda r: r.placement or "~",
    "evidence": lambda r: r.evidence,
    "ministry": lambda r: r.ministry or "~",
    "changed": lambda r: r.response.updated_at.timestamp() if r.response else 0,
    "comments": lambda r: r.open_comments,
}


@dataclass
class Board:
    rows: list[BoardRow]
    total: int
    counts: dict[str, int]
    sort: str
    carried: CarriedCounts | None = None  # a follow-up's carried answers by where they stand


def _carried(assessment: Assessment) -> CarriedCounts | None:
    """The follow-up's carried answers, counted by state (one query; None for a first one)."""
    if not assessment.baseline_id:
        return None
    rows = with_evidence_counts(
        Response.objects.filter(assessment=assessment, waiver_reason="").exclude(carry_state="")
    ).select_related("option")
    answers = list(rows)
    for r in answers:
        r.refused = annotated_refusal(r) if r.carry_state == Response.CarryState.CARRIED else ""
    return carried_counts(answers)


def _responses(assessment: Assessment, indicator_ids: list[int]) -> dict[int, Response]:
    open_threads = Q(comments__parent__isnull=True, comments__resolved_at__isnull=True)
    qs = (
        Response.objects.filter(assessment=assessment, indicator_id__in=indicator_ids)
        .select_related("option", "updated_by")
        .annotate(open_comments=Count("comments", filter=open_threads))
        .order_by()
    )
    return {r.indicator_id: r for r in qs}


def review_board(ctx: BoardContext, *, filters: dict[str, Any], sort: str = "code") -> Board:
    """Rows that pass every active filter, sorted by a SORTS key ("-" for descending)."""
    qs = _annotated(ctx.assessment)
    counts = {s: 0 for s in [*Status.values, WAIVED]}
    for status, waived, n in (
        qs.order_by().values_list("b_status", "b_waived").annotate(n=Count("pk", distinct=True))
    ):
        counts[WAIVED if waived else status] += n
    for name, value in filters.items():
        qs = BOARD_FILTERS[name](qs, value, ctx)
    indicators = list(qs)
    responses = _responses(ctx.assessment, [i.pk for i in indicators])
    rows = []
    for indicator in indicators:
        r = responses.get(indicator.pk)
        # Marked only against an earlier look; the filter treats a first look as all new.
        changed = r is not None and ctx.since is not None and r.updated_at > ctx.since
        rows.append(
            BoardRow(
                indicator,
                r,
                evidence=indicator.b_evidence,
                open_comments=getattr(r, "open_comments", 0),
                owners=ctx.owners_of(indicator),
                changed=changed,
                in_force=indicator.b_in_force,
            )
        )
    key = sort.removeprefix("-")
    if key in SORTS and key != "code":
        rows.sort(key=lambda row: (SORTS[key](row), row.indicator.order), reverse=sort != key)
    elif sort == "-code":
        rows.reverse()
    return Board(
        rows=rows,
        total=sum(counts.values()),
        counts=counts,
        sort=sort,
        carried=_carried(ctx.assessment),
    )
