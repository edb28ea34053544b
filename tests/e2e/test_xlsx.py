"""Browser test: download the workbook, fill it offline, upload, read the preview, confirm."""

import pytest
from playwright.sync_api import expect

from assessments.models import Membership, Response
from tests import factories as f
from tests.factories import PASSWORD
from tests.xlsx.helpers import edit, set_answer

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def offline_setup(transactional_db):
    framework = f.build_framework(domains=2, indicators_per_domain=2)
    assessment = f.AssessmentFactory(framework=framework, country__code="KG")
    indicator = framework.indicators.order_by("order").first()
    user = f.UserFactory(username="labour")
    membership = f.MembershipFactory(
        user=user, assessment=assessment, role=Membership.Role.FOCAL_POINT
    )
    f.AssignmentFactory(membership=membership, subdomain=indicator.subdomain)
    response = Response.objects.create(assessment=assessment, indicator=indicator)
    f.answer(response, status=Response.Status.DRAFT, finding="Migrants may register.")
    return assessment, indicator


def test_focal_point_round_trips_a_workbook_in_the_browser(
    page, live_server, login, offline_setup, tmp_path
):
    assessment, indicator = offline_setup
    login("labour", PASSWORD)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export to Excel").first.click()
    downloaded = tmp_path / "answers.xlsx"
    download_info.value.save_as(downloaded)
    new_finding = "Migrants register online since the 2021 decree."
    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(
        edit(downloaded.read_bytes(), lambda b: set_answer(b, indicator.code, finding=new_finding))
    )

    page.goto(f"{live_server.url}{assessment.get_absolute_url()}")
    page.get_by_role("link", name="Import from Excel").click()
    page.get_by_label("Filled workbook (.xlsx)").set_input_files(str(filled))
    page.get_by_role("button", name="Preview the import").click()

    row = page.locator(f'tr[id="item-{indicator.code}"]')
    expect(row).to_have_attribute("data-state", "changed")
    expect(row.locator("ins").last).to_contain_text("online since the 2021 decree.")
    expect(row.locator("del").first).to_contain_text("may")
    page.get_by_role("button", name="Confirm the import").click()
    expect(page.get_by_text("Imported 1 changed indicators")).to_be_visible()

    page.goto(f"{live_server.url}{Response.objects.get(indicator=indicator).get_absolute_url()}")
    expect(page.get_by_label("Finding")).to_have_value(new_finding)
