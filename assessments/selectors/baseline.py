"""Reads that set a follow-up's answers beside its baseline's."""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.safestring import SafeString

from ..diffs import finding_diff
from ..models import Evidence, Response

CarryState = Response.CarryState


# --- Review board filters ------------------------------------------------------------
def changed_since_baseline(responses: QuerySet[Response]) -> QuerySet[Response]:
    """Carried-over answers that were edited since they were carried."""
    return responses.filter(carry_state=CarryState.CHANGED)


def carried_unchanged(responses: QuerySet[Response]) -> QuerySet[Response]:
    """Carried-over answers still as the baseline had them, confirmed or not yet."""
    return responses.filter(carry_state__in=[CarryState.CARRIED, CarryState.CONFIRMED])


def confirmed_unchanged(responses: QuerySet[Response]) -> QuerySet[Response]:
    """Carried-over answers someone confirmed as still holding."""
    return responses.filter(carry_state=CarryState.CONFIRMED)


def carried_not_looked_at(responses: QuerySet[Response]) -> QuerySet[Response]:
    """Carried-over answers nobody has confirmed or edited yet."""
    return responses.filter(carry_state=CarryState.CARRIED)


BASELINE_FILTERS = {
    "changed": changed_since_baseline,
    "confirmed": confirmed_unchanged,
    "carried": carried_not_looked_at,
    "unchanged": carried_unchanged,  # both of the above; kept for links made before issue 31
}


def baseline_filtered_ids(responses: QuerySet[Response], key: str) -> set[int] | None:
    """Indicator ids the board keeps for a baseline filter; None when `key` is no such filter."""
    fn = BASELINE_FILTERS.get(key)
    if fn is None:
        return None
    return set(fn(responses).values_list("indicator_id", flat=True))


# --- The baseline answer beside the current one --------------------------------------
@dataclass
class BaselineBeside:
    year: int
    response: Response | None
    evidence: list[Evidence]
    finding_diff: SafeString | str
    state: str
    state_label: str

    @property
    def option_label(self) -> str:
        return self.response.option.tr("label") if self.response and self.response.option_id else ""


def baseline_beside(response: Response) -> BaselineBeside | None:
    """The baseline's answer to the same indicator code, with a word diff of the finding."""
    assessment = response.assessment
    if not assessment.baseline_id:
        return None
    old = (
        Response.objects.filter(
            assessment_id=assessment.baseline_id, indicator__code=response.indicator.code
        )
        .select_related("option")
        .first()
    )
    evidence = []
    if old is not None:
        evidence = list(
            old.evidence.filter(removed_at__isnull=True).select_related("instrument", "source")
        )
    old_finding = old.finding if old else ""
    return BaselineBeside(
        year=assessment.baseline.year,
        response=old,
        evidence=evidence,
        finding_diff=finding_diff(old_finding, response.finding)
        if old_finding != response.finding
        else "",
        state=response.carry_state,
        state_label=CarryState(response.carry_state).label if response.carry_state else "",
    )
