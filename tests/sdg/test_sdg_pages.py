"""The SDG 10.7.2 page: who sees it, who overrides, the exports, and a constant query count."""

import pytest
from django.urls import reverse

from assessments.models import AuditEntry, SdgOverride
from tests.conftest import ROLES

from .conftest import Role, answer_levels

pytestmark = pytest.mark.django_db

PAGES = {
    "sdg": {r: 200 for r in ROLES} | {"outsider": 404},
    "sdg-xlsx": {r: 200 for r in ROLES} | {"outsider": 404},
    "sdg-csv": {r: 200 for r in ROLES} | {"outsider": 404},
}


def url_of(name, assessment):
    if name == "sdg":
        return reverse("assessments:sdg", args=[assessment.pk])
    return reverse("assessments:sdg-export", args=[assessment.pk, name.removeprefix("sdg-")])


@pytest.mark.parametrize("name", list(PAGES))
def test_anonymous_visitors_are_sent_to_the_login_page(name, client, assessment):
    response = client.get(url_of(name, assessment))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("who", ROLES)
def test_pages_answer_each_role_as_expected(name, who, people, client_for, assessment):
    response = client_for(people[who]).get(url_of(name, assessment))
    assert response.status_code == PAGES[name][who]


@pytest.mark.parametrize(
    ("who", "status"),
    [("focal_point", 403), ("consultant", 403), ("outsider", 404), ("coordinator", 302)],
)
def test_only_the_coordinator_may_override(who, status, people, client_for, assessment):
    from assessments.models import SdgSubcategory

    SdgSubcategory.objects.create(code="1a", domain=1, domain_name="Migrant rights", text="x")
    url = reverse("assessments:sdg-override", args=[assessment.pk, "1a"])
    response = client_for(people[who]).post(url, {"answer": "yes", "reason": "Law of 2021."})
    assert response.status_code == status
    assert SdgOverride.objects.count() == (1 if who == "coordinator" else 0)


def test_the_page_says_it_is_a_draft_and_never_a_score(sdg_assessment, sdg_people, client):
    answer_levels(sdg_assessment, ["developed"] * 4 + ["absent"])
    client.force_login(sdg_people[Role.FOCAL_POINT])
    page = client.get(reverse("assessments:sdg", args=[sdg_assessment.pk])).content.decode()
    assert "not an official figure" in page
    assert "at least half of the answered MGI indicators" in page
    assert "Meets" in page and "80 %" in page
    assert "score" not in page.lower()


def test_an_override_without_a_reason_is_refused_with_a_message(sdg_assessment, sdg_people, client):
    client.force_login(sdg_people[Role.COORDINATOR])
    url = reverse("assessments:sdg-override", args=[sdg_assessment.pk, "1b"])
    response = client.post(url, {"answer": "no", "reason": ""}, follow=True)
    assert "Say why the answer differs." in response.content.decode()
    assert not SdgOverride.objects.exists() and not AuditEntry.objects.exists()


@pytest.mark.parametrize("answered", [1, 5])
def test_the_page_takes_a_constant_number_of_queries(
    answered, sdg_assessment, sdg_people, client, django_assert_max_num_queries
):
    answer_levels(sdg_assessment, ["developed"] * answered)
    client.force_login(sdg_people[Role.COORDINATOR])
    with django_assert_max_num_queries(14):
        client.get(reverse("assessments:sdg", args=[sdg_assessment.pk]))
