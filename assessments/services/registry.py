"""The country's registry of legal instruments."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet

from ..models import Country, LegalInstrument


def instrument_duplicates(
    *, country: Country, number: str, adopted_on, exclude_pk: int | None = None
) -> QuerySet[LegalInstrument]:
    """Entries with the same number and date of adoption: probably the same act."""
    if not number or adopted_on is None:
        return LegalInstrument.objects.none()
    qs = LegalInstrument.objects.filter(
        country=country, number__iexact=number.strip(), adopted_on=adopted_on
    )
    return qs.exclude(pk=exclude_pk) if exclude_pk else qs


@transaction.atomic
def instrument_save(
    *, instrument: LegalInstrument, user: AbstractBaseUser | None = None
) -> LegalInstrument:
    """Validate and store a new or edited registry entry."""
    if instrument.pk is None and user is not None and user.is_authenticated:
        instrument.created_by = user
        # Entries added by focal points are listed in the annex unless the consultant says not.
        instrument.in_annex = True
    instrument.full_clean()
    instrument.save()
    return instrument
