"""The one next step the assessment page leads with, for this person and this stage."""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .. import permissions
from ..models import Assessment, Membership, Response
from .overview import Overview
from .work import Worklist

Stage = Assessment.Stage


@dataclass(frozen=True)
class NextStep:
    label: str
    url: str


def _stage_step(user: AbstractBaseUser, assessment: Assessment, overview: Overview):
    """The stage move this person may make now, when it is the natural next step."""
    url = reverse("assessments:assessment-advance", args=[assessment.pk])
    moves = {
        Stage.SETUP: (Stage.DATA_COLLECTION, _("Start data collection")),
        Stage.DATA_COLLECTION: (Stage.REVIEW, _("Close data collection and start the review")),
        Stage.REVIEW: (Stage.CONSULTATION, _("Start the consultation")),
        Stage.CONSULTATION: (Stage.VALIDATED, _("Validate the profile")),
        Stage.VALIDATED: (Stage.PUBLISHED, _("Publish the profile")),
    }
    to_stage, label = moves.get(assessment.stage, (None, ""))
    if to_stage is None or not permissions.may_advance(user, assessment, to_stage):
        return None
    # Data collection ends when every answer is handed over or waived, not before.
    if assessment.stage == Stage.DATA_COLLECTION and overview.still_open:
        return None
    return NextStep(label, url)


def _own_answers(assessment: Assessment, work: Worklist, overview: Overview):
    """A focal point's returned answers first, then those not yet handed over."""
    if assessment.stage not in permissions.REVIEW_STAGES:
        return None
    mine = [i for i in work.items if i.indicator.pk not in overview.waived]
    returned = [i for i in mine if i.status == Response.Status.RETURNED]
    remaining = [i for i in mine if not i.done]
    if returned:
        items = returned
        label = ngettext(
            "Revise the returned answer", "Revise the %(n)d returned answers", len(items)
        )
    elif remaining:
        items = remaining
        label = ngettext(
            "Submit the remaining answer", "Submit the %(n)d remaining answers", len(items)
        )
    else:
        return None
    url = reverse("assessments:response-edit", args=[assessment.pk, items[0].indicator.code])
    return NextStep(label % {"n": len(items)}, url)


def next_step(
    user: AbstractBaseUser, assessment: Assessment, work: Worklist, overview: Overview
) -> NextStep | None:
    """What this person should do next here, or None when nothing waits for them."""
    if assessment.is_cancelled:
        return None
    if work.role == Membership.Role.FOCAL_POINT:
        return _own_answers(assessment, work, overview)
    if (
        permissions.can_review(user, assessment)
        and assessment.stage in permissions.REVIEW_STAGES
        and overview.waiting
    ):
        label = ngettext(
            "Review the waiting answer", "Review the %(n)d waiting answers", overview.waiting
        ) % {"n": overview.waiting}
        board = reverse("assessments:review-board", args=[assessment.pk])
        return NextStep(label, f"{board}?status=submitted")
    step = _stage_step(user, assessment, overview)
    if step is None and assessment.stage == Stage.CONSULTATION:
        url = reverse("assessments:consultation", args=[assessment.pk])
        return NextStep(_("Read the comments on the draft profile"), url)
    return step
