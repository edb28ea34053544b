"""List pages run the same number of queries for a small and a large assessment."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessments.models import Assessment, Comment, Membership
from assessments.services.audit import audit_log
from assessments.services.revisions import revision_write
from tests import factories as f

pytestmark = pytest.mark.django_db
Role = Membership.Role
SMALL, LARGE = 2, 12
CAP = 30  # no list page needs more than this, whatever its length


def build(n: int) -> dict:
    """An assessment in consultation with n of everything that a list page lists."""
    framework = f.build_framework(domains=6, indicators_per_domain=n)
    assessment = f.AssessmentFactory(framework=framework, stage=Assessment.Stage.CONSULTATION)
    people = {r: f.UserFactory() for r in (Role.COORDINATOR, Role.CONSULTANT)}
    for r, user in people.items():
        f.MembershipFactory(user=user, assessment=assessment, role=r)
    subdomains = list({i.subdomain for i in framework.indicators.all()})
    for k in range(n):
        member = f.MembershipFactory(assessment=assessment, role=Role.FOCAL_POINT)
        f.AssignmentFactory(membership=member, subdomain=subdomains[k % len(subdomains)])
    consultant = people[Role.CONSULTANT]
    first = None
    for indicator in framework.indicators.order_by("order"):
        response = f.respond(assessment, indicator, status="accepted")
        first = first or response
        f.EvidenceFactory(response=response)
    for k in range(n):
        revision_write(response=first, author=consultant, action="save")
        audit_log(assessment=assessment, actor=consultant, action="stage.advance")
        f.CommentFactory(response=first, author=consultant)
        Comment.objects.create(
            assessment=assessment, section="domain-1", author=consultant, text="x"
        )
        f.ProfileVersionFactory(assessment=assessment, number=k + 1, published=k % 2 == 0)
    return {"assessment": assessment, "response": first, **people}


PAGES = {
    # url name: (who looks, url arguments from the world)
    "assessment-detail": (Role.CONSULTANT, lambda w: [w["assessment"].pk]),
    "people": (Role.COORDINATOR, lambda w: [w["assessment"].pk]),
    "assignments": (Role.COORDINATOR, lambda w: [w["assessment"].pk]),
    "response-history": (
        Role.CONSULTANT,
        lambda w: [w["assessment"].pk, w["response"].indicator.code],
    ),
    "review-response": (
        Role.CONSULTANT,
        lambda w: [w["assessment"].pk, w["response"].indicator.code],
    ),
    "activity": (Role.CONSULTANT, lambda w: [w["assessment"].pk]),
    "consultation": (Role.COORDINATOR, lambda w: [w["assessment"].pk]),
    "profile-versions": (Role.CONSULTANT, lambda w: [w["assessment"].pk]),
    "published-profiles": (Role.CONSULTANT, lambda w: []),
}


def queries(client, world, name) -> int:
    who, args = PAGES[name]
    client.force_login(world[who])
    url = reverse(f"assessments:{name}", args=args(world))
    client.get(url)  # warm caches that a first request fills (sessions, translations)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


@pytest.mark.parametrize("name", list(PAGES))
def test_list_page_queries_do_not_grow_with_its_length(client, name):
    small = queries(client, build(SMALL), name)
    large = queries(client, build(LARGE), name)
    assert large == small, (name, small, large)
    assert large <= CAP, (name, large)
