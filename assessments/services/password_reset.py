"""Password reset requests: counted in the audit trail (shared by every worker process), and
at most RESET_EMAILS_PER_ADDRESS emails per email address and RESET_EMAILS_PER_CLIENT per
client address in an hour. The visitor sees the same page either way."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ..models import AuditEntry
from .audit import audit_log

RESET_EMAILS_PER_ADDRESS = 3
RESET_EMAILS_PER_CLIENT = 20
WINDOW = timedelta(hours=1)
ACTION = "password_reset.request"


@transaction.atomic
def reset_request_record(*, email: str, client_address: str) -> bool:
    """Record a reset request; True when its email may be sent."""
    email = email.strip().lower()
    sent = AuditEntry.objects.filter(
        action=ACTION, created_at__gte=timezone.now() - WINDOW, data__sent=True
    )
    allowed = (
        sent.filter(reason=email).count() < RESET_EMAILS_PER_ADDRESS
        and sent.filter(data__client=client_address).count() < RESET_EMAILS_PER_CLIENT
    )
    audit_log(
        assessment=None,
        actor=None,
        action=ACTION,
        reason=email,
        data={"client": client_address, "sent": allowed},
    )
    return allowed
