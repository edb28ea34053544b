"""Adding people by email: everyone is invited, and nobody learns whether an account exists.

An existing account joins once its owner accepts; an address without an account gets its
account only when the invitation is accepted (it sets its password then). Invitations last
INVITATION_MAX_AGE and work once. Invitations, acceptances and role changes are audited.
"""

import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .. import permissions
from ..exceptions import ApplicationError, NotAllowed
from ..models import Assessment, Invitation, Membership, UserSettings
from .audit import audit_log
from .notifications import absolute_url, notify, notify_address
from .people import pending_assignments_apply

User = get_user_model()
Role = Membership.Role
# A coordinator adds a team, not a mailing list: more than this in a day is refused.
INVITATIONS_PER_DAY = 50


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


def _open_for(assessment: Assessment, email: str):
    fresh = timezone.now() - settings.INVITATION_MAX_AGE
    return Invitation.objects.filter(
        assessment=assessment,
        email__iexact=email,
        accepted_at=None,
        declined_at=None,
        created_at__gte=fresh,
    )


def _check_daily_limit(actor: AbstractBaseUser) -> None:
    since = timezone.now() - timedelta(days=1)
    if Invitation.objects.filter(invited_by=actor, created_at__gte=since).count() >= (
        INVITATIONS_PER_DAY
    ):
        raise ApplicationError(
            _("You have sent %(n)d invitations in the last 24 hours; try again tomorrow.")
            % {"n": INVITATIONS_PER_DAY}
        )


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
) -> Invitation:
    """An Invitation, whether or not the address has an account; the answer is the same."""
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
    if _open_for(assessment, email).exists():
        raise ApplicationError(_("%(email)s has already been invited.") % {"email": email})
    _check_daily_limit(actor)
    invitation = Invitation.objects.create(
        assessment=assessment,
        user=user,
        email=email,
        first_name=first_name,
        last_name=last_name,
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
    _send_invitation(invitation, actor)
    return invitation


def _send_invitation(invitation: Invitation, actor: AbstractBaseUser) -> None:
    assessment = invitation.assessment
    days = settings.INVITATION_MAX_AGE.days

    # Callables, so that each text is rendered in the invited person's own language.
    def subject() -> str:
        return _("You are invited to the MGI assessment of %(country)s") % {
            "country": assessment.country.names(get_language())[1]
        }

    def body() -> str:
        invite = _(
            "%(actor)s invites you to take part in %(assessment)s as %(role)s "
            "(%(institution)s).\n\nAccept or decline here:\n%(link)s\n\n"
            "You can also answer from your My work page."
        ) % {
            "actor": _name(actor),
            "assessment": assessment,
            "role": invitation.get_role_display().lower(),
            "institution": invitation.institution,
            "link": absolute_url(invitation.get_absolute_url()),
        }
        return invite + "\n\n" + _("The link works once, for %(days)d days.") % {"days": days}

    if invitation.user is not None:
        notify(users=[invitation.user], subject=subject, body=body)
    else:
        # No account yet: the email speaks the assessment's working language.
        notify_address(
            address=invitation.email, language=assessment.language, subject=subject, body=body
        )


def _username_for(email: str) -> str:
    """An internal username (people sign in with their email) that fits and is free."""
    base = re.sub(r"[^\w.+-]", "", email.partition("@")[0].lower())[:30] or "user"
    candidate, n = base, 1
    while User.objects.filter(username=candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def new_account_for(invitation: Invitation) -> AbstractBaseUser:
    """The account an invitation to a new address will create (unsaved): for validation."""
    return User(
        username=_username_for(invitation.email),
        email=invitation.email,
        first_name=invitation.first_name,
        last_name=invitation.last_name,
    )


@transaction.atomic
def invitation_accept_new(*, invitation: Invitation, password: str) -> AbstractBaseUser:
    """Accept an invitation to an address without an account: create it with this password,
    and add it to the assessment. The caller signs the person in."""
    locked = _open_new(invitation)
    if User.objects.filter(email__iexact=locked.email).exists():
        # Made meanwhile (another invitation): that account answers, once signed in.
        raise ApplicationError(
            _("An account with this email exists now: sign in with it to accept.")
        )
    user = new_account_for(locked)
    password_validation.validate_password(password, user)
    user.set_password(password)
    user.full_clean()
    user.save()
    UserSettings.objects.create(user=user, language=locked.assessment.language)
    # Other invitations to this address now wait for this account.
    Invitation.objects.filter(user=None, email__iexact=locked.email).exclude(pk=locked.pk).update(
        user=user
    )
    locked.user = user
    locked.save(update_fields=["user"])
    _join(locked, user)
    return user


def _open_new(invitation: Invitation) -> Invitation:
    """The invitation to an address without an account, locked, if it may still be answered."""
    locked = (
        Invitation.objects.select_for_update().select_related("assessment").get(pk=invitation.pk)
    )
    if locked.user_id is not None:
        raise NotAllowed(_("This invitation is addressed to an existing account: sign in first."))
    _check_open(locked)
    return locked


def _open_invitation(invitation: Invitation, user: AbstractBaseUser) -> Invitation:
    locked = (
        Invitation.objects.select_for_update().select_related("assessment").get(pk=invitation.pk)
    )
    # The link alone is not enough: only the invited account may answer.
    if locked.user_id != user.pk:
        raise NotAllowed(_("This invitation is addressed to another account."))
    _check_open(locked)
    return locked


def _check_open(invitation: Invitation) -> None:
    if invitation.accepted_at or invitation.declined_at:
        raise ApplicationError(_("This invitation has already been answered."))
    if invitation.is_expired:
        raise ApplicationError(_("This invitation has expired; ask for a new one."))
    if invitation.assessment.is_cancelled:
        raise ApplicationError(_("This assessment was cancelled."))


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: AbstractBaseUser) -> Membership:
    """The invited person joins the assessment with the role they were invited to."""
    locked = _open_invitation(invitation, user)
    if Membership.objects.filter(user=user, assessment_id=locked.assessment_id).exists():
        raise ApplicationError(_("You already take part in this assessment."))
    return _join(locked, user)


def _join(locked: Invitation, user: AbstractBaseUser) -> Membership:
    locked.accepted_at = timezone.now()
    locked.save(update_fields=["accepted_at"])
    membership = Membership.objects.create(
        user=user, assessment=locked.assessment, role=locked.role, institution=locked.institution
    )
    pending_assignments_apply(invitation=locked, membership=membership)  # a follow-up's team
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
def invitation_decline_new(*, invitation: Invitation) -> Invitation:
    """Decline an invitation to an address without an account (the link is the proof)."""
    return _decline(_open_new(invitation), None, invitation.email)


@transaction.atomic
def invitation_decline(*, invitation: Invitation, user: AbstractBaseUser) -> Invitation:
    return _decline(_open_invitation(invitation, user), user, user.email)


def _decline(locked: Invitation, actor: AbstractBaseUser | None, email: str) -> Invitation:
    locked.declined_at = timezone.now()
    locked.save(update_fields=["declined_at"])
    audit_log(
        assessment=locked.assessment,
        actor=actor,
        action="invitation.decline",
        to_state=locked.role,
        reason=email,
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
