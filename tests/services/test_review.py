"""Consultant review of one answer, consultation comments, diffs and the audit trail."""

import pytest

from assessments.diffs import finding_diff
from assessments.exceptions import ApplicationError, NotAllowed, StaleVersion
from assessments.models import AuditEntry, Comment, Response
from assessments.selectors.review import readiness, returned_first, review_history
from assessments.services import review, workflow
from tests import factories as f
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db
Status = Response.Status
REVIEWERS = {"consultant", "administrator"}


# --- Finding edits ----------------------------------------------------------------------
@pytest.mark.parametrize("who", ROLES)
def test_only_reviewers_edit_findings_and_it_is_their_revision(who, people, response, assessment):
    f.answer(response, status=Status.SUBMITTED, finding="Old text.")
    before = f.snapshot(assessment)
    call = dict(response=response, reviewer=people[who], finding="New text.", version=0)
    if who not in REVIEWERS:
        with pytest.raises(NotAllowed):
            review.finding_edit(**call)
        assert f.snapshot(assessment) == before
        return
    result = review.finding_edit(**call)
    assert result.finding == "New text."
    revision = result.revisions.get()
    assert (revision.action, revision.author) == ("consultant_edit", people[who])
    assert AuditEntry.objects.get().action == "response.consultant_edit"


def test_finding_edit_refuses_a_stale_version(consultant, response):
    f.answer(response, status=Status.SUBMITTED)
    review.finding_edit(response=response, reviewer=consultant, finding="One.", version=0)
    with pytest.raises(StaleVersion):
        review.finding_edit(response=response, reviewer=consultant, finding="Two.", version=0)


def test_finding_edit_leaves_answers_in_the_governments_hands_alone(consultant, response):
    f.answer(response, status=Status.RETURNED)
    with pytest.raises(NotAllowed, match="government side"):
        review.finding_edit(response=response, reviewer=consultant, finding="X", version=0)


# --- Placement and selection ---------------------------------------------------------------
@pytest.mark.parametrize("who", ROLES)
def test_placement_override_is_for_reviewers_with_a_reason_the_history_shows(
    who, people, response, assessment
):
    f.answer(response, status=Status.ACCEPTED)
    before = f.snapshot(assessment)
    call = dict(
        response=response,
        reviewer=people[who],
        placement="further_development",
        reason="Implementation lags.",
    )
    if who not in REVIEWERS:
        with pytest.raises(NotAllowed):
            review.placement_override(**call)
        assert f.snapshot(assessment) == before
        return
    result = review.placement_override(**call)
    assert (result.placement_override, result.placement_reason) == (
        "further_development",
        "Implementation lags.",
    )
    entry = AuditEntry.objects.get(action="response.placement")
    assert (entry.from_state, entry.to_state, entry.reason) == (
        "auto",
        "further_development",
        "Implementation lags.",
    )
    [item] = review_history(result)
    assert item.note == "Implementation lags." and "Placement" in item.label


def test_placement_override_requires_a_reason(consultant, response, assessment):
    before = f.snapshot(assessment)
    with pytest.raises(ApplicationError, match="why"):
        review.placement_override(
            response=response, reviewer=consultant, placement="well_developed", reason=" "
        )
    assert f.snapshot(assessment) == before


def test_placement_is_frozen_after_validation(consultant, response, assessment):
    assessment.stage = "validated"
    assessment.save()
    with pytest.raises(NotAllowed, match="frozen"):
        review.placement_override(
            response=response, reviewer=consultant, placement="well_developed", reason="r"
        )


def test_leave_out_and_order_are_audited(consultant, focal_point, response):
    with pytest.raises(NotAllowed):
        review.profile_selection_set(
            response=response, reviewer=focal_point, excluded=True, order=None
        )
    result = review.profile_selection_set(
        response=response, reviewer=consultant, excluded=True, order=3
    )
    assert (result.excluded_from_profile, result.profile_order) == (True, 3)
    entry = AuditEntry.objects.get()
    assert entry.data == {
        "before": {"excluded": False, "order": None},
        "after": {"excluded": True, "order": 3},
    }


# --- Comments on answers ------------------------------------------------------------------
def test_focal_point_replies_to_a_consultant_comment_and_consultants_are_emailed(
    people, response, committed, mailoutbox
):
    first = review.comment_add(response=response, author=people["consultant"], text="Why?")
    with committed():
        reply = review.comment_add(
            response=response, author=people["focal_point"], text="Because.", parent=first
        )
    assert reply.parent == first
    assert [m.to for m in mailoutbox] == [["consultant@example.org"]]


def test_outsiders_and_unassigned_focal_points_cannot_comment(people, assessment, other_indicator):
    other = Response.objects.create(assessment=assessment, indicator=other_indicator)
    for who in ("outsider", "focal_point"):
        with pytest.raises(NotAllowed):
            review.comment_add(response=other, author=people[who], text="Hi")
    assert not Comment.objects.exists()


def test_consultants_resolve_answer_comments(people, response):
    comment = review.comment_add(response=response, author=people["focal_point"], text="Q?")
    with pytest.raises(NotAllowed):
        review.comment_resolve(comment=comment, user=people["coordinator"])
    review.comment_resolve(comment=comment, user=people["consultant"], note="Answered.")
    comment.refresh_from_db()
    assert comment.is_resolved and comment.resolved_by == people["consultant"]


# --- Readiness, ordering, diffs -----------------------------------------------------------
def test_readiness_lists_missing_and_unaccepted_required_indicators(
    assessment, focal_point, indicator
):
    state = readiness(assessment)
    assert len(state.required) == 2 and len(state.missing) == 2
    f.respond(assessment, indicator, status=Status.SUBMITTED)
    state = readiness(assessment)
    assert len(state.missing) == 1 and len(state.not_accepted) == 2


def test_returned_first_orders_a_queryset_and_a_list(assessment, framework):
    indicators = list(framework.indicators.order_by("order")[:3])
    for indicator, status in zip(indicators, ["draft", "submitted", "returned"], strict=True):
        f.respond(assessment, indicator, status=status)
    ordered = returned_first(Response.objects.filter(assessment=assessment))
    assert [r.status for r in ordered] == ["returned", "draft", "submitted"]
    assert [r.status for r in returned_first(list(Response.objects.all()))][0] == "returned"


def test_finding_diff_marks_words_and_escapes_text():
    html = finding_diff("The <b>law</b> grants rights.", "The new law grants rights & duties.")
    assert "<ins>new </ins>" in html or "<ins>new" in html
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert "<del>" in html and "&amp;" in html
    assert finding_diff("same", "same") == "same"


def test_history_shows_each_step_with_a_diff(people, response):
    f.answer(response, status=Status.DRAFT, finding="Version one.")
    f.EvidenceFactory(response=response)
    workflow.response_submit(response=response, user=people["focal_point"])
    workflow.response_return(response=response, reviewer=people["consultant"], comment="More.")
    response.refresh_from_db()
    response.finding = "Version two."
    response.save()
    workflow.response_submit(response=response, user=people["focal_point"])
    workflow.response_accept(response=response, reviewer=people["consultant"])
    history = review_history(response)
    assert [h.action for h in history] == ["accept", "resubmit", "return", "submit"]
    assert "<del>one.</del><ins>two.</ins>" in history[1].diff
