"""The import pages: upload, preview, confirm; conflicts resolved per answer; bad files refused."""

import io

import pytest
from django.urls import reverse

from assessments.models import Response
from assessments.services.entry import response_save
from tests.xlsx.helpers import db_state, edit, export, set_answer

pytestmark = pytest.mark.django_db


def _upload(client, assessment, content: bytes, name="answers.xlsx"):
    file = io.BytesIO(content)
    file.name = name
    return client.post(reverse("assessments:xlsx-import", args=[assessment.pk]), {"workbook": file})


def test_focal_point_uploads_sees_preview_and_confirms(client, assessment, focal_point, answered):
    client.force_login(focal_point)
    download = client.get(reverse("assessments:xlsx-export", args=[assessment.pk]))
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")
    content = edit(
        download.content, lambda b: set_answer(b, answered[0], finding="Offline finding.")
    )

    page = _upload(client, assessment, content)
    assert page.status_code == 200
    html = page.content.decode()
    assert f'id="item-{answered[0]}" data-state="changed"' in html
    assert "<ins>Offline" in html and "<del>" in html
    assert Response.objects.get(indicator__code=answered[0]).finding != "Offline finding."

    done = client.post(reverse("assessments:xlsx-import-confirm", args=[assessment.pk]))
    assert done.status_code == 302
    assert Response.objects.get(indicator__code=answered[0]).finding == "Offline finding."
    # The stored upload is used once: a second confirmation finds nothing to take.
    again = client.post(reverse("assessments:xlsx-import-confirm", args=[assessment.pk]))
    assert again.status_code == 302
    assert Response.objects.get(indicator__code=answered[0]).version == 2


def test_conflict_is_shown_with_both_texts_and_kept_unless_chosen(
    client, assessment, focal_point, coordinator, answered
):
    code = answered[1]
    content = edit(
        export(focal_point, assessment), lambda b: set_answer(b, code, finding="Workbook text.")
    )
    response = Response.objects.get(indicator__code=code)
    response_save(
        response=response,
        user=coordinator,
        option=response.option,
        finding="App text after export.",
        version=response.version,
    )
    client.force_login(focal_point)
    html = _upload(client, assessment, content).content.decode()
    assert f'id="item-{code}" data-state="conflict"' in html
    assert "App text after export." in html and "Workbook text." in html

    client.post(reverse("assessments:xlsx-import-confirm", args=[assessment.pk]))
    assert Response.objects.get(pk=response.pk).finding == "App text after export."

    _upload(client, assessment, content)
    client.post(
        reverse("assessments:xlsx-import-confirm", args=[assessment.pk]),
        {"use_workbook": f"{code}:2"},
    )
    response.refresh_from_db()
    assert response.finding == "Workbook text."
    assert response.revisions.get(version=3).action == "import"


def test_bad_workbook_page_names_sheet_row_and_column_and_changes_nothing(
    client, assessment, focal_point, answered
):
    content = edit(
        export(focal_point, assessment), lambda b: set_answer(b, answered[0], option="Maybe")
    )
    state = db_state()
    client.force_login(focal_point)
    page = _upload(client, assessment, content)
    assert page.status_code == 400
    html = page.content.decode()
    assert "sheet “Answers”, row 2, column F" in html
    assert db_state() == state


def test_coordinator_import_refuses_a_submitted_answer_and_takes_the_rest(
    client, assessment, focal_point, coordinator, answered
):
    Response.objects.filter(indicator__code=answered[0]).update(status="submitted")

    def change(book):
        set_answer(book, answered[0], finding="Changed after submission.")
        set_answer(book, answered[1], finding="A fine change.")

    content = edit(export(coordinator, assessment), change)
    client.force_login(coordinator)
    html = _upload(client, assessment, content).content.decode()
    assert f'id="item-{answered[0]}" data-state="refused"' in html
    assert "read-only until a reviewer returns it" in html
    client.post(reverse("assessments:xlsx-import-confirm", args=[assessment.pk]))
    assert Response.objects.get(indicator__code=answered[1]).finding == "A fine change."
    assert Response.objects.get(indicator__code=answered[0]).finding.startswith("Finding of")
