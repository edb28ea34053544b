"""Evidence on a response: add (citing the registry or a source), remove, restore, download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions
from ..exceptions import ApplicationError
from ..forms.entry import EvidenceForm, NewInstrumentForm
from ..homoglyphs import mixed_in
from ..models import Evidence
from ..selectors.assessments import assessments_visible_to
from ..selectors.registry import registry_duplicates
from ..services import carry_over
from ..services import evidence as evidence_service
from ..services.registry import instrument_save
from .entry import load, page_context


@login_required
def evidence_add(request, pk: int, code: str):
    assessment, indicator, response = load(request, pk, code)
    if request.method != "POST":
        return redirect(response.get_absolute_url() + "#evidence")
    form = EvidenceForm(request.POST, request.FILES, assessment=assessment)
    new_instrument = NewInstrumentForm(request.POST, prefix="new")
    mixed = _mixed_scripts(form, new_instrument)
    if mixed and not form.cleaned_data["keep_letters"]:
        form.add_error(
            "keep_letters", _("Retype the marked letters, or keep them if they are meant.")
        )
    elif form.is_valid() and new_instrument.is_valid():
        try:
            with transaction.atomic():
                if request.POST.get("then") == "confirm":
                    # A carried answer lacking evidence: add it and confirm in one step.
                    carry_over.carried_confirm(
                        response=response,
                        user=request.user,
                        add_evidence=lambda r: _add(request, form, new_instrument, assessment, r),
                    )
                    messages.success(
                        request, _("Evidence added; confirmed unchanged and submitted.")
                    )
                    return redirect(response.get_absolute_url())
                _add(request, form, new_instrument, assessment, response)
            messages.success(request, _("Evidence added."))
            return redirect(response.get_absolute_url() + "#evidence")
        except ApplicationError as exc:
            form.add_error(None, exc.message)
    context = page_context(
        request,
        assessment,
        indicator,
        response,
        evidence_form=form,
        instrument_form=new_instrument,
        evidence_open=True,
        mixed=mixed,
    )
    return render(request, "assessments/response_edit.html", context, status=400)


def _mixed_scripts(form, new_instrument) -> list:
    """Words of the new source or instrument that mix look-alike letters of two alphabets."""
    if not (form.is_valid() and new_instrument.is_valid()):
        return []
    typed = form.typed_texts()
    if new_instrument.is_filled():
        typed |= {
            str(new_instrument.fields[n].label): new_instrument.cleaned_data.get(n) or ""
            for n in ("title", "number")
        }
    return mixed_in(typed)


def _add(request, form, new_instrument, assessment, response):
    data = form.cleaned_data
    instrument = data["instrument"]
    if new_instrument.is_filled():
        instrument = new_instrument.save(commit=False)
        instrument.country = assessment.country
        if existing := registry_duplicates(instrument):
            raise ApplicationError(
                _("The registry already has “%(title)s”: choose it from the list instead.")
                % {"title": existing[0]}
            )
        instrument_save(instrument=instrument, user=request.user)
    source = data["source"]
    if form.has_new_source():
        source = evidence_service.source_create(
            assessment=assessment,
            organization=data["source_organization"],
            year=data["source_year"],
            title=data["source_title"],
            url=data["source_url"],
            confirmed_different=data["confirm_new_source"],
        )
    evidence_service.evidence_add(
        response=response,
        user=request.user,
        instrument=instrument,
        source=source,
        locator=data["locator"],
        note=data["note"],
        file=data["file"],
    )


def _evidence_for(request, evidence_pk: int) -> Evidence:
    evidence = get_object_or_404(
        Evidence.objects.select_related("response__assessment__country", "response__indicator"),
        pk=evidence_pk,
        response__assessment__in=assessments_visible_to(request.user),
    )
    if not permissions.can_view_response(request.user, evidence.response):
        raise Http404
    return evidence


@login_required
def evidence_remove(request, evidence_pk: int):
    evidence = _evidence_for(request, evidence_pk)
    if request.method != "POST":
        return render(request, "assessments/evidence_confirm_remove.html", {"evidence": evidence})
    try:
        evidence_service.evidence_remove(evidence=evidence, user=request.user)
        messages.success(request, _("Evidence removed. You can undo this below the evidence list."))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect(evidence.response.get_absolute_url() + "#evidence")


@login_required
@require_POST
def evidence_restore(request, evidence_pk: int):
    evidence = _evidence_for(request, evidence_pk)
    try:
        evidence_service.evidence_restore(evidence=evidence, user=request.user)
        messages.success(request, _("Evidence restored."))
    except ApplicationError as exc:
        messages.error(request, exc.message)
    return redirect(evidence.response.get_absolute_url() + "#evidence")


@login_required
def evidence_download(request, evidence_pk: int):
    evidence = _evidence_for(request, evidence_pk)
    if not evidence.file or not permissions.can_download_evidence(request.user, evidence):
        raise Http404
    return FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.file_name or "evidence",
        content_type=evidence.file_type or "application/octet-stream",
    )
