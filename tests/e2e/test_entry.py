"""A focal point answers an indicator in Chromium; concurrent edits are refused."""

import pytest
from playwright.sync_api import expect

from assessments.models import Membership, Response
from tests import factories as f
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def setup_fp(transactional_db):
    framework = f.build_framework(domains=2, indicators_per_domain=2)
    assessment = f.AssessmentFactory(
        framework=framework,
        country__code="KG",
        country__name="the Kyrgyz Republic",
        country__short_name="Kyrgyzstan",
    )
    indicator = framework.indicators.order_by("order").first()
    user = f.UserFactory(username="labour")
    membership = f.MembershipFactory(
        user=user, assessment=assessment, role=Membership.Role.FOCAL_POINT
    )
    f.AssignmentFactory(membership=membership, subdomain=indicator.subdomain)
    return assessment, indicator


def test_focal_point_answers_adds_evidence_citing_new_law_and_submits(
    page, live_server, login, setup_fp
):
    assessment, indicator = setup_fp
    login("labour", PASSWORD)
    expect(page.get_by_role("heading", name="My work")).to_be_visible()
    page.get_by_role("link", name=f"{indicator.code} {indicator.title}").first.click()

    page.get_by_label("Developed answer").check()
    finding = page.get_by_label("Finding")
    expect(finding).to_have_value("")  # the drafted sentence is offered, never put in unasked
    page.get_by_role("button", name="Use the suggested sentence").click()
    expect(finding).to_have_value(f"Kyrgyzstan has a developed policy on {indicator.title}.")
    finding.fill("Kyrgyzstan guarantees this right under Law No. 4 on External Labour Migration.")
    expect(page.locator("#save-status")).to_contain_text("Saved", timeout=10_000)

    page.locator("#add-evidence > summary").click()
    page.get_by_text("Not in the registry? Add a new instrument").click()
    page.get_by_label("Title").first.fill("Law on External Labour Migration")
    page.locator("#id_new-number").fill("4")
    page.locator("#id_new-kind").select_option("law")
    page.locator("#id_new-adopted_on").fill("2006-01-13")
    page.get_by_label("Article or page").fill("Article 9")
    page.get_by_label("Footnote").fill("Article 9 sets out family reunification.")
    page.get_by_role("button", name="Add evidence").click()
    expect(page.get_by_text("Evidence added.")).to_be_visible()

    page.reload()
    expect(page.get_by_label("Finding")).to_have_value(
        "Kyrgyzstan guarantees this right under Law No. 4 on External Labour Migration."
    )
    expect(page.get_by_label("Developed answer")).to_be_checked()
    expect(page.locator("#evidence")).to_contain_text("Law on External Labour Migration (No. 4)")
    expect(page.locator("#evidence")).to_contain_text("Article 9 sets out family reunification.")

    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.get_by_text("Submitted for review. Thank you.")).to_be_visible()
    expect(page.get_by_text("read-only until a reviewer returns it")).to_be_visible()
    response = Response.objects.get(assessment=assessment, indicator=indicator)
    assert response.status == Response.Status.SUBMITTED
    assert response.evidence.get().instrument.number == "4"


def test_second_person_saving_an_old_version_sees_the_refusal(page, live_server, login, setup_fp):
    assessment, indicator = setup_fp
    f.MembershipFactory(
        user=f.UserFactory(username="coordinator"),
        assessment=assessment,
        role=Membership.Role.COORDINATOR,
    )
    login("coordinator", PASSWORD)
    page.goto(f"{live_server.url}/a/{assessment.pk}/i/{indicator.code}/")
    # Meanwhile the focal point saves from another browser.
    other = page.context.browser.new_context().new_page()
    other.goto(f"{live_server.url}/accounts/login/")
    other.get_by_label("Email or username").fill("labour")
    other.get_by_label("Password").fill(PASSWORD)
    other.get_by_role("button", name="Sign in").click()
    other.goto(f"{live_server.url}/a/{assessment.pk}/i/{indicator.code}/")
    other.get_by_label("Partial answer").check()
    other.get_by_label("Finding").fill("The focal point's text, saved first.")
    other.get_by_role("button", name="Save", exact=True).click()
    expect(other.get_by_text("Saved at")).to_be_visible()

    page.get_by_label("Developed answer").check()
    page.get_by_label("Finding").fill("The coordinator's text, saved second.")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator("#conflict")).to_contain_text("saved this answer after you opened it")
    expect(page.locator("#conflict")).to_contain_text("The focal point's text, saved first.")
    expect(page.get_by_label("Finding")).to_have_value("The coordinator's text, saved second.")
    response = Response.objects.get(assessment=assessment, indicator=indicator)
    assert response.finding == "The focal point's text, saved first."
    # Close the second browser now, so that none of its requests outlive the test.
    other.context.close()
