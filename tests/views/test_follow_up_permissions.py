"""Issue 31 pages in the role x page matrix: starting a follow-up with its team, and the page
that confirms carried answers in one go."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from assessments.services import carry_over
from tests import factories as f
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def follow_up(assessment, framework, indicator):
    old = f.AssessmentFactory(framework=framework, country=assessment.country, year=2018)
    f.answer_with_evidence(old, indicator, level="partial")
    assessment.baseline = old
    assessment.save()
    carry_over.carry_over_baseline(assessment=assessment, actor=None)
    return assessment


# role -> expected status (ROLES order: focal point, coordinator, consultant, admin, outsider)
GET_EXPECTED = {
    "carried-confirm": [200, 200, 403, 403, 404],
    "assessment-new": [404, 404, 404, 200, 404],
    "assessment-new-team": [404, 404, 404, 200, 404],
}
POST_EXPECTED = {"carried-confirm": [302, 302, 403, 403, 404]}


def _url(name, follow_up):
    if name == "carried-confirm":
        return reverse(f"assessments:{name}", args=[follow_up.pk])
    return reverse(f"assessments:{name}")


@pytest.mark.parametrize("name", GET_EXPECTED)
def test_get_matrix(name, people, client_for, follow_up):
    for who, expected in zip(ROLES, GET_EXPECTED[name], strict=True):
        client_for(people[who])
        assert client_for(people[who]).get(_url(name, follow_up)).status_code == expected, who


@pytest.mark.parametrize("name", POST_EXPECTED)
def test_post_matrix(name, people, client_for, follow_up):
    r = follow_up.responses.get()
    for who, expected in zip(ROLES, POST_EXPECTED[name], strict=True):
        page = client_for(people[who]).post(
            _url(name, follow_up), {"answers": f"{r.pk}:{r.version}"}
        )
        assert page.status_code == expected, who


def test_anonymous_people_are_sent_to_sign_in(client, follow_up):
    for name in GET_EXPECTED:
        page = client.get(_url(name, follow_up))
        assert page.status_code == 302 and "login" in page.url


def test_a_consultant_in_the_group_may_open_the_new_page(client_for, consultant):
    consultant.groups.add(Group.objects.get(name="consultants"))
    assert client_for(consultant).get(reverse("assessments:assessment-new")).status_code == 200
