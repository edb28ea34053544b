"""Reads of the legal instrument registry: lists, duplicates, an entry's history."""

import re
import unicodedata

from django.db.models import Count, Q, QuerySet

from ..homoglyphs import fold_lookalikes
from ..models import AuditEntry, Country, LegalInstrument
from ..text import clean_text

_QUOTES_AND_PUNCTUATION = re.compile(r"[\W_]+", re.UNICODE)


def normalized_title(title: str) -> str:
    """Case, punctuation, quotes, spaces, invisible characters and look-alike letters (Latin
    "c" in a Cyrillic word) removed, for matching."""
    text = fold_lookalikes(unicodedata.normalize("NFKC", clean_text(title or "")))
    return " ".join(_QUOTES_AND_PUNCTUATION.sub(" ", text).split())


def _live(country: Country, exclude_pk: int | None) -> QuerySet[LegalInstrument]:
    qs = LegalInstrument.objects.filter(country=country, merged_into__isnull=True)
    qs = qs.select_related("country")
    return qs.exclude(pk=exclude_pk) if exclude_pk else qs


def instruments_with_number(
    *, country: Country, number: str, exclude_pk: int | None = None
) -> list[LegalInstrument]:
    """Entries already using this number, whatever their date."""
    key = normalized_title(number)
    if not key:
        return []
    # Compared in Python: "УП-123" typed with a Latin "У" look-alike must match too.
    live = _live(country, exclude_pk).exclude(number="")
    return [i for i in live if normalized_title(i.number) == key]


def instruments_with_similar_title(
    *, country: Country, title: str, kind: str, adopted_on, exclude_pk: int | None = None
) -> list[LegalInstrument]:
    """Entries of the same type and date whose normalized title is the same: probable duplicates."""
    key = normalized_title(title)
    if not key:
        return []
    qs = _live(country, exclude_pk).filter(kind=kind)
    qs = qs.filter(adopted_on=adopted_on) if adopted_on else qs.filter(adopted_on__isnull=True)
    return [i for i in qs if normalized_title(i.title) == key]


def duplicates_of(instrument: LegalInstrument) -> tuple[list, list]:
    """(entries with the same number, any date; other entries with a probable duplicate title)."""
    same_number = instruments_with_number(
        country=instrument.country, number=instrument.number, exclude_pk=instrument.pk
    )
    similar = instruments_with_similar_title(
        country=instrument.country,
        title=instrument.title,
        kind=instrument.kind,
        adopted_on=instrument.adopted_on,
        exclude_pk=instrument.pk,
    )
    return same_number, [i for i in similar if i not in same_number]


def registry_duplicates(instrument: LegalInstrument) -> list[LegalInstrument]:
    """Entries with the same number (any date) or a probable duplicate title."""
    same_number, similar = duplicates_of(instrument)
    return same_number + similar


def registry_list(*, country: Country, kind: str = "", q: str = "") -> QuerySet[LegalInstrument]:
    """Live entries with their citation counts, in a fixed number of queries."""
    qs = (
        LegalInstrument.objects.filter(country=country, merged_into__isnull=True)
        .select_related("country")
        .annotate(cited=Count("citations", filter=Q(citations__removed_at__isnull=True)))
    )
    if kind:
        qs = qs.filter(kind=kind)
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(number__icontains=q))
    return qs


def instrument_history(instrument: LegalInstrument) -> QuerySet[AuditEntry]:
    """Who changed the entry, when and what; newest first."""
    merges_into_it = Q(action__startswith="instrument.merge", data__kept=instrument.pk)
    return AuditEntry.objects.filter(
        Q(instrument=instrument) | (Q(country_id=instrument.country_id) & merges_into_it)
    ).select_related("actor")
