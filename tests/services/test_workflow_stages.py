"""Assessment stage transitions: roles, preconditions, audit, email, report hooks."""

import sys
import types

import pytest

from assessments import permissions
from assessments.exceptions import ApplicationError, NotAllowed
from assessments.models import AuditEntry, Comment, Response
from assessments.selectors.review import assessment_indicators
from assessments.services import workflow
from tests import factories as f
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db
Status = Response.Status

ALLOWED = {
    ("setup", "data_collection"): {"consultant", "administrator"},
    ("data_collection", "review"): {"consultant", "administrator"},
    ("review", "data_collection"): {"consultant", "administrator"},
    ("review", "consultation"): {"consultant", "administrator"},
    ("consultation", "validated"): {"coordinator"},
    ("validated", "published"): {"consultant", "administrator"},
}


def ready_for(assessment, indicator, pair):
    """Put the assessment in the source stage with its preconditions met."""
    status = Status.ACCEPTED if pair[0] in ("review", "consultation") else Status.SUBMITTED
    f.respond(assessment, indicator, status=status)
    other = assessment.framework.indicators.filter(subdomain=indicator.subdomain).exclude(
        pk=indicator.pk
    )
    for rest in other:
        f.respond(assessment, rest, status=status)
    assessment.stage = pair[0]
    assessment.save()


def test_the_transition_map_and_the_permission_map_list_the_same_moves():
    assert set(workflow.STAGE_TRANSITIONS) == set(permissions.STAGE_MOVERS)
    assert {k: set(v) for k, v in permissions.STAGE_MOVERS.items()} == ALLOWED


@pytest.mark.parametrize("pair", list(ALLOWED))
@pytest.mark.parametrize("who", ROLES)
def test_every_stage_move_succeeds_for_its_roles_and_changes_nothing_for_others(
    pair, who, people, assessment, indicator, committed, mailoutbox
):
    ready_for(assessment, indicator, pair)
    before = f.snapshot(assessment)
    actor = people[who]

    if who not in ALLOWED[pair]:
        with committed(), pytest.raises(NotAllowed):
            workflow.assessment_advance(
                assessment=assessment, actor=actor, to_stage=pair[1], reason="why"
            )
        assert f.snapshot(assessment) == before
        assert mailoutbox == []
        return

    with committed():
        workflow.assessment_advance(
            assessment=assessment, actor=actor, to_stage=pair[1], reason="Because."
        )
    assessment.refresh_from_db()
    assert assessment.stage == pair[1]
    entry = AuditEntry.objects.get(action="assessment.advance")
    assert (entry.actor, entry.from_state, entry.to_state, entry.reason) == (
        actor,
        pair[0],
        pair[1],
        "Because.",
    )
    assert entry.created_at is not None
    # Everyone taking part hears of it, except whoever made the move.
    everyone = {"focal@example.org", "coordinator@example.org", "consultant@example.org"}
    assert {a for m in mailoutbox for a in m.to} == everyone - {actor.email}


@pytest.mark.parametrize(
    ("frm", "to"),
    [
        ("setup", "review"),
        ("data_collection", "published"),
        ("consultation", "data_collection"),
        ("published", "validated"),
        ("data_collection", "nowhere"),
    ],
)
def test_moves_that_are_not_in_the_map_are_refused(frm, to, consultant, assessment):
    assessment.stage = frm
    assessment.save()
    before = f.snapshot(assessment)
    with pytest.raises(NotAllowed, match="cannot move"):
        workflow.assessment_advance(assessment=assessment, actor=consultant, to_stage=to)
    assert f.snapshot(assessment) == before


def test_data_collection_needs_a_coordinator(consultant, assessment):
    assessment.stage = "setup"
    assessment.save()
    with pytest.raises(NotAllowed, match="coordinator"):
        workflow.assessment_advance(
            assessment=assessment, actor=consultant, to_stage="data_collection"
        )


def test_review_needs_every_assigned_answer_submitted_and_says_how_many_are_missing(
    people, assessment, indicator
):
    consultant = people["consultant"]
    before = f.snapshot(assessment)
    with pytest.raises(NotAllowed, match=r"2 required indicators") as exc:
        workflow.assessment_advance(assessment=assessment, actor=consultant, to_stage="review")
    assert indicator.code in exc.value.message
    assert f.snapshot(assessment) == before

    f.respond(assessment, indicator, status=Status.SUBMITTED)
    with pytest.raises(NotAllowed, match=r"1 required indicator has"):
        workflow.assessment_advance(assessment=assessment, actor=consultant, to_stage="review")


def test_a_waiver_per_missing_answer_lets_review_start(people, assessment, indicator):
    f.respond(assessment, indicator, status=Status.SUBMITTED)
    missing = assessment_indicators(assessment).filter(subdomain=indicator.subdomain)
    for other in missing.exclude(pk=indicator.pk):
        workflow.response_waive(
            response=Response(assessment=assessment, indicator=other),
            reviewer=people["consultant"],
            reason="The ministry has no data.",
        )
    workflow.assessment_advance(
        assessment=assessment, actor=people["consultant"], to_stage="review"
    )
    assessment.refresh_from_db()
    assert assessment.stage == "review"


def test_review_counts_unassigned_answers_someone_started(people, assessment, other_indicator):
    ready_for(assessment, other_indicator, ("data_collection", "review"))
    for r in Response.objects.filter(assessment=assessment):
        r.status = Status.SUBMITTED
        r.save()
    # Assigned indicators (the first sub-domain) are missing entirely.
    with pytest.raises(NotAllowed, match="2 required"):
        workflow.assessment_advance(
            assessment=assessment, actor=people["consultant"], to_stage="review"
        )


def test_review_cannot_start_when_nothing_is_assigned_or_answered(consultant, assessment):
    with pytest.raises(NotAllowed, match="no indicator"):
        workflow.assessment_advance(assessment=assessment, actor=consultant, to_stage="review")


def test_consultation_needs_every_answer_accepted_or_waived(people, assessment, indicator):
    ready_for(assessment, indicator, ("data_collection", "review"))
    assessment.stage = "review"
    assessment.save()
    with pytest.raises(NotAllowed, match="2 answers are neither accepted nor waived"):
        workflow.assessment_advance(
            assessment=assessment, actor=people["consultant"], to_stage="consultation"
        )
    for r in Response.objects.filter(assessment=assessment):
        f.EvidenceFactory(response=r)
        workflow.response_accept(response=r, reviewer=people["consultant"])
    workflow.assessment_advance(
        assessment=assessment, actor=people["consultant"], to_stage="consultation"
    )


def test_sending_back_to_data_collection_needs_a_reason(consultant, assessment):
    assessment.stage = "review"
    assessment.save()
    with pytest.raises(ApplicationError, match="why"):
        workflow.assessment_advance(
            assessment=assessment, actor=consultant, to_stage="data_collection"
        )


def test_validation_with_open_profile_comments_needs_confirmation(
    people, assessment, committed, mailoutbox
):
    assessment.stage = "consultation"
    assessment.save()
    Comment.objects.create(
        assessment=assessment, section="domain-1", author=people["focal_point"], text="Typo"
    )
    before = f.snapshot(assessment)
    with committed(), pytest.raises(NotAllowed, match="1 comment on the draft profile"):
        workflow.assessment_advance(
            assessment=assessment, actor=people["coordinator"], to_stage="validated"
        )
    assert f.snapshot(assessment) == before
    assert mailoutbox == []

    workflow.assessment_advance(
        assessment=assessment, actor=people["coordinator"], to_stage="validated", confirm=True
    )
    assert AuditEntry.objects.get().data == {"open_profile_comments": 1}


@pytest.fixture
def report_versions(monkeypatch):
    """A stand-in for assessments.report.versions, which the profile branch provides."""
    calls = []
    package = types.ModuleType("assessments.report")
    versions = types.ModuleType("assessments.report.versions")
    versions.profile_freeze = lambda *, assessment: calls.append(("freeze", assessment.stage))
    versions.profile_publish = lambda *, assessment: calls.append(("publish", assessment.stage))
    package.versions = versions
    monkeypatch.setitem(sys.modules, "assessments.report", package)
    monkeypatch.setitem(sys.modules, "assessments.report.versions", versions)
    return versions, calls


def test_validation_freezes_and_publishing_publishes_the_profile(
    people, assessment, report_versions
):
    _, calls = report_versions
    assessment.stage = "consultation"
    assessment.save()
    workflow.assessment_advance(
        assessment=assessment, actor=people["coordinator"], to_stage="validated"
    )
    workflow.assessment_advance(
        assessment=assessment, actor=people["consultant"], to_stage="published"
    )
    assert calls == [("freeze", "validated"), ("publish", "published")]


def test_a_refused_freeze_leaves_the_stage_unchanged(
    people, assessment, report_versions, committed, mailoutbox
):
    versions, _ = report_versions

    def refuse(*, assessment):
        raise ApplicationError("The profile has not been generated yet.")

    versions.profile_freeze = refuse
    assessment.stage = "consultation"
    assessment.save()
    before = f.snapshot(assessment)
    with committed(), pytest.raises(ApplicationError, match="generated"):
        workflow.assessment_advance(
            assessment=assessment, actor=people["coordinator"], to_stage="validated"
        )
    assert f.snapshot(assessment) == before
    assert mailoutbox == []


def test_without_the_report_module_validation_still_works(people, assessment):
    assessment.stage = "consultation"
    assessment.save()
    workflow.assessment_advance(
        assessment=assessment, actor=people["coordinator"], to_stage="validated"
    )
    assessment.refresh_from_db()
    assert assessment.stage == "validated"


def test_the_next_step_sentences_name_who_may_make_each_forward_move():
    """Issue 23: permissions.NEXT_STEP follows STAGE_MOVERS (the consultant or the coordinator)."""
    from assessments import permissions

    forward = {pair for pair in permissions.STAGE_MOVERS if pair != ("review", "data_collection")}
    assert set(permissions.NEXT_STEP) == forward
    for pair, sentence in permissions.NEXT_STEP.items():
        who = permissions.STAGE_MOVERS[pair]
        named = "The government coordinator" if who == ("coordinator",) else "The consultant"
        assert str(sentence).startswith(named), pair
