"""export_xlsx and import_xlsx use the same services as the pages; import is all or nothing."""

import pytest
from django.core.management import CommandError, call_command

from assessments.models import Response
from tests import factories as f
from tests.xlsx.helpers import db_state, edit, set_answer

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(tmp_path, assessment, focal_point, answered, capsys):
    path = tmp_path / "answers.xlsx"
    call_command("export_xlsx", "KG", "2022", "-o", str(path), "--user", "focal")
    assert f"{len(answered)} indicators → {path}" in capsys.readouterr().out
    return path


def test_import_dry_run_prints_the_preview_and_writes_nothing(exported, answered, capsys):
    exported.write_bytes(
        edit(exported.read_bytes(), lambda b: set_answer(b, answered[0], finding="Batch text."))
    )
    state = db_state()
    call_command("import_xlsx", str(exported), "--user", "focal", "--dry-run")
    out = capsys.readouterr().out
    assert f"changed   {answered[0]}" in out
    assert "1 changed, 0 conflicts, 0 refused, 3 unchanged" in out
    assert "Dry run: nothing was imported." in out
    assert db_state() == state


def test_import_writes_the_changes(exported, answered, capsys):
    exported.write_bytes(
        edit(exported.read_bytes(), lambda b: set_answer(b, answered[1], finding="Batch text."))
    )
    call_command("import_xlsx", str(exported), "--user", "focal")
    assert "Imported 1 changed indicators." in capsys.readouterr().out
    assert Response.objects.get(indicator__code=answered[1]).finding == "Batch text."


def test_import_with_a_refused_indicator_exits_non_zero_and_writes_nothing(
    exported, answered, capsys
):
    Response.objects.filter(indicator__code=answered[0]).update(status="submitted")

    def change(book):
        set_answer(book, answered[0], finding="Refused text.")
        set_answer(book, answered[1], finding="Acceptable text.")

    exported.write_bytes(edit(exported.read_bytes(), change))
    state = db_state()
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_xlsx", str(exported), "--user", "focal")
    assert f"refused   {answered[0]}" in capsys.readouterr().out
    assert db_state() == state


def test_import_of_a_bad_workbook_names_the_cell(exported, answered):
    exported.write_bytes(
        edit(exported.read_bytes(), lambda b: set_answer(b, answered[0], option="Perhaps"))
    )
    with pytest.raises(CommandError, match="sheet “Answers”, row 2, column F"):
        call_command("import_xlsx", str(exported), "--user", "focal")


def test_export_without_user_holds_every_indicator(tmp_path, assessment, framework, capsys):
    path = tmp_path / "all.xlsx"
    call_command("export_xlsx", str(assessment.pk), "-o", str(path))
    assert f"{framework.indicators.count()} indicators" in capsys.readouterr().out


def test_import_answers_an_indicator_that_had_no_answer_yet(
    tmp_path, assessment, framework, focal_point, answered, capsys
):
    """Issue 23: the row is created by the same service as the indicator page, not assumed."""
    third = framework.indicators.exclude(code__in=answered).order_by("order").first()
    f.AssignmentFactory(membership=focal_point.memberships.get(), indicator=third)
    assert not Response.objects.filter(indicator=third).exists()
    path = tmp_path / "answers.xlsx"
    call_command("export_xlsx", "KG", "2022", "-o", str(path), "--user", "focal")
    option = third.options.get(level="partial")
    path.write_bytes(
        edit(
            path.read_bytes(),
            lambda b: set_answer(b, third.code, option=option.label, finding=" New text.\n"),
        )
    )
    call_command("import_xlsx", str(path), "--user", "focal")
    assert "Imported 1 changed indicators." in capsys.readouterr().out
    saved = Response.objects.get(indicator=third, assessment=assessment)
    assert (saved.option, saved.finding, saved.status, saved.version) == (
        option,
        "New text.",
        Response.Status.DRAFT,
        1,
    )
    assert list(saved.revisions.values_list("action", flat=True)) == ["import"]
