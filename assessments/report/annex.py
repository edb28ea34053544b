"""The annex "List of migration-related legislation": what the profile cites, grouped by type.

It lists the instruments that the printed answers cite, and the entries a consultant marked
"list in the annex"; never a draft, an entry merged into another, or one excluded from it.
"""

from __future__ import annotations

import datetime

from django.db.models import Q
from django.utils.translation import gettext as _

from ..dates import profile_date
from ..forms.languages import language_name
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


def adoption(instrument: LegalInstrument, note: str | None = None) -> str:
    """The annex's date column: '30 July 2002, No. 133', or the adoption note."""
    note = instrument.adoption_note if note is None else note
    if note:
        return note
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


def _row(number: int, inst: LegalInstrument, local) -> AnnexRow:
    """An untranslated title or note keeps its language, to print it in italics (issue 31)."""
    if local is None:
        return AnnexRow(number, inst.title, adoption(inst))
    note, note_language = local.adoption_note(inst)
    return AnnexRow(
        number,
        local.title(inst),
        adoption(inst, note),
        title_language=local.title_language(inst),
        adopted_language=note_language,
    )


def titles_note(languages: set[str]) -> str:
    """The annex heading's note naming the language of the titles printed untranslated."""
    if not languages:
        return ""
    names = ", ".join(sorted(language_name(code) for code in languages))
    return _(
        "Titles in italics have no translation in this language and are printed in "
        "their original language (%(languages)s)."
    ) % {"languages": names}


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
            rows.append(_row(number, inst, local))
        if rows:
            groups.append(AnnexGroup(heading, rows))
    return groups
