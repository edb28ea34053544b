"""What a person may confirm unchanged in one go, and what the rules would refuse (issue 31)."""

from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser

from .. import permissions
from ..models import Assessment, Response
from .carried import annotated_refusal, with_evidence_counts
from .work import indicators_for

CarryState = Response.CarryState


@dataclass
class ConfirmPlan:
    """Carried answers a person may confirm now, split by what the rules say of each."""

    ready: list[Response] = field(default_factory=list)
    refused: list[tuple[Response, str]] = field(default_factory=list)  # (answer, why)

    @property
    def total(self) -> int:
        return len(self.ready) + len(self.refused)


def confirm_plan(
    user: AbstractBaseUser, assessment: Assessment, *, indicator_ids: set[int] | None = None
) -> ConfirmPlan:
    """The carried answers, not looked at yet, that this person may confirm (one query).

    A focal point gets their indicators, the coordinator every one (or `indicator_ids`).
    """
    mine = indicators_for(user, assessment)
    if indicator_ids is not None:
        mine = mine.filter(pk__in=indicator_ids)
    rows = with_evidence_counts(
        Response.objects.filter(
            assessment=assessment,
            indicator__in=mine.values("pk"),
            carry_state=CarryState.CARRIED,
            waiver_reason="",
        )
        .select_related("indicator", "option", "assessment")
        .order_by("indicator__order")
    )
    plan = ConfirmPlan()
    for response in rows:
        if not permissions.can_edit_response(user, response):
            continue
        why = annotated_refusal(response)
        (plan.refused.append((response, why)) if why else plan.ready.append(response))
    return plan
