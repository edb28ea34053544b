"""Reads for review: readiness, the board, one response's history and comments.

Every function runs a fixed number of queries, whatever the number of responses.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils.safestring import SafeString

from ..diffs import finding_diff
from ..models import (
    Assessment,
    Assignment,
    AuditEntry,
    Comment,
    Indicator,
    Level,
    Membership,
    Response,
)
from ..report.sections import profile_sections
from .sentences import action_sentence, note_sentence, person, state_label
from .work import COVID_SLUG, DONE, assessment_indicators

Status = Response.Status
EVIDENCE_LEVELS = {Level.DEVELOPED, Level.PARTIAL}
OPEN_THREADS = Q(parent__isnull=True, resolved_at__isnull=True)


# --- What an assessment has to answer ------------------------------------------
def assigned_indicator_ids(assessment: Assessment) -> set[int]:
    """Indicators some focal point of the assessment is assigned to, by sub-domain or singly."""
    rows = list(
        Assignment.objects.filter(
            membership__assessment=assessment, membership__role=Membership.Role.FOCAL_POINT
        ).values_list("subdomain_id", "indicator_id")
    )
    if not rows:
        return set()
    subdomains = {s for s, _ in rows if s}
    singles = {i for _, i in rows if i}
    scope = assessment_indicators(assessment).filter(
        Q(subdomain_id__in=subdomains) | Q(pk__in=singles)
    )
    return set(scope.values_list("pk", flat=True))


@dataclass
class Readiness:
    """Which required indicators still stand in the way of the next stage."""

    required: list[Indicator]
    missing: list[Indicator]  # neither submitted nor accepted, and not waived
    not_accepted: list[Indicator]  # not accepted and not waived


def readiness(assessment: Assessment) -> Readiness:
    """Required = assigned to a focal point, or started by anyone, or waived."""
    responses = {r.indicator_id: r for r in Response.objects.filter(assessment=assessment)}
    assigned = assigned_indicator_ids(assessment)
    required, missing, not_accepted = [], [], []
    for indicator in assessment_indicators(assessment):
        r = responses.get(indicator.pk)
        started = r is not None and (r.status != Status.NOT_STARTED or r.is_waived)
        if indicator.pk not in assigned and not started:
            continue
        required.append(indicator)
        waived = r is not None and r.is_waived
        if not waived and (r is None or r.status not in DONE):
            missing.append(indicator)
        if not waived and (r is None or r.status != Status.ACCEPTED):
            not_accepted.append(indicator)
    return Readiness(required=required, missing=missing, not_accepted=not_accepted)


# --- One response -------------------------------------------------------------------
def comments_for(response: Response) -> list[Comment]:
    """Threads on a response, oldest first, with their replies and authors."""
    if response.pk is None:
        return []
    replies = Comment.objects.select_related("author").order_by("created_at", "pk")
    return list(
        response.comments.filter(parent__isnull=True)
        .select_related("author", "resolved_by")
        .prefetch_related(Prefetch("replies", queryset=replies))
    )


# Audit-only changes of a response that its history shows next to the revisions.
HISTORY_AUDIT_ACTIONS = ("response.placement", "response.profile_selection")


@dataclass
class HistoryItem:
    when: datetime
    who: object
    action: str
    note: str = ""
    version: int | None = None
    status: str = ""
    option: str = ""
    diff: SafeString | str = ""
    from_state: str = ""
    to_state: str = ""

    @property
    def label(self) -> str:
        return action_sentence(self.action, person(self.who))


def review_history(response: Response) -> list[HistoryItem]:
    """Revisions with word diffs of the finding, and placement changes; newest first."""
    if response.pk is None:
        return []
    items, previous = [], ""
    for rev in response.revisions.select_related("author", "option").order_by("version"):
        diff = finding_diff(previous, rev.finding) if rev.finding != previous else ""
        previous = rev.finding
        items.append(
            HistoryItem(
                when=rev.created_at,
                who=rev.author,
                action=rev.action,
                note=note_sentence(rev.note),
                version=rev.version,
                status=rev.get_status_display(),
                option=rev.option.tr("label") if rev.option_id else "",
                diff=diff,
            )
        )
    for entry in response.audit.filter(action__in=HISTORY_AUDIT_ACTIONS).select_related("actor"):
        items.append(
            HistoryItem(
                when=entry.created_at,
                who=entry.actor,
                action=entry.action,
                note=entry.reason,
                from_state=state_label(entry.from_state),
                to_state=state_label(entry.to_state),
            )
        )
    return sorted(items, key=lambda i: i.when, reverse=True)


# --- For "My work" (issue 4 includes these) ------------------------------------------
RETURNED_FIRST = Case(
    When(status=Status.RETURNED, then=Value(0)), default=Value(1), output_field=IntegerField()
)


def returned_first(responses: QuerySet[Response] | Iterable):
    """Returned items first, otherwise in the given order.

    A Response queryset is ordered in the database (then by indicator order); any other
    iterable of objects with a `status` attribute is sorted stably in Python.
    """
    if isinstance(responses, QuerySet):
        return responses.alias(returned_first=RETURNED_FIRST).order_by(
            "returned_first", "indicator__order"
        )
    return sorted(responses, key=lambda item: getattr(item, "status", "") != Status.RETURNED)


# --- Activity -------------------------------------------------------------------------
def activity_for(assessment: Assessment) -> QuerySet[AuditEntry]:
    """The assessment's audit trail, newest first, ready to paginate."""
    # Registry edits belong to the country: every assessment of the country shows them.
    registry = Q(assessment__isnull=True, country_id=assessment.country_id)
    return AuditEntry.objects.filter(Q(assessment=assessment) | registry).select_related(
        "actor", "response__indicator", "instrument"
    )


# --- Consultation ---------------------------------------------------------------------
@dataclass
class SectionThreads:
    key: str
    title: str
    comments: list[Comment]

    @property
    def open_count(self) -> int:
        return sum(not c.is_resolved for c in self.comments)


def consultation_threads(assessment: Assessment) -> list[SectionThreads]:
    """Each commentable section of the draft profile with its threads and replies."""
    replies = Comment.objects.select_related("author").order_by("created_at", "pk")
    threads: dict[str, list[Comment]] = {}
    for comment in (
        assessment.comments.filter(response__isnull=True, parent__isnull=True)
        .select_related("author", "resolved_by")
        .prefetch_related(Prefetch("replies", queryset=replies))
    ):
        threads.setdefault(comment.section, []).append(comment)
    return [
        SectionThreads(s.key, s.title, threads.get(s.key, [])) for s in profile_sections(assessment)
    ]


# --- The consultant's dashboard -------------------------------------------------------
def _count(queryset: QuerySet, key: str = "assessment") -> Coalesce:
    """A correlated COUNT(*) of `queryset` per outer assessment, 0 when there is none."""
    counted = queryset.order_by().values(key).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def dashboard_for(user) -> QuerySet[Assessment]:
    """The assessments a consultant works on (all for administrators), with their figures."""
    from .. import permissions
    from .assessments import assessments_in_progress

    qs = assessments_in_progress(user)
    if not permissions.is_administrator(user):
        memberships = permissions.memberships(user).values()
        qs = qs.filter(pk__in=[m.assessment_id for m in memberships if m.role == "consultant"])
    covid = Indicator.objects.filter(framework__slug=COVID_SLUG).count()
    own = _count(Indicator.objects.filter(framework=OuterRef("framework")), "framework")
    mine_responses = Response.objects.filter(assessment=OuterRef("pk"))
    comments = Comment.objects.filter(assessment=OuterRef("pk"))
    latest_audit = Subquery(
        AuditEntry.objects.filter(assessment=OuterRef("pk"))
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    latest_comment = Subquery(comments.order_by("-created_at").values("created_at")[:1])
    return qs.annotate(
        indicator_total=own + Case(When(covid_module=True, then=Value(covid)), default=Value(0)),
        answered=_count(mine_responses.filter(status__in=DONE)),
        accepted=_count(mine_responses.filter(status=Status.ACCEPTED)),
        waiting=_count(mine_responses.filter(status=Status.SUBMITTED)),
        open_comments=_count(comments.filter(parent__isnull=True, resolved_at__isnull=True)),
        # Answers from others in the open threads this person started.
        replies=_count(
            comments.filter(parent__author=user, parent__resolved_at__isnull=True).exclude(
                author=user
            )
        ),
        open_consultation=_count(
            comments.filter(response__isnull=True, parent__isnull=True, resolved_at__isnull=True)
        ),
        # Comments are not audited; the later of the two is the real last activity.
        last_activity=Greatest(
            Coalesce(latest_audit, latest_comment), Coalesce(latest_comment, latest_audit)
        ),
    ).order_by("country__short_name", "-year")
