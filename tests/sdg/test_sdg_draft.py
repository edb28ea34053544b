"""The 10.7.2 draft: the suggestion rule, categories at each boundary, overrides, exports."""

import csv
import io

import pytest
from openpyxl import load_workbook

from assessments.exceptions import ApplicationError, NotAllowed
from assessments.models import AuditEntry, SdgOverride, SdgSubcategory
from assessments.report.sdg_export import sdg_csv, sdg_rows, sdg_xlsx
from assessments.selectors.sdg import category_for, gcm_table, sdg_draft
from assessments.services.sdg import sdg_override_clear, sdg_override_set

from .conftest import Role, answer_levels

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("percent", "category"),
    [
        (100, "fully_meets"),
        (99.9, "meets"),
        (80, "meets"),
        (79.9, "partially_meets"),
        (40, "partially_meets"),
        (39.9, "requires_further_progress"),
        (0, "requires_further_progress"),
    ],
)
def test_categories_follow_the_metadata_thresholds(percent, category):
    assert category_for(percent) == category


@pytest.mark.parametrize(
    ("levels", "yes", "category"),
    [
        # 5 of 5 developed: 100 %.
        (["developed"] * 5, 5, "fully_meets"),
        # 4 of 5: 80 %, the lowest "meets".
        (["developed"] * 4 + ["absent"], 4, "meets"),
        # 3 of 5: 60 %.
        (["developed"] * 3 + ["absent"] * 2, 3, "partially_meets"),
        # 2 of 5: 40 %, the lowest "partially meets"; unanswered counts as no.
        (["developed", "developed", "absent", None, None], 2, "partially_meets"),
        # 1 of 5: 20 %.
        (["developed", "absent", "absent", "absent", None], 1, "requires_further_progress"),
        ([None] * 5, 0, "requires_further_progress"),
    ],
)
def test_domain_category_from_constructed_answers(sdg_assessment, levels, yes, category):
    answer_levels(sdg_assessment, levels)
    (domain,) = sdg_draft(sdg_assessment)
    assert (domain.yes_count, domain.category) == (yes, category)
    assert domain.percent == yes * 20


def test_partial_counts_half_and_not_applicable_is_left_out(sdg_assessment):
    framework = sdg_assessment.framework
    sub = SdgSubcategory.objects.get(code="1a")
    sub.indicators.add(*framework.indicators.filter(code__in=["1.1.2", "1.1.3"]))
    # 1a: developed + partial + absent = (1 + 0.5 + 0) / 3 = 0.5 -> yes.
    answer_levels(sdg_assessment, ["developed", "partial", "absent"])
    row = sdg_draft(sdg_assessment)[0].rows[0]
    assert row.suggested is True
    assert [s.response.indicator.code for s in row.support] == ["1.1.1", "1.1.2", "1.1.3"]
    # Without the developed answer: 0.25 -> no.
    sub.indicators.remove(framework.indicators.get(code="1.1.1"))
    assert sdg_draft(sdg_assessment)[0].rows[0].suggested is False


def test_an_override_is_kept_and_audited(sdg_assessment, sdg_people):
    answer_levels(sdg_assessment, ["developed"] * 5)
    coordinator = sdg_people[Role.COORDINATOR]
    sub = SdgSubcategory.objects.get(code="1c")
    sdg_override_set(
        assessment=sdg_assessment,
        subcategory=sub,
        user=coordinator,
        value=False,
        reason="The equal-pay rule is not yet enforced.",
    )
    (domain,) = sdg_draft(sdg_assessment)
    row = domain.rows[2]
    assert (row.suggested, row.value, row.override.reason) == (
        True,
        False,
        "The equal-pay rule is not yet enforced.",
    )
    assert (domain.yes_count, domain.category) == (4, "meets")
    entry = AuditEntry.objects.get(action="sdg.override")
    assert (entry.actor, entry.to_state, entry.data) == (coordinator, "no", {"subcategory": "1c"})
    sdg_override_clear(assessment=sdg_assessment, subcategory=sub, user=coordinator)
    assert sdg_draft(sdg_assessment)[0].rows[2].override is None
    assert AuditEntry.objects.filter(action="sdg.override_cleared").count() == 1


@pytest.mark.parametrize("role", [Role.CONSULTANT, Role.FOCAL_POINT])
def test_only_the_coordinator_overrides(sdg_assessment, sdg_people, role):
    with pytest.raises(NotAllowed):
        sdg_override_set(
            assessment=sdg_assessment,
            subcategory=SdgSubcategory.objects.get(code="1a"),
            user=sdg_people[role],
            value=True,
            reason="Because.",
        )
    assert not SdgOverride.objects.exists() and not AuditEntry.objects.exists()


def test_an_override_needs_a_reason(sdg_assessment, sdg_people):
    with pytest.raises(ApplicationError):
        sdg_override_set(
            assessment=sdg_assessment,
            subcategory=SdgSubcategory.objects.get(code="1a"),
            user=sdg_people[Role.COORDINATOR],
            value=True,
            reason="   ",
        )
    assert not SdgOverride.objects.exists()


def test_the_csv_and_xlsx_exports_match_the_page(sdg_assessment, sdg_people):
    answer_levels(sdg_assessment, ["developed", "developed", "partial", "absent", None])
    sdg_override_set(
        assessment=sdg_assessment,
        subcategory=SdgSubcategory.objects.get(code="1e"),
        user=sdg_people[Role.COORDINATOR],
        value=True,
        reason="Courts hear migrants' cases.",
    )
    domains = sdg_draft(sdg_assessment)
    expected = sdg_rows(domains)
    from_csv = list(csv.reader(io.StringIO(sdg_csv(domains).decode("utf-8-sig"))))
    book = load_workbook(io.BytesIO(sdg_xlsx(domains, title="t")))
    from_xlsx = [
        ["" if v is None else str(v) for v in row]
        for row in book.active.iter_rows(min_row=3, values_only=True)
    ]
    assert from_csv == expected == from_xlsx
    answers = {row[1]: row[4] for row in expected[1:6]}
    # 1c is partial alone: half of one answer, enough for yes; 1e is the coordinator's yes.
    assert answers == {"1a": "Yes", "1b": "Yes", "1c": "Yes", "1d": "No", "1e": "Yes"}
    assert expected[-1][4:6] == ["80 %", "Meets"]


def test_gcm_table_lists_areas_by_placement(sdg_assessment):
    answer_levels(sdg_assessment, ["developed", "absent", "developed", None, "partial"])
    rows = {r.objective.number: r for r in gcm_table(sdg_assessment)}
    assert [r.indicator.code for r in rows[15].developed] == ["1.1.1"]
    assert [r.indicator.code for r in rows[15].further] == ["1.1.2"]
    assert [r.indicator.code for r in rows[22].developed] == ["1.1.3"]
    assert [r.indicator.code for r in rows[22].further] == ["1.1.5"]


def test_the_gcm_table_is_in_the_profile_only_when_chosen(sdg_assessment, sdg_people):
    from assessments.report.build import profile_build
    from assessments.report.render import render_html
    from assessments.services.profile_texts import profile_texts_save

    answer_levels(sdg_assessment, ["developed", "absent", None, None, None])
    assert profile_build(sdg_assessment).gcm == []
    assert "objectives of the Global Compact" not in render_html(profile_build(sdg_assessment))
    profile_texts_save(
        assessment=sdg_assessment,
        user=sdg_people[Role.CONSULTANT],
        values={"include_gcm_table": True},
    )
    profile = profile_build(sdg_assessment)
    (row,) = profile.gcm  # objective 22 has no answered indicator and is left out
    assert row.number == 15
    assert [t.split()[0] for t in row.developed + row.further] == ["1.1.1", "1.1.2"]
    html = render_html(profile)
    assert "The assessment and the objectives of the Global Compact for Migration" in html
    assert "15. Provide access to basic services for migrants" in html
