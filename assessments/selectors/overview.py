"""The assessment at a glance: the grid of levels by sub-domain, and progress by ministry.

Four queries whatever the size: indicators, responses, focal points, their assignments.
"""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from ..models import Assessment, Domain, Indicator, Level, Membership, Response, SubDomain
from .work import DONE, assessment_indicators

Status = Response.Status
UNANSWERED = "unanswered"
WAIVED = "waived"
# The grid's categories in legend order.
GRID_LEVELS = [
    (Level.DEVELOPED.value, Level.DEVELOPED.label),
    (Level.PARTIAL.value, Level.PARTIAL.label),
    (Level.ABSENT.value, Level.ABSENT.label),
    (Level.NOT_APPLICABLE.value, Level.NOT_APPLICABLE.label),
    (WAIVED, _("Waived")),
    (UNANSWERED, _("Not yet answered")),
]


@dataclass
class GridCell:
    indicator: Indicator
    level: str

    @property
    def label(self) -> str:
        return str(dict(GRID_LEVELS)[self.level])


@dataclass
class GridSubDomain:
    subdomain: SubDomain
    cells: list[GridCell] = field(default_factory=list)

    @property
    def counts(self) -> list[tuple[str, str, int]]:
        """(level, label, number of indicators) for each level present, in legend order."""
        found = [
            (key, label, sum(c.level == key for c in self.cells)) for key, label in GRID_LEVELS
        ]
        return [row for row in found if row[2]]


@dataclass
class GridDomain:
    domain: Domain
    subdomains: list[GridSubDomain] = field(default_factory=list)

    @property
    def label(self) -> str:
        """ "1" for a MiGOF domain; a module's own letter ("C") for its domain."""
        cells = self.subdomains[0].cells if self.subdomains else []
        return cells[0].indicator.domain_label if cells else str(self.domain.number)


@dataclass
class MinistryProgress:
    institution: str
    focal_points: list = field(default_factory=list)
    indicator_ids: set[int] = field(default_factory=set)
    answered: int = 0
    submitted: int = 0
    accepted: int = 0
    returned: int = 0
    waived: int = 0
    behind: list = field(default_factory=list)  # focal points with work still to hand over

    @property
    def assigned(self) -> int:
        return len(self.indicator_ids)


@dataclass
class Overview:
    grid: list[GridDomain]
    ministries: list[MinistryProgress]
    levels: list[tuple[str, str]] = field(default_factory=lambda: GRID_LEVELS)
    waiting: int = 0  # submitted answers waiting for review
    still_open: int = 0  # indicators neither handed over nor waived
    waived: set[int] = field(default_factory=set)  # ids of waived indicators


def _answers(assessment: Assessment) -> dict[int, tuple[str, str | None, bool]]:
    """indicator id -> (status, level or None, waived)."""
    rows = Response.objects.filter(assessment=assessment).values_list(
        "indicator_id", "status", "option__level", "waiver_reason"
    )
    return {i: (status, level, bool(waiver)) for i, status, level, waiver in rows}


def _grid(indicators: list[Indicator], answers: dict) -> list[GridDomain]:
    domains: dict[int, GridDomain] = {}
    subs: dict[int, GridSubDomain] = {}
    for indicator in indicators:
        sub = indicator.subdomain
        group = domains.setdefault(sub.domain_id, GridDomain(sub.domain))
        if sub.pk not in subs:
            subs[sub.pk] = GridSubDomain(sub)
            group.subdomains.append(subs[sub.pk])
        _status, level, waived = answers.get(indicator.pk) or ("", None, False)
        # A waived indicator is settled, not missing: it shows as waived whatever its level.
        level = WAIVED if waived else level or UNANSWERED
        subs[sub.pk].cells.append(GridCell(indicator, level))
    return list(domains.values())


def _open(state: tuple[str, str | None, bool]) -> bool:
    """Still to be handed over: neither submitted nor accepted, and not waived."""
    status, _level, waived = state
    return status not in DONE and not waived


def focal_points_of(assessment: Assessment) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(assessment=assessment, role=Membership.Role.FOCAL_POINT)
        .select_related("user")
        .prefetch_related("assignments")
        .order_by("institution", "user__last_name", "user__username")
    )


def ministry_progress(
    assessment: Assessment, indicators: list[Indicator], answers: dict
) -> list[MinistryProgress]:
    """Per institution of the focal points: assigned, answered, submitted, accepted, returned."""
    rows: dict[str, MinistryProgress] = {}
    for m in focal_points_of(assessment):
        subs = {a.subdomain_id for a in m.assignments.all() if a.subdomain_id}
        singles = {a.indicator_id for a in m.assignments.all() if a.indicator_id}
        mine = {i.pk for i in indicators if i.subdomain_id in subs or i.pk in singles}
        name = m.institution or m.user.get_full_name() or m.user.get_username()
        row = rows.setdefault(name, MinistryProgress(name))
        row.focal_points.append(m.user)
        row.indicator_ids |= mine
        blank = ("", None, False)
        open_work = [i for i in mine if _open(answers.get(i, blank))]
        if open_work:
            row.behind.append(m.user)
    for row in rows.values():
        states = [answers.get(i) for i in row.indicator_ids if i in answers]
        row.answered = sum(level is not None for _s, level, _w in states)
        # A waived answer counts apart, so that "accepted" never exceeds "answered".
        row.waived = sum(waived for _s, _l, waived in states)
        row.submitted = sum(s == Status.SUBMITTED and not w for s, _l, w in states)
        row.accepted = sum(s == Status.ACCEPTED and not w for s, _l, w in states)
        row.returned = sum(s == Status.RETURNED and not w for s, _l, w in states)
    return list(rows.values())


def assessment_overview(assessment: Assessment) -> Overview:
    """The grid and the progress by ministry of one assessment."""
    indicators = list(assessment_indicators(assessment))
    answers = _answers(assessment)
    blank = ("", None, False)
    return Overview(
        grid=_grid(indicators, answers),
        ministries=ministry_progress(assessment, indicators, answers),
        waiting=sum(s == Status.SUBMITTED and not w for s, _l, w in answers.values()),
        still_open=sum(_open(answers.get(i.pk, blank)) for i in indicators),
        waived={i for i, (_s, _l, waived) in answers.items() if waived},
    )
