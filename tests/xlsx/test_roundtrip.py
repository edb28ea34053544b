"""Export the focal point's workbook, edit it offline, import it: exactly the edits arrive."""

import pytest

from assessments.models import Response, ResponseRevision
from assessments.services.xlsx_preview import import_confirm, import_preview
from tests.xlsx.helpers import db_state, edit, export, set_answer

pytestmark = pytest.mark.django_db


def test_round_trip_imports_two_findings_and_one_option_and_nothing_else(
    assessment, focal_point, answered
):
    first, second, third, untouched = answered
    before = {r.indicator.code: r.version for r in Response.objects.select_related("indicator")}

    def change(book):
        set_answer(book, first, finding="The law now covers everyone.")
        set_answer(book, second, finding="A decree of 2021 extends access.")
        set_answer(book, third, option="Developed answer")

    content = edit(export(focal_point, assessment), change)
    preview = import_preview(assessment=assessment, user=focal_point, content=content)

    assert [i.code for i in preview.changed] == [first, second, third]
    assert {i.code for i in preview.unchanged} == {untouched}
    assert not preview.refused and not preview.conflicts
    assert "<ins>now </ins>" in preview.changed[0].diff
    assert (preview.changed[2].old_option, preview.changed[2].new_option) == (
        "Partial answer",
        "Developed answer",
    )

    import_confirm(assessment=assessment, user=focal_point, content=content, use_workbook={})

    responses = {
        r.indicator.code: r for r in Response.objects.select_related("indicator", "option")
    }
    assert responses[first].finding == "The law now covers everyone."
    assert responses[second].finding == "A decree of 2021 extends access."
    assert responses[third].option.level == "developed"
    assert responses[third].finding == f"Finding of {third}: the law covers part of it."
    assert responses[untouched].version == before[untouched]
    imported = ResponseRevision.objects.filter(action="import")
    assert sorted(r.response.indicator.code for r in imported) == [first, second, third]
    assert all(
        r.author == focal_point and r.version == before[r.response.indicator.code] + 1
        for r in imported
    )
    assert imported.get(response=responses[first]).finding == "The law now covers everyone."


def test_importing_an_untouched_workbook_changes_nothing(assessment, focal_point, answered):
    content = export(focal_point, assessment)
    state = db_state()
    preview = import_confirm(
        assessment=assessment, user=focal_point, content=content, use_workbook={}
    )
    assert len(preview.unchanged) == len(answered) and not preview.has_work
    assert db_state() == state


def test_a_finding_with_invisible_characters_arrives_clean_like_through_the_forms(
    assessment, focal_point, answered
):
    """The same dirty title as tests/test_text.py, less the C0 controls that an .xlsx cannot
    hold at all (openpyxl and Excel refuse them); it must be stored as the forms store it."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from tests.test_text import CLEAN_TITLE, DIRTY_TITLE

    first = answered[0]
    dirty = ILLEGAL_CHARACTERS_RE.sub("", DIRTY_TITLE)
    assert dirty != CLEAN_TITLE  # zero-width, soft hyphen and bidi marks are still in it
    content = edit(export(focal_point, assessment), lambda b: set_answer(b, first, finding=dirty))
    import_confirm(assessment=assessment, user=focal_point, content=content, use_workbook={})
    assert Response.objects.get(indicator__code=first).finding == CLEAN_TITLE
