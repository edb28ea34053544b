"""A consultant previews the profile, edits its wording, generates the PDF; the public lists it."""

import pytest
from playwright.sync_api import expect

from assessments.models import Membership
from assessments.report import versions
from tests import factories as f
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def setup_profile(transactional_db):
    framework = f.build_framework(domains=6, indicators_per_domain=1)
    assessment = f.AssessmentFactory(
        framework=framework,
        country__code="KG",
        country__name="the Kyrgyz Republic",
        country__short_name="Kyrgyzstan",
    )
    for indicator in framework.indicators.all():
        f.answer_with_evidence(
            assessment, indicator, finding=f"Kyrgyzstan has rules on {indicator.title}."
        )
    user = f.UserFactory(username="iom")
    f.MembershipFactory(user=user, assessment=assessment, role=Membership.Role.CONSULTANT)
    return assessment


def test_consultant_edits_wording_previews_and_generates_the_pdf(
    page, live_server, login, setup_profile
):
    assessment = setup_profile
    login("iom", PASSWORD)
    page.goto(f"{live_server.url}{assessment.get_absolute_url()}")
    page.get_by_role("link", name="Profile texts").click()
    page.get_by_label("Objectives", exact=True).fill("Our objectives for {short_name} in {year}.")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("heading", name="Objectives", level=2)).to_be_visible()
    expect(page.get_by_text("Our objectives for Kyrgyzstan in 2022.")).to_be_visible()
    # The mark is drawn by CSS from data-word (decorative, issue 25), not written as text.
    expect(page.locator(".draft-mark")).to_have_attribute("data-word", "DRAFT")

    page.get_by_role("link", name="Versions and PDF").click()
    page.get_by_role("button", name="Generate PDF").click()
    expect(page.get_by_text("Ready: version 1 is the latest PDF.")).to_be_visible(timeout=30_000)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF v1").click()
    assert download.value.suggested_filename == "MGI-KG-2022-v1-en.pdf"


def test_anyone_downloads_a_published_profile_without_signing_in(page, live_server, setup_profile):
    assessment = setup_profile
    assessment.stage = "published"
    assessment.save()
    versions.profile_publish(assessment=assessment)
    page.goto(f"{live_server.url}/published/")
    expect(page.get_by_role("cell", name="The Kyrgyz Republic", exact=True)).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF — the Kyrgyz Republic 2022").click()
    assert download.value.suggested_filename.endswith(".pdf")
