"""The annex "List of migration-related legislation": the country's registry, grouped by type."""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from ..dates import profile_date
from ..models import LegalInstrument
from .profile import AnnexGroup, AnnexRow

Kind = LegalInstrument.Kind


def _groups(country: str) -> list[tuple[set[str], str]]:
    # The constitution comes first without a heading, as in the published profiles.
    return [
        ({Kind.CONSTITUTION}, ""),
        ({Kind.LAW}, _("I. Migration-related laws of %(country)s") % {"country": country}),
        ({Kind.TREATY}, _("II. International treaties")),
        (
            {Kind.DECREE, Kind.STRATEGY, Kind.OTHER},
            _("III. Normative and legal acts of %(country)s") % {"country": country},
        ),
    ]


def long_date(day: datetime.date) -> str:
    """'30 July 2002', in the active language, as the profile writes dates."""
    return profile_date(day)


def adoption(instrument: LegalInstrument) -> str:
    """The annex's date column: '30 July 2002, No. 133', or the adoption note."""
    if instrument.adoption_note:
        return instrument.adoption_note
    parts = []
    if instrument.adopted_on:
        parts.append(instrument.adopted_display)
    if instrument.number:
        parts.append(_("No. %(number)s") % {"number": instrument.number})
    return ", ".join(parts)


def is_listed(instrument: LegalInstrument, all_statuses: bool = False) -> bool:
    """Whether the legislation annex prints this entry."""
    if not instrument.in_annex or instrument.merged_into_id:
        return False
    return all_statuses or instrument.is_in_force


def _position(instrument: LegalInstrument) -> tuple:
    return (instrument.annex_no is None, instrument.annex_no or 0, instrument.title.casefold())


def legislation(
    country_id: int, country_name: str, local=None, *, all_statuses: bool = False
) -> list[AnnexGroup]:
    """Groups of numbered rows, 1..n across groups; only instruments in force by default."""
    instruments = LegalInstrument.objects.filter(
        country_id=country_id, in_annex=True, merged_into__isnull=True
    )
    if not all_statuses:
        instruments = instruments.filter(status=LegalInstrument.Status.IN_FORCE)
    instruments = list(instruments)
    groups, number = [], 0
    for kinds, heading in _groups(country_name):
        rows = []
        for inst in sorted((i for i in instruments if i.kind in kinds), key=_position):
            number += 1
            rows.append(
                AnnexRow(number, local.title(inst) if local else inst.title, adoption(inst))
            )
        if rows:
            groups.append(AnnexGroup(heading, rows))
    return groups
