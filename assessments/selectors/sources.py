"""Reads of an assessment's sources: the same source typed again, or a probable duplicate."""

from ..models import Assessment, Source
from .registry import normalized_title


def source_key(organization: str, year: str, title: str) -> tuple[str, str, str]:
    """What makes two sources one: organization, year and title after cleaning."""
    return (
        normalized_title(organization),
        normalized_title(year or "n.d."),
        normalized_title(title),
    )


def sources_like(
    *, assessment: Assessment, organization: str, year: str, title: str
) -> tuple[Source | None, list[Source]]:
    """(the identical source, if any; other sources with the same title: probable duplicates)."""
    key = source_key(organization, year, title)
    identical, similar = None, []
    for source in Source.objects.filter(assessment=assessment).order_by("pk"):
        other = source_key(source.organization, source.year, source.title)
        if other == key and identical is None:
            identical = source
        elif other[2] == key[2]:
            similar.append(source)
    return identical, similar
