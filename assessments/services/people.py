"""Coordinators add focal points and assign them indicators."""

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from .. import permissions
from ..exceptions import ApplicationError, NotAllowed
from ..models import Assessment, Assignment, Membership
from ..selectors.work import assessment_indicators
from .audit import audit_log
from .notifications import notify

User = get_user_model()


def _require_manager(user: AbstractBaseUser, assessment: Assessment) -> None:
    if not permissions.can_manage_people(user, assessment):
        raise NotAllowed(_("Only the government coordinator manages focal points."))


@transaction.atomic
def focal_point_add(
    *,
    assessment: Assessment,
    actor: AbstractBaseUser,
    first_name: str,
    last_name: str,
    email: str,
    institution: str,
    base_url: str,
) -> Membership:
    """Create or reuse the account, add it as focal point, email a set-password link."""
    _require_manager(actor, assessment)
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        user = User(username=email, email=email, first_name=first_name, last_name=last_name)
        user.set_unusable_password()
        user.full_clean()
        user.save()
    if Membership.objects.filter(user=user, assessment=assessment).exists():
        raise ApplicationError(
            _("%(email)s already takes part in this assessment.") % {"email": email}
        )
    membership = Membership.objects.create(
        user=user, assessment=assessment, role=Membership.Role.FOCAL_POINT, institution=institution
    )
    audit_log(assessment=assessment, actor=actor, action="member.add", reason=email)
    link = base_url + reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    notify(
        users=[user],
        subject=lambda: (
            _("You are a focal point for the MGI assessment of %(country)s")
            % {"country": assessment.country.short_name}
        ),
        body=lambda: (
            _(
                "%(actor)s added you as a focal point (%(institution)s) for %(assessment)s.\n\n"
                "Set your password and sign in here:\n%(link)s\n\nYour username is %(username)s."
            )
            % {
                "actor": actor.get_full_name() or actor.username,
                "institution": institution,
                "assessment": assessment,
                "link": link,
                "username": user.username,
            }
        ),
    )
    return membership


@transaction.atomic
def assignments_set(
    *,
    assessment: Assessment,
    actor: AbstractBaseUser,
    subdomain_pairs: Iterable[tuple[int, int]],
    indicator_pairs: Iterable[tuple[int, int]],
) -> int:
    """Replace all assignments of the assessment with (membership id, item id) pairs."""
    _require_manager(actor, assessment)
    members = {m.pk: m for m in assessment.memberships.filter(role=Membership.Role.FOCAL_POINT)}
    # Only what this assessment answers: its framework, and the COVID-19 module if it is on.
    indicators = list(assessment_indicators(assessment).values_list("pk", "subdomain_id"))
    ind_ids = {pk for pk, _sub in indicators}
    sub_ids = {sub for _pk, sub in indicators}
    rows = []
    for member_id, sub_id in set(subdomain_pairs):
        if member_id not in members or sub_id not in sub_ids:
            raise ApplicationError(_("The assignment form names an unknown person or sub-domain."))
        rows.append(Assignment(membership_id=member_id, subdomain_id=sub_id))
    for member_id, ind_id in set(indicator_pairs):
        if member_id not in members or ind_id not in ind_ids:
            raise ApplicationError(_("The assignment form names an unknown person or indicator."))
        rows.append(Assignment(membership_id=member_id, indicator_id=ind_id))
    Assignment.objects.filter(membership__assessment=assessment).delete()
    Assignment.objects.bulk_create(rows)
    audit_log(
        assessment=assessment, actor=actor, action="assignments.set", data={"count": len(rows)}
    )
    return len(rows)
