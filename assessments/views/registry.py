"""The legal instrument registry of a country."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions
from ..exceptions import ApplicationError
from ..forms.registry import InstrumentFilterForm, InstrumentForm
from ..homoglyphs import mixed_in
from ..models import Country, Evidence, LegalInstrument
from ..selectors.assessments import assessments_visible_to
from ..selectors.registry import (
    annex_printed_ids,
    instrument_history,
    new_entry_duplicates,
    registry_duplicates,
    registry_list,
)
from ..selectors.sentences import audit_sentences
from ..services.registry import instrument_merge, instrument_merge_undo, instrument_save
from . import is_htmx


def _country(request, code: str) -> Country:
    country = get_object_or_404(Country, code=code.upper())
    if not permissions.can_use_registry(request.user, country):
        raise Http404
    return country


def _instrument(country: Country, pk: int) -> LegalInstrument:
    return get_object_or_404(
        LegalInstrument.objects.select_related("country", "replaced_by", "merged_into"),
        pk=pk,
        country=country,
    )


@login_required
def instrument_list(request, code: str):
    country = _country(request, code)
    filters = InstrumentFilterForm(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    instruments = registry_list(country=country, kind=data.get("kind", ""), q=data.get("q", ""))
    template = (
        "assessments/registry/_rows.html" if is_htmx(request) else "assessments/registry/list.html"
    )
    context = {
        "country": country,
        "instruments": instruments,
        "filters": filters,
        "in_annex": annex_printed_ids(country),
    }
    return render(request, template, context)


@login_required
def instrument_edit(request, code: str, instrument_pk: int | None = None):
    country = _country(request, code)
    instrument = _instrument(country, instrument_pk) if instrument_pk else None
    if instrument and not permissions.can_edit_instrument(request.user, instrument):
        raise PermissionDenied
    form = InstrumentForm(
        request.POST or None,
        instance=instrument or LegalInstrument(country=country),
        annex_marking=permissions.can_mark_for_annex(request.user, country),
    )
    same_number, similar, mixed = [], [], []
    if request.method == "POST" and form.is_valid():
        # The form has put the cleaned values on its instance: check them before saving.
        same_number, similar = new_entry_duplicates(form.instance)
        mixed = mixed_in(form.typed_texts())
        duplicate_ok = not (same_number or similar) or form.cleaned_data["confirm_duplicate"]
        letters_ok = not mixed or form.cleaned_data["keep_letters"]
        if duplicate_ok and letters_ok:
            try:
                saved = instrument_save(
                    instrument=form.save(commit=False),
                    user=request.user,
                    confirmed_duplicates=same_number + similar,
                )
            except ApplicationError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Saved “%(title)s”.") % {"title": saved.title})
                return redirect(saved.get_absolute_url())
        if not duplicate_ok:
            form.add_error(
                "confirm_duplicate",
                _("Check the entries shown above. Save only if this is a different instrument."),
            )
        if not letters_ok:
            form.add_error(
                "keep_letters",
                _("Retype the marked letters, or keep them if they are meant."),
            )
    context = {
        "country": country,
        "form": form,
        "instrument": instrument,
        "same_number": same_number,
        "similar": similar,
        "mixed": mixed,
    }
    return render(request, "assessments/registry/form.html", context)


@login_required
def instrument_detail(request, code: str, instrument_pk: int):
    country = _country(request, code)
    instrument = _instrument(country, instrument_pk)
    citations = (
        Evidence.objects.filter(
            instrument=instrument,
            removed_at__isnull=True,
            response__assessment__in=assessments_visible_to(request.user),
        )
        .select_related("response__indicator", "response__assessment__country")
        .order_by("response__assessment", "response__indicator__order")
    )
    context = {
        "country": country,
        "instrument": instrument,
        "citations": citations,
        "history": audit_sentences(instrument_history(instrument)),
        "duplicates": [] if instrument.merged_into_id else registry_duplicates(instrument),
        "can_edit": permissions.can_edit_instrument(request.user, instrument),
        "can_merge": permissions.can_merge_instruments(request.user, country),
        "in_annex": instrument.pk in annex_printed_ids(country),
    }
    return render(request, "assessments/registry/detail.html", context)


@login_required
def instrument_merge_view(request, code: str, instrument_pk: int, other_pk: int):
    """Keep this entry, fold the other one into it; a confirmation page, then the merge."""
    country = _country(request, code)
    if not permissions.can_merge_instruments(request.user, country):
        raise PermissionDenied
    keep, drop = _instrument(country, instrument_pk), _instrument(country, other_pk)
    if request.method == "POST":
        try:
            instrument_merge(keep=keep, drop=drop, user=request.user)
        except ApplicationError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Merged: every citation now points to this entry."))
        return redirect(keep.get_absolute_url())
    cited = drop.citations.count()
    context = {"country": country, "keep": keep, "drop": drop, "cited": cited}
    return render(request, "assessments/registry/merge.html", context)


@login_required
@require_POST
def instrument_merge_undo_view(request, code: str, instrument_pk: int):
    country = _country(request, code)
    if not permissions.can_merge_instruments(request.user, country):
        raise PermissionDenied
    drop = _instrument(country, instrument_pk)
    try:
        instrument_merge_undo(drop=drop, user=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The merge was undone; the citations it moved are back."))
    return redirect(drop.get_absolute_url())
