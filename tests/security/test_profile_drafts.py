"""Drafts stay with their authors: a focal point's preview and PDFs hold only what their
indicator pages show them, until the assessment reaches consultation."""

import pytest
from django.urls import reverse

from assessments.models import Assessment, Membership
from tests import factories as f

pytestmark = pytest.mark.django_db
OWN = "Our ministry drafted this finding."
OTHER = "Another ministry has not submitted this yet."
Stage = Assessment.Stage


@pytest.fixture
def drafts(assessment, indicator, focal_point):
    other_ministry = f.UserFactory(username="interior")
    membership = f.MembershipFactory(
        user=other_ministry, assessment=assessment, role=Membership.Role.FOCAL_POINT
    )
    theirs = assessment.framework.indicators.get(code="2.1.1")
    f.AssignmentFactory(membership=membership, subdomain=theirs.subdomain)
    # With evidence: a well-developed area is never printed without it (issue 17).
    f.EvidenceFactory(response=f.respond(assessment, indicator, status="draft", finding=OWN))
    f.EvidenceFactory(response=f.respond(assessment, theirs, status="draft", finding=OTHER))
    Assessment.objects.filter(pk=assessment.pk).update(stage=Stage.DATA_COLLECTION)
    return assessment


def preview(client, assessment) -> str:
    page = client.get(reverse("assessments:profile-preview", args=[assessment.pk]))
    assert page.status_code == 200
    return page.content.decode()


def test_the_preview_hides_other_ministries_drafts_from_a_focal_point(
    drafts, focal_point, client_for
):
    html = preview(client_for(focal_point), drafts)
    assert OWN in html
    assert OTHER not in html


@pytest.mark.parametrize("who", ["coordinator", "consultant", "administrator"])
def test_coordinator_and_consultants_see_every_draft(drafts, people, client_for, who):
    html = preview(client_for(people[who]), drafts)
    assert OWN in html and OTHER in html


def test_from_consultation_on_the_focal_point_sees_the_whole_draft(drafts, focal_point, client_for):
    Assessment.objects.filter(pk=drafts.pk).update(stage=Stage.CONSULTATION)
    html = preview(client_for(focal_point), drafts)
    assert OWN in html and OTHER in html


def test_a_focal_point_gets_stored_draft_pdfs_only_from_consultation_on(
    drafts, focal_point, coordinator, client
):
    version = f.ProfileVersionFactory(assessment=drafts, number=1)
    url = reverse("assessments:profile-download", args=[drafts.pk, version.number])
    client.force_login(focal_point)
    assert client.get(url).status_code == 404
    assert client.get(reverse("assessments:profile-pdf", args=[drafts.pk])).status_code == 404
    client.force_login(coordinator)
    assert client.get(url).status_code == 200
    Assessment.objects.filter(pk=drafts.pk).update(stage=Stage.CONSULTATION)
    client.force_login(focal_point)
    assert client.get(url).status_code == 200
