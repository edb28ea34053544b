"""Issue 11: a follow-up carries its baseline's answers over, matched by indicator code."""

import datetime

import pytest

from assessments.exceptions import ApplicationError
from assessments.models import AuditEntry, Evidence, Response
from assessments.report.build import profile_build
from assessments.selectors.board import board_context, review_board
from assessments.services import carry_over, entry, evidence
from tests import factories as f

pytestmark = pytest.mark.django_db
CarryState = Response.CarryState


@pytest.fixture
def baseline(assessment, framework):
    """The 2018 baseline of `assessment`, answering 1.1.1 and 2.1.1 with evidence."""
    old = f.AssessmentFactory(framework=framework, country=assessment.country, year=2018)
    for code in ("1.1.1", "2.1.1"):
        f.answer_with_evidence(
            old,
            framework.indicators.get(code=code),
            level="partial",
            finding=f"Old {code}. Still.",
            notes=("Art. 5",),
        )
    source = f.SourceFactory(assessment=old, title="Labour survey")
    f.EvidenceFactory(
        response=old.responses.get(indicator__code="1.1.1"), instrument=None, source=source
    )
    return old


@pytest.fixture
def follow_up(assessment, baseline):
    assessment.baseline = baseline
    assessment.save()
    carry_over.carry_over_baseline(assessment=assessment, actor=None)
    return assessment


def test_each_answered_indicator_starts_as_a_draft_holding_the_baseline_answer(follow_up, baseline):
    carried = {
        r.indicator.code: r for r in follow_up.responses.select_related("indicator", "option")
    }
    assert sorted(carried) == ["1.1.1", "2.1.1"]
    r = carried["1.1.1"]
    old = baseline.responses.get(indicator__code="1.1.1")
    assert (r.status, r.carry_state, r.carried_from) == ("draft", CarryState.CARRIED, old)
    assert r.option.level == "partial" and r.finding == "Old 1.1.1. Still."
    copied = Evidence.objects.filter(response=r)
    assert copied.count() == old.evidence.count() == 2
    # A source belongs to one assessment: the follow-up cites its own copy.
    assert {e.source.assessment_id for e in copied if e.source_id} == {follow_up.pk}
    assert r.revisions.get().action == "carry_over"
    assert (
        AuditEntry.objects.get(assessment=follow_up, action="assessment.carry_over").data["count"]
        == 2
    )


def test_carry_over_matches_by_code_across_framework_editions(assessment, baseline, framework):
    edition2 = f.build_framework(domains=2, indicators_per_domain=1)  # codes 1.1.1 and 2.1.1
    edition2.indicators.filter(code="2.1.1").update(code="2.1.9")  # renumbered: no match
    follow = f.AssessmentFactory(
        framework=edition2, country=assessment.country, year=2024, baseline=baseline
    )
    assert carry_over.carry_over_baseline(assessment=follow, actor=None) == 1
    [r] = follow.responses.select_related("indicator", "option")
    assert r.indicator.framework == edition2 and r.indicator.code == "1.1.1"
    assert r.option.indicator == r.indicator and r.option.key == "partial"
    assert not follow.responses.filter(indicator__code="2.1.9").exists()


def test_confirming_unchanged_submits_it_as_such(follow_up, coordinator):
    r = follow_up.responses.get(indicator__code="1.1.1")
    carry_over.carried_confirm(response=r, user=coordinator)
    r.refresh_from_db()
    assert (r.status, r.carry_state) == ("submitted", CarryState.CONFIRMED)
    assert AuditEntry.objects.filter(response=r, action="response.confirm_unchanged").exists()
    with pytest.raises(ApplicationError):
        carry_over.carried_confirm(response=r, user=coordinator)


def test_an_edit_records_what_changed_since_the_baseline(follow_up, coordinator):
    r = follow_up.responses.get(indicator__code="1.1.1")
    saved = entry.response_save(
        response=r, user=coordinator, option=r.option, finding="New text.", version=r.version
    )
    assert saved.carry_state == CarryState.CHANGED
    assert saved.revisions.first().note == "Changed since the baseline: the finding."
    with pytest.raises(ApplicationError):
        carry_over.carried_confirm(response=saved, user=coordinator)
    # Putting the baseline's text back makes it unchanged again.
    back = entry.response_save(
        response=saved,
        user=coordinator,
        option=r.option,
        finding="Old 1.1.1. Still.",
        version=saved.version,
    )
    assert back.carry_state == CarryState.CARRIED


def test_new_evidence_marks_a_carried_answer_changed(follow_up, coordinator):
    r = follow_up.responses.get(indicator__code="2.1.1")
    law = f.LegalInstrumentFactory(country=follow_up.country, title="Law on Migration")
    evidence.evidence_add(response=r, user=coordinator, instrument=law)
    r.refresh_from_db()
    assert r.carry_state == CarryState.CHANGED


def test_the_board_filters_changed_and_carried_unchanged(follow_up, coordinator):
    r = follow_up.responses.get(indicator__code="1.1.1")
    entry.response_save(
        response=r, user=coordinator, option=r.option, finding="New.", version=r.version
    )

    def codes(since):
        filters = {"since": since} if since else {}
        board = review_board(board_context(follow_up), filters=filters)
        return [row.indicator.code for row in board.rows]

    assert codes("changed") == ["1.1.1"]
    assert codes("unchanged") == ["2.1.1"]
    assert len(codes("")) == follow_up.framework.indicators.count()


def test_the_summary_of_updates_is_drafted_only_from_changed_answers(follow_up, coordinator):
    confirmed = follow_up.responses.get(indicator__code="2.1.1")
    carry_over.carried_confirm(response=confirmed, user=coordinator)
    edited = follow_up.responses.get(indicator__code="1.1.1")
    law = f.LegalInstrumentFactory(
        country=follow_up.country,
        title="Law on Labour Migration",
        number="77",
        adopted_on=datetime.date(2020, 3, 1),
    )
    evidence.evidence_add(response=edited, user=coordinator, instrument=law)
    edited.refresh_from_db()
    entry.response_save(
        response=edited,
        user=coordinator,
        option=edited.indicator.options.get(level="developed"),
        finding="Old 1.1.1. A new agency issues permits.",
        version=edited.version,
    )
    blocks = profile_build(follow_up).updates
    texts = [p.text for b in blocks for p in b.paragraphs]
    assert [b.number for b in blocks] == [1]
    # One change, one paragraph: the law it cites (by type and number) and what is new.
    assert texts == ["In 2020, Law No. 77 was adopted. A new agency issues permits."]


def test_an_edited_finding_alone_is_described_by_what_it_now_says(follow_up, coordinator):
    for code, new in (("1.1.1", "A council was set up."), ("2.1.1", "Quotas were abolished.")):
        r = follow_up.responses.get(indicator__code=code)
        entry.response_save(
            response=r,
            user=coordinator,
            option=r.option,
            finding=f"Old {code}. {new}",
            version=r.version,
        )
    texts = [p.text for b in profile_build(follow_up).updates for p in b.paragraphs]
    assert len(texts) == 2
    assert texts[0].endswith("A council was set up.") and texts[1].endswith(
        "Quotas were abolished."
    )
    assert "Old 1.1.1" not in " ".join(texts)
