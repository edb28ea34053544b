"""The annex "List of migration-related legislation": what the profile cites, grouped by type.

It lists the instruments that the printed answers cite, and the entries a consultant marked
"list in the annex"; never a draft, an entry merged into another, or one excluded from it.
"""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

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
    """'30 July 2002', in the active language."""
    return date_format(day, "j E Y")  # E: the month as a date needs it (июля, not июль)


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


def is_listed(
    instrument: LegalInstrument, all_statuses: bool = False, cited: frozenset[int] = frozenset()
) -> bool:
    """Whether the legislation annex prints this entry, given the ids the printed answers cite."""
    if not instrument.in_annex or instrument.merged_into_id:
        return False
    if instrument.status == LegalInstrument.Status.DRAFT:
        return False
    if not (instrument.annex_pinned or instrument.pk in cited):
        return False
    return all_statuses or instrument.is_in_force


def cited_ids(responses) -> frozenset[int]:
    """The instruments cited by the evidence of these (printed) answers."""
    return frozenset(
        ev.instrument_id for r in responses for ev in r.active_evidence if ev.instrument_id
    )


def _position(instrument: LegalInstrument) -> tuple:
    return (instrument.annex_no is None, instrument.annex_no or 0, instrument.title.casefold())


def legislation(
    country_id: int,
    country_name: str,
    local=None,
    *,
    all_statuses: bool = False,
    cited: frozenset[int] = frozenset(),
) -> list[AnnexGroup]:
    """Groups of numbered rows, 1..n across groups; only instruments in force by default."""
    instruments = LegalInstrument.objects.filter(
        Q(annex_pinned=True) | Q(pk__in=cited),
        country_id=country_id,
        in_annex=True,
        merged_into__isnull=True,
    ).exclude(status=LegalInstrument.Status.DRAFT)
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
