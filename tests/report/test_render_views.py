"""What people see of background renders: the current draft at once, bounded queries."""

import pytest
from django.urls import reverse

from assessments.models import ProfileRender
from assessments.report import jobs
from tests import factories as f

pytestmark = pytest.mark.django_db
Status = ProfileRender.Status


@pytest.fixture
def no_worker(monkeypatch):
    """Renders stay queued, as when the worker is busy elsewhere."""
    monkeypatch.setattr(jobs, "_enqueue", lambda render_id: None)


def test_the_current_draft_downloads_at_once_and_says_a_newer_one_renders(
    answered, consultant, client_for, no_worker
):
    first = f.ProfileVersionFactory(assessment=answered, number=1)
    jobs.profile_request(assessment=answered, user=consultant)  # content differs: queued
    client = client_for(consultant)
    page = client.get(reverse("assessments:profile-pdf", args=[answered.pk]))
    assert page.status_code == 200 and page["X-Profile-Newer-Rendering"] == "1"
    assert b"".join(page.streaming_content) == first.file.open("rb").read()
    versions_page = client.get(reverse("assessments:profile-versions", args=[answered.pk]))
    html = versions_page.content.decode()
    assert "a newer version is being rendered" in html
    assert "Download the current draft (v1)" in html


def test_the_current_draft_is_404_before_any_version(answered, consultant, client_for, no_worker):
    jobs.profile_request(assessment=answered, user=consultant)
    page = client_for(consultant).get(reverse("assessments:profile-pdf", args=[answered.pk]))
    assert page.status_code == 404


def _history(assessment, n: int) -> None:
    for number in range(1, n + 1):
        version = f.ProfileVersionFactory(assessment=assessment, number=number)
        ProfileRender.objects.create(
            assessment=assessment,
            content_hash=version.content_hash,
            status=Status.READY,
            version=version,
        )
    ProfileRender.objects.create(assessment=assessment, content_hash="f" * 64, progress=30)
    ProfileRender.objects.create(assessment=assessment, status=Status.SCHEDULED)


@pytest.mark.parametrize("size", [1, 15])
def test_the_versions_page_and_its_fragment_need_few_queries(
    assessment, consultant, client_for, django_assert_max_num_queries, size
):
    _history(assessment, size)
    client = client_for(consultant)
    url = reverse("assessments:profile-versions", args=[assessment.pk])
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(12):
        fragment = client.get(url, HTTP_HX_REQUEST="true")
    assert fragment.content.decode().count("Download PDF") == size


@pytest.mark.parametrize("size", [1, 15])
def test_the_current_draft_download_needs_few_queries(
    assessment, consultant, client_for, django_assert_max_num_queries, size
):
    _history(assessment, size)
    client = client_for(consultant)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("assessments:profile-pdf", args=[assessment.pk]))
    assert page.status_code == 200 and page["X-Profile-Newer-Rendering"] == "1"
