"""Consultation on the draft profile: the government comments per section, consultants resolve."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import permissions
from ..exceptions import ApplicationError, NotAllowed
from ..models import Assessment, Comment, Membership
from ..report.sections import profile_sections
from ..selectors.people import members
from .audit import audit_log
from .notifications import absolute_url, notify


@transaction.atomic
def profile_comment_add(
    *,
    assessment: Assessment,
    author: AbstractBaseUser,
    section: str,
    text: str,
    parent: Comment | None = None,
) -> Comment:
    """A comment (government side) or a reply (also consultants) on a profile section."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if not permissions.can_comment_profile(author, assessment, reply=parent is not None):
        if assessment.stage != Assessment.Stage.CONSULTATION:
            raise NotAllowed(_("The draft profile is open for comments only during consultation."))
        raise NotAllowed(_("You cannot comment on this draft profile."))
    if section not in {s.key for s in profile_sections(assessment)}:
        raise ApplicationError(_("Choose a section of the profile."))
    if parent is not None and (
        parent.assessment_id != assessment.pk or parent.section != section or parent.parent_id
    ):
        raise ApplicationError(_("Reply to a comment of this section."))
    text = (text or "").strip()
    if not text:
        raise ApplicationError(_("Write a comment first."))
    comment = Comment(
        assessment=assessment, section=section, parent=parent, author=author, text=text
    )
    comment.full_clean()
    comment.save()
    audit_log(
        assessment=assessment,
        actor=author,
        action="profile_comment.reply" if parent else "profile_comment.add",
        data={"comment": comment.pk, "section": section},
    )
    notify(
        users=members(assessment, Membership.Role.CONSULTANT, exclude=author),
        subject=lambda: _("[MGI] New comment on the draft profile of %(a)s") % {"a": assessment},
        body=lambda: (
            _("%(who)s commented on section %(section)s:\n\n%(text)s\n\n%(link)s")
            % {
                "who": author.get_full_name() or author.get_username(),
                "section": section,
                "text": text,
                "link": _consultation_url(assessment),
            }
        ),
    )
    return comment


@transaction.atomic
def profile_comment_resolve(*, comment: Comment, user: AbstractBaseUser, note: str) -> Comment:
    """A consultant closes a profile comment, saying what was done about it."""
    comment = (
        Comment.objects.select_for_update(of=("self",))
        .select_related("assessment", "author")
        .get(pk=comment.pk)
    )
    if not comment.section or comment.parent_id is not None:
        raise ApplicationError(_("Only a comment on a profile section can be resolved here."))
    if not permissions.can_resolve_profile_comment(user, comment.assessment):
        raise NotAllowed(
            _("Only the assessment's consultants resolve comments, during consultation.")
        )
    if comment.is_resolved:
        raise ApplicationError(_("This comment is already resolved."))
    note = (note or "").strip()
    if not note:
        raise ApplicationError(_("Say how the comment was addressed."))
    comment.resolved_at = timezone.now()
    comment.resolved_by = user
    comment.resolution_note = note
    comment.save(update_fields=["resolved_at", "resolved_by", "resolution_note"])
    audit_log(
        assessment=comment.assessment,
        actor=user,
        action="profile_comment.resolve",
        reason=note,
        data={"comment": comment.pk, "section": comment.section},
    )
    if comment.author is not None and comment.author.pk != user.pk:
        notify(
            users=[comment.author],
            subject=lambda: _("[MGI] Your comment on the draft profile was addressed"),
            body=lambda: (
                _("Your comment:\n\n%(text)s\n\nResolution: %(note)s\n\n%(link)s")
                % {
                    "text": comment.text,
                    "note": note,
                    "link": _consultation_url(comment.assessment),
                }
            ),
        )
    return comment


def _consultation_url(assessment) -> str:
    return absolute_url(reverse("assessments:consultation", args=[assessment.pk]))
