"""Issue 11 in a browser: an assessment's whole life without the admin, and a follow-up."""

import re
from urllib.parse import urlparse

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from assessments.models import Assessment, Indicator, ProfileVersion, Response
from tests.e2e.header import sign_out

PASSWORD = "Uzb-strong-pass-2024"
DEMO_PASSWORD = "mgi-demo-2022"


def _link_in_last_mail(to: str, pattern: str) -> str:
    bodies = [m.body for m in mail.outbox if m.to == [to] and re.search(pattern, m.body)]
    return urlparse(re.search(pattern, bodies[-1]).group(0)).path


def _accept_invitation(page, live_server, email: str) -> None:
    """The invited person sets a password from the email's link and is signed in at once."""
    page.goto(live_server.url + _link_in_last_mail(email, r"https?://\S+/invitation/\S+"))
    page.locator("#id_new_password1").fill(PASSWORD)
    page.locator("#id_new_password2").fill(PASSWORD)
    page.get_by_role("button", name="Accept and set my password").click()
    expect(page.get_by_text("Your password is set")).to_be_visible()


def test_a_consultant_starts_uzbekistan_and_the_assessment_runs_to_a_draft_profile(
    page, live_server, login, transactional_db
):
    call_command("load_framework", verbosity=0)
    consultant = get_user_model().objects.create_user(
        "iom-uz", "iom-uz@example.org", PASSWORD, first_name="Ilona"
    )
    # Browser tests flush the database, data migrations included: make the group again.
    consultant.groups.add(Group.objects.get_or_create(name="consultants")[0])

    # The consultant creates Uzbekistan and its 2024 assessment, and invites the coordinator.
    login("iom-uz", PASSWORD)
    page.get_by_role("link", name="Dashboard").click()
    page.get_by_role("link", name="New assessment").click()
    page.get_by_label("ISO 3166 code of a new country").fill("UZ")
    page.get_by_label("Formal name of a new country (English, working language)").fill(
        "the Republic of Uzbekistan"
    )
    page.get_by_label("Short name of a new country (English, working language)").fill("Uzbekistan")
    page.get_by_label("Edition (English, working language)").fill("First profile 2024")
    page.get_by_label("Year").fill("2024")
    page.get_by_label("Government coordinator's email").fill("coord@gov.uz")
    page.get_by_label("Coordinator's first name").fill("Dilnoza")
    page.get_by_label("Coordinator's last name").fill("Karimova")
    page.get_by_label("Coordinator's institution").fill("Ministry of Foreign Affairs")
    page.get_by_role("button", name="Create the assessment and invite the coordinator").click()
    expect(
        page.get_by_role("heading", name="The Republic of Uzbekistan — First profile 2024")
    ).to_be_visible()
    assessment = Assessment.objects.get(country__code="UZ", year=2024)
    sign_out(page)

    # The coordinator accepts (signed in at once, on the assessment) and invites a focal point.
    _accept_invitation(page, live_server, "coord@gov.uz")
    expect(
        page.get_by_role("heading", name="The Republic of Uzbekistan — First profile 2024")
    ).to_be_visible()
    page.get_by_role("link", name="People", exact=True).click()
    page.get_by_label("First name").fill("Bekzod")
    page.get_by_label("Last name").fill("Tursunov")
    page.get_by_label("Email").fill("labour@gov.uz")
    page.get_by_label("Institution").fill("Ministry of Employment")
    page.get_by_role("button", name="Add person").click()
    expect(page.get_by_text("labour@gov.uz was invited")).to_be_visible()
    sign_out(page)

    # The focal point accepts; then the coordinator, signing in by email, assigns 1.1.1.
    _accept_invitation(page, live_server, "labour@gov.uz")
    sign_out(page)
    login("coord@gov.uz", PASSWORD)
    page.get_by_role("link", name="Uzbekistan – First profile 2024").click()
    page.get_by_role("link", name="People", exact=True).click()
    page.get_by_role("link", name="Change assignments").click()
    page.get_by_text("Single indicators").click()
    page.get_by_label("1.1.1 — labour", exact=True).check()
    page.get_by_role("button", name="Save assignments").click()
    expect(page.get_by_text("Assignments saved (1).")).to_be_visible()
    sign_out(page)

    # The consultant opens data collection.
    login("iom-uz", PASSWORD)
    page.goto(f"{live_server.url}/a/{assessment.pk}/stage/")
    page.get_by_role("button", name="Move to Data collection").click()
    sign_out(page)

    # The focal point signs in with their email, answers and submits.
    login("labour@gov.uz", PASSWORD)
    page.get_by_role("link", name=re.compile(r"1\.1\.1")).first.click()
    # An "absent" answer may go without evidence (issue 17); the others need a law or source.
    indicator = Indicator.objects.get(code="1.1.1", framework=assessment.framework)
    option = indicator.options.get(level="absent")
    page.get_by_label(option.label, exact=True).check()
    page.get_by_label("Finding").fill("Migrants in Uzbekistan pay for most health care themselves.")
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.get_by_text("Submitted for review. Thank you.")).to_be_visible()
    sign_out(page)

    # The consultant accepts the answer and generates the draft profile.
    login("iom-uz", PASSWORD)
    page.goto(f"{live_server.url}/a/{assessment.pk}/review/")
    page.get_by_role("link", name=re.compile(r"1\.1\.1")).click()
    page.get_by_role("button", name="Accept", exact=True).click()
    expect(page.locator("[data-status]").first).to_have_text("Accepted")
    page.goto(f"{live_server.url}/a/{assessment.pk}/profile/versions/")
    page.get_by_role("button", name="Generate PDF").click()
    expect(page.locator("a[href$='.pdf']").first).to_be_visible(timeout=60_000)
    assert ProfileVersion.objects.filter(assessment=assessment).count() == 1
    assert Response.objects.get(assessment=assessment).status == "accepted"
