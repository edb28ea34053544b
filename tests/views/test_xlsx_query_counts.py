"""The workbook pages and downloads run a fixed number of queries whatever the assessment's size."""

import io

import pytest
from django.urls import reverse

from assessments.models import ResponseRevision
from tests.views.test_query_counts import _assessment_with
from tests.xlsx.helpers import edit, export, set_answer

pytestmark = pytest.mark.django_db

SIZES = [(12, 1), (90, 3)]


@pytest.mark.parametrize("size", SIZES)
def test_workbook_export_queries_do_not_grow(client, django_assert_max_num_queries, size):
    user, assessment, _ = _assessment_with(*size)
    client.force_login(user)
    with django_assert_max_num_queries(11):
        response = client.get(reverse("assessments:xlsx-export", args=[assessment.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_import_preview_queries_do_not_grow(client, django_assert_max_num_queries, size):
    user, assessment, first = _assessment_with(*size)
    content = edit(
        export(user, assessment), lambda b: set_answer(b, first.indicator.code, finding="New text.")
    )
    client.force_login(user)
    file = io.BytesIO(content)
    file.name = "answers.xlsx"
    with django_assert_max_num_queries(14):
        page = client.post(
            reverse("assessments:xlsx-import", args=[assessment.pk]), {"workbook": file}
        )
    assert page.status_code == 200
    assert page.content.decode().count('data-state="changed"') == 1


@pytest.mark.parametrize("size", SIZES)
def test_import_confirm_adds_one_query_per_changed_answer_only(
    client, django_assert_max_num_queries, size
):
    user, assessment, _ = _assessment_with(*size)

    def change(book):
        sheet = book["Answers"]
        for row in range(2, sheet.max_row + 1):
            sheet.cell(row=row, column=7, value=f"Offline text {row}.")

    content = edit(export(user, assessment), change)
    client.force_login(user)
    file = io.BytesIO(content)
    file.name = "answers.xlsx"
    client.post(reverse("assessments:xlsx-import", args=[assessment.pk]), {"workbook": file})
    changed = assessment.framework.indicators.count()
    # Each changed answer is one UPDATE; locking, checks and revisions are batched.
    with django_assert_max_num_queries(20 + changed):
        done = client.post(reverse("assessments:xlsx-import-confirm", args=[assessment.pk]))
    assert done.status_code == 302
    assert ResponseRevision.objects.filter(action="import").count() == changed


@pytest.mark.parametrize("size", SIZES)
def test_analysis_download_queries_do_not_grow(client, django_assert_max_num_queries, size):
    _user, assessment, _ = _assessment_with(*size)
    consultant = _user.__class__.objects.create(username="iom")
    assessment.memberships.create(user=consultant, role="consultant")
    client.force_login(consultant)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("assessments:analysis-export", args=[assessment.pk, "xlsx"]))
    assert response.status_code == 200
