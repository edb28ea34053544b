"""Consultant review of one answer: comments, finding edits, placement in the profile."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import permissions
from ..exceptions import ApplicationError, NotAllowed, StaleVersion
from ..models import Comment, Membership, Response
from ..report.schedule import profile_schedule_render
from ..selectors.people import assigned_focal_points, members
from .audit import audit_log
from .entry import finding_clean
from .notifications import absolute_url, notify
from .revisions import revision_write
from .workflow import lock_response

Status = Response.Status
Placement = Response.Placement
# A consultant edits a finding only while it is out of the government's hands.
EDITABLE_BY_REVIEWER = {Status.SUBMITTED, Status.ACCEPTED}
FINDING_EDIT_STAGES = {"data_collection", "review", "consultation"}


def _text(value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ApplicationError(message)
    return value


@transaction.atomic
def comment_add(
    *, response: Response, author: AbstractBaseUser, text: str, parent: Comment | None = None
) -> Comment:
    """A comment or reply on an answer; the other side is emailed."""
    response = lock_response(response)
    if not permissions.can_comment_response(author, response):
        raise NotAllowed(_("You cannot comment on this answer."))
    text = _text(text, _("Write a comment first."))
    if parent is not None and (parent.response_id != response.pk or parent.parent_id):
        raise ApplicationError(_("Reply to a comment of this answer."))
    comment = Comment(
        assessment=response.assessment, response=response, parent=parent, author=author, text=text
    )
    comment.full_clean()
    comment.save()
    audit_log(
        assessment=response.assessment,
        actor=author,
        action="comment.reply" if parent else "comment.add",
        response=response,
        data={"comment": comment.pk},
    )
    if permissions.can_review(author, response.assessment):
        audience = assigned_focal_points(response)
    else:
        audience = members(response.assessment, Membership.Role.CONSULTANT)
    notify(
        users=[u for u in audience if u.pk != author.pk],
        subject=lambda: _("[MGI] New comment on %(code)s") % {"code": response.indicator.code},
        body=lambda: (
            _("%(who)s commented on indicator %(code)s of %(assessment)s:\n\n%(text)s\n\n%(link)s")
            % {
                "who": author.get_full_name() or author.get_username(),
                "code": response.indicator.code,
                "assessment": response.assessment,
                "text": text,
                "link": absolute_url(
                    reverse(
                        "assessments:review-response",
                        args=[response.assessment_id, response.indicator.code],
                    )
                ),
            }
        ),
    )
    return comment


@transaction.atomic
def comment_resolve(*, comment: Comment, user: AbstractBaseUser, note: str = "") -> Comment:
    """Close a thread on an answer (consultants); the note is optional here."""
    comment = (
        Comment.objects.select_for_update(of=("self",))
        .select_related("assessment", "response")
        .get(pk=comment.pk)
    )
    if comment.response_id is None or comment.parent_id is not None:
        raise ApplicationError(_("Only a thread on an answer can be resolved here."))
    if not permissions.can_resolve_comment(user, comment.assessment):
        raise NotAllowed(_("Only the assessment's consultants resolve comments."))
    if comment.is_resolved:
        raise ApplicationError(_("This comment is already resolved."))
    comment.resolved_at = timezone.now()
    comment.resolved_by = user
    comment.resolution_note = (note or "").strip()
    comment.save(update_fields=["resolved_at", "resolved_by", "resolution_note"])
    audit_log(
        assessment=comment.assessment,
        actor=user,
        action="comment.resolve",
        response=comment.response,
        reason=comment.resolution_note,
        data={"comment": comment.pk},
    )
    return comment


def finding_editable(response: Response, user: AbstractBaseUser) -> bool:
    """May this reviewer rewrite the finding now (see finding_edit for the reasons)?"""
    return (
        permissions.can_review_response(user, response)
        and response.assessment.stage in FINDING_EDIT_STAGES
        and response.status in EDITABLE_BY_REVIEWER
    )


@transaction.atomic
def finding_edit(
    *, response: Response, reviewer: AbstractBaseUser, finding: str, version: int
) -> Response:
    """The consultant rewrites the finding; saved as their revision ("consultant_edit")."""
    response = lock_response(response)
    if not finding_editable(response, reviewer):
        if not permissions.can_review_response(reviewer, response):
            raise NotAllowed(_("Only the assessment's consultants can edit findings."))
        if response.assessment.stage not in FINDING_EDIT_STAGES:
            raise NotAllowed(_("Findings cannot be edited in this stage."))
        raise NotAllowed(
            _("The government side is working on this answer; comment or wait for it.")
        )
    if version != response.version:
        raise StaleVersion(
            _("Someone saved this answer since you opened it; review their version first."),
            current=response,
        )
    # Cleaned as the indicator page and the workbook clean it: blanks alone are empty.
    finding = _text(finding_clean(finding), _("The finding cannot be empty."))
    if finding == response.finding:
        return response
    response.finding = finding
    revision_write(response=response, author=reviewer, action="consultant_edit")
    audit_log(
        assessment=response.assessment,
        actor=reviewer,
        action="response.consultant_edit",
        response=response,
        data={"version": response.version},
    )
    return response


def profile_editable(response: Response, user: AbstractBaseUser) -> bool:
    """May this reviewer change where and whether the item appears in the profile?"""
    return permissions.can_review_response(user, response) and permissions.can_edit_profile_text(
        user, response.assessment
    )


def _check_profile_edit(response: Response, user: AbstractBaseUser) -> None:
    if not permissions.can_review_response(user, response):
        raise NotAllowed(_("Only the assessment's consultants place answers in the profile."))
    if not permissions.can_edit_profile_text(user, response.assessment):
        raise NotAllowed(_("The profile is validated; its content is frozen."))


@transaction.atomic
def placement_override(
    *, response: Response, reviewer: AbstractBaseUser, placement: str, reason: str
) -> Response:
    """Move the item between well-developed areas and areas for further development."""
    response = lock_response(response)
    _check_profile_edit(response, reviewer)
    if placement not in Placement.values:
        raise ApplicationError(_("Choose where the item goes in the profile."))
    reason = (reason or "").strip()
    if placement and not reason:
        raise ApplicationError(_("Say why the item goes elsewhere than its answer suggests."))
    previous = response.placement_override
    if previous == placement and reason == response.placement_reason:
        return response
    response.placement_override = placement
    response.placement_reason = reason if placement else ""
    response.full_clean()
    response.save(update_fields=["placement_override", "placement_reason", "updated_at"])
    profile_schedule_render(response.assessment_id)
    audit_log(
        assessment=response.assessment,
        actor=reviewer,
        action="response.placement",
        response=response,
        from_state=previous or "auto",
        to_state=placement or "auto",
        reason=reason,
    )
    return response


@transaction.atomic
def profile_selection_set(
    *, response: Response, reviewer: AbstractBaseUser, excluded: bool, order: int | None
) -> Response:
    """Leave an item out of the profile, or fix its position within its section."""
    response = lock_response(response)
    _check_profile_edit(response, reviewer)
    if order is not None and order < 0:
        raise ApplicationError(_("The position must be a positive number."))
    before = {"excluded": response.excluded_from_profile, "order": response.profile_order}
    after = {"excluded": bool(excluded), "order": order}
    if before == after:
        return response
    response.excluded_from_profile = after["excluded"]
    response.profile_order = order
    response.save(update_fields=["excluded_from_profile", "profile_order", "updated_at"])
    profile_schedule_render(response.assessment_id)
    audit_log(
        assessment=response.assessment,
        actor=reviewer,
        action="response.profile_selection",
        response=response,
        from_state="left out" if before["excluded"] else "included",
        to_state="left out" if after["excluded"] else "included",
        data={"before": before, "after": after},
    )
    return response
