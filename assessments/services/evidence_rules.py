"""What evidence an answer needs before it can be submitted or accepted."""

from ..models import Level, Response
from ..rules import evidence_gap


def evidence_missing(response: Response) -> str:
    """Why the answer's level is not backed by its evidence yet; "" when it is."""
    level = response.option.level if response.option_id else None
    if level not in (Level.DEVELOPED, Level.PARTIAL):
        return ""
    items = list(response.evidence.filter(removed_at__isnull=True).select_related("instrument"))
    in_force = [e for e in items if e.source_id or e.instrument.is_in_force]
    return evidence_gap(level, len(items), len(in_force))
