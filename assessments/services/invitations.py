"""Adding people by email without take-overs: new accounts join, existing ones are invited.

A new account gets a set-password link and joins at once. An existing account only joins
once its owner accepts the invitation. Invitations, acceptances and role changes are audited.
"""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from .. import permissions
from ..exceptions import ApplicationError, NotAllowed
from ..models import Assessment, Invitation, Membership, UserSettings
from .audit import audit_log
from .notifications import absolute_url, notify

User = get_user_model()
Role = Membership.Role


def password_link(user: AbstractBaseUser) -> str:
    return absolute_url(
        reverse(
            "password_reset_confirm",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": default_token_generator.make_token(user),
            },
        )
    )


def _name(user: AbstractBaseUser) -> str:
    return user.get_full_name() or user.get_username()


def _new_account(email: str, first_name: str, last_name: str) -> AbstractBaseUser:
    user = User(username=email, email=email, first_name=first_name, last_name=last_name)
    user.set_unusable_password()
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def person_invite(
    *,
    assessment: Assessment,
    actor: AbstractBaseUser,
    email: str,
    role: str,
    institution: str = "",
    first_name: str = "",
    last_name: str = "",
) -> Membership | Invitation:
    """A Membership for a new account; an Invitation for an existing one."""
    if role not in Role.values:
        raise ApplicationError(_("Choose a role."))
    if not permissions.can_invite(actor, assessment, role):
        raise NotAllowed(_("You cannot add people with this role to this assessment."))
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None and Membership.objects.filter(user=user, assessment=assessment).exists():
        raise ApplicationError(
            _("%(email)s already takes part in this assessment.") % {"email": email}
        )
    if user is None:
        return _add_new_account(assessment, actor, email, role, institution, first_name, last_name)
    if Invitation.objects.filter(
        assessment=assessment, user=user, accepted_at=None, declined_at=None
    ).exists():
        raise ApplicationError(_("%(email)s has already been invited.") % {"email": email})
    invitation = Invitation.objects.create(
        assessment=assessment,
        user=user,
        role=role,
        institution=institution,
        token=secrets.token_urlsafe(32),
        invited_by=actor,
    )
    audit_log(
        assessment=assessment,
        actor=actor,
        action="invitation.send",
        to_state=role,
        reason=email,
        data={"invitation": invitation.pk},
    )
    # Callables, so that each text is rendered in the invited person's own language.
    notify(
        users=[user],
        subject=lambda: (
            _("You are invited to the MGI assessment of %(country)s")
            % {"country": assessment.country.local_short_name}
        ),
        body=lambda: (
            _(
                "%(actor)s invites you to take part in %(assessment)s as %(role)s "
                "(%(institution)s).\n\nAccept or decline here:\n%(link)s\n\n"
                "You can also answer from your My work page."
            )
            % {
                "actor": _name(actor),
                "assessment": assessment,
                "role": invitation.get_role_display().lower(),
                "institution": institution,
                "link": absolute_url(invitation.get_absolute_url()),
            }
        ),
    )
    return invitation


def _add_new_account(assessment, actor, email, role, institution, first_name, last_name):
    user = _new_account(email, first_name, last_name)
    # A new account starts in the assessment's working language: its first email and its
    # first pages are in it, and its owner can switch later.
    UserSettings.objects.create(user=user, language=assessment.language)
    membership = Membership.objects.create(
        user=user, assessment=assessment, role=role, institution=institution
    )
    audit_log(assessment=assessment, actor=actor, action="member.add", to_state=role, reason=email)
    link = password_link(user)
    notify(
        users=[user],
        subject=lambda: (
            _("You take part in the MGI assessment of %(country)s")
            % {"country": assessment.country.local_short_name}
        ),
        body=lambda: (
            _(
                "%(actor)s added you as %(role)s (%(institution)s) for %(assessment)s.\n\n"
                "Set your password and sign in here:\n%(link)s\n\nYour username is %(username)s."
            )
            % {
                "actor": _name(actor),
                "role": membership.get_role_display().lower(),
                "institution": institution,
                "assessment": assessment,
                "link": link,
                "username": user.username,
            }
        ),
    )
    return membership


def _open_invitation(invitation: Invitation, user: AbstractBaseUser) -> Invitation:
    locked = (
        Invitation.objects.select_for_update().select_related("assessment").get(pk=invitation.pk)
    )
    # The link alone is not enough: only the invited account may answer.
    if locked.user_id != user.pk:
        raise NotAllowed(_("This invitation is addressed to another account."))
    if not locked.is_open:
        raise ApplicationError(_("This invitation has already been answered."))
    if locked.assessment.is_cancelled:
        raise ApplicationError(_("This assessment was cancelled."))
    return locked


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: AbstractBaseUser) -> Membership:
    """The invited person joins the assessment with the role they were invited to."""
    locked = _open_invitation(invitation, user)
    if Membership.objects.filter(user=user, assessment_id=locked.assessment_id).exists():
        raise ApplicationError(_("You already take part in this assessment."))
    locked.accepted_at = timezone.now()
    locked.save(update_fields=["accepted_at"])
    membership = Membership.objects.create(
        user=user, assessment=locked.assessment, role=locked.role, institution=locked.institution
    )
    permissions.forget_memberships(user)
    audit_log(
        assessment=locked.assessment,
        actor=user,
        action="invitation.accept",
        to_state=locked.role,
        reason=user.email,
    )
    return membership


@transaction.atomic
def invitation_decline(*, invitation: Invitation, user: AbstractBaseUser) -> Invitation:
    locked = _open_invitation(invitation, user)
    locked.declined_at = timezone.now()
    locked.save(update_fields=["declined_at"])
    audit_log(
        assessment=locked.assessment,
        actor=user,
        action="invitation.decline",
        to_state=locked.role,
        reason=user.email,
    )
    return locked


def _locked_member(member: Membership) -> Membership:
    return (
        Membership.objects.select_for_update(of=("self",))
        .select_related("user", "assessment")
        .get(pk=member.pk)
    )


@transaction.atomic
def member_role_change(*, member: Membership, actor: AbstractBaseUser, role: str) -> Membership:
    """Change someone's role; never a staff account's or a consultant's by the coordinator."""
    locked = _locked_member(member)
    if role not in Role.values:
        raise ApplicationError(_("Choose a role."))
    if not permissions.can_change_member(actor, locked, role):
        raise NotAllowed(_("You cannot change the role of this person."))
    previous = locked.role
    if previous == role:
        return locked
    locked.role = role
    locked.save(update_fields=["role"])
    if role != Role.FOCAL_POINT:
        locked.assignments.all().delete()
    audit_log(
        assessment=locked.assessment,
        actor=actor,
        action="member.role",
        from_state=previous,
        to_state=role,
        reason=locked.user.email or locked.user.username,
    )
    return locked


@transaction.atomic
def member_remove(*, member: Membership, actor: AbstractBaseUser) -> None:
    """Take someone off the assessment; their answers and the audit trail stay."""
    locked = _locked_member(member)
    if not permissions.can_change_member(actor, locked):
        raise NotAllowed(_("You cannot remove this person."))
    audit_log(
        assessment=locked.assessment,
        actor=actor,
        action="member.remove",
        from_state=locked.role,
        reason=locked.user.email or locked.user.username,
    )
    locked.delete()
