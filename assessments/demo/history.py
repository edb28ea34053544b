"""Play a demo assessment's history the way people made it, with dates over several weeks.

Runs once, when the assessment has no audit trail yet, so that `load_demo` stays idempotent.
Every step writes what the workflow writes for it (a revision and an audit entry through
services.revisions and services.audit); steps the current stage allows go through the
workflow, review and consultation services themselves.
"""

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser

from .. import permissions
from ..models import Assessment, AuditEntry, Comment, Response
from ..services import consultation, review, workflow
from ..services.audit import audit_log
from ..services.revisions import revision_write
from .clock import DemoClock

# Answers the demo's consultant returned once before accepting them (code -> comment).
KG_RETURNS = {
    "1.1.3": "Say which groups of migrants the restriction applies to, and cite the article.",
    "2.5.1": "Please add the year of the latest census and its migration questions.",
    "4.1.4": "The finding should mention the recognition of qualifications too.",
    "6.1.1": "Cite the resolution on the visa regime, not only the law.",
}
GE_RETURN = "1.1.2"
Status = Response.Status
Stage = Assessment.Stage
STAGES = [s.value for s in Stage]


@dataclass
class Played:
    response: Response
    author: AbstractBaseUser | None
    final: str  # the status the files give
    waiver: str = ""


def needs_history(assessment: Assessment) -> bool:
    return not AuditEntry.objects.filter(assessment=assessment).exists()


def _move(item: Played, actor, action: str, status: str, note: str = "") -> None:
    """What workflow._record_move writes: the new status as a revision, and an audit entry."""
    previous = item.response.status
    item.response.status = status
    revision_write(response=item.response, author=actor, action=action, note=note)
    audit_log(
        assessment=item.response.assessment,
        actor=actor,
        action=f"response.{action}",
        response=item.response,
        from_state=previous,
        to_state=status,
        reason=note,
    )


def _advance(assessment: Assessment, actor, to_stage: str, clock: DemoClock) -> None:
    clock.advance(days=2)
    frm = STAGES[STAGES.index(to_stage) - 1]
    audit_log(
        assessment=assessment,
        actor=actor,
        action="assessment.advance",
        from_state=frm,
        to_state=to_stage,
    )


def history_play(
    *,
    assessment: Assessment,
    items: list[Played],
    clock: DemoClock,
    consultant: AbstractBaseUser | None,
    returns: dict[str, str],
) -> None:
    """Saves, submissions, returns (code -> comment) with replies, accepts and stage moves."""
    final_stage = assessment.stage
    reviewer = consultant or (items[0].author if items else None)
    with clock.running():
        _advance(assessment, reviewer, Stage.DATA_COLLECTION, clock)
        answered = [i for i in items if not i.waiver]
        for item in answered:
            clock.advance(hours=7)
            item.response.status = Status.DRAFT
            revision_write(response=item.response, author=item.author, action="save")
        for item in answered:
            if item.final in (Status.SUBMITTED, Status.ACCEPTED):
                clock.advance(hours=5)
                _move(item, item.author, "submit", Status.SUBMITTED)
        for item in answered:
            if item.response.indicator.code in returns and item.final == Status.ACCEPTED:
                clock.advance(hours=20)
                _return_and_fix(item, reviewer, returns[item.response.indicator.code], clock)
        if STAGES.index(final_stage) >= STAGES.index(Stage.REVIEW):
            _advance(assessment, reviewer, Stage.REVIEW, clock)
        for item in items:
            clock.advance(hours=3)
            if item.waiver:
                _move(item, reviewer, "waive", item.final, note=item.waiver)
            elif item.final == Status.ACCEPTED:
                _move(item, reviewer, "accept", Status.ACCEPTED)
        for stage in STAGES[STAGES.index(Stage.CONSULTATION) : STAGES.index(final_stage) + 1]:
            _advance(assessment, reviewer, stage, clock)


def _return_and_fix(item: Played, reviewer, comment: str, clock: DemoClock) -> None:
    """A return with a comment, the focal point's reply, and the resubmission."""
    thread = Comment.objects.create(
        assessment=item.response.assessment, response=item.response, author=reviewer, text=comment
    )
    _move(item, reviewer, "return", Status.RETURNED, note=comment)
    clock.advance(days=2)
    Comment.objects.create(
        assessment=item.response.assessment,
        response=item.response,
        author=item.author,
        parent=thread,
        text="Done: the finding now cites the article.",
    )
    audit_log(
        assessment=item.response.assessment,
        actor=item.author,
        action="comment.reply",
        response=item.response,
        data={"comment": thread.pk},
    )
    clock.advance(hours=2)
    _move(item, item.author, "resubmit", Status.SUBMITTED)


def live_return(*, response: Response, reviewer, author, comment: str, reply: str, clock) -> None:
    """In data collection the real services run: return, reply, resubmit."""
    # The loader made these people members a moment ago; drop their cached memberships.
    for user in (reviewer, author):
        permissions.forget_memberships(user)
    with clock.running():
        clock.advance(days=1)
        response = workflow.response_return(response=response, reviewer=reviewer, comment=comment)
        clock.advance(hours=30)
        thread = response.comments.filter(parent__isnull=True).latest("created_at")
        review.comment_add(response=response, author=author, text=reply, parent=thread)
        clock.advance(hours=2)
        workflow.response_submit(response=response, user=author)


def consultation_comments(*, assessment: Assessment, people: dict, clock: DemoClock) -> None:
    """Comments of the government on the draft profile, and the consultant's answers."""
    for user in people.values():
        permissions.forget_memberships(user)
    with clock.running():
        for section, who, text, answer in CONSULTATION:
            clock.advance(hours=26)
            thread = consultation.profile_comment_add(
                assessment=assessment, author=people[who], section=section, text=text
            )
            if answer:
                clock.advance(hours=5)
                consultation.profile_comment_add(
                    assessment=assessment,
                    author=people["consultant"],
                    section=section,
                    text=answer,
                    parent=thread,
                )


CONSULTATION = [
    (
        "domain-4",
        "labour",
        "Please mention the 2021 programme on the employment of returning migrants.",
        "Added to the finding of 4.1.4; see the new version of the draft.",
    ),
    (
        "legislation",
        "coordinator",
        "The list should give the latest amendment of the Law on External Migration.",
        "",
    ),
    (
        "domain-6",
        "interior",
        "The border section could name the automated entry system introduced in 2021.",
        "",
    ),
]


def georgian_history(*, assessment: Assessment, items: list, users: dict, clock) -> None:
    """Data collection under way: one answer returned, fixed and resubmitted for real."""
    history_play(
        assessment=assessment, items=items, clock=clock, consultant=users["consultant"], returns={}
    )
    returned = next(i for i in items if i.response.indicator.code == GE_RETURN)
    clock.advance(days=6)  # the consultant reads the submissions the week after
    live_return(
        response=returned.response,
        reviewer=users["consultant"],
        author=users["ge-focal"],
        comment="Does this cover children whose parents have no residence permit? Please say so.",
        reply="Yes: Article 3 admits every child, whatever the parents' status.",
        clock=clock,
    )
