"""The legal instrument registry of a country."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .. import permissions
from ..forms.registry import InstrumentFilterForm, InstrumentForm
from ..models import Country, Evidence, LegalInstrument
from ..selectors.assessments import assessments_visible_to
from ..services.registry import instrument_duplicates, instrument_save
from . import is_htmx


def _country(request, code: str) -> Country:
    country = get_object_or_404(Country, code=code.upper())
    if not permissions.can_use_registry(request.user, country):
        raise Http404
    return country


@login_required
def instrument_list(request, code: str):
    country = _country(request, code)
    filters = InstrumentFilterForm(request.GET or None)
    instruments = LegalInstrument.objects.filter(country=country).annotate(
        cited=Count("citations", filter=Q(citations__removed_at__isnull=True))
    )
    if filters.is_valid():
        if filters.cleaned_data["kind"]:
            instruments = instruments.filter(kind=filters.cleaned_data["kind"])
        if filters.cleaned_data["q"]:
            q = filters.cleaned_data["q"]
            instruments = instruments.filter(Q(title__icontains=q) | Q(number__icontains=q))
    template = (
        "assessments/registry/_rows.html" if is_htmx(request) else "assessments/registry/list.html"
    )
    return render(
        request, template, {"country": country, "instruments": instruments, "filters": filters}
    )


@login_required
def instrument_edit(request, code: str, instrument_pk: int | None = None):
    country = _country(request, code)
    instrument = (
        get_object_or_404(LegalInstrument, pk=instrument_pk, country=country)
        if instrument_pk
        else LegalInstrument(country=country)
    )
    form = InstrumentForm(request.POST or None, instance=instrument)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        duplicates = list(
            instrument_duplicates(
                country=country,
                number=form.cleaned_data["number"],
                adopted_on=form.cleaned_data["adopted_on"],
                exclude_pk=instrument.pk,
            )
        )
        if not duplicates or form.cleaned_data["confirm_duplicate"]:
            instrument = instrument_save(instrument=form.save(commit=False), user=request.user)
            messages.success(request, _("Saved “%(title)s”.") % {"title": instrument.title})
            return redirect(instrument.get_absolute_url())
        form.add_error(
            "confirm_duplicate",
            _("The registry has an entry with this number and date. Is this a different one?"),
        )
    context = {"country": country, "form": form, "instrument": instrument, "duplicates": duplicates}
    return render(request, "assessments/registry/form.html", context)


@login_required
def instrument_detail(request, code: str, instrument_pk: int):
    country = _country(request, code)
    instrument = get_object_or_404(LegalInstrument, pk=instrument_pk, country=country)
    citations = (
        Evidence.objects.filter(
            instrument=instrument,
            removed_at__isnull=True,
            response__assessment__in=assessments_visible_to(request.user),
        )
        .select_related("response__indicator", "response__assessment__country")
        .order_by("response__assessment", "response__indicator__order")
    )
    context = {"country": country, "instrument": instrument, "citations": citations}
    return render(request, "assessments/registry/detail.html", context)
