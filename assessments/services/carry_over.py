"""A follow-up starts from its baseline: answers carried over, confirmed or changed.

Indicators are matched by code between framework editions; an option by key, else by level.
Whether a carried answer changed is kept in Response.carry_state, refreshed on every save.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext as _

from .. import permissions
from ..exceptions import ApplicationError, NotAllowed
from ..models import Assessment, Evidence, Response, Source
from ..selectors.sentences import CARRY_NOTE
from ..selectors.work import assessment_indicators
from . import workflow
from .audit import audit_log
from .board import each_as_seen
from .revisions import revision_write

CarryState = Response.CarryState


def _match_option(indicator, old_option):
    options = list(indicator.options.all())
    for option in options:
        if option.key == old_option.key:
            return option
    return next((o for o in options if o.level == old_option.level), None)


def _source_copy(source: Source, assessment: Assessment, copies: dict) -> Source:
    """The follow-up's own copy of a baseline source: sources belong to one assessment."""
    key = (source.organization, source.year, source.title)
    if key not in copies:
        copies[key], _created = Source.objects.get_or_create(
            assessment=assessment,
            organization=source.organization,
            year=source.year,
            title=source.title,
            defaults={"ref": source.ref, "url": source.url},
        )
    return copies[key]


def _baseline_answers(baseline: Assessment) -> dict[str, Response]:
    evidence = Evidence.objects.filter(removed_at__isnull=True).select_related("source")
    rows = (
        Response.objects.filter(assessment=baseline, option__isnull=False, waiver_reason="")
        .select_related("indicator", "option")
        .prefetch_related(Prefetch("evidence", queryset=evidence, to_attr="active_evidence"))
    )
    return {r.indicator.code: r for r in rows}


@transaction.atomic
def carry_over_baseline(*, assessment: Assessment, actor: AbstractBaseUser | None) -> int:
    """Start each indicator answered in the baseline as a draft holding that answer."""
    if not assessment.baseline_id:
        return 0
    before = _baseline_answers(assessment.baseline)
    indicators = assessment_indicators(assessment).prefetch_related("options")
    done = set(
        Response.objects.filter(assessment=assessment).values_list("indicator_id", flat=True)
    )
    copies: dict = {}
    carried = 0
    for indicator in indicators:
        old = before.get(indicator.code)
        option = _match_option(indicator, old.option) if old else None
        if option is None or indicator.pk in done:
            continue
        response = Response.objects.create(
            assessment=assessment,
            indicator=indicator,
            option=option,
            finding=old.finding,
            status=Response.Status.DRAFT,
            carried_from=old,
            carry_state=CarryState.CARRIED,
        )
        Evidence.objects.bulk_create(
            Evidence(
                response=response,
                instrument_id=e.instrument_id,
                source=_source_copy(e.source, assessment, copies) if e.source_id else None,
                locator=e.locator,
                note=e.note,
                file=e.file.name,
                file_name=e.file_name,
                file_type=e.file_type,
                file_size=e.file_size,
                order=e.order,
            )
            for e in old.active_evidence
        )
        revision_write(response=response, author=actor, action="carry_over")
        carried += 1
    audit_log(
        assessment=assessment,
        actor=actor,
        action="assessment.carry_over",
        data={"baseline": assessment.baseline_id, "count": carried},
    )
    return carried


def _evidence_key(response: Response) -> set[tuple]:
    return {
        (e.instrument_id, e.source.title if e.source_id else "", e.locator, e.note)
        for e in response.evidence.filter(removed_at__isnull=True).select_related("source")
    }


def _changed_parts(response: Response) -> list[str]:
    """Keys of what differs from the baseline answer: "answer", "finding", "evidence"."""
    old = response.carried_from
    if old is None:
        return []
    changes = []
    if (response.option.key if response.option_id else None) != (
        old.option.key if old.option_id else None
    ):
        changes.append("answer")
    if " ".join(response.finding.split()) != " ".join(old.finding.split()):
        changes.append("finding")
    if _evidence_key(response) != _evidence_key(old):
        changes.append("evidence")
    return changes


def carry_changes(response: Response) -> list[str]:
    """What differs from the baseline answer it was carried from: answer, finding, evidence."""
    labels = {"answer": _("the answer"), "finding": _("the finding"), "evidence": _("the evidence")}
    return [labels[part] for part in _changed_parts(response)]


def carry_refresh(response: Response) -> str:
    """Set carry_state from what differs now; the note says what changed ("" if nothing)."""
    if not response.carried_from_id:
        return ""
    # The note is stored in English and read in each reader's language (selectors.sentences).
    with translation.override("en"):
        changes = carry_changes(response)
        note = CARRY_NOTE % {"what": ", ".join(changes)}
    if changes:
        response.carry_state = CarryState.CHANGED
        return note
    if response.carry_state == CarryState.CHANGED:
        response.carry_state = CarryState.CARRIED
    return ""


@transaction.atomic
def carried_confirm(
    *,
    response: Response,
    user: AbstractBaseUser,
    add_evidence: Callable[[Response], object] | None = None,
) -> Response:
    """One click: the carried answer still holds, and it is submitted as it is.

    `add_evidence(response)` first adds the evidence the current rules ask for, in the same
    step: the answer and finding stay as carried, so it is still "confirmed unchanged".
    """
    locked = workflow.lock_response(response)
    if not permissions.can_edit_response(user, locked):
        raise NotAllowed(permissions.why_not_editable(user, locked) or _("Not allowed."))
    if locked.carry_state != CarryState.CARRIED or _changed_parts(locked):
        raise ApplicationError(_("Only an answer carried over unchanged can be confirmed."))
    data = {}
    if add_evidence is not None:
        add_evidence(locked)
        locked = workflow.lock_response(locked)  # read again: the evidence changed it
        if set(_changed_parts(locked)) - {"evidence"}:
            raise ApplicationError(_("Only an answer carried over unchanged can be confirmed."))
        data = {"evidence_added": True}
    locked.carry_state = CarryState.CONFIRMED
    locked.save(update_fields=["carry_state"])
    audit_log(
        assessment=locked.assessment,
        actor=user,
        action="response.confirm_unchanged",
        response=locked,
        from_state=CarryState.CARRIED,
        to_state=CarryState.CONFIRMED,
        data=data or None,
    )
    return workflow.response_submit(response=locked, user=user)


@dataclass
class ConfirmResult:
    confirmed: list[Response] = field(default_factory=list)
    skipped: list[tuple[Response, str]] = field(default_factory=list)  # (answer, why)


def carried_confirm_bulk(
    *, assessment: Assessment, user: AbstractBaseUser, answers: list[tuple[int, int]]
) -> ConfirmResult:
    """Confirm each (response id, version seen) through carried_confirm, one transaction each.

    One at a time, so that a refused answer (the rules, or an edit since the page was read)
    is skipped and reported while the others stand, and no answer stays locked for long.
    """
    if not permissions.can_bulk_confirm(user, assessment):
        raise NotAllowed(_("Only the government side confirms carried answers, while answering."))
    seen = dict(answers)
    rows = (
        Response.objects.filter(assessment=assessment, pk__in=seen)
        .select_related("indicator", "assessment")
        .order_by("indicator__order")
    )
    if len(rows) != len(seen):
        raise ApplicationError(_("Some selected answers do not belong to this assessment."))
    result = ConfirmResult()
    result.confirmed, result.skipped = each_as_seen(
        rows, seen, lambda r: carried_confirm(response=r, user=user)
    )
    audit_log(
        assessment=assessment,
        actor=user,
        action="response.confirm_bulk",
        data={"confirmed": len(result.confirmed), "skipped": len(result.skipped)},
    )
    return result
