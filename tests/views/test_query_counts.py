"""Pages run a fixed number of queries however many indicators and evidence items there are."""

import pytest
from django.urls import reverse

from assessments.models import Membership, Response
from tests import factories as f

pytestmark = pytest.mark.django_db


def _assessment_with(indicators: int, evidence_per_response: int):
    framework = f.build_framework(domains=6, indicators_per_domain=max(1, indicators // 6))
    assessment = f.AssessmentFactory(framework=framework)
    user = f.UserFactory()
    membership = f.MembershipFactory(
        user=user, assessment=assessment, role=Membership.Role.FOCAL_POINT
    )
    for sub in {i.subdomain for i in framework.indicators.all()}:
        f.AssignmentFactory(membership=membership, subdomain=sub)
    first = None
    for indicator in framework.indicators.order_by("order"):
        response = Response.objects.create(
            assessment=assessment, indicator=indicator, status="draft", finding="Text."
        )
        first = first or response
        for _ in range(evidence_per_response):
            f.EvidenceFactory(response=response)
    return user, assessment, first


@pytest.mark.parametrize("size", [(12, 1), (90, 4)])
def test_indicator_page_queries_do_not_grow(client, django_assert_max_num_queries, size):
    user, assessment, response = _assessment_with(*size)
    client.force_login(user)
    url = reverse("assessments:response-edit", args=[assessment.pk, response.indicator.code])
    # 13, plus whether the user is in the "consultants" group (the navigation's dashboard link).
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("size", [(12, 0), (90, 0)])
def test_my_work_queries_do_not_grow(client, django_assert_max_num_queries, size):
    user, assessment, _ = _assessment_with(*size)
    client.force_login(user)
    # 7, plus the consultants group (navigation) and the invitations waiting for an answer.
    with django_assert_max_num_queries(9):
        page = client.get(reverse("assessments:my-work"))
    assert page.status_code == 200
    assert page.content.decode().count("list-group-item") == assessment.framework.indicators.count()
