"""A developed or partial answer needs evidence to be submitted or accepted; the profile agrees."""

import pytest

from assessments.exceptions import ApplicationError
from assessments.models import Assessment, LegalInstrument
from assessments.report.build import profile_build
from assessments.services.workflow import response_accept, response_submit
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def collecting(assessment):
    assessment.stage = Assessment.Stage.DATA_COLLECTION
    assessment.save()
    return assessment


@pytest.mark.parametrize(("level", "named"), [("developed", "developed"), ("partial", "partially")])
def test_an_answer_without_evidence_is_not_submitted(
    collecting, response, focal_point, level, named
):
    f.answer(response, status="draft", level=level)
    before = f.snapshot(collecting)
    with pytest.raises(ApplicationError) as exc:
        response_submit(response=response, user=focal_point)
    assert named in exc.value.message and "legal instrument" in exc.value.message
    assert f.snapshot(collecting) == before


def test_an_absent_answer_is_submitted_without_evidence(collecting, response, focal_point):
    f.answer(response, status="draft", level="absent")
    assert response_submit(response=response, user=focal_point).status == "submitted"


def test_a_source_is_enough_evidence(collecting, response, focal_point):
    f.answer(response, status="draft", level="developed")
    f.EvidenceFactory(
        response=response, instrument=None, source=f.SourceFactory(assessment=collecting)
    )
    assert response_submit(response=response, user=focal_point).status == "submitted"


@pytest.mark.parametrize("status", ["draft", "repealed"])
def test_a_draft_or_repealed_law_alone_does_not_back_a_developed_answer(
    collecting, response, focal_point, status
):
    f.answer(response, status="draft", level="developed")
    f.EvidenceFactory(response=response, instrument__status=status, instrument__adopted_on=None)
    with pytest.raises(ApplicationError) as exc:
        response_submit(response=response, user=focal_point)
    assert "draft or repealed" in exc.value.message
    f.EvidenceFactory(response=response)  # a law in force
    assert response_submit(response=response, user=focal_point).status == "submitted"


def test_an_answer_without_evidence_is_not_accepted(assessment, response, consultant):
    assessment.stage = Assessment.Stage.REVIEW
    assessment.save()
    f.answer(response, status="submitted", level="developed")
    before = f.snapshot(assessment)
    with pytest.raises(ApplicationError):
        response_accept(response=response, reviewer=consultant)
    assert f.snapshot(assessment) == before
    f.EvidenceFactory(response=response)
    assert response_accept(response=response, reviewer=consultant).status == "accepted"


def _developed_codes(profile):
    return {p.ref for c in profile.chapters for p in c.developed}


def test_the_profile_never_prints_a_well_developed_area_without_evidence(
    assessment, indicator, other_indicator
):
    backed = f.answer_with_evidence(assessment, indicator, notes=["Law No. 1, art. 2."])
    f.respond(assessment, other_indicator, status="accepted", level="developed")
    assert _developed_codes(profile_build(assessment)) == {backed.indicator.code}


def test_a_law_missing_from_the_annex_becomes_a_footnote_of_a_well_developed_area(
    assessment, indicator
):
    response = f.respond(assessment, indicator, status="accepted", level="developed")
    f.EvidenceFactory(
        response=response,
        note="",
        instrument__title="Decree on Quotas",
        instrument__in_annex=True,
        instrument__status=LegalInstrument.Status.REPEALED,
    )
    profile = profile_build(assessment)
    paragraph = next(p for c in profile.chapters for p in c.developed)
    assert [n.text.split(",")[0] for n in paragraph.footnotes] == ["Decree on Quotas"]
    assert not any(r.title == "Decree on Quotas" for g in profile.legislation for r in g.rows)


def test_a_blank_finding_is_refused_by_every_path_that_hands_an_answer_over(
    collecting, response, focal_point, consultant
):
    """Issue 23: one rule for submit, accept and bulk accept; no drafted sentence stands in."""
    from assessments.services.board import responses_accept_bulk
    from assessments.services.evidence_rules import IncompleteAnswer

    f.answer(response, status="draft", level="developed", finding=" \n ")
    response.finding = " \n "
    response.save()
    f.EvidenceFactory(response=response, instrument__country=collecting.country)
    with pytest.raises(IncompleteAnswer) as refused:
        response_submit(response=response, user=focal_point)
    assert set(refused.value.problems) == {"finding"}
    response.status = "submitted"
    response.save()
    with pytest.raises(IncompleteAnswer):
        response_accept(response=response, reviewer=consultant)
    result = responses_accept_bulk(
        assessment=collecting, reviewer=consultant, answers=[(response.pk, response.version)]
    )
    assert not result.accepted and "Write the finding" in result.skipped[0][1]
    response.refresh_from_db()
    assert (response.status, response.finding) == ("submitted", " \n ")
