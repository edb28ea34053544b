"""New evidence rows of a returned workbook: matched to the registry and sources, or new."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext as _

from ..dates import DAY, PartialDate, format_partial_date
from ..models import Assessment, LegalInstrument, Source
from ..selectors.registry import normalized_title
from .registry import instrument_save
from .xlsx_export import instrument_label
from .xlsx_import import E_COL, ParsedWorkbook, Problem


@dataclass
class NewInstrument:
    title: str
    number: str
    kind: str
    adopted: PartialDate | None
    created: LegalInstrument | None = None
    adopted_typed: str = ""

    def __str__(self) -> str:
        return f"{self.title} (No. {self.number})" if self.number else self.title

    @property
    def kind_label(self) -> str:
        return str(LegalInstrument.Kind(self.kind).label)

    @property
    def adopted_stored(self) -> str:
        """The date as the registry will store and print it, e.g. "1 July 2023"."""
        return format_partial_date(*self.adopted) if self.adopted else ""


@dataclass
class NewEvidence:
    row: int
    instrument: LegalInstrument | None
    new_instrument: NewInstrument | None
    source: Source | None
    locator: str
    note: str

    @property
    def label(self) -> str:
        return str(self.instrument or self.new_instrument or self.source)

    def create_instrument(self, assessment: Assessment, user: AbstractBaseUser):
        """The new registry entry, created once however many rows cite it."""
        new = self.new_instrument
        if new is None:
            return None
        if new.created is None:
            new.created = instrument_save(
                instrument=LegalInstrument(
                    country=assessment.country,
                    title=new.title,
                    number=new.number,
                    kind=new.kind,
                    adopted_on=new.adopted[0] if new.adopted else None,
                    adopted_precision=new.adopted[1] if new.adopted else DAY,
                ),
                user=user,
            )
        return new.created


def resolve_evidence(parsed: ParsedWorkbook, ctx: dict, codes: list[str]) -> dict:
    """New evidence by indicator code; unknown names become problems."""
    names = {
        "instruments": {instrument_label(i).casefold(): i for i in ctx["instruments"]}
        | {i.title.casefold(): i for i in ctx["instruments"]},
        "sources": {str(s)[:250].casefold(): s for s in ctx["sources"]},
        "kinds": {label.casefold(): value for value, label in LegalInstrument.Kind.choices}
        | {value: value for value in LegalInstrument.Kind.values},
        "created": {},
    }
    found: dict[str, list[NewEvidence]] = {}
    for line in parsed.evidence:
        item = _resolve_row(line.row, line.values, ctx, names, parsed, codes)
        if item is not None:
            found.setdefault(line.values["code"], []).append(item)
    return found


def _resolve_row(row: int, v: dict, ctx, names, parsed, codes) -> NewEvidence | None:
    def problem(key: str, message: str) -> None:
        sheet = parsed.meta["evidence_sheet"]
        parsed.problems.append(Problem(sheet, row, chr(64 + E_COL[key]), message))

    if v["code"] not in codes:
        problem("code", _("Give the code of an indicator of the answers sheet."))
        return None
    instrument = names["instruments"].get(v["instrument"].casefold()) if v["instrument"] else None
    if v["instrument"] and instrument is None:
        problem("instrument", _("Not in the registry; fill the new-instrument columns."))
    new = None
    if v["new_title"] and not instrument:
        instrument = _registered(ctx, v)
        kind = names["kinds"].get(v["new_kind"].casefold())
        if instrument is None and kind is None:
            problem("new_kind", _("Choose the type of the new instrument."))
        elif instrument is None:
            key = (v["new_title"].casefold(), v["new_number"].casefold())
            new = names["created"].setdefault(
                key,
                NewInstrument(
                    v["new_title"],
                    v["new_number"],
                    kind,
                    v["new_adopted_on"],
                    adopted_typed=v.get("new_adopted_typed", ""),
                ),
            )
    source = names["sources"].get(v["source"].casefold()) if v["source"] else None
    if v["source"] and source is None:
        problem("source", _("Not one of the assessment's sources."))
    if not any((v["instrument"], v["new_title"], v["source"])):
        problem("instrument", _("Cite an instrument or a source."))
    if instrument or new or source:
        return NewEvidence(row, instrument, new, source, v["locator"], v["note"])
    return None


def _registered(ctx: dict, v: dict) -> LegalInstrument | None:
    """A "new" instrument that the registry already holds (same title and number, compared as
    the registry's duplicate check does: look-alike letters of two alphabets folded)."""
    title, number = normalized_title(v["new_title"]), normalized_title(v["new_number"])
    for instrument in ctx["instruments"]:
        if (
            normalized_title(instrument.title) == title
            and normalized_title(instrument.number) == number
        ):
            return instrument
    return None
