"""Role × page: preview, PDF download, versions, generation, texts and the public page."""

from unittest import mock

import pytest
from django.urls import reverse

from assessments.models import Assessment, ProfileVersion
from assessments.report import jobs
from assessments.report.render import RenderedPdf
from tests import factories as f

pytestmark = pytest.mark.django_db

ROLES = ["focal_point", "coordinator", "consultant", "administrator", "outsider", "anonymous"]
MEMBERS = {"focal_point", "coordinator", "consultant", "administrator"}


@pytest.fixture
def as_role(request, client_for):
    def login(role):
        user = None if role == "anonymous" else request.getfixturevalue(role)
        return client_for(user)

    return login


@pytest.fixture
def fake_render():
    with mock.patch.object(
        jobs,
        "isolated_html_to_pdf",
        side_effect=lambda html, heartbeat: RenderedPdf(b"%PDF-1.7 fake", 2),
    ) as render:
        yield render


def _expected(role, allowed):
    if role == "anonymous":
        return 302  # to the sign-in page
    if role in allowed:
        return 200
    return 404 if role == "outsider" else 403


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", ["profile-preview", "profile-versions"])
def test_preview_and_versions_are_for_members(as_role, assessment, role, name):
    page = as_role(role).get(reverse(f"assessments:{name}", args=[assessment.pk]))
    assert page.status_code == _expected(role, MEMBERS)
    if page.status_code == 200 and name == "profile-preview":
        assert "MIGRATION" in page.content.decode().upper()


@pytest.mark.parametrize("role", ROLES)
def test_generating_is_for_consultants_coordinators_and_administrators(
    as_role, assessment, role, fake_render, django_capture_on_commit_callbacks
):
    client = as_role(role)
    with django_capture_on_commit_callbacks(execute=True):  # the immediate backend renders
        page = client.post(reverse("assessments:profile-generate", args=[assessment.pk]))
    allowed = {"coordinator", "consultant", "administrator"}
    if role in allowed:
        assert page.status_code == 302
        assert ProfileVersion.objects.filter(assessment=assessment).count() == 1
    else:
        assert page.status_code == (_expected(role, allowed) if role != "anonymous" else 302)
        assert not ProfileVersion.objects.exists()


def test_generating_needs_a_post(client_for, consultant, assessment):
    page = client_for(consultant).get(reverse("assessments:profile-generate", args=[assessment.pk]))
    assert page.status_code == 405


@pytest.mark.parametrize("role", ROLES)
def test_draft_pdfs_are_for_members_only(as_role, assessment, role):
    # In consultation, when focal points too may read the whole draft (see tests/security).
    type(assessment).objects.filter(pk=assessment.pk).update(stage="consultation")
    version = f.ProfileVersionFactory(assessment=assessment, number=1)
    url = reverse("assessments:profile-download", args=[assessment.pk, version.number])
    page = as_role(role).get(url)
    assert page.status_code == (200 if role in MEMBERS else 404)
    if page.status_code == 200:
        assert page["Content-Type"] == "application/pdf"
        assert b"".join(page.streaming_content).startswith(b"%PDF")
        assert "MGI-KG-2022-v1-en.pdf" in page["Content-Disposition"]


@pytest.mark.parametrize("role", ROLES)
def test_published_pdfs_are_for_everyone(as_role, assessment, role):
    version = f.ProfileVersionFactory(assessment=assessment, frozen=True, published=True)
    url = reverse("assessments:profile-download", args=[assessment.pk, version.number])
    assert as_role(role).get(url).status_code == 200


def test_unknown_version_is_404(client_for, consultant, assessment):
    url = reverse("assessments:profile-download", args=[assessment.pk, 99])
    assert client_for(consultant).get(url).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_latest_pdf_serves_members_the_latest_version(as_role, assessment, role):
    # From consultation on, focal points get the draft too (before, see tests/security).
    Assessment.objects.filter(pk=assessment.pk).update(stage=Assessment.Stage.CONSULTATION)
    f.ProfileVersionFactory(assessment=assessment, number=1)
    f.ProfileVersionFactory(assessment=assessment, number=2)
    page = as_role(role).get(reverse("assessments:profile-pdf", args=[assessment.pk]))
    if role in MEMBERS:
        assert page.status_code == 200 and "-v2-en.pdf" in page["Content-Disposition"]
        assert "X-Profile-Newer-Rendering" not in page
    else:
        assert page.status_code == _expected(role, MEMBERS)


@pytest.mark.parametrize("role", ROLES)
def test_public_page_lists_published_profiles_without_sign_in(as_role, assessment, role):
    f.ProfileVersionFactory(assessment=assessment, published=True, frozen=True, size=2_500_000)
    f.ProfileVersionFactory(assessment=assessment)  # a draft: never listed
    page = as_role(role).get(reverse("assessments:published-profiles"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "The Kyrgyz Republic" in html and "Second profile 2022" in html
    assert "English" in html and "2.4\xa0MB" in html
    assert html.count(".pdf") == 1


@pytest.mark.parametrize("role", ROLES)
def test_profile_texts_are_for_consultants_before_validation(as_role, assessment, role):
    url = reverse("assessments:profile-texts", args=[assessment.pk])
    assert as_role(role).get(url).status_code == _expected(role, {"consultant", "administrator"})


def test_consultant_cannot_edit_texts_after_validation(client_for, consultant, assessment):
    assessment.stage = "validated"
    assessment.save()
    url = reverse("assessments:profile-texts", args=[assessment.pk])
    assert client_for(consultant).get(url).status_code == 403


def test_consultant_overrides_a_text_and_the_preview_shows_it(client_for, consultant, assessment):
    client = client_for(consultant)
    url = reverse("assessments:profile-texts", args=[assessment.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data["objectives"] = "Our own objectives for {short_name}."
    assert client.post(url, data).status_code == 302
    assessment.refresh_from_db()
    assert assessment.profile_texts == {"objectives": "Our own objectives for {short_name}."}
    preview = client.get(reverse("assessments:profile-preview", args=[assessment.pk]))
    assert "Our own objectives for Kyrgyzstan." in preview.content.decode()
    data["objectives"] = ""  # back to the default
    client.post(url, data)
    assessment.refresh_from_db()
    assert assessment.profile_texts == {}


def test_assessment_page_links_to_the_profile(client_for, consultant, focal_point, assessment):
    page = client_for(consultant).get(assessment.get_absolute_url()).content.decode()
    assert reverse("assessments:profile-texts", args=[assessment.pk]) in page
    assert reverse("assessments:profile-preview", args=[assessment.pk]) in page


def test_download_serves_the_stored_file_in_few_queries(
    client_for, coordinator, assessment, django_assert_max_num_queries
):
    version = f.ProfileVersionFactory(assessment=assessment)
    client = client_for(coordinator)
    url = reverse("assessments:profile-download", args=[assessment.pk, version.number])
    with django_assert_max_num_queries(5):  # version, session, user, memberships, assignments
        page = client.get(url)
    assert page.status_code == 200
