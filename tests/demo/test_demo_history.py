"""After load_demo, every demo assessment has a history, and the dashboard shows it."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from assessments.models import Assessment, AuditEntry, Comment, ResponseRevision

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo")]


def test_every_demo_assessment_has_a_non_empty_activity_feed(loaded, client):
    client.force_login(get_user_model().objects.get(username="consultant"))
    for assessment in Assessment.objects.all():
        assert AuditEntry.objects.filter(assessment=assessment).count() > 5
        page = client.get(reverse("assessments:activity", args=[assessment.pk]))
        html = page.content.decode()
        assert page.status_code == 200 and "Nothing has happened yet." not in html
        assert "response." in html


def test_the_dashboard_shows_a_last_activity_date_for_each_demo_assessment(loaded, client):
    client.force_login(get_user_model().objects.get(username="consultant"))
    html = client.get(reverse("assessments:consultant-dashboard")).content.decode()
    cells = [
        re.sub(r"<[^>]+>", "", row.split("data-last-activity>")[1].split("</td>")[0])
        for row in html.split("<tr")[2:]
    ]
    assert len(cells) == Assessment.objects.count() == 3
    assert all(cell.strip() not in ("", "—") for cell in cells), cells


def test_the_history_spreads_over_weeks_in_order(loaded):
    for assessment in Assessment.objects.all():
        times = list(
            AuditEntry.objects.filter(assessment=assessment)
            .order_by("pk")
            .values_list("created_at", flat=True)
        )
        assert times == sorted(times)
        assert (times[-1] - times[0]).days >= 7
        assert times[-1].year == assessment.year


def test_some_answers_were_returned_with_a_comment_and_a_reply(loaded):
    returns = AuditEntry.objects.filter(action="response.return")
    assert returns.count() >= 3
    for entry in returns:
        thread = Comment.objects.get(response=entry.response, parent__isnull=True)
        assert thread.replies.exists() and entry.reason == thread.text
    revisions = ResponseRevision.objects.filter(response=returns[0].response)
    assert list(revisions.order_by("version").values_list("action", flat=True))[:3] == [
        "save",
        "submit",
        "return",
    ]


def test_the_consultation_has_comments_on_the_draft_profile(loaded):
    kg22 = Assessment.objects.get(country__code="KG", year=2022)
    assert Comment.objects.filter(assessment=kg22, response__isnull=True).count() >= 3


def test_the_georgian_demo_has_submitted_answers_without_evidence_in_domain_4(loaded):
    ge = Assessment.objects.get(country__code="GE")
    waiting = ge.responses.filter(
        status="submitted", indicator__subdomain__domain__number=4, evidence__isnull=True
    )
    assert waiting.count() >= 2
