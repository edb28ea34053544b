"""Consultants download all answers: one assessment, or the country's side by side."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from assessments.models import Membership
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_cycles(assessment, framework, consultant, indicator):
    baseline = f.AssessmentFactory(
        framework=framework, country=assessment.country, year=2018, stage="published"
    )
    f.MembershipFactory(user=consultant, assessment=baseline, role=Membership.Role.CONSULTANT)
    old = f.ResponseFactory(assessment=baseline, indicator=indicator)
    f.answer(old, status="accepted", finding="=Partly covered in 2018.", level="partial")
    new = f.ResponseFactory(assessment=assessment, indicator=indicator)
    f.answer(new, status="submitted", finding="Fully covered in 2022.")
    f.EvidenceFactory(response=new)
    f.EvidenceFactory(response=new)
    return baseline


def test_one_assessment_as_csv_has_level_finding_evidence_and_status(
    client, assessment, framework, consultant, indicator, two_cycles
):
    client.force_login(consultant)
    response = client.get(reverse("assessments:analysis-export", args=[assessment.pk, "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Code", "Indicator", "Level", "Finding", "Evidence", "Status"]
    assert len(rows) == framework.indicators.count() + 1
    assert rows[1] == [
        indicator.code,
        indicator.title,
        "Developed",
        "Fully covered in 2022.",
        "2",
        "Submitted",
    ]
    assert rows[2][2:] == ["", "", "0", "Not started"]


def test_country_assessments_side_by_side_as_xlsx(
    client, assessment, consultant, indicator, two_cycles
):
    client.force_login(consultant)
    url = reverse("assessments:country-analysis-export", args=[assessment.country.code, "xlsx"])
    sheet = load_workbook(io.BytesIO(client.get(url).content)).active
    heading = [c.value for c in sheet[1]]
    assert heading[2:4] == ["2018 – Level", "2018 – Finding"]
    assert heading[6:8] == ["2022 – Level", "2022 – Finding"]
    row = [c.value for c in sheet[2]]
    # A finding that starts with "=" stays text, never a formula, and reads as typed.
    assert sheet.cell(row=2, column=4).data_type == "s"
    assert sheet.cell(row=2, column=4).quotePrefix
    assert row[:8] == [
        indicator.code,
        indicator.title,
        "Partially developed",
        "=Partly covered in 2018.",
        0,
        "Accepted",
        "Developed",
        "Fully covered in 2022.",
    ]
    assert sheet.freeze_panes == "C2"


def test_unknown_format_is_not_found(client, assessment, consultant):
    client.force_login(consultant)
    url = reverse("assessments:analysis-export", args=[assessment.pk, "pdf"])
    assert client.get(url).status_code == 404
