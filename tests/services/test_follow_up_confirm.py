"""Issue 31: carried answers the rules refuse are marked; confirming them asks for the
evidence in the same step; many are confirmed at once; waived ones are not offered."""

import pytest

from assessments.exceptions import ApplicationError, NotAllowed
from assessments.models import AuditEntry, Evidence, Response
from assessments.selectors.board import board_context, review_board
from assessments.selectors.confirm import confirm_plan
from assessments.selectors.work import worklist
from assessments.services import carry_over, evidence, workflow
from tests import factories as f

pytestmark = pytest.mark.django_db
CarryState = Response.CarryState
NO_EVIDENCE = "3.1.1"


@pytest.fixture
def follow_up(assessment, framework, focal_point):
    """`assessment` follows a 2018 baseline: 1.1.1 and 2.1.1 with evidence, 3.1.1 without.

    The focal point answers sub-domain 1.1, of which only 1.1.1 was answered.
    """
    old = f.AssessmentFactory(framework=framework, country=assessment.country, year=2018)
    for code in ("1.1.1", "2.1.1"):
        f.answer_with_evidence(old, framework.indicators.get(code=code), level="partial")
    bare = f.answer_with_evidence(old, framework.indicators.get(code=NO_EVIDENCE), level="partial")
    bare.evidence.all().delete()  # accepted in 2018, before evidence was required
    assessment.baseline = old
    assessment.save()
    carry_over.carry_over_baseline(assessment=assessment, actor=None)
    return assessment


def _plan_codes(plan):
    return [r.indicator.code for r in plan.ready], [r.indicator.code for r, _w in plan.refused]


def test_a_carried_answer_without_evidence_is_marked_on_my_work_and_the_board(
    follow_up, coordinator
):
    items = {i.indicator.code: i for i in worklist(coordinator, follow_up).items}
    assert "needs evidence" in items[NO_EVIDENCE].refusal
    assert items["1.1.1"].carried and not items["1.1.1"].refusal
    rows = {r.indicator.code: r for r in review_board(board_context(follow_up), filters={}).rows}
    assert rows[NO_EVIDENCE].refusal and not rows["1.1.1"].refusal
    counts = review_board(board_context(follow_up), filters={}).carried
    assert (counts.carried, counts.confirmed, counts.changed, counts.refused) == (3, 0, 0, 1)


def test_the_plan_lists_what_will_be_confirmed_and_skips_what_the_rules_refuse(
    follow_up, coordinator, focal_point
):
    assert _plan_codes(confirm_plan(coordinator, follow_up)) == (["1.1.1", "2.1.1"], [NO_EVIDENCE])
    # A focal point is offered only their own indicators.
    assert _plan_codes(confirm_plan(focal_point, follow_up)) == (["1.1.1"], [])


def test_bulk_confirm_submits_each_with_its_audit_and_revision_and_skips_the_refused(
    follow_up, coordinator
):
    chosen = [(r.pk, r.version) for r in follow_up.responses.all()]
    result = carry_over.carried_confirm_bulk(assessment=follow_up, user=coordinator, answers=chosen)
    assert sorted(r.indicator.code for r in result.confirmed) == ["1.1.1", "2.1.1"]
    [(skipped, why)] = result.skipped
    assert skipped.indicator.code == NO_EVIDENCE and "evidence" in why
    for code in ("1.1.1", "2.1.1"):
        r = follow_up.responses.get(indicator__code=code)
        assert (r.status, r.carry_state) == ("submitted", CarryState.CONFIRMED)
        assert r.audit.filter(action="response.confirm_unchanged").count() == 1
        assert r.revisions.filter(action="submit").count() == 1
    bare = follow_up.responses.get(indicator__code=NO_EVIDENCE)
    assert (bare.status, bare.carry_state) == ("draft", CarryState.CARRIED)
    summary = AuditEntry.objects.get(assessment=follow_up, action="response.confirm_bulk")
    assert summary.data == {"confirmed": 2, "skipped": 1}


def test_bulk_confirm_skips_an_answer_changed_since_the_page_was_read(follow_up, coordinator):
    r = follow_up.responses.get(indicator__code="1.1.1")
    result = carry_over.carried_confirm_bulk(
        assessment=follow_up, user=coordinator, answers=[(r.pk, r.version - 1)]
    )
    assert not result.confirmed and result.skipped[0][0] == r
    assert follow_up.responses.get(pk=r.pk).status == "draft"


def test_bulk_confirm_is_refused_to_consultants_and_outside_data_collection(
    follow_up, consultant, coordinator
):
    answers = [(r.pk, r.version) for r in follow_up.responses.all()]
    with pytest.raises(NotAllowed):
        carry_over.carried_confirm_bulk(assessment=follow_up, user=consultant, answers=answers)
    follow_up.stage = "review"
    follow_up.save()
    with pytest.raises(NotAllowed):
        carry_over.carried_confirm_bulk(assessment=follow_up, user=coordinator, answers=answers)
    assert not follow_up.responses.filter(status="submitted").exists()


def test_answers_of_another_assessment_are_refused(follow_up, coordinator):
    foreign = follow_up.baseline.responses.first()
    with pytest.raises(ApplicationError):
        carry_over.carried_confirm_bulk(
            assessment=follow_up, user=coordinator, answers=[(foreign.pk, foreign.version)]
        )


def test_confirm_with_the_missing_evidence_adds_it_and_confirms_in_one_step(follow_up, coordinator):
    bare = follow_up.responses.get(indicator__code=NO_EVIDENCE)
    with pytest.raises(ApplicationError):
        carry_over.carried_confirm(response=bare, user=coordinator)
    law = f.LegalInstrumentFactory(country=follow_up.country, title="Law on Migration")
    carry_over.carried_confirm(
        response=bare,
        user=coordinator,
        add_evidence=lambda r: evidence.evidence_add(response=r, user=coordinator, instrument=law),
    )
    bare.refresh_from_db()
    assert (bare.status, bare.carry_state) == ("submitted", CarryState.CONFIRMED)
    assert bare.audit.get(action="response.confirm_unchanged").data == {"evidence_added": True}


def test_evidence_that_does_not_satisfy_the_rules_confirms_nothing(follow_up, coordinator):
    bare = follow_up.responses.get(indicator__code=NO_EVIDENCE)
    bare.option = bare.indicator.options.get(level="developed")
    bare.save()
    bare.carried_from.option = bare.option
    bare.carried_from.save()
    repealed = f.LegalInstrumentFactory(country=follow_up.country, status="repealed")
    with pytest.raises(ApplicationError):
        carry_over.carried_confirm(
            response=bare,
            user=coordinator,
            add_evidence=lambda r: evidence.evidence_add(
                response=r, user=coordinator, instrument=repealed
            ),
        )
    bare.refresh_from_db()
    assert (bare.status, bare.carry_state) == ("draft", CarryState.CARRIED)
    assert not Evidence.objects.filter(response=bare).exists()


def test_a_waived_indicator_is_not_a_draft_to_finish_on_my_work(follow_up, focal_point, consultant):
    r = follow_up.responses.get(indicator__code="1.1.1")
    workflow.response_waive(response=r, reviewer=consultant, reason="No data this cycle.")
    work = worklist(focal_point, follow_up)
    assert [i.indicator.code for i in work.waived] == ["1.1.1"]
    assert not work.drafts and not work.carried
    assert work.waived[0].status_label == "Waived"
    assert not confirm_plan(focal_point, follow_up).total
