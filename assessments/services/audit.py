"""The append-only audit trail."""

from django.contrib.auth.models import AbstractBaseUser

from ..models import Assessment, AuditEntry, Country, LegalInstrument, Response


def audit_log(
    *,
    assessment: Assessment | None,
    actor: AbstractBaseUser | None,
    action: str,
    response: Response | None = None,
    from_state: str = "",
    to_state: str = "",
    reason: str = "",
    data: dict | None = None,
    country: Country | None = None,
    instrument: LegalInstrument | None = None,
) -> AuditEntry:
    """Record who did what; entries are never edited or deleted."""
    return AuditEntry.objects.create(
        assessment=assessment,
        country=country,
        instrument=instrument,
        response=response,
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        from_state=from_state,
        to_state=to_state,
        reason=reason,
        data=data or {},
    )
