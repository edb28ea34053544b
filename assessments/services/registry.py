"""The country's registry of legal instruments: save with duplicate checks, merge and undo."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from .. import permissions
from ..dates import partial_date_input
from ..exceptions import ApplicationError, NotAllowed
from ..models import AuditEntry, Evidence, LegalInstrument
from .audit import audit_log

TRACKED = [
    "title",
    "title_translations",
    "number",
    "kind",
    "status",
    "adopted_on",
    "adoption_note",
    "last_amended",
    "url",
    "replaced_by_id",
    "annex_pinned",
]


def _snapshot(instrument: LegalInstrument) -> dict:
    values = {name: getattr(instrument, name) for name in TRACKED}
    # The date as it was given ("2017", "2017-01" or "2017-01-01"), so that the history can
    # say "Date of adoption changed from 2017 to 1 January 2017".
    values["adopted_on"] = partial_date_input(instrument.adopted_on, instrument.adopted_precision)
    return values


def _changes(before: dict, after: dict) -> dict:
    return {
        name.removesuffix("_id"): [_plain(before.get(name)), _plain(after[name])]
        for name in TRACKED
        if before.get(name) != after[name]
    }


def _plain(value):
    """A value as the entry's history prints it: dates in ISO, titles per language as "ru: …"."""
    if isinstance(value, dict):
        return "; ".join(f"{code}: {text}" for code, text in sorted(value.items()))
    return value.isoformat() if hasattr(value, "isoformat") else value


@transaction.atomic
def instrument_save(
    *,
    instrument: LegalInstrument,
    user: AbstractBaseUser | None = None,
    confirmed_duplicates: list[LegalInstrument] | None = None,
) -> LegalInstrument:
    """Validate and store a new or edited entry; record what changed and any confirmation."""
    creating = instrument.pk is None
    if not creating and user is not None and not permissions.can_edit_instrument(user, instrument):
        raise NotAllowed(_("Only the country's coordinators and consultants can edit this entry."))
    before = {} if creating else _snapshot(LegalInstrument.objects.get(pk=instrument.pk))
    if creating and user is not None and user.is_authenticated:
        instrument.created_by = user
        # Entries added by focal points are listed in the annex unless the consultant says not.
        instrument.in_annex = True
    instrument.full_clean()
    instrument.save()
    changes = _changes(before, _snapshot(instrument))
    if changes:
        audit_log(
            assessment=None,
            country=instrument.country,
            instrument=instrument,
            actor=user,
            action="instrument.create" if creating else "instrument.edit",
            data={"changes": changes},
        )
    if confirmed_duplicates:
        audit_log(
            assessment=None,
            country=instrument.country,
            instrument=instrument,
            actor=user,
            action="instrument.duplicate_confirmed",
            reason=_("Confirmed as different from: %(titles)s")
            % {"titles": "; ".join(str(d) for d in confirmed_duplicates)},
            data={"existing": [d.pk for d in confirmed_duplicates]},
        )
    return instrument


@transaction.atomic
def instrument_merge(
    *, keep: LegalInstrument, drop: LegalInstrument, user: AbstractBaseUser
) -> AuditEntry:
    """Move every citation of `drop` to `keep` and hide `drop`; the audit entry allows undo."""
    if not permissions.can_merge_instruments(user, keep.country):
        raise NotAllowed(_("Only the country's coordinators and consultants can merge entries."))
    keep, drop = (
        LegalInstrument.objects.select_for_update().get(pk=keep.pk),
        LegalInstrument.objects.select_for_update().get(pk=drop.pk),
    )
    if keep.pk == drop.pk or keep.country_id != drop.country_id:
        raise ApplicationError(_("Choose two entries of the same registry."))
    if keep.merged_into_id or drop.merged_into_id:
        raise ApplicationError(_("One of these entries was already merged."))
    evidence_ids = list(Evidence.objects.filter(instrument=drop).values_list("pk", flat=True))
    replaced_ids = list(drop.replaces.values_list("pk", flat=True))
    Evidence.objects.filter(pk__in=evidence_ids).update(instrument=keep)
    LegalInstrument.objects.filter(pk__in=replaced_ids).update(replaced_by=keep)
    drop.merged_into = keep
    drop.save(update_fields=["merged_into"])
    return audit_log(
        assessment=None,
        country=keep.country,
        instrument=drop,
        actor=user,
        action="instrument.merge",
        reason=_("Merged into “%(title)s”") % {"title": keep.title},
        data={"kept": keep.pk, "evidence": evidence_ids, "replaced": replaced_ids},
    )


@transaction.atomic
def instrument_merge_undo(*, drop: LegalInstrument, user: AbstractBaseUser) -> AuditEntry:
    """Bring a merged entry back with the citations the merge moved."""
    if not permissions.can_merge_instruments(user, drop.country):
        raise NotAllowed(_("Only the country's coordinators and consultants can undo a merge."))
    drop = LegalInstrument.objects.select_for_update().get(pk=drop.pk)
    merge = drop.audit.filter(action="instrument.merge").first()
    if drop.merged_into_id is None or merge is None:
        raise ApplicationError(_("This entry is not merged."))
    kept = drop.merged_into_id
    data = merge.data
    Evidence.objects.filter(pk__in=data.get("evidence", []), instrument_id=kept).update(
        instrument=drop
    )
    LegalInstrument.objects.filter(pk__in=data.get("replaced", []), replaced_by_id=kept).update(
        replaced_by=drop
    )
    drop.merged_into = None
    drop.save(update_fields=["merged_into"])
    return audit_log(
        assessment=None,
        country=drop.country,
        instrument=drop,
        actor=user,
        action="instrument.merge_undo",
        data={"kept": kept, "evidence": data.get("evidence", [])},
    )
