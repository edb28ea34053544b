"""Reads of the legal instrument registry: lists, duplicates, an entry's history."""

import re
import unicodedata

from django.db.models import Count, Q, QuerySet

from ..homoglyphs import fold_lookalikes
from ..models import AuditEntry, Country, Evidence, LegalInstrument, Level
from ..report import annex
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


def instruments_adopted_same_day(
    *, country: Country, kind: str, adopted_on, precision: str, exclude_pk: int | None = None
) -> list[LegalInstrument]:
    """Entries of the same type adopted on the same day, whatever their title: one act
    registered twice under two wordings (a resolution translated twice)."""
    if not adopted_on or precision != LegalInstrument.Precision.DAY:
        return []
    return list(
        _live(country, exclude_pk).filter(
            kind=kind, adopted_on=adopted_on, adopted_precision=LegalInstrument.Precision.DAY
        )
    )


def new_entry_duplicates(instrument: LegalInstrument) -> tuple[list, list]:
    """What the registry form asks to confirm: duplicates_of, and for a new entry also the
    entries of its type adopted the same day."""
    same_number, similar = duplicates_of(instrument)
    if instrument.pk is None:
        same_day = instruments_adopted_same_day(
            country=instrument.country,
            kind=instrument.kind,
            adopted_on=instrument.adopted_on,
            precision=instrument.adopted_precision,
        )
        similar += [i for i in same_day if i not in similar and i not in same_number]
    return same_number, similar


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


def annex_printed_ids(country: Country) -> set[int]:
    """Entries the legislation annex prints: marked by a consultant, or cited by an answer
    that a profile of the country prints (placement's rule, read in one query)."""
    printed = Q(response__option__level__in=[Level.DEVELOPED, Level.PARTIAL, Level.ABSENT]) | ~Q(
        response__placement_override=""
    )
    cited = frozenset(
        Evidence.objects.filter(
            printed,
            removed_at__isnull=True,
            instrument__country=country,
            response__option__isnull=False,
            response__waiver_reason="",
            response__excluded_from_profile=False,
        ).values_list("instrument_id", flat=True)
    )
    candidates = LegalInstrument.objects.filter(
        Q(annex_pinned=True) | Q(pk__in=cited), country=country
    ).only("pk", "in_annex", "merged_into", "status", "annex_pinned")
    return {i.pk for i in candidates if annex.is_listed(i, cited=cited)}


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
