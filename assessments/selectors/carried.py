"""Reads of a follow-up's carried answers: which ones the rules would refuse, and which a
person may confirm unchanged in one go (issue 31). Counts, not rows: no query per answer."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from ..models import Evidence, LegalInstrument, Response
from ..rules import answer_gaps, evidence_counts

CarryState = Response.CarryState
ACTIVE = Q(evidence__removed_at__isnull=True)
IN_FORCE = ACTIVE & (
    Q(evidence__source__isnull=False)
    | Q(evidence__instrument__status=LegalInstrument.Status.IN_FORCE)
)


def with_evidence_counts(responses: QuerySet[Response]) -> QuerySet[Response]:
    """Each answer with c_evidence (active pieces) and c_in_force (a source or in force)."""
    return responses.annotate(
        c_evidence=Count("evidence", filter=ACTIVE, distinct=True),
        c_in_force=Count("evidence", filter=IN_FORCE, distinct=True),
    )


def refusal(response: Response, items: int, in_force: int) -> str:
    """Why submitting the answer as it stands would be refused; "" when it would not."""
    problems = answer_gaps(response, items, in_force)
    if problems.keys() & {"option", "finding"}:
        return _("It has no answer or no finding: write it before confirming.")
    return problems.get("evidence", "")


def annotated_refusal(response: Response) -> str:
    """refusal() for an answer read through with_evidence_counts."""
    return refusal(response, response.c_evidence, response.c_in_force)


def page_refusal(response: Response, evidence: list[Evidence]) -> str:
    """refusal() of a carried answer not looked at yet, from the evidence its page loaded."""
    if response.carry_state != CarryState.CARRIED:
        return ""
    return refusal(response, *evidence_counts(evidence))


@dataclass
class CarriedCounts:
    """A follow-up's carried answers by where they stand: the group on My work and the board."""

    carried: int = 0  # not looked at yet
    confirmed: int = 0
    changed: int = 0
    refused: int = 0  # carried, not looked at, and the rules would refuse them as they are

    @property
    def total(self) -> int:
        return self.carried + self.confirmed + self.changed


def carried_counts(responses: list[Response]) -> CarriedCounts:
    """Counts of answers read through with_evidence_counts (or with `needs_evidence` set)."""
    counts = CarriedCounts()
    for r in responses:
        if r.carry_state == CarryState.CARRIED:
            counts.carried += 1
            counts.refused += bool(getattr(r, "refused", ""))
        elif r.carry_state == CarryState.CONFIRMED:
            counts.confirmed += 1
        elif r.carry_state == CarryState.CHANGED:
            counts.changed += 1
    return counts
