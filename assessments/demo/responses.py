"""One demo answer: the response, its evidence and a plausible revision history."""

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser

from ..exceptions import ApplicationError
from ..models import Assessment, Evidence, Framework, Indicator, Response
from ..services.revisions import revision_write

Status = Response.Status


@dataclass
class ResponseSpec:
    code: str
    level: str = ""
    finding: str = ""
    evidence: list[dict] = field(default_factory=list)
    user: str = "coordinator"
    status: str = Status.ACCEPTED
    waiver_reason: str = ""


def _evidence_rows(spec: ResponseSpec, instruments: dict, sources: dict) -> list[tuple]:
    """(instrument, source, locator, note) per item; an item citing nothing is an error."""
    rows = []
    for item in spec.evidence:
        instrument = instruments[item["instrument"]] if item.get("instrument") else None
        source = sources[item["source"]] if item.get("source") else None
        if instrument is None and source is None:
            raise ApplicationError(f"Demo evidence of {spec.code} cites neither law nor source.")
        note = " ".join(str(item.get("note") or "").split())
        rows.append((instrument, source, str(item.get("locator") or ""), note))
    return rows


def _current_evidence(response: Response) -> list[tuple]:
    return [
        (e.instrument_id, e.source_id, e.locator, e.note)
        for e in response.evidence.filter(removed_at__isnull=True).order_by("order", "pk")
    ]


def _history(response: Response, spec: ResponseSpec, author, reviewer) -> None:
    """Write the revisions a real answer would have: saved, submitted, then accepted."""
    final = spec.status
    if spec.waiver_reason:
        response.status = final
        revision_write(response=response, author=reviewer, action="waive", note=spec.waiver_reason)
        return
    response.status = Status.DRAFT
    revision_write(response=response, author=author, action="save")
    if final in (Status.SUBMITTED, Status.ACCEPTED):
        response.status = Status.SUBMITTED
        revision_write(response=response, author=author, action="submit")
    if final == Status.ACCEPTED:
        response.status = Status.ACCEPTED
        revision_write(response=response, author=reviewer, action="accept")


def response_sync(
    *,
    assessment: Assessment,
    frameworks: list[Framework],
    spec: ResponseSpec,
    users: dict,
    reviewer: AbstractBaseUser | None,
    instruments: dict,
    sources: dict,
    report,
    play: bool = False,
) -> Response | None:
    """Bring one response in line with its spec; untouched when it already matches.

    With `play`, a new response gets no revisions here: demo.history plays them later.
    """
    indicator = Indicator.objects.filter(framework__in=frameworks, code=spec.code).first()
    if indicator is None:
        report.messages.append(f"{assessment}: no indicator {spec.code} in the framework; skipped.")
        return None
    option = None
    if spec.level:
        option = indicator.options.filter(level=spec.level).order_by("order").first()
        if option is None:
            raise ApplicationError(f"Indicator {spec.code} has no '{spec.level}' answer option.")
    evidence = _evidence_rows(spec, instruments, sources)
    wanted = [(i.pk if i else None, s.pk if s else None, loc, note) for i, s, loc, note in evidence]
    response = Response.objects.filter(assessment=assessment, indicator=indicator).first()
    if response is not None and (
        response.option_id == (option.pk if option else None)
        and response.finding == spec.finding
        and response.status == spec.status
        and response.waiver_reason == spec.waiver_reason
        and _current_evidence(response) == wanted
    ):
        return response
    created = response is None
    response = response or Response(assessment=assessment, indicator=indicator)
    response.option = option
    response.finding = spec.finding
    response.waiver_reason = spec.waiver_reason
    response.status = spec.status
    response.full_clean()
    response.save()
    response.evidence.all().delete()
    for order, (instrument, source, locator, note) in enumerate(evidence):
        item = Evidence(
            response=response,
            instrument=instrument,
            source=source,
            locator=locator,
            note=note,
            order=order,
            created_by=users.get(spec.user),
        )
        item.full_clean()
        item.save()
    author = users.get(spec.user)
    if not created:
        revision_write(response=response, author=reviewer or author, action="demo-update")
    elif not play:
        _history(response, spec, author, reviewer or author)
    report.changed["Response"] += 1
    return response
