"""Stage and status transitions: each checks role and state, audits, and notifies.

Responses: not_started -> draft -> submitted -> returned -> ... -> accepted.
Assessments: setup -> data_collection -> review -> consultation -> validated -> published.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from .. import permissions
from ..exceptions import NotAllowed
from ..models import Response
from .audit import audit_log
from .revisions import revision_write

Status = Response.Status


@transaction.atomic
def response_submit(*, response: Response, user: AbstractBaseUser) -> Response:
    """The government side hands an answer over for review."""
    response = Response.objects.select_for_update(of=("self",)).get(pk=response.pk)
    if not permissions.can_edit_response(user, response):
        raise NotAllowed(permissions.why_not_editable(user, response) or _("Not allowed."))
    if response.option_id is None or not response.finding.strip():
        raise NotAllowed(_("Choose an answer and write the finding before submitting."))
    previous = response.status
    response.status = Status.SUBMITTED
    revision_write(response=response, author=user, action="submit")
    audit_log(
        assessment=response.assessment,
        actor=user,
        action="response.submit",
        response=response,
        from_state=previous,
        to_state=response.status,
    )
    return response
