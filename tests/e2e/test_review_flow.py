"""Browser test: return with a comment, fix and resubmit, accept; the history shows each step."""

import re

import pytest
from playwright.sync_api import expect

from assessments.models import Membership, Response
from assessments.services import workflow
from tests import factories as f
from tests.e2e.header import sign_out

Role = Membership.Role


@pytest.fixture
def review_setup(transactional_db):
    framework = f.build_framework(domains=2, indicators_per_domain=2)
    assessment = f.AssessmentFactory(framework=framework, country__code="KG")
    indicator = framework.indicators.order_by("order").first()
    consultant = f.UserFactory(username="iom-consultant")
    focal = f.UserFactory(username="labour-focal")
    f.MembershipFactory(user=consultant, assessment=assessment, role=Role.CONSULTANT)
    membership = f.MembershipFactory(user=focal, assessment=assessment, role=Role.FOCAL_POINT)
    f.AssignmentFactory(membership=membership, subdomain=indicator.subdomain)
    response = Response.objects.create(assessment=assessment, indicator=indicator)
    f.answer(response, status=Response.Status.DRAFT, finding="Migrants may register.")
    f.EvidenceFactory(response=response)
    workflow.response_submit(response=response, user=focal)
    return {
        "assessment": assessment,
        "response": response,
        "focal": focal,
        "consultant": consultant,
    }


def test_consultant_returns_focal_point_fixes_and_resubmits_consultant_accepts(
    page, live_server, login, review_setup, mailoutbox
):
    response = review_setup["response"]
    review_url = f"{live_server.url}/a/{response.assessment_id}/review/{response.indicator.code}/"

    # The consultant finds the answer on the board and returns it with a comment.
    login("iom-consultant", f.PASSWORD)
    page.goto(f"{live_server.url}/a/{response.assessment_id}/review/?status=submitted")
    page.get_by_role("link", name=re.compile(response.indicator.code)).click()
    page.get_by_label("What needs to change").fill("Please cite Article 9 of the law.")
    page.get_by_role("button", name="Return to the focal point").click()
    expect(page.get_by_role("alert")).to_contain_text("Returned to the focal point.")
    expect(page.locator("[data-status]").first).to_have_text("Returned")
    assert ["labour-focal@example.org"] in [m.to for m in mailoutbox]
    sign_out(page)

    # The focal point finds the returned answer first in My work, fixes it on the
    # indicator page, replies to the comment and resubmits.
    login("labour-focal", f.PASSWORD)
    code = response.indicator.code
    first_link = page.get_by_role("link", name=re.compile(re.escape(code))).first
    expect(first_link).to_be_visible()
    expect(page.locator(f"#returned-{response.assessment_id}")).to_contain_text(code)
    assert first_link.evaluate("a => a.closest('[id^=returned-]') !== null")
    first_link.click()

    comments = page.locator("#comments")
    expect(comments).to_contain_text("Please cite Article 9 of the law.")
    comments.get_by_label("Reply").fill("Added the article.")
    comments.get_by_role("button", name="Reply").click()
    expect(page.locator("#comments")).to_contain_text("Added the article.")

    page.get_by_label("Finding").fill("Migrants may register under Article 9 of the law.")
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.get_by_text("Submitted for review. Thank you.")).to_be_visible()
    response.refresh_from_db()
    assert response.status == Response.Status.SUBMITTED
    assert ["iom-consultant@example.org"] in [m.to for m in mailoutbox]
    sign_out(page)

    # The consultant accepts; the history shows every step, with the change to the finding.
    login("iom-consultant", f.PASSWORD)
    page.goto(review_url)
    page.get_by_role("button", name="Accept", exact=True).click()
    expect(page.locator("[data-status]").first).to_have_text("Accepted")
    history = page.locator("#history .history-label")
    consultant_name = review_setup["consultant"].get_full_name()
    focal_name = review_setup["focal"].get_full_name()
    expect(history).to_have_text(
        [
            f"Accepted by {consultant_name}",
            f"Submitted again by {focal_name}",
            f"Saved by {focal_name}",
            f"Returned to the government by {consultant_name}",
            f"Submitted for review by {focal_name}",
        ]
    )
    expect(page.locator("#history")).to_contain_text("Please cite Article 9 of the law.")
    expect(page.locator("#history .diff ins").first).to_contain_text("under Article 9")
