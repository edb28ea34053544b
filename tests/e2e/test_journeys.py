"""Issue 23: journeys that cross features, in Chromium, as a focal point meets them."""

import pytest
from playwright.sync_api import expect

from assessments.models import Response
from tests import factories as f
from tests.e2e.test_entry import setup_fp  # noqa: F401  (a fixture)
from tests.factories import PASSWORD
from tests.xlsx.helpers import edit, set_answer

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def newcomer(setup_fp):  # noqa: F811 (the imported fixture)
    """A focal point whose two assigned indicators have no answer yet."""
    assessment, first = setup_fp
    indicators = list(first.subdomain.indicators.order_by("order"))
    assert len(indicators) == 2 and not Response.objects.exists()
    return assessment, indicators


def test_a_focal_point_answers_two_new_indicators_offline_and_sees_both(
    page, live_server, login, newcomer, tmp_path
):
    assessment, indicators = newcomer
    login("labour", PASSWORD)
    page.goto(f"{live_server.url}{assessment.get_absolute_url()}")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export to Excel").first.click()
    downloaded = tmp_path / "answers.xlsx"
    download_info.value.save_as(downloaded)
    labels = {o.level: o.label for o in indicators[0].options.all()}
    answers = {
        indicators[0].code: (labels["partial"], "Registration is free of charge since 2021."),
        indicators[1].code: (labels["absent"], "No programme exists yet."),
    }

    def fill(book):
        for code, (label, finding) in answers.items():
            set_answer(book, code, option=label, finding=finding)

    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(edit(downloaded.read_bytes(), fill))

    page.get_by_role("link", name="Import from Excel").click()
    page.get_by_label("Filled workbook (.xlsx)").set_input_files(str(filled))
    page.get_by_role("button", name="Preview the import").click()
    for code in answers:
        expect(page.locator(f'tr[id="item-{code}"]')).to_have_attribute("data-state", "changed")
    page.get_by_role("button", name="Confirm the import").click()
    expect(page.get_by_text("Imported 2 changed indicators")).to_be_visible()

    for indicator in indicators:
        label, finding = answers[indicator.code]
        page.goto(f"{live_server.url}/a/{assessment.pk}/i/{indicator.code}/")
        expect(page.get_by_label("Finding")).to_have_value(finding)
        expect(page.get_by_label(label)).to_be_checked()
    assert set(Response.objects.values_list("revisions__action", flat=True)) == {"import"}


def test_a_blank_finding_is_refused_at_the_field_and_submitted_once_written(
    page, live_server, login, newcomer
):
    assessment, indicators = newcomer
    response = Response.objects.create(assessment=assessment, indicator=indicators[0])
    f.EvidenceFactory(response=response, instrument__country=assessment.country, note="")
    login("labour", PASSWORD)
    page.goto(f"{live_server.url}{response.get_absolute_url()}")
    page.get_by_label("Developed answer").check()
    finding = page.get_by_label("Finding")
    finding.fill("   \n  ")
    page.get_by_role("button", name="Save and submit for review").click()

    # The message sits at the field, which names it (aria-describedby).
    expect(page.locator("#id_finding_error")).to_contain_text("Write the finding")
    expect(page.get_by_label("Finding")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("Submitted for review. Thank you.")).to_have_count(0)
    response.refresh_from_db()
    # Autosave may have kept the chosen answer as a draft; nothing was submitted or drafted.
    assert response.status != Response.Status.SUBMITTED and response.finding == ""

    page.get_by_label("Finding").fill("Kyrgyzstan registers its citizens abroad at consulates.")
    page.get_by_role("button", name="Save and submit for review").click()
    expect(page.get_by_text("Submitted for review. Thank you.")).to_be_visible()
    response.refresh_from_db()
    assert response.status == Response.Status.SUBMITTED
    assert response.finding == "Kyrgyzstan registers its citizens abroad at consulates."
