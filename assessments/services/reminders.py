"""The coordinator's reminder to the focal points of a ministry who are behind."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import permissions
from ..exceptions import ApplicationError, NotAllowed
from ..models import Assessment, Reminder
from ..selectors.overview import assessment_overview
from .audit import audit_log
from .notifications import absolute_url, notify


@transaction.atomic
def ministry_remind(
    *, assessment: Assessment, actor: AbstractBaseUser, institution: str
) -> list[AbstractBaseUser]:
    """Email the ministry's focal points who are behind, each at most once a day; audited."""
    if not permissions.can_remind(actor, assessment):
        raise NotAllowed(_("Only the coordinator sends reminders."))
    ministries = {m.institution: m for m in assessment_overview(assessment).ministries}
    ministry = ministries.get(institution)
    if ministry is None:
        raise ApplicationError(_("No focal point of this assessment works for that ministry."))
    if not ministry.behind:
        raise ApplicationError(
            _("The focal points of %(ministry)s have handed over all their answers.")
            % {"ministry": institution}
        )
    today = timezone.localdate()
    # Locked so that two coordinators clicking at once cannot both send.
    already = set(
        Reminder.objects.select_for_update()
        .filter(assessment=assessment, recipient__in=ministry.behind, sent_on=today)
        .values_list("recipient_id", flat=True)
    )
    due = [user for user in ministry.behind if user.pk not in already]
    if not due:
        raise ApplicationError(
            _("The focal points of %(ministry)s were already reminded today. Try again tomorrow.")
            % {"ministry": institution}
        )
    Reminder.objects.bulk_create(
        Reminder(assessment=assessment, recipient=u, sent_by=actor, sent_on=today) for u in due
    )
    audit_log(
        assessment=assessment,
        actor=actor,
        action="ministry.remind",
        reason=institution,
        data={"recipients": [u.get_username() for u in due]},
    )
    notify(
        users=due,
        subject=lambda: _("[MGI] A reminder about %(assessment)s") % {"assessment": assessment},
        body=lambda: (
            _(
                "The coordinator of %(assessment)s reminds you that some of the indicators "
                "assigned to you are not submitted yet. Your work list: %(path)s"
            )
            % {"assessment": assessment, "path": absolute_url(reverse("assessments:my-work"))}
        ),
    )
    return due
