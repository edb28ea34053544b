"""A coordinator registers an instrument whose number is taken, confirms, and sees it recorded."""

import re

import pytest
from playwright.sync_api import expect

from assessments.models import AuditEntry, LegalInstrument, Membership
from tests import factories as f
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)
# The original title, in the country's language, not "Title (Russian)" and the others beside it.
TITLE = re.compile(r"^\s*Title \(English, the country's language\)\*?\s*$")


@pytest.fixture
def registry(transactional_db):
    assessment = f.AssessmentFactory(
        framework=f.build_framework(domains=1, indicators_per_domain=1),
        country__code="KG",
        country__name="the Kyrgyz Republic",
        country__short_name="Kyrgyzstan",
    )
    user = f.UserFactory(username="coordinator")
    f.MembershipFactory(user=user, assessment=assessment, role=Membership.Role.COORDINATOR)
    existing = f.LegalInstrumentFactory(
        country=assessment.country,
        title="Law of the Kyrgyz Republic on External Labour Migration",
        number="4",
        adopted_on="2006-01-13",
    )
    return assessment, existing


def test_duplicate_number_is_shown_confirmed_and_listed_in_the_activity_feed(
    page, live_server, login, registry
):
    assessment, existing = registry
    login("coordinator", PASSWORD)
    page.goto(f"{live_server.url}/registry/KG/add/")
    page.get_by_label(TITLE).fill("Decree of the President on Labour Migration")
    page.get_by_label("Number").fill("4")
    page.get_by_label("Type").select_option("decree")
    page.get_by_label("Date of adoption").fill("29.01.2021")
    page.get_by_role("button", name="Save").click()

    warning = page.locator("#same-number")
    expect(warning).to_contain_text("This number is already used in the registry")
    expect(warning.get_by_role("link", name=str(existing))).to_be_visible()
    assert LegalInstrument.objects.count() == 1
    expect(page.get_by_label(TITLE)).to_have_value("Decree of the President on Labour Migration")

    page.get_by_label("Yes, this is a different instrument: save it").check()
    page.get_by_role("button", name="Save").click()
    expect(
        page.get_by_role("heading", name="Decree of the President on Labour Migration")
    ).to_be_visible()
    expect(page.get_by_text("29 January 2021", exact=True)).to_be_visible()
    expect(page.get_by_text("Date of adoption set to 29 January 2021")).to_be_visible()
    assert AuditEntry.objects.filter(action="instrument.duplicate_confirmed").count() == 1

    page.goto(f"{live_server.url}/a/{assessment.pk}/activity/")
    row = page.locator('tr[data-action="instrument.duplicate_confirmed"]')
    expect(row).to_contain_text("Decree of the President on Labour Migration")
    expect(row).to_contain_text(existing.title)
