"""One person's consecutive autosaves fold into one revision; explicit moves stay apart."""

from datetime import timedelta

import pytest
from django.utils import timezone

from assessments.exceptions import StaleVersion
from assessments.models import ResponseRevision
from assessments.services import entry

pytestmark = pytest.mark.django_db


def _save(response, user, finding, action):
    response.refresh_from_db()
    return entry.response_save(
        response=response,
        user=user,
        option=response.indicator.options.get(key="developed"),
        finding=finding,
        version=response.version,
        action=action,
    )


def test_ten_autosaves_and_a_save_give_two_revisions_and_keep_the_last_text(response, focal_point):
    for n in range(1, 11):
        _save(response, focal_point, f"Draft number {n}.", "autosave")
    _save(response, focal_point, "Final wording.", "save")

    revisions = list(response.revisions.order_by("version"))
    assert [(r.action, r.finding) for r in revisions] == [
        ("autosave", "Draft number 10."),
        ("save", "Final wording."),
    ]
    response.refresh_from_db()
    assert revisions[-1].version == response.version == 11
    assert revisions[0].version == 10


def test_an_autosave_after_a_save_opens_a_new_revision(response, focal_point):
    _save(response, focal_point, "One.", "autosave")
    _save(response, focal_point, "Two.", "save")
    _save(response, focal_point, "Three.", "autosave")
    assert list(response.revisions.order_by("version").values_list("action", flat=True)) == [
        "autosave",
        "save",
        "autosave",
    ]


def test_autosaves_of_two_people_are_not_folded_together(response, focal_point, coordinator):
    _save(response, focal_point, "Focal point's text.", "autosave")
    _save(response, coordinator, "Coordinator's text.", "autosave")
    assert [r.author for r in response.revisions.order_by("version")] == [
        focal_point,
        coordinator,
    ]


def test_an_autosave_after_ten_quiet_minutes_opens_a_new_revision(response, focal_point):
    _save(response, focal_point, "Before the break.", "autosave")
    ResponseRevision.objects.filter(response=response).update(
        updated_at=timezone.now() - timedelta(minutes=11)
    )
    _save(response, focal_point, "After the break.", "autosave")
    assert list(response.revisions.order_by("version").values_list("finding", flat=True)) == [
        "Before the break.",
        "After the break.",
    ]


def test_someone_elses_save_between_autosaves_is_still_a_conflict(
    response, focal_point, coordinator
):
    """Folding moves the revision's version forward, but never hides another person's save."""
    _save(response, focal_point, "Mine.", "autosave")
    loaded = response.version
    _save(response, coordinator, "Theirs.", "save")
    with pytest.raises(StaleVersion):
        entry.response_save(
            response=response,
            user=focal_point,
            option=None,
            finding="Mine, later.",
            version=loaded,
            action="autosave",
        )
