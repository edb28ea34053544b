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
    known = actor if actor is not None and actor.is_authenticated else None
    return AuditEntry.objects.create(
        assessment=assessment,
        country=country,
        instrument=instrument,
        response=response,
        actor=known,
        actor_name=actor_label(known),
        action=action,
        from_state=from_state,
        to_state=to_state,
        reason=reason,
        data=data or {},
    )


def actor_label(user: AbstractBaseUser | None) -> str:
    """The name the trail keeps for the actor, even after the account is deleted."""
    if user is None:
        return ""
    full = user.get_full_name().strip()
    return f"{full} ({user.get_username()})" if full else user.get_username()
