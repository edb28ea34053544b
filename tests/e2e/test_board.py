"""The consultant filters the Georgian demo's board and accepts two answers in one step."""

import re

from django.core.management import call_command
from playwright.sync_api import expect

from assessments.models import Assessment, AuditEntry, Domain

DEMO_PASSWORD = "mgi-demo-2022"


def test_consultant_filters_without_evidence_in_domain_4_and_bulk_accepts_two(
    page, live_server, login, transactional_db, settings
):
    settings.DEBUG = True  # load_demo refuses to run otherwise
    call_command("load_demo", verbosity=0)
    georgia = Assessment.objects.get(country__code="GE")
    domain = Domain.objects.get(framework=georgia.framework, number=4)

    login("consultant", DEMO_PASSWORD)
    page.goto(f"{live_server.url}/a/{georgia.pk}/review/")
    page.get_by_label("Domain").select_option(label=str(domain))
    page.get_by_label("Without evidence").check()
    page.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"no_evidence=on"))
    rows = page.locator("tbody tr[data-code]")
    codes = rows.evaluate_all("rows => rows.map(r => r.dataset.code)")
    assert codes and all(code.startswith("4.") for code in codes)
    assert {"4.1.2", "4.1.3"} <= set(codes) and "4.1.5" not in codes  # 4.1.5 has evidence

    page.get_by_label("Select 4.1.2").check()
    page.get_by_label("Select 4.1.3").check()
    page.get_by_role("button", name="Accept the selected answers…").click()
    expect(page.locator("#bulk-selection li")).to_have_count(2)
    page.get_by_role("button", name="Confirm and accept").click()

    expect(page.get_by_role("alert").first).to_contain_text("2 answers accepted.")
    expect(page).to_have_url(re.compile(r"no_evidence=on"))  # back on the filtered board
    expect(page.locator('tr[data-code="4.1.2"] [data-status]')).to_have_text("Accepted")
    accepted = AuditEntry.objects.filter(assessment=georgia, action="response.accept")
    assert sorted(e.response.indicator.code for e in accepted) == ["4.1.2", "4.1.3"]
