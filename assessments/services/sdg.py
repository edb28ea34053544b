"""The coordinator's decisions on the SDG 10.7.2 draft: overrides of the suggestions."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from .. import permissions
from ..exceptions import ApplicationError, NotAllowed
from ..models import Assessment, SdgOverride, SdgSubcategory
from .audit import audit_log


def _check(user: AbstractBaseUser, assessment: Assessment) -> None:
    if not permissions.can_override_sdg(user, assessment):
        raise NotAllowed(_("Only the government coordinator can change the 10.7.2 answers."))


@transaction.atomic
def sdg_override_set(
    *,
    assessment: Assessment,
    subcategory: SdgSubcategory,
    user: AbstractBaseUser,
    value: bool,
    reason: str,
) -> SdgOverride:
    """Answer a sub-category yes or no in place of the suggestion, with a reason; audited."""
    _check(user, assessment)
    reason = reason.strip()
    if not reason:
        raise ApplicationError(_("Say why the answer differs from the suggestion."))
    override, _created = SdgOverride.objects.update_or_create(
        assessment=assessment,
        subcategory=subcategory,
        defaults={"value": value, "reason": reason, "set_by": user},
    )
    audit_log(
        assessment=assessment,
        actor=user,
        action="sdg.override",
        to_state="yes" if value else "no",
        reason=reason,
        data={"subcategory": subcategory.code},
    )
    return override


@transaction.atomic
def sdg_override_clear(
    *, assessment: Assessment, subcategory: SdgSubcategory, user: AbstractBaseUser
) -> None:
    """Go back to the suggestion derived from the answers; audited."""
    _check(user, assessment)
    deleted, _rows = SdgOverride.objects.filter(
        assessment=assessment, subcategory=subcategory
    ).delete()
    if deleted:
        audit_log(
            assessment=assessment,
            actor=user,
            action="sdg.override_cleared",
            data={"subcategory": subcategory.code},
        )
