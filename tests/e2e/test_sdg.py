"""The coordinator overrides one 10.7.2 sub-category with a reason and downloads the .xlsx."""

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from assessments.models import Membership, SdgOverride
from assessments.services.crosswalk_loader import crosswalk_load
from tests import factories as f
from tests.factories import PASSWORD
from tests.sdg.conftest import answer_levels, crosswalk_data

pytestmark = pytest.mark.django_db(transaction=True)


def test_coordinator_overrides_a_sub_category_and_downloads_the_workbook(
    page, live_server, login, transactional_db
):
    framework = f.build_framework(domains=1, indicators_per_domain=5)
    crosswalk_load(data=crosswalk_data(framework.slug))
    assessment = f.AssessmentFactory(framework=framework)
    answer_levels(assessment, ["developed"] * 5)
    user = f.UserFactory(username="coord")
    f.MembershipFactory(user=user, assessment=assessment, role=Membership.Role.COORDINATOR)

    login("coord", PASSWORD)
    page.goto(f"{live_server.url}{assessment.get_absolute_url()}")
    page.get_by_role("link", name="SDG 10.7.2 and GCM").click()
    expect(page.get_by_text("A draft, not an official figure.")).to_be_visible()
    expect(page.get_by_role("row", name="1. Migrant rights")).to_contain_text("Fully meets")

    item = page.locator("#sub-1c")
    item.get_by_text("Change the answer to 1c").click()
    item.get_by_label("No", exact=True).check()
    item.get_by_label("Reason (needed for yes or no)").fill("Equal pay is not yet enforced.")
    item.get_by_role("button", name="Save the answer").click()

    expect(page.get_by_text("Answer to 1c saved.")).to_be_visible()
    expect(page.get_by_role("row", name="1. Migrant rights")).to_contain_text("Meets")
    expect(page.locator("#sub-1c")).to_contain_text("Equal pay is not yet enforced.")
    assert SdgOverride.objects.get().value is False

    with page.expect_download() as download:
        page.get_by_role("link", name="Download .xlsx").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    book = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    rows = list(book.active.iter_rows(values_only=True))
    row_1c = next(r for r in rows if r[1] == "1c")
    assert (row_1c[3], row_1c[4], row_1c[5]) == ("Yes", "No", "Equal pay is not yet enforced.")
