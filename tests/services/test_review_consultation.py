"""Consultation on the draft profile: who comments on which section, who resolves."""

import pytest

from assessments.exceptions import ApplicationError, NotAllowed
from assessments.models import Comment
from assessments.report import sections
from assessments.services import consultation
from tests import factories as f
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db
REVIEWERS = {"consultant", "administrator"}


@pytest.fixture
def in_consultation(assessment):
    assessment.stage = "consultation"
    assessment.save()
    return assessment


@pytest.mark.parametrize("who", ROLES)
def test_the_government_side_comments_on_profile_sections(who, people, in_consultation):
    call = dict(assessment=in_consultation, author=people[who], section="domain-2", text="Add X")
    if who in ("coordinator", "focal_point"):
        comment = consultation.profile_comment_add(**call)
        assert (comment.section, comment.response) == ("domain-2", None)
    else:
        with pytest.raises(NotAllowed):
            consultation.profile_comment_add(**call)
        assert not Comment.objects.exists()


def test_profile_comments_are_open_only_during_consultation(coordinator, assessment):
    with pytest.raises(NotAllowed, match="consultation"):
        consultation.profile_comment_add(
            assessment=assessment, author=coordinator, section="domain-1", text="x"
        )


def test_sections_are_the_domains_and_annexes(coordinator, in_consultation):
    keys = [s.key for s in sections.profile_sections(in_consultation)]
    assert keys == [f"domain-{n}" for n in range(1, 7)] + ["sources", "legislation"]
    in_consultation.covid_module = True
    in_consultation.baseline = f.AssessmentFactory(framework=in_consultation.framework, year=2018)
    keys = [s.key for s in sections.profile_sections(in_consultation)]
    assert keys[0] == "updates" and "covid" in keys
    with pytest.raises(ApplicationError, match="section"):
        consultation.profile_comment_add(
            assessment=in_consultation, author=coordinator, section="cover", text="x"
        )


@pytest.mark.parametrize("who", ROLES)
def test_consultants_resolve_profile_comments_with_a_note(
    who, people, in_consultation, committed, mailoutbox
):
    comment = consultation.profile_comment_add(
        assessment=in_consultation, author=people["coordinator"], section="sources", text="Add"
    )
    before = f.snapshot(in_consultation)
    if who not in REVIEWERS:
        with pytest.raises(NotAllowed):
            consultation.profile_comment_resolve(comment=comment, user=people[who], note="Done")
        assert f.snapshot(in_consultation) == before
        return
    with pytest.raises(ApplicationError, match="addressed"):
        consultation.profile_comment_resolve(comment=comment, user=people[who], note="")
    with committed():
        consultation.profile_comment_resolve(comment=comment, user=people[who], note="Added.")
    comment.refresh_from_db()
    assert comment.resolution_note == "Added." and comment.is_resolved
    assert [m.to for m in mailoutbox] == [["coordinator@example.org"]]


def test_consultants_may_reply_but_not_open_a_profile_thread(people, in_consultation):
    thread = consultation.profile_comment_add(
        assessment=in_consultation, author=people["focal_point"], section="sources", text="?"
    )
    consultation.profile_comment_add(
        assessment=in_consultation,
        author=people["consultant"],
        section="sources",
        text="Fixed in v2.",
        parent=thread,
    )
    assert thread.replies.count() == 1
