"""The review pages at work: actions, htmx partials, stage moves, consultation, counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import Assessment, AuditEntry, Comment, Membership, Response
from assessments.services import workflow
from assessments.services.audit import audit_log
from tests import factories as f

pytestmark = pytest.mark.django_db
Status = Response.Status


def review_url(response, name="review-response"):
    return reverse(f"assessments:{name}", args=[response.assessment_id, response.indicator.code])


def test_consultant_returns_with_a_comment_and_the_focal_point_is_emailed(
    consultant, focal_point, coordinator, client_for, response, committed, mailoutbox
):
    f.answer(response, status=Status.SUBMITTED)
    with committed():
        result = client_for(consultant).post(
            review_url(response, "response-return"), {"comment": "Cite the article."}
        )
    assert result.status_code == 302 and result.url == review_url(response)
    response.refresh_from_db()
    assert response.status == Status.RETURNED
    assert sorted(a for m in mailoutbox for a in m.to) == [
        "coordinator@example.org",
        "focal@example.org",
    ]


def test_return_without_a_comment_is_refused_with_a_message(consultant, client_for, response):
    f.answer(response, status=Status.SUBMITTED)
    client = client_for(consultant)
    result = client.post(review_url(response, "response-return"), {"comment": ""}, follow=True)
    assert "This field is required" in result.content.decode()
    response.refresh_from_db()
    assert response.status == Status.SUBMITTED


def test_focal_point_sees_the_comment_replies_and_resubmits(
    consultant, focal_point, client_for, response
):
    f.answer(response, status=Status.SUBMITTED)
    f.EvidenceFactory(response=response)
    client_for(consultant).post(review_url(response, "response-return"), {"comment": "Add X."})
    client = client_for(focal_point)
    page = client.get(review_url(response)).content.decode()
    assert "Add X." in page and "Resubmit for review" in page
    thread = Comment.objects.get()
    client.post(review_url(response, "response-comment"), {"text": "Done.", "parent": thread.pk})
    assert thread.replies.get().text == "Done."
    client.post(review_url(response, "response-resubmit"))
    response.refresh_from_db()
    assert response.status == Status.SUBMITTED


def test_htmx_comment_returns_the_thread_partial(focal_point, client_for, response):
    result = client_for(focal_point).post(
        review_url(response, "response-comment"), {"text": "A question"}, HTTP_HX_REQUEST="true"
    )
    html = result.content.decode()
    assert result.status_code == 200
    assert "A question" in html and "<html" not in html and 'id="comments"' in html


def test_a_comment_post_returns_to_a_safe_next_page_only(focal_point, client_for, response):
    client = client_for(focal_point)
    url = review_url(response, "response-comment")
    assert client.post(url, {"text": "a", "next": "/a/1/i/x/"}).url == "/a/1/i/x/"
    result = client.post(url, {"text": "b", "next": "https://evil.example/"})
    assert result.url.startswith(review_url(response))


def test_the_review_page_shows_answer_evidence_history_and_actions(
    consultant, client_for, response
):
    f.answer(response, status=Status.SUBMITTED, finding="The <law> applies.")
    f.EvidenceFactory(response=response, note="Article 9 of the law.")
    page = client_for(consultant).get(review_url(response)).content.decode()
    assert "The &lt;law&gt; applies." in page
    assert "Article 9 of the law." in page
    assert "Return to the focal point" in page and "Accept" in page
    assert "Save placement" in page


def test_the_review_page_shows_instrument_and_source_on_lines_of_their_own(
    consultant, client_for, response
):
    source = f.SourceFactory(assessment=response.assessment, title="Labour market survey")
    evidence = f.EvidenceFactory(response=response, source=source, note="")
    page = client_for(consultant).get(review_url(response)).content.decode()
    instrument_line = re.search(r'<div class="evidence-instrument">(.*?)</div>', page, re.S)
    source_line = re.search(r'<div class="evidence-source">(.*?)</div>', page, re.S)
    assert str(evidence.instrument) in instrument_line.group(1)
    assert "Labour market survey" in source_line.group(1)
    assert "Labour market survey" not in instrument_line.group(1)


def test_consultant_accepts_edits_and_places_from_the_page(
    consultant, focal_point, client_for, response
):
    f.answer(response, status=Status.DRAFT, finding="Old.")
    f.EvidenceFactory(response=response)
    workflow.response_submit(response=response, user=focal_point)
    client = client_for(consultant)
    client.post(review_url(response, "response-finding"), {"finding": "New.", "version": 1})
    client.post(review_url(response, "response-accept"))
    client.post(
        review_url(response, "response-placement"),
        {"placement": "further_development", "reason": "Not implemented."},
    )
    response.refresh_from_db()
    assert (response.finding, response.status, response.placement_override) == (
        "New.",
        Status.ACCEPTED,
        "further_development",
    )
    page = client.get(review_url(response)).content.decode()
    assert "Not implemented." in page and "<del>Old.</del><ins>New.</ins>" in page


def test_placement_without_reason_is_refused(consultant, client_for, response):
    result = client_for(consultant).post(
        review_url(response, "response-placement"), {"placement": "well_developed"}, follow=True
    )
    assert "Give a reason." in result.content.decode()
    response.refresh_from_db()
    assert response.placement_override == ""


def test_the_board_filters_by_status_and_answers_htmx_with_the_table(
    consultant, client_for, assessment, framework
):
    first, second = framework.indicators.order_by("order")[:2]
    f.respond(assessment, first, status=Status.RETURNED)
    f.respond(assessment, second, status=Status.ACCEPTED)
    url = reverse("assessments:review-board", args=[assessment.pk])
    client = client_for(consultant)
    page = client.get(url, {"status": "returned"}).content.decode()
    assert f'data-code="{first.code}"' in page and f'data-code="{second.code}"' not in page
    partial = client.get(url, {"status": "accepted"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial and f'data-code="{second.code}"' in partial


def test_the_board_shows_open_comments_of_each_answer(consultant, client_for, response):
    f.CommentFactory(response=response, author=consultant)
    url = reverse("assessments:review-board", args=[response.assessment_id])
    page = client_for(consultant).get(url, {"sort": "-comments"}).content.decode()
    row = page.split(f'data-code="{response.indicator.code}"')[1].split("</tr>")[0]
    assert '<span class="badge text-bg-warning">1</span>' in row


def test_stage_moves_through_the_page(people, client_for, assessment, committed, mailoutbox):
    url = reverse("assessments:assessment-advance", args=[assessment.pk])
    assessment.stage = "validated"
    assessment.save()
    refused = client_for(people["focal_point"]).post(url, {"to_stage": "published"})
    assert refused.status_code == 302
    assessment.refresh_from_db()
    assert assessment.stage == "validated"

    page = client_for(people["consultant"]).get(url).content.decode()
    assert "Move to Published" in page
    with committed():
        client_for(people["consultant"]).post(url, {"to_stage": "published", "reason": "Go"})
    assessment.refresh_from_db()
    assert assessment.stage == "published" and len(mailoutbox) == 2


def test_coordinator_validates_after_confirming_open_comments(coordinator, client_for, assessment):
    assessment.stage = "consultation"
    assessment.save()
    Comment.objects.create(assessment=assessment, section="sources", text="x", author=coordinator)
    client = client_for(coordinator)
    url = reverse("assessments:assessment-advance", args=[assessment.pk])
    assert "Validate despite open comments" in client.get(url).content.decode()
    follow = client.post(url, {"to_stage": "validated"}, follow=True).content.decode()
    assert "still open" in follow
    client.post(url, {"to_stage": "validated", "confirm": "on"})
    assessment.refresh_from_db()
    assert assessment.stage == "validated"


def test_consultation_comment_and_resolution_through_the_page(
    coordinator, consultant, client_for, assessment
):
    assessment.stage = "consultation"
    assessment.save()
    url = reverse("assessments:consultation", args=[assessment.pk])
    client_for(coordinator).post(url, {"section": "domain-3", "text": "Mention the new law."})
    comment = Comment.objects.get()
    assert comment.section == "domain-3"
    page = client_for(consultant).get(url).content.decode()
    assert "Mention the new law." in page and "Resolve" in page
    resolve = reverse("assessments:consultation-resolve", args=[assessment.pk, comment.pk])
    client_for(consultant).post(resolve, {"note": "Added in 3.2."})
    comment.refresh_from_db()
    assert comment.resolution_note == "Added in 3.2."


def test_activity_is_paginated(consultant, client_for, assessment):
    for n in range(60):
        audit_log(assessment=assessment, actor=consultant, action=f"test.{n}")
    client = client_for(consultant)
    url = reverse("assessments:activity", args=[assessment.pk])
    first = client.get(url).content.decode()
    assert 'data-action="test.59"' in first and 'data-action="test.0"' not in first
    assert "Page 1 of 2" in first
    assert 'data-action="test.0"' in client.get(url, {"page": 2}).content.decode()


# --- Queries do not grow with the data -----------------------------------------------------
def _review_assessment(indicators_per_domain: int, consultant):
    framework = f.build_framework(domains=5, indicators_per_domain=indicators_per_domain)
    assessment = f.AssessmentFactory(framework=framework)
    f.MembershipFactory(user=consultant, assessment=assessment, role=Membership.Role.CONSULTANT)
    for n, indicator in enumerate(framework.indicators.all()):
        response = f.respond(assessment, indicator, status=list(Status)[n % 5])
        f.CommentFactory(response=response, author=consultant)
        audit_log(assessment=assessment, actor=consultant, action="x", response=response)
    return assessment


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_board_runs_the_same_queries_for_10_and_90_responses(
    client, django_assert_max_num_queries
):
    consultant = f.UserFactory(username="reviewer")
    small = _review_assessment(2, consultant)  # 10 responses
    large = _review_assessment(18, consultant)  # 90 responses
    assert large.responses.count() == 90 and small.responses.count() == 10
    client.force_login(consultant)
    board = "assessments:review-board"
    few = _queries(client, reverse(board, args=[small.pk]))
    with django_assert_max_num_queries(15):
        many = _queries(client, reverse(board, args=[large.pk]))
    assert few == many


def test_the_dashboard_runs_the_same_queries_for_2_and_12_assessments(
    client, django_assert_max_num_queries
):
    consultant = f.UserFactory(username="reviewer")
    for _ in range(2):
        _review_assessment(1, consultant)
    client.force_login(consultant)
    url = reverse("assessments:consultant-dashboard")
    few = _queries(client, url)
    for _ in range(10):
        _review_assessment(1, consultant)
    with django_assert_max_num_queries(8):
        many = _queries(client, url)
    assert few == many
    page = client.get(url).content.decode()
    assert page.count("data-assessment=") == 12


def test_the_dashboard_shows_completion_open_comments_and_last_activity(
    consultant, client_for, assessment, framework
):
    other = f.AssessmentFactory(framework=framework, country__code="UZ")  # not theirs
    first, second = framework.indicators.order_by("order")[:2]
    f.respond(assessment, first, status=Status.ACCEPTED)
    f.respond(assessment, second, status=Status.SUBMITTED)
    f.CommentFactory(response=assessment.responses.first(), author=consultant)
    audit_log(assessment=assessment, actor=consultant, action="x")
    page = client_for(consultant).get(reverse("assessments:consultant-dashboard"))
    [row] = page.context["assessments"]
    assert (row.answered, row.accepted, row.indicator_total, row.open_comments) == (2, 1, 12, 1)
    assert row.last_activity == AuditEntry.objects.get().created_at
    assert str(other) not in page.content.decode()
    assert Assessment.objects.count() == 2
