"""Stage and status transitions: each checks role and state, audits, and notifies.

Responses: not_started -> draft -> submitted -> returned -> ... -> accepted.
Assessments: setup -> data_collection -> review -> consultation -> validated -> published.

Every transition is listed in RESPONSE_TRANSITIONS or STAGE_TRANSITIONS (who may make a
stage move is permissions.STAGE_MOVERS). A refused transition raises NotAllowed before
anything is written, and emails go out only after the transaction commits.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .. import permissions
from ..exceptions import ApplicationError, NotAllowed
from ..models import Assessment, Comment, Membership, Response
from ..selectors.people import assigned_focal_points, members
from ..selectors.review import readiness
from .audit import audit_log
from .evidence_rules import answer_check
from .notifications import absolute_url, notify
from .revisions import revision_write

logger = logging.getLogger(__name__)
Status = Response.Status
Stage = Assessment.Stage
Role = Membership.Role
User = get_user_model()


# --- Links ---------------------------------------------------------------------------------


def _review_path(response: Response) -> str:
    return absolute_url(
        reverse(
            "assessments:review-response", args=[response.assessment_id, response.indicator.code]
        )
    )


# --- Responses -----------------------------------------------------------------------------
@dataclass(frozen=True)
class ResponseMove:
    sources: frozenset[str]
    target: str | None  # None: the status stays as it is
    stages: frozenset[str]
    done: str  # past participle for messages (lazily translated)


RESPONSE_TRANSITIONS: dict[str, ResponseMove] = {
    "submit": ResponseMove(
        frozenset({Status.NOT_STARTED, Status.DRAFT, Status.RETURNED}),
        Status.SUBMITTED,
        frozenset(permissions.RETURN_STAGES),
        gettext_lazy("submitted"),
    ),
    "return": ResponseMove(
        frozenset({Status.SUBMITTED, Status.ACCEPTED}),
        Status.RETURNED,
        frozenset(permissions.REVIEW_STAGES),
        gettext_lazy("returned"),
    ),
    "accept": ResponseMove(
        frozenset({Status.SUBMITTED}),
        Status.ACCEPTED,
        frozenset(permissions.REVIEW_STAGES),
        gettext_lazy("accepted"),
    ),
    "waive": ResponseMove(
        frozenset({Status.NOT_STARTED, Status.DRAFT, Status.RETURNED}),
        None,
        frozenset(permissions.REVIEW_STAGES),
        gettext_lazy("waived"),
    ),
}


def lock_response(response: Response) -> Response:
    """The response row, created if it does not exist yet, locked until commit."""
    if response.pk is None:
        try:
            with transaction.atomic():
                response, _created = Response.objects.get_or_create(
                    assessment=response.assessment, indicator=response.indicator
                )
        except IntegrityError:  # created meanwhile by someone else (as in entry.response_row)
            response = Response.objects.get(
                assessment=response.assessment, indicator=response.indicator
            )
    return (
        Response.objects.select_for_update(of=("self",))
        .select_related("assessment", "indicator")
        .get(pk=response.pk)
    )


def check_response_move(name: str, response: Response, user: AbstractBaseUser) -> ResponseMove:
    """Refuse a reviewer's move that the role, the stage or the status does not allow."""
    move = RESPONSE_TRANSITIONS[name]
    if not permissions.can_review_response(user, response):
        raise NotAllowed(_("Only the assessment's consultants can do this."))
    stage = response.assessment.stage
    if stage not in move.stages:
        raise NotAllowed(
            _("Answers cannot be %(done)s in the %(stage)s stage.")
            % {"done": move.done, "stage": Stage(stage).label.lower()}
        )
    if response.status not in move.sources:
        raise NotAllowed(
            _("This answer is %(status)s; it cannot be %(done)s now.")
            % {"status": response.get_status_display().lower(), "done": move.done}
        )
    return move


def _record_move(
    response: Response, actor: AbstractBaseUser, action: str, *, target: str | None, note: str = ""
) -> None:
    """Apply the move's status (if it has one); record it as a revision and an audit entry."""
    previous = response.status
    if target is not None:
        response.status = target
    revision_write(response=response, author=actor, action=action, note=note)
    audit_log(
        assessment=response.assessment,
        actor=actor,
        action=f"response.{action}",
        response=response,
        from_state=previous,
        to_state=response.status,
        reason=note,
    )


def response_moves_open(response: Response, user: AbstractBaseUser) -> set[str]:
    """The reviewer moves (return, accept, waive) this person may make on the answer now."""
    names = set()
    for name in ("return", "accept", "waive"):
        try:
            check_response_move(name, response, user)
        except NotAllowed:
            continue
        names.add(name)
    return names


@transaction.atomic
def response_submit(*, response: Response, user: AbstractBaseUser) -> Response:
    """The government side hands an answer over for review; a returned one goes back."""
    response = lock_response(response)
    if not permissions.can_edit_response(user, response):
        raise NotAllowed(permissions.why_not_editable(user, response) or _("Not allowed."))
    if response.status not in RESPONSE_TRANSITIONS["submit"].sources:
        raise NotAllowed(_("This answer cannot be submitted now."))
    answer_check(response)
    resubmit = response.status == Status.RETURNED
    # Once answered, a waiver recorded for the missing answer no longer applies.
    response.waiver_reason = ""
    _record_move(
        response,
        user,
        "resubmit" if resubmit else "submit",
        target=RESPONSE_TRANSITIONS["submit"].target,
    )
    if resubmit:
        notify(
            users=members(response.assessment, Role.CONSULTANT, exclude=user),
            subject=lambda: _("[MGI] %(code)s was resubmitted") % {"code": response.indicator.code},
            body=lambda: (
                _(
                    "%(who)s resubmitted the answer to indicator %(code)s of %(assessment)s "
                    "after it was returned. Review it at %(path)s"
                )
                % {
                    "who": user.get_full_name() or user.get_username(),
                    "code": response.indicator.code,
                    "assessment": response.assessment,
                    "path": _review_path(response),
                }
            ),
        )
    return response


@transaction.atomic
def response_return(*, response: Response, reviewer: AbstractBaseUser, comment: str) -> Response:
    """Send an answer back to the government side with a comment saying what to change."""
    response = lock_response(response)
    move = check_response_move("return", response, reviewer)
    text = (comment or "").strip()
    if not text:
        raise ApplicationError(_("Say what needs to change: returning an answer needs a comment."))
    Comment.objects.create(
        assessment=response.assessment, response=response, author=reviewer, text=text
    )
    _record_move(response, reviewer, "return", target=move.target, note=text)
    notify(
        users=assigned_focal_points(response) + members(response.assessment, Role.COORDINATOR),
        subject=lambda: _("[MGI] %(code)s was returned to you") % {"code": response.indicator.code},
        body=lambda: (
            _(
                "The answer to indicator %(code)s of %(assessment)s was returned with this "
                "comment:\n\n%(text)s\n\nYou can edit and resubmit it: %(path)s"
            )
            % {
                "code": response.indicator.code,
                "assessment": response.assessment,
                "text": text,
                "path": _review_path(response),
            }
        ),
    )
    return response


@transaction.atomic
def response_accept(*, response: Response, reviewer: AbstractBaseUser) -> Response:
    """Accept a submitted answer. Not emailed: a review of ~90 answers would flood inboxes."""
    response = lock_response(response)
    move = check_response_move("accept", response, reviewer)
    answer_check(response)
    _record_move(response, reviewer, "accept", target=move.target)
    return response


@transaction.atomic
def response_waive(*, response: Response, reviewer: AbstractBaseUser, reason: str) -> Response:
    """Record why an answer is missing, so that review can start without it."""
    response = lock_response(response)
    move = check_response_move("waive", response, reviewer)
    text = (reason or "").strip()
    if not text:
        raise ApplicationError(_("Give the reason why this answer may be missing."))
    response.waiver_reason = text
    _record_move(response, reviewer, "waive", target=move.target, note=text)
    return response


# --- Assessments ---------------------------------------------------------------------------
def _codes(indicators) -> str:
    codes = [i.code for i in indicators]
    return ", ".join(codes[:10]) + (" …" if len(codes) > 10 else "")


def _check_setup(assessment: Assessment, confirm: bool) -> dict:
    if not members(assessment, Role.COORDINATOR):
        raise NotAllowed(_("Name the government coordinator before data collection starts."))
    return {}


def _check_review(assessment: Assessment, confirm: bool) -> dict:
    state = readiness(assessment)
    if not state.required:
        raise NotAllowed(_("Review cannot start: no indicator is assigned or answered yet."))
    if state.missing:
        n = len(state.missing)
        raise NotAllowed(
            ngettext(
                "Review cannot start: %(n)d required indicator has neither a submitted "
                "answer nor a waiver (%(codes)s).",
                "Review cannot start: %(n)d required indicators have neither a submitted "
                "answer nor a waiver (%(codes)s).",
                n,
            )
            % {"n": n, "codes": _codes(state.missing)}
        )
    return {}


def _check_consultation(assessment: Assessment, confirm: bool) -> dict:
    state = readiness(assessment)
    if state.not_accepted:
        n = len(state.not_accepted)
        raise NotAllowed(
            ngettext(
                "The consultation cannot start: %(n)d answer is neither accepted nor "
                "waived (%(codes)s).",
                "The consultation cannot start: %(n)d answers are neither accepted nor "
                "waived (%(codes)s).",
                n,
            )
            % {"n": n, "codes": _codes(state.not_accepted)}
        )
    return {}


def open_profile_comments(assessment: Assessment) -> int:
    return assessment.comments.filter(
        response__isnull=True, parent__isnull=True, resolved_at__isnull=True
    ).count()


def _check_validation(assessment: Assessment, confirm: bool) -> dict:
    # The coordinator decides; open comments only need an explicit acknowledgement.
    n = open_profile_comments(assessment)
    if n and not confirm:
        raise NotAllowed(
            ngettext(
                "%(n)d comment on the draft profile is still open. Confirm to validate anyway.",
                "%(n)d comments on the draft profile are still open. Confirm to validate anyway.",
                n,
            )
            % {"n": n}
        )
    return {"open_profile_comments": n} if n else {}


def _no_check(assessment: Assessment, confirm: bool) -> dict:
    return {}


def _report_hook(name: str) -> Callable[[Assessment], None]:
    """Call report.versions.<name>(assessment=…) once the profile area provides it."""

    def run(assessment: Assessment) -> None:
        try:
            from ..report import versions
        except ImportError as exc:
            if exc.name not in ("assessments.report", "assessments.report.versions"):
                raise
            logger.warning("report.versions is not installed; %s skipped", name)
            return
        hook = getattr(versions, name, None)
        if hook is None:
            logger.warning("report.versions.%s does not exist; skipped", name)
            return
        hook(assessment=assessment)

    return run


EVERYONE = (Role.COORDINATOR, Role.FOCAL_POINT, Role.CONSULTANT)


@dataclass(frozen=True)
class StageMove:
    check: Callable[[Assessment, bool], dict]  # raises NotAllowed; returns audit data
    audience: tuple[str, ...]  # roles emailed (the actor never is)
    reason_required: bool = False
    then: Callable[[Assessment], None] | None = None


STAGE_TRANSITIONS: dict[tuple[str, str], StageMove] = {
    (Stage.SETUP, Stage.DATA_COLLECTION): StageMove(_check_setup, EVERYONE),
    (Stage.DATA_COLLECTION, Stage.REVIEW): StageMove(_check_review, EVERYONE),
    (Stage.REVIEW, Stage.DATA_COLLECTION): StageMove(_no_check, EVERYONE, reason_required=True),
    (Stage.REVIEW, Stage.CONSULTATION): StageMove(_check_consultation, EVERYONE),
    (Stage.CONSULTATION, Stage.VALIDATED): StageMove(
        _check_validation, EVERYONE, then=_report_hook("profile_freeze")
    ),
    (Stage.VALIDATED, Stage.PUBLISHED): StageMove(
        _no_check, EVERYONE, then=_report_hook("profile_publish")
    ),
}


def _who_may(pair: tuple[str, str]) -> str:
    labels = {**dict(Role.choices), "administrator": _("an administrator")}
    return _(" or ").join(str(labels[r]).lower() for r in permissions.STAGE_MOVERS[pair])


def check_advance(assessment: Assessment, actor: AbstractBaseUser, to_stage: str) -> StageMove:
    """Refuse a stage move that does not exist, is not the actor's, or is not ready."""
    pair = (assessment.stage, to_stage)
    move = STAGE_TRANSITIONS.get(pair)
    if move is None:
        raise NotAllowed(
            _("An assessment cannot move from %(from)s to %(to)s.")
            % {
                "from": Assessment.Stage(assessment.stage).label.lower(),
                "to": Stage(to_stage).label.lower() if to_stage in Stage.values else to_stage,
            }
        )
    if not permissions.may_advance(actor, assessment, to_stage):
        raise NotAllowed(
            _("Only the %(who)s can move the assessment to %(to)s.")
            % {"who": _who_may(pair), "to": Stage(to_stage).label.lower()}
        )
    return move


@transaction.atomic
def assessment_advance(
    *,
    assessment: Assessment,
    actor: AbstractBaseUser,
    to_stage: str,
    reason: str = "",
    confirm: bool = False,
) -> Assessment:
    """Move the assessment to `to_stage` if the actor may and it is ready."""
    assessment = Assessment.objects.select_for_update(of=("self",)).get(pk=assessment.pk)
    move = check_advance(assessment, actor, to_stage)
    reason = (reason or "").strip()
    if move.reason_required and not reason:
        raise ApplicationError(_("Say why the assessment goes back."))
    data = move.check(assessment, confirm)
    previous = assessment.stage
    assessment.stage = to_stage
    assessment.save(update_fields=["stage"])
    if move.then is not None:
        move.then(assessment)
    audit_log(
        assessment=assessment,
        actor=actor,
        action="assessment.advance",
        from_state=previous,
        to_state=to_stage,
        reason=reason,
        data=data,
    )
    _notify_stage(assessment, actor, previous, move, reason)
    return assessment


def _notify_stage(assessment, actor, previous: str, move: StageMove, reason: str) -> None:
    def body() -> str:  # rendered in each recipient's language
        text = _("%(who)s moved %(assessment)s from %(from)s to %(to)s.") % {
            "who": actor.get_full_name() or actor.get_username(),
            "assessment": assessment,
            "from": str(Stage(previous).label).lower(),
            "to": assessment.get_stage_display().lower(),
        }
        if reason:
            text += "\n\n" + _("Reason: %(reason)s") % {"reason": reason}
        return text + "\n\n" + absolute_url(assessment.get_absolute_url())

    notify(
        users=members(assessment, *move.audience, exclude=actor),
        subject=lambda: (
            _("[MGI] %(assessment)s: %(stage)s")
            % {"assessment": assessment, "stage": assessment.get_stage_display()}
        ),
        body=body,
    )
