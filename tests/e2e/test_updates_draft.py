"""Issue 30 in a browser: the consultant takes the drafted summary of updates into their wording."""

import pytest
from playwright.sync_api import expect

from assessments.models import Membership
from tests import factories as f
from tests.e2e.test_accessibility import axe_violations, watch_console
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)
DRAFT = "A council for migration was set up in 2021. It meets twice a year."


@pytest.fixture
def follow_up(transactional_db):
    framework = f.build_framework(domains=2, indicators_per_domain=1)
    country = f.CountryFactory(code="KG", name="the Kyrgyz Republic", short_name="Kyrgyzstan")
    baseline = f.AssessmentFactory(framework=framework, country=country, year=2018)
    assessment = f.AssessmentFactory(
        framework=framework, country=country, year=2022, baseline=baseline
    )
    for indicator in framework.indicators.all():
        f.answer_with_evidence(baseline, indicator, level="partial", finding="Nothing yet.")
        f.answer_with_evidence(assessment, indicator, level="partial", finding="Nothing yet.")
    first = assessment.responses.order_by("indicator__order").first()
    f.answer_with_evidence(first, level="developed", finding=DRAFT)
    user = f.UserFactory(username="iom")
    f.MembershipFactory(user=user, assessment=assessment, role=Membership.Role.CONSULTANT)
    return assessment


def test_use_the_draft_copies_it_into_the_field_and_a_newer_draft_is_marked(
    page, live_server, login, follow_up
):
    errors = watch_console(page)  # a CSP refusal of the script would show here
    login("iom", PASSWORD)
    page.goto(f"{live_server.url}/a/{follow_up.pk}/profile/texts/")
    field = page.locator("#id_updates_1")
    expect(field).to_have_value(DRAFT)  # no wording yet: the field starts from the draft
    field.fill("Our own wording.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#updates")).to_contain_text("Our own wording.")

    page.goto(f"{live_server.url}/a/{follow_up.pk}/profile/texts/")
    expect(page.locator("[data-draft-changed]")).to_have_count(0)
    url = page.url
    page.get_by_role("button", name="Use the draft").click()  # by script: no round trip
    expect(field).to_have_value(DRAFT)
    assert page.url == url
    field.fill(f"{DRAFT} Our addition.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#updates")).to_contain_text("Our addition.")

    # A new change since the edit: the domain is marked, so that it is not missed.
    changed = follow_up.responses.order_by("indicator__order").first()
    f.answer_with_evidence(changed, level="absent", finding="The council was dissolved.")
    page.goto(f"{live_server.url}/a/{follow_up.pk}/profile/texts/")
    expect(page.locator("[data-draft-changed]")).to_have_count(1)
    expect(page.locator("#domain-updates_1")).to_contain_text("The council was dissolved.")
    assert not axe_violations(page)
    assert not errors, errors
