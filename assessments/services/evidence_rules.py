"""What evidence an answer needs before it can be submitted or accepted."""

from django.utils.translation import gettext as _

from ..models import Level, Response


def evidence_missing(response: Response) -> str:
    """Why the answer's level is not backed by its evidence yet; "" when it is."""
    level = response.option.level if response.option_id else None
    if level not in (Level.DEVELOPED, Level.PARTIAL):
        return ""
    items = list(response.evidence.filter(removed_at__isnull=True).select_related("instrument"))
    label = Level(level).label.lower()
    if not items:
        return _(
            "A “%(level)s” answer needs evidence: cite at least one legal instrument from the "
            "registry or a source."
        ) % {"level": label}
    in_force = [e for e in items if e.source_id or e.instrument.is_in_force]
    if level == Level.DEVELOPED and not in_force:
        return _(
            "A draft or repealed instrument cannot be the only evidence of a “developed” answer: "
            "cite an instrument in force or a source."
        )
    return ""
