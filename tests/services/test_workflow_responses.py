"""Response transitions: return, accept, waive, submit and resubmit."""

import pytest

from assessments import permissions
from assessments.exceptions import ApplicationError, NotAllowed
from assessments.models import AuditEntry, Comment, Response
from assessments.services import workflow
from tests import factories as f
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db
Status = Response.Status
REVIEWERS = {"consultant", "administrator"}


@pytest.fixture(autouse=True)
def cited(request):
    """Developed answers need evidence to move (issue 17): every response here has some."""
    if "response" in request.fixturenames:
        f.EvidenceFactory(response=request.getfixturevalue("response"))


def recipients(mailoutbox):
    return sorted(address for m in mailoutbox for address in m.to)


def do(action, response, user):
    if action == "return":
        return workflow.response_return(response=response, reviewer=user, comment="Cite art. 9.")
    if action == "accept":
        return workflow.response_accept(response=response, reviewer=user)
    if action == "waive":
        return workflow.response_waive(response=response, reviewer=user, reason="No data.")
    return workflow.response_submit(response=response, user=user)


START = {"return": Status.SUBMITTED, "accept": Status.SUBMITTED, "waive": Status.DRAFT}
END = {"return": Status.RETURNED, "accept": Status.ACCEPTED, "waive": Status.DRAFT}


@pytest.mark.parametrize("action", ["return", "accept", "waive"])
@pytest.mark.parametrize("who", ROLES)
def test_reviewer_transitions_are_for_consultants_and_administrators_only(
    action, who, people, response, assessment, committed, mailoutbox
):
    f.answer(response, status=START[action])
    before = f.snapshot(assessment)

    if who not in REVIEWERS:
        with committed(), pytest.raises(NotAllowed):
            do(action, response, people[who])
        assert f.snapshot(assessment) == before
        assert mailoutbox == []
        return

    with committed():
        result = do(action, response, people[who])
    assert result.status == END[action]
    assert result.version == response.version + 1
    assert result.revisions.get(version=result.version).action == action
    entry = AuditEntry.objects.get(action=f"response.{action}")
    assert (entry.actor, entry.response, entry.from_state) == (people[who], result, START[action])
    assert entry.to_state == END[action]


@pytest.mark.parametrize("who", ROLES)
def test_submit_is_for_the_assigned_focal_point_and_the_coordinator(
    who, people, response, assessment
):
    f.answer(response, status=Status.DRAFT)
    before = f.snapshot(assessment)
    if who in {"focal_point", "coordinator"}:
        assert do("submit", response, people[who]).status == Status.SUBMITTED
        assert AuditEntry.objects.get().action == "response.submit"
    else:
        with pytest.raises(NotAllowed):
            do("submit", response, people[who])
        assert f.snapshot(assessment) == before


def test_return_needs_a_comment_and_changes_nothing_without_one(
    consultant, response, assessment, committed, mailoutbox
):
    f.answer(response, status=Status.SUBMITTED)
    before = f.snapshot(assessment)
    with committed(), pytest.raises(ApplicationError, match="comment"):
        workflow.response_return(response=response, reviewer=consultant, comment="  ")
    assert f.snapshot(assessment) == before
    assert mailoutbox == []


def test_return_creates_the_comment_and_emails_assigned_focal_points_and_coordinator(
    people, response, assessment, other_indicator, committed, mailoutbox
):
    other = f.UserFactory(username="other-focal")
    membership = f.MembershipFactory(user=other, assessment=assessment, role="focal_point")
    f.AssignmentFactory(membership=membership, subdomain=other_indicator.subdomain)
    f.answer(response, status=Status.SUBMITTED)

    with committed():
        workflow.response_return(
            response=response, reviewer=people["consultant"], comment="Cite the article."
        )

    comment = Comment.objects.get()
    assert (comment.response, comment.author, comment.text) == (
        response,
        people["consultant"],
        "Cite the article.",
    )
    assert recipients(mailoutbox) == ["coordinator@example.org", "focal@example.org"]
    assert "Cite the article." in mailoutbox[0].body
    assert AuditEntry.objects.get().reason == "Cite the article."


def test_a_returned_answer_is_editable_again_and_resubmission_emails_the_consultants(
    people, response, assessment, committed, mailoutbox
):
    from assessments import permissions

    second = f.UserFactory(username="consultant2")
    f.MembershipFactory(user=second, assessment=assessment, role="consultant")
    f.answer(response, status=Status.SUBMITTED)
    workflow.response_return(response=response, reviewer=people["consultant"], comment="Fix it.")
    response.refresh_from_db()
    assert permissions.can_edit_response(people["focal_point"], response)

    with committed():
        result = workflow.response_submit(response=response, user=people["focal_point"])

    assert result.status == Status.SUBMITTED
    assert result.revisions.first().action == "resubmit"
    assert AuditEntry.objects.filter(action="response.resubmit").count() == 1
    assert recipients(mailoutbox) == ["consultant2@example.org", "consultant@example.org"]


def test_first_submission_emails_nobody(people, response, committed, mailoutbox):
    f.answer(response, status=Status.DRAFT)
    with committed():
        workflow.response_submit(response=response, user=people["focal_point"])
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("action", "status"),
    [
        ("accept", Status.DRAFT),
        ("accept", Status.RETURNED),
        ("accept", Status.ACCEPTED),
        ("return", Status.DRAFT),
        ("return", Status.RETURNED),
        ("waive", Status.SUBMITTED),
        ("waive", Status.ACCEPTED),
    ],
)
def test_reviewer_moves_from_the_wrong_status_are_refused(
    action, status, consultant, response, assessment
):
    f.answer(response, status=status)
    before = f.snapshot(assessment)
    with pytest.raises(NotAllowed, match="cannot be"):
        do(action, response, consultant)
    assert f.snapshot(assessment) == before


@pytest.mark.parametrize("stage", ["setup", "consultation", "validated", "published"])
def test_answers_are_reviewed_only_during_data_collection_and_review(
    stage, consultant, response, assessment
):
    f.answer(response, status=Status.SUBMITTED)
    assessment.stage = stage
    assessment.save()
    with pytest.raises(NotAllowed, match="stage"):
        do("accept", response, consultant)


def test_a_waiver_needs_a_reason_and_works_on_a_response_nobody_started(
    consultant, assessment, other_indicator
):
    blank = Response(assessment=assessment, indicator=other_indicator)
    with pytest.raises(ApplicationError):
        workflow.response_waive(response=blank, reviewer=consultant, reason="")
    assert not Response.objects.filter(indicator=other_indicator).exists()

    waived = workflow.response_waive(response=blank, reviewer=consultant, reason="Not relevant.")

    assert waived.pk and waived.is_waived and waived.status == Status.NOT_STARTED
    assert waived.revisions.get().note == "Not relevant."


def test_the_coordinator_submitting_a_waived_answer_clears_the_waiver(people, response):
    f.answer(response, status=Status.DRAFT)
    workflow.response_waive(response=response, reviewer=people["consultant"], reason="Later.")
    result = workflow.response_submit(response=response, user=people["coordinator"])
    assert not result.is_waived


def test_a_waived_indicator_is_not_offered_to_its_focal_point_for_editing(people, response):
    f.answer(response, status=Status.DRAFT)
    workflow.response_waive(response=response, reviewer=people["consultant"], reason="No data.")
    response.refresh_from_db()
    focal = people["focal_point"]
    assert not permissions.can_edit_response(focal, response)
    assert "was waived" in permissions.why_not_editable(focal, response)
    with pytest.raises(NotAllowed):
        workflow.response_submit(response=response, user=focal)
    assert Response.objects.get(pk=response.pk).is_waived


def test_moves_open_lists_what_the_reviewer_may_do(consultant, focal_point, response):
    f.answer(response, status=Status.SUBMITTED)
    assert workflow.response_moves_open(response, consultant) == {"return", "accept"}
    assert workflow.response_moves_open(response, focal_point) == set()
