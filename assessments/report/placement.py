"""Where an answer lands in the profile: a well-developed area or one for further development."""

from ..models import Level, Response

Placement = Response.Placement


def placement(response: Response) -> str | None:
    """Where a response goes in its chapter, or None when the profile leaves it out."""
    if response.option_id is None or response.is_waived or response.excluded_from_profile:
        return None
    if response.placement_override:
        return response.placement_override
    level = response.option.level
    if level == Level.DEVELOPED:
        return Placement.WELL_DEVELOPED
    if level in (Level.PARTIAL, Level.ABSENT):
        return Placement.FURTHER_DEVELOPMENT
    return None
