"""Issue 23: the versions page says once what happened, and who or what made each version."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from assessments.models import Assessment, ProfileRender
from assessments.report import jobs
from assessments.report.build import profile_build
from assessments.report.store import content_hash
from assessments.services import entry
from tests import factories as f

pytestmark = pytest.mark.django_db
Status = ProfileRender.Status


def _scheduled_edit(assessment):
    """The marker an edit leaves for the debounced draft render (a worker would run it)."""
    due = timezone.now() + datetime.timedelta(seconds=5)
    return ProfileRender.objects.create(assessment=assessment, status=Status.SCHEDULED, due_at=due)


def test_generate_says_once_that_the_version_is_ready(answered, consultant, client_for):
    _scheduled_edit(answered)
    f.ProfileVersionFactory(
        assessment=answered, number=1, content_hash=content_hash(profile_build(answered))
    )
    client = client_for(consultant)
    page = client.post(reverse("assessments:profile-generate", args=[answered.pk]), follow=True)
    html = page.content.decode()
    assert html.count("version 1") == 1 and "Ready: version 1 is the latest PDF." in html
    assert "Recent changes will be rendered" not in html and "is ready (" not in html
    assert not ProfileRender.objects.filter(status=Status.SCHEDULED).exists()


def test_generate_while_rendering_says_it_once(answered, consultant, client_for, monkeypatch):
    monkeypatch.setattr(jobs, "_enqueue", lambda render_id: None)  # the worker is busy
    _scheduled_edit(answered)
    client = client_for(consultant)
    html = client.post(
        reverse("assessments:profile-generate", args=[answered.pk]), follow=True
    ).content.decode()
    assert html.count("Rendering…") == 1 and "Recent changes will be rendered" not in html
    assert "being rendered; this page shows" not in html


def test_a_version_the_scheduler_made_names_the_edit_that_caused_it(
    assessment, focal_point, consultant, client_for, indicator
):
    focal_point.first_name, focal_point.last_name = "Aida", "Bekova"
    focal_point.save()
    response = entry.response_open(assessment=assessment, indicator=indicator)
    entry.response_save(
        response=response,
        user=focal_point,
        option=indicator.options.get(level="partial"),
        finding="The law covers part of it.",
        version=0,
    )
    f.ProfileVersionFactory(assessment=assessment, number=1, created_by=None)
    f.ProfileVersionFactory(assessment=assessment, number=2, created_by=consultant)
    html = (
        client_for(consultant)
        .get(reverse("assessments:profile-versions", args=[assessment.pk]))
        .content.decode()
    )
    assert f"Automatic, after {indicator.code}: Saved by Aida Bekova" in html
    assert ">automatic<" not in html


def test_a_page_without_an_action_says_who_moves_next(assessment, coordinator, client_for):
    assessment.stage = Assessment.Stage.DATA_COLLECTION
    assessment.save()
    html = (
        client_for(coordinator)
        .get(reverse("assessments:assessment-advance", args=[assessment.pk]))
        .content.decode()
    )
    assert "The consultant moves the assessment to review once every required answer" in html


def test_the_versions_page_tells_a_focal_point_who_generates_the_pdf(
    assessment, focal_point, client_for
):
    html = (
        client_for(focal_point)
        .get(reverse("assessments:profile-versions", args=[assessment.pk]))
        .content.decode()
    )
    assert "Generate PDF" not in html
    assert "The consultant or the government coordinator generates the PDF versions" in html
