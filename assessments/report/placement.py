"""Where an answer lands in the profile: a well-developed area or one for further development."""

from ..models import Level, Response

Placement = Response.Placement


def placement(response: Response) -> str | None:
    """Where a response goes in its chapter, or None when the profile leaves it out."""
    if response.option_id is None or response.is_waived or response.excluded_from_profile:
        return None
    if response.placement_override:
        if response.placement_override == Placement.WELL_DEVELOPED and not _has_evidence(response):
            return None
        return response.placement_override
    level = response.option.level
    if level == Level.DEVELOPED:
        # A well-developed area is stated as a fact backed by law: never without its evidence.
        return Placement.WELL_DEVELOPED if _has_evidence(response) else None
    if level in (Level.PARTIAL, Level.ABSENT):
        return Placement.FURTHER_DEVELOPMENT
    return None


def _has_evidence(response: Response) -> bool:
    # Responses read without their evidence (the baseline's, for the updates) are not judged.
    evidence = getattr(response, "active_evidence", None)
    return evidence is None or bool(evidence)
