"""Issue 11 in a browser: a follow-up of the demo Kyrgyz 2022 assessment starts from its answers."""

import re

from django.core.management import call_command
from playwright.sync_api import expect

from assessments.models import Assessment, Response
from tests.e2e.header import sign_out

DEMO_PASSWORD = "mgi-demo-2022"
NEW = "In 2023 the Cabinet approved a roadmap for returning migrants."


def test_a_follow_up_of_kyrgyzstan_2022_carries_answers_and_drafts_only_the_edited_one(
    page, live_server, login, transactional_db, settings
):
    settings.DEBUG = True  # load_demo refuses to run otherwise
    call_command("load_demo", verbosity=0)
    baseline = Assessment.objects.get(country__code="KG", year=2022)

    # The demo consultant starts the 2024 follow-up; the 2022 assessment is offered as baseline.
    login("consultant", DEMO_PASSWORD)
    page.get_by_role("link", name="Dashboard").click()
    page.get_by_role("link", name="New assessment").click()
    page.get_by_label("Country", exact=True).select_option(label="Kyrgyzstan")
    page.get_by_label("Edition (English, working language)").fill("Third profile 2024")
    page.get_by_label("Government coordinator's email").fill("coordinator@example.org")
    page.get_by_label("Coordinator's first name").fill("Aibek")
    page.get_by_label("Coordinator's last name").fill("Coordinator")
    page.get_by_label("Coordinator's institution").fill("Ministry of Foreign Affairs")
    page.get_by_role("button", name="Create the assessment and invite the coordinator").click()
    expect(page.get_by_text("Follow-up of Second profile 2022")).to_be_visible()
    follow_up = Assessment.objects.get(country__code="KG", year=2024)
    assert follow_up.baseline == baseline
    carried = follow_up.responses.filter(carry_state="carried")
    assert (
        carried.count()
        == baseline.responses.filter(
            option__isnull=False, waiver_reason="", indicator__framework=follow_up.framework
        ).count()
    )
    sign_out(page)

    # The coordinator already has an account: they join only by accepting, from My work.
    login("coordinator", DEMO_PASSWORD)
    page.locator("#invitations-title").wait_for()
    page.get_by_role("button", name="Accept").click()
    expect(page.get_by_text("You now take part in")).to_be_visible()
    sign_out(page)
    login("consultant", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/a/{follow_up.pk}/stage/")
    page.get_by_role("button", name="Move to Data collection").click()
    sign_out(page)

    # One carried answer is confirmed unchanged; another is edited.
    login("coordinator", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/a/{follow_up.pk}/i/1.1.1/")
    expect(page.locator("#carried")).to_contain_text("Carried over from the baseline (2022)")
    page.get_by_role("button", name="Confirm unchanged and submit").click()
    expect(page.get_by_text("Confirmed unchanged and submitted.")).to_be_visible()
    page.goto(f"{live_server.url}/a/{follow_up.pk}/i/2.2.1/")
    finding = page.get_by_label("Finding")
    finding.fill(finding.input_value() + " " + NEW)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#carried")).to_contain_text("Changed since the baseline")
    sign_out(page)
    assert Response.objects.get(assessment=follow_up, indicator__code="1.1.1").status == "submitted"

    # The consultant filters the board, sees the word diff, and the drafted summary of updates.
    login("consultant", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/a/{follow_up.pk}/review/?since=changed")
    rows = page.locator("tr[data-code]")
    expect(rows).to_have_count(1)
    expect(rows.first).to_have_attribute("data-code", "2.2.1")
    page.goto(f"{live_server.url}/a/{follow_up.pk}/review/?since=confirmed")
    expect(page.locator("tr[data-code='1.1.1']")).to_have_count(1)
    expect(page.locator("tr[data-code='2.2.1']")).to_have_count(0)
    page.goto(f"{live_server.url}/a/{follow_up.pk}/review/2.2.1/")
    expect(page.locator("#baseline-beside ins", has_text="roadmap for returning")).to_have_count(1)
    page.goto(f"{live_server.url}/a/{follow_up.pk}/profile/")
    updates = page.locator("#updates")
    expect(updates).to_contain_text("Summary of updates since 2022")
    expect(updates).to_contain_text(NEW)
    paragraphs = updates.locator("p")
    expect(paragraphs).to_have_count(1)
    assert re.search("roadmap", paragraphs.first.inner_text())
