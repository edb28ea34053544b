"""The navigation's search finds only what the user may open."""

import re

import pytest
from django.urls import reverse

from tests import factories as f
from tests.conftest import ROLES

pytestmark = pytest.mark.django_db


@pytest.fixture
def laws(assessment, outsider):
    """One law in each country's registry, with the same words."""
    other = outsider.memberships.get().assessment
    return [
        f.LegalInstrumentFactory(country=assessment.country, title="Law on Migration, here"),
        f.LegalInstrumentFactory(country=other.country, title="Law on Migration, there"),
    ]


def _links(html: str) -> list[str]:
    lists = re.findall(r'<ul class="search-results">(.*?)</ul>', html, re.S)
    return [link for block in lists for link in re.findall(r'href="([^"]+)"', block)]


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("query", ["1.", "Indicator", "Law on Migration", "2022", "Kyrgyzstan"])
def test_search_never_returns_what_the_user_could_not_open(
    who, query, people, laws, client_for, assessment
):
    client = client_for(people[who])
    page = client.get(reverse("assessments:search"), {"q": query})
    assert page.status_code == 200
    links = _links(page.content.decode())
    for link in links:
        assert client.get(link).status_code == 200, link
    if who in ("consultant", "administrator"):
        assert links


def test_search_finds_an_indicator_by_code_a_law_by_words_and_an_assessment(
    consultant, laws, client_for, assessment, indicator
):
    html = client_for(consultant).get(reverse("assessments:search"), {"q": indicator.code})
    assert reverse("assessments:response-edit", args=[assessment.pk, indicator.code]) in _links(
        html.content.decode()
    )
    html = client_for(consultant).get(reverse("assessments:search"), {"q": "migration law"})
    assert _links(html.content.decode()) == [laws[0].get_absolute_url()]
    html = client_for(consultant).get(reverse("assessments:search"), {"q": "kyrgyzstan"})
    assert assessment.get_absolute_url() in _links(html.content.decode())


def test_a_focal_point_finds_only_assigned_indicators(
    focal_point, client_for, assessment, indicator, other_indicator
):
    html = client_for(focal_point).get(reverse("assessments:search"), {"q": "Indicator"})
    links = _links(html.content.decode())
    assert reverse("assessments:response-edit", args=[assessment.pk, indicator.code]) in links
    hidden = reverse("assessments:response-edit", args=[assessment.pk, other_indicator.code])
    assert hidden not in links


def test_the_search_box_is_in_the_navigation(consultant, client_for):
    html = client_for(consultant).get(reverse("assessments:my-work")).content.decode()
    assert 'role="search"' in html and 'for="nav-search"' in html


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    assert client.get(reverse("assessments:search"), {"q": "law"}).status_code == 302


def test_a_russian_reader_finds_an_indicator_by_russian_words_and_sees_its_russian_title(
    consultant, client_for, assessment, indicator
):
    indicator.translations = {"ru": {"title": "Доступ мигрантов к здравоохранению"}}
    indicator.save()
    client = client_for(consultant)
    client.post(reverse("assessments:language-set"), {"language": "ru"})
    html = client.get(reverse("assessments:search"), {"q": "здравоохранению"}).content.decode()
    assert reverse("assessments:response-edit", args=[assessment.pk, indicator.code]) in _links(
        html
    )
    assert "Доступ мигрантов к здравоохранению" in html


@pytest.mark.parametrize("assessments", [1, 6])
def test_search_runs_a_fixed_number_of_queries_however_many_assessments(
    assessments, client_for, consultant, framework, django_assert_max_num_queries
):
    for number in range(assessments - 1):
        other = f.AssessmentFactory(framework=framework, country__code=f"Q{number}")
        f.MembershipFactory(user=consultant, assessment=other, role="consultant")
    client = client_for(consultant)
    with django_assert_max_num_queries(7):
        page = client.get(reverse("assessments:search"), {"q": "Indicator"})
    assert len(_links(page.content.decode())) >= assessments
