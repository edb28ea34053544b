import pytest

from assessments.exceptions import NotAllowed, StaleVersion
from assessments.models import Response, ResponseRevision
from assessments.services import entry, evidence, workflow
from assessments.services.evidence_rules import IncompleteAnswer
from tests import factories as f

pytestmark = pytest.mark.django_db


def _save(response, user, finding, version, option=None):
    return entry.response_save(
        response=response,
        user=user,
        option=option or response.indicator.options.get(key="developed"),
        finding=finding,
        version=version,
    )


def test_second_of_two_concurrent_saves_is_refused_and_first_text_is_intact(
    response, focal_point, coordinator
):
    loaded_by_focal_point = response.version
    loaded_by_coordinator = response.version

    _save(response, focal_point, "The focal point's finding.", loaded_by_focal_point)
    with pytest.raises(StaleVersion) as refused:
        _save(response, coordinator, "The coordinator's finding.", loaded_by_coordinator)

    response.refresh_from_db()
    assert response.finding == "The focal point's finding."
    assert refused.value.current.finding == "The focal point's finding."
    assert response.revisions.count() == 1


def test_every_save_writes_an_immutable_revision(response, focal_point):
    _save(response, focal_point, "First.", 0)
    _save(response, focal_point, "Second.", 1)
    revisions = list(response.revisions.order_by("version"))
    assert [r.finding for r in revisions] == ["First.", "Second."]
    assert revisions[0].author == focal_point
    with pytest.raises(ValueError):
        revisions[0].save()
    with pytest.raises(ValueError):
        revisions[0].delete()


def test_first_save_moves_response_to_draft(response, focal_point):
    saved = _save(response, focal_point, "Draft.", 0)
    assert saved.status == Response.Status.DRAFT


def test_unchanged_save_writes_no_revision(response, focal_point):
    _save(response, focal_point, "Same.", 0)
    _save(response, focal_point, "Same.", 1)
    assert response.revisions.count() == 1


def test_restoring_a_revision_is_itself_a_new_revision(response, focal_point):
    _save(response, focal_point, "Original text.", 0)
    _save(response, focal_point, "Edited text.", 1)
    first = response.revisions.get(version=1)
    restored = entry.revision_restore(
        response=response, user=focal_point, revision=first, version=2
    )
    assert restored.finding == "Original text."
    assert restored.version == 3
    assert ResponseRevision.objects.filter(response=response).count() == 3
    assert response.revisions.get(version=3).action == "restore"


def test_focal_point_cannot_edit_unassigned_indicator(assessment, other_indicator, focal_point):
    response = Response.objects.create(assessment=assessment, indicator=other_indicator)
    with pytest.raises(NotAllowed):
        _save(response, focal_point, "Not mine.", 0)
    assert response.revisions.count() == 0


def test_submitted_response_is_read_only_for_focal_point(response, focal_point):
    _save(response, focal_point, "Done.", 0)
    f.EvidenceFactory(response=response)
    workflow.response_submit(response=response, user=focal_point)
    with pytest.raises(NotAllowed, match="read-only"):
        _save(response, focal_point, "Changed after submitting.", 2)


def test_nobody_edits_outside_data_collection(response, focal_point, assessment):
    assessment.stage = assessment.Stage.REVIEW
    assessment.save()
    with pytest.raises(NotAllowed):
        _save(response, focal_point, "Too late.", 0)


def test_submit_needs_an_answer_and_a_finding(response, focal_point):
    with pytest.raises(IncompleteAnswer, match="Choose an answer") as refused:
        workflow.response_submit(response=response, user=focal_point)
    assert set(refused.value.problems) == {"option", "finding"}


def test_removed_evidence_can_be_restored_and_history_shows_both(response, focal_point):
    item = evidence.evidence_add(
        response=response,
        user=focal_point,
        instrument=f.LegalInstrumentFactory(country=response.assessment.country),
        locator="Article 9",
    )
    evidence.evidence_remove(evidence=item, user=focal_point)
    item.refresh_from_db()
    assert item.removed_at is not None
    evidence.evidence_restore(evidence=item, user=focal_point)
    item.refresh_from_db()
    assert item.removed_at is None
    actions = list(response.revisions.order_by("version").values_list("action", flat=True))
    assert actions == ["evidence_add", "evidence_remove", "evidence_restore"]
    assert response.revisions.get(action="evidence_remove").evidence == []


def test_draft_finding_fills_in_the_countrys_short_name(response):
    option = response.indicator.options.get(key="developed")
    assert entry.draft_finding(option=option, assessment=response.assessment).startswith(
        "Kyrgyzstan has"
    )


def test_own_newer_autosave_is_not_a_conflict(response, focal_point):
    _save(response, focal_point, "Autosaved while typing.", 0)
    saved = _save(response, focal_point, "Saved with the Save button.", 0)
    assert saved.finding == "Saved with the Save button."
    assert saved.version == 2


def test_someone_elses_save_in_between_is_still_a_conflict(response, focal_point, coordinator):
    _save(response, focal_point, "Mine, autosaved.", 0)
    _save(response, coordinator, "Theirs.", 1)
    with pytest.raises(StaleVersion):
        _save(response, focal_point, "Mine, from the old page.", 1)
